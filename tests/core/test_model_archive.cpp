// Model archives (jobs/ModelArchive.h): a tiny BiLSTM-CRF run exported as one zip under "ner-run-<id>/" with
// its card (task, labels, per-type dev figures, the data fingerprint), imported into a fresh folder and
// predicting exactly what the original folder predicts; hostile archives ("../evil", an absolute path, a
// symbolic link, two top folders, a zip holding no model) refused naming the entry, writing nothing; runs
// without a checkpoint or without their folder refused; the CLI's export-model and import-model.
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

#include <quazip/quazip.h>

#include "NerCorpusTestSupport.h"
#include "ZipTestSupport.h"
#include "jobs/EngineDocuments.h"
#include "jobs/ModelArchive.h"
#include "jobs/PredictionJob.h"
#include "jobs/TrainingJob.h"
#include "store/ProjectStore.h"

using quarry::ModelRun;
using quarry::ProjectStore;
using quarry::RunStatus;
using quarry::Split;
using quarry::jobs::PredictionJob;
using quarry::jobs::PredictionOutcome;
using quarry::jobs::PredictionSpec;
using quarry::test::makeZip;
using quarry::test::readZipEntry;

namespace {

// Everything in `folder`, relative to it, sorted.
QStringList contentsOf(const QString& folder) {
  QStringList out;
  QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System,
                  QDirIterator::Subdirectories);
  while (it.hasNext()) out << QDir(folder).relativeFilePath(it.next());
  out.sort();
  return out;
}

QStringList zipEntries(const QString& zipPath) {
  QuaZip zip(zipPath);
  if (!zip.open(QuaZip::mdUnzip)) return {};
  QStringList names = zip.getFileNameList();
  names.sort();
  return names;
}

// What a model folder predicts for the project's dev documents, one line per entity.
QStringList predictionsOf(const QString& modelFolder, const quarry::jobs::DocumentSet& documents) {
  PredictionSpec spec;
  spec.modelFolder = modelFolder;
  spec.documents = documents;
  spec.threads = 1;
  const PredictionOutcome outcome = PredictionJob(spec).runHere();
  if (outcome.status != RunStatus::Finished || !outcome.results) return {outcome.errorText()};
  QStringList lines;
  for (const auto& d : outcome.results->predictions)
    for (const auto& e : d.entities)
      lines << QStringLiteral("%1 %2-%3 %4 %5")
                   .arg(QString::fromStdString(d.documentId))
                   .arg(e.start)
                   .arg(e.end)
                   .arg(QString::fromStdString(e.type))
                   .arg(e.confidence, 0, 'f', 5);
  return lines;
}

}  // namespace

Q_DECLARE_METATYPE(QVector<quarry::test::ZipEntry>)

class TestModelArchive : public QObject {
  Q_OBJECT
  SyntheticNerFolder m_folder;
  qint64 m_runId = 0;
  QString m_best;
  QString m_zip;

 private Q_SLOTS:
  void initTestCase() {
    const QString made = m_folder.make(40, 10);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    quarry::jobs::TrainingSpec spec;
    spec.projectPath = m_folder.project;
    spec.outputFolder = m_folder.path(QStringLiteral("p-models/run"));
    spec.config.task = "ner";
    spec.config.kind = quarry::train::ModelKind::FromScratch;
    spec.config.epochs = 6;
    spec.config.batchSize = 8;
    spec.config.lstmHidden = 16;
    spec.config.wordDim = 16;
    spec.config.patience = 0;
    spec.config.threads = 1;
    quarry::jobs::TrainingJob job(spec);
    QSignalSpy finished(&job, &quarry::jobs::TrainingJob::finished);
    QVERIFY(job.start());
    QVERIFY(finished.wait(120000));
    QVERIFY2(job.outcome().status == RunStatus::Finished, qPrintable(job.outcome().errorText()));
    m_runId = job.outcome().runId;
    m_best = job.outcome().bestFolder;
    m_zip = m_folder.path(QStringLiteral("model.zip"));
  }

  void exportsFolderAndCard() {
    auto store = ProjectStore::open(m_folder.project, quarry::OpenMode::ReadOnly);
    QVERIFY(store);
    QVERIFY2(quarry::jobs::exportModelArchive(*store.value(), m_runId, m_zip).ok(), "export failed");
    const QString top = QStringLiteral("ner-run-%1/").arg(m_runId);
    const QStringList entries = zipEntries(m_zip);
    QStringList expected;
    for (const QString& f : contentsOf(m_best)) expected << top + f;
    expected << top + QStringLiteral("README.md") << top + QStringLiteral("quarry_card.json");
    expected.sort();
    QCOMPARE(entries, expected);
    QVERIFY(entries.contains(top + QStringLiteral("quarry_ner.json")));
    QVERIFY(contentsOf(m_folder.path(QString())).filter(QStringLiteral("model.zip")).size() == 1);  // no temp

    const QJsonObject card =
        QJsonDocument::fromJson(readZipEntry(m_zip, top + QStringLiteral("quarry_card.json"))).object();
    const ModelRun run = store.value()->run(m_runId).value();
    QCOMPARE(card.value(QStringLiteral("task")).toString(), QStringLiteral("ner"));
    QCOMPARE(card.value(QStringLiteral("run_id")).toInteger(), m_runId);
    QCOMPARE(card.value(QStringLiteral("project")).toString(), QStringLiteral("p"));
    QCOMPARE(card.value(QStringLiteral("transformer")).toBool(), false);
    const QJsonArray labels = card.value(QStringLiteral("labels")).toArray();
    QVERIFY2(labels.contains(QStringLiteral("DISEASE")) && labels.contains(QStringLiteral("DRUG")) &&
                 labels.size() == 2,
             QJsonDocument(labels).toJson().constData());
    const QJsonObject perType =
        card.value(QStringLiteral("dev_metrics")).toObject().value(QStringLiteral("per_type")).toObject();
    QVERIFY(perType.value(QStringLiteral("DISEASE")).toObject().value(QStringLiteral("f1")).isDouble());
    const QString fingerprint = run.data.value(QStringLiteral("fingerprint")).toString();
    QVERIFY(!fingerprint.isEmpty());
    const QJsonObject lineage = card.value(QStringLiteral("lineage")).toObject();
    QCOMPARE(lineage.value(QStringLiteral("fingerprint")).toString(), fingerprint);
    const int recorded = int(store.value()->runAnnotations(m_runId).value().size());
    QVERIFY(recorded > 0);
    QCOMPARE(lineage.value(QStringLiteral("documents")).toInt() +
                 lineage.value(QStringLiteral("annotations")).toInt(),
             recorded);
    QCOMPARE(card.value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("train"))
                 .toObject()
                 .value(QStringLiteral("documents")),
             run.data.value(QStringLiteral("train")).toObject().value(QStringLiteral("documents")));
    QCOMPARE(card.value(QStringLiteral("config")).toObject(), run.config);
    QCOMPARE(card.value(QStringLiteral("quarry_version")).toString(), QStringLiteral(QUARRY_VERSION));

    const QString readme = QString::fromUtf8(readZipEntry(m_zip, top + QStringLiteral("README.md")));
    QVERIFY(readme.startsWith(QStringLiteral("---\nlibrary_name: quarry\ntags:\n- quarry\n- \"ner\"\n")));
    QVERIFY(!readme.contains(QStringLiteral("pipeline_tag")));
    QVERIFY(readme.contains(QStringLiteral("| DISEASE | ")));
    QVERIFY(readme.contains(QStringLiteral("| DRUG | ")));
    QVERIFY(readme.contains(fingerprint));
    QVERIFY(readme.contains(QStringLiteral("quarry-cli predict ner-run-%1").arg(m_runId)));
    QVERIFY(readme.contains(QStringLiteral("\"epochs\": 6")));
  }

  void importedFolderPredictsTheSame() {
    QVERIFY(QFileInfo::exists(m_zip));
    QTemporaryDir fresh;
    const QString destination = fresh.filePath(QStringLiteral("models"));
    quarry::Result<QString> imported = quarry::jobs::importModelArchive(m_zip, destination);
    QVERIFY2(imported, imported ? "" : imported.error().toString().c_str());
    QCOMPARE(imported.value(), QDir(destination).filePath(QStringLiteral("ner-run-%1").arg(m_runId)));
    QCOMPARE(contentsOf(destination).size(), contentsOf(m_best).size() + 3);  // the folder, README, card

    auto store = ProjectStore::open(m_folder.project, quarry::OpenMode::ReadOnly);
    QVERIFY(store);
    auto dev = quarry::jobs::documentsFromStore(*store.value(), {Split::Dev});
    QVERIFY(dev);
    const QStringList original = predictionsOf(m_best, dev.value());
    QVERIFY(!original.isEmpty());
    QCOMPARE(predictionsOf(imported.value(), dev.value()), original);

    // Once there, the folder is not replaced.
    quarry::Result<QString> again = quarry::jobs::importModelArchive(m_zip, destination);
    QVERIFY(!again);
    QVERIFY(QString::fromStdString(again.error().message).contains(QStringLiteral("already exists")));
  }

  void refusesHostileArchives_data() {
    QTest::addColumn<QVector<quarry::test::ZipEntry>>("entries");
    QTest::addColumn<QString>("entry");
    const QByteArray ner = "{}";
    QTest::newRow("dot-dot") << QVector<quarry::test::ZipEntry>{{QStringLiteral("m/quarry_ner.json"), ner},
                                                                {QStringLiteral("../evil"), "x"}}
                             << QStringLiteral("../evil");
    QTest::newRow("absolute") << QVector<quarry::test::ZipEntry>{{QStringLiteral("/tmp/evil"), "x"}}
                              << QStringLiteral("/tmp/evil");
    QTest::newRow("symlink") << QVector<quarry::test::ZipEntry>{{QStringLiteral("m/quarry_ner.json"), ner},
                                                                {QStringLiteral("m/link"), "/etc/passwd",
                                                                 0120777}}
                             << QStringLiteral("m/link");
    QTest::newRow("two top folders")
        << QVector<quarry::test::ZipEntry>{{QStringLiteral("m/quarry_ner.json"), ner},
                                           {QStringLiteral("n/quarry_ner.json"), ner}}
        << QStringLiteral("n/quarry_ner.json");
    QTest::newRow("loose file") << QVector<quarry::test::ZipEntry>{{QStringLiteral("quarry_ner.json"), ner}}
                                << QStringLiteral("quarry_ner.json");
    QTest::newRow("not a model") << QVector<quarry::test::ZipEntry>{{QStringLiteral("m/notes.txt"), "hello"}}
                                 << QStringLiteral("m/");
  }

  void refusesHostileArchives() {
    QFETCH(QVector<quarry::test::ZipEntry>, entries);
    QFETCH(QString, entry);
    QTemporaryDir dir;
    const QString zip = dir.filePath(QStringLiteral("hostile.zip"));
    QVERIFY(makeZip(zip, entries));
    const QString destination = dir.filePath(QStringLiteral("inside/models"));
    quarry::Result<QString> imported = quarry::jobs::importModelArchive(zip, destination);
    QVERIFY(!imported);
    QCOMPARE(QString::fromStdString(imported.error().file), zip);
    QCOMPARE(QString::fromStdString(imported.error().field), entry);
    QCOMPARE(contentsOf(dir.path()), QStringList{QStringLiteral("hostile.zip")});  // nothing written anywhere
    QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/evil")) || entry != QLatin1String("/tmp/evil"));
  }

  void refusesRunsWithoutModel() {
    auto store = ProjectStore::open(m_folder.project, quarry::OpenMode::ReadWrite);
    QVERIFY(store);
    ModelRun pending;
    pending.task = QStringLiteral("ner");
    pending.name = QStringLiteral("never trained");
    const qint64 noCheckpoint = store.value()->createRun(pending).value();
    pending.checkpointPath = m_folder.path(QStringLiteral("gone/best"));
    const qint64 gone = store.value()->createRun(pending).value();
    const QString zip = m_folder.path(QStringLiteral("refused.zip"));

    quarry::Status s = quarry::jobs::exportModelArchive(*store.value(), noCheckpoint, zip);
    QVERIFY(!s);
    QVERIFY(QString::fromStdString(s.error().message).contains(QStringLiteral("no checkpoint")));
    QCOMPARE(QString::fromStdString(s.error().file), m_folder.project);
    s = quarry::jobs::exportModelArchive(*store.value(), gone, zip);
    QVERIFY(!s);
    QCOMPARE(QString::fromStdString(s.error().file), pending.checkpointPath);
    QVERIFY(!QFileInfo::exists(zip));
  }

  void commandLine() {
    const QString zip = m_folder.path(QStringLiteral("cli.zip"));
    CliRun r = cli({QStringLiteral("export-model"), QStringLiteral("--project"), m_folder.project,
                    QStringLiteral("--run"), QString::number(m_runId), zip});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QFileInfo::exists(zip));
    const QString destination = m_folder.path(QStringLiteral("cli-models"));
    r = cli({QStringLiteral("import-model"), zip, destination});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.out.trimmed(), QDir(destination).filePath(QStringLiteral("ner-run-%1").arg(m_runId)));
    r = cli({QStringLiteral("export-model"), QStringLiteral("--project"), m_folder.project, zip});
    QCOMPARE(r.code, 2);  // no --run
  }
};

QTEST_GUILESS_MAIN(TestModelArchive)
#include "test_model_archive.moc"
