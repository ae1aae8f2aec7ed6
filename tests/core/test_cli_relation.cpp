// quarry-cli train / evaluate / predict / cv --task relation in-process: from SemEval-2010 Task 8 files and
// from a project, the official score as the primary metric, the model folder scoring what training reported,
// errors listed, relation predictions reaching JSONL and the predictions table, and the end-to-end pipeline
// with a NER model finding the entities.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include "CliTestSupport.h"
#include "TaskCorpusTestSupport.h"
#include "store/ProjectStore.h"

using task_corpus::writeSemEval;

class TestCliRelation : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void fromFiles() {
    QTemporaryDir dir;
    const QString trainFile = dir.filePath(QStringLiteral("train.txt")), devFile = dir.filePath(QStringLiteral("dev.txt"));
    writeSemEval(trainFile, 150, 1, 1);
    writeSemEval(devFile, 45, 2, 1000);
    const QString out = dir.filePath(QStringLiteral("model"));
    CliRun t = cli({QStringLiteral("train"), QStringLiteral("--task"), QStringLiteral("relation"), QStringLiteral("--train"),
                    trainFile, QStringLiteral("--dev"), devFile, QStringLiteral("--output"), out, QStringLiteral("--set"),
                    QStringLiteral("epochs=10"), QStringLiteral("--set"), QStringLiteral("relation_filters=32"),
                    QStringLiteral("--set"), QStringLiteral("word_dim=24"), QStringLiteral("--set"),
                    QStringLiteral("learning_rate=0.005"), QStringLiteral("--json")});
    QVERIFY2(t.code == 0, qPrintable(t.err));
    const QJsonObject result = QJsonDocument::fromJson(t.out.toUtf8()).object();
    QCOMPARE(result.value(QStringLiteral("task")).toString(), QStringLiteral("relation"));
    const QJsonObject metrics = result.value(QStringLiteral("metrics")).toObject();
    QCOMPARE(metrics.value(QStringLiteral("primary_metric")).toString(), QStringLiteral("official_macro_f1"));
    const double official = metrics.value(QStringLiteral("primary")).toDouble();
    QVERIFY2(official > 0.9, qPrintable(t.out));
    QVERIFY(metrics.contains(QStringLiteral("semeval")) && metrics.contains(QStringLiteral("per_type")));

    CliRun e = cli({QStringLiteral("evaluate"), out + QStringLiteral("/best"), QStringLiteral("--data"), devFile,
                    QStringLiteral("--json")});
    QVERIFY2(e.code == 0, qPrintable(e.err));
    const QJsonObject eval = QJsonDocument::fromJson(e.out.toUtf8()).object();
    QCOMPARE(eval.value(QStringLiteral("task")).toString(), QStringLiteral("relation"));
    QCOMPARE(eval.value(QStringLiteral("entities")).toString(), QStringLiteral("gold"));
    QCOMPARE(eval.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("primary")).toDouble(), official);
    CliRun table = cli({QStringLiteral("evaluate"), out + QStringLiteral("/best"), QStringLiteral("--data"), devFile,
                        QStringLiteral("--errors"), QStringLiteral("5")});
    QVERIFY2(table.code == 0 && table.out.contains(QStringLiteral("official score")) &&
                 table.out.contains(QStringLiteral("wrong direction")),
             qPrintable(table.out));

    // End to end: a NER model finds the nominals, then the relation model reads their pairs.
    const QString ner = dir.filePath(QStringLiteral("ner"));
    CliRun n = cli({QStringLiteral("train"), QStringLiteral("--train"), trainFile, QStringLiteral("--dev"), devFile,
                    QStringLiteral("--output"), ner, QStringLiteral("--set"), QStringLiteral("epochs=6"), QStringLiteral("--json")});
    QVERIFY2(n.code == 0, qPrintable(n.err));
    CliRun e2e = cli({QStringLiteral("evaluate"), out + QStringLiteral("/best"), QStringLiteral("--data"), devFile,
                      QStringLiteral("--ner-model"), ner + QStringLiteral("/best"), QStringLiteral("--json")});
    QVERIFY2(e2e.code == 0, qPrintable(e2e.err));
    const QJsonObject e2eJson = QJsonDocument::fromJson(e2e.out.toUtf8()).object();
    QCOMPARE(e2eJson.value(QStringLiteral("entities")).toString(), QStringLiteral("predicted"));
    const double endToEndF1 =
        e2eJson.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("micro")).toObject().value(QStringLiteral("f1")).toDouble();
    QVERIFY2(endToEndF1 > 0.5, qPrintable(e2e.out));
    CliRun wrongNer = cli({QStringLiteral("evaluate"), out + QStringLiteral("/best"), QStringLiteral("--data"), devFile,
                           QStringLiteral("--ner-model"), out + QStringLiteral("/best")});
    QVERIFY2(wrongNer.code != 0 && wrongNer.err.contains(QStringLiteral("not a NER model")), qPrintable(wrongNer.err));

    // Text files: relations between the entities the NER model finds.
    const QString note = dir.filePath(QStringLiteral("note.txt")), jsonl = dir.filePath(QStringLiteral("pred.jsonl"));
    QFile text(note);
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("The fever is caused by virus today.\n");
    text.close();
    CliRun noNer = cli({QStringLiteral("predict"), out + QStringLiteral("/best"), note, QStringLiteral("--output"), jsonl});
    QCOMPARE(noNer.code, 2);
    CliRun p = cli({QStringLiteral("predict"), out + QStringLiteral("/best"), note, QStringLiteral("--output"), jsonl,
                    QStringLiteral("--ner-model"), ner + QStringLiteral("/best")});
    QVERIFY2(p.code == 0, qPrintable(p.err));
    QFile lines(jsonl);
    QVERIFY(lines.open(QIODevice::ReadOnly));
    const QJsonObject line = QJsonDocument::fromJson(lines.readLine()).object();
    const QJsonArray entities = line.value(QStringLiteral("entities")).toArray();
    const QJsonArray relations = line.value(QStringLiteral("relations")).toArray();
    QVERIFY2(entities.size() == 2 && relations.size() == 1, QJsonDocument(line).toJson().constData());
    const QJsonObject r = relations.first().toObject();
    QCOMPARE(r.value(QStringLiteral("label")).toString(), QStringLiteral("Cause-Effect"));
    QCOMPARE(entities.at(r.value(QStringLiteral("head")).toInt()).toObject().value(QStringLiteral("text")).toString(),
             QStringLiteral("virus"));  // the cause is the head, though it comes second

    CliRun cv = cli({QStringLiteral("cv"), QStringLiteral("--task"), QStringLiteral("relation"), QStringLiteral("--data"),
                     trainFile, QStringLiteral("--folds"), QStringLiteral("3"), QStringLiteral("--output"),
                     dir.filePath(QStringLiteral("cv")), QStringLiteral("--set"), QStringLiteral("epochs=6"),
                     QStringLiteral("--set"), QStringLiteral("relation_filters=32"), QStringLiteral("--json")});
    QVERIFY2(cv.code == 0, qPrintable(cv.err));
    const QJsonObject cvj = QJsonDocument::fromJson(cv.out.toUtf8()).object();
    QCOMPARE(cvj.value(QStringLiteral("task")).toString(), QStringLiteral("relation"));
    QCOMPARE(cvj.value(QStringLiteral("folds")).toArray().size(), 3);
    QCOMPARE(cvj.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("primary_metric")).toString(),
             QStringLiteral("official_macro_f1"));
    QVERIFY2(cvj.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("primary")).toDouble() > 0.8, qPrintable(cv.out));

    CliRun help = cli({QStringLiteral("train"), QStringLiteral("--task"), QStringLiteral("relation"), QStringLiteral("--help-config")});
    QVERIFY(help.code == 0 && help.out.contains(QStringLiteral("negative_ratio")) && help.out.contains(QStringLiteral("relation_window")) &&
            !help.out.contains(QStringLiteral("ngram_dim")));
  }

  void fromProject() {
    QTemporaryDir dir;
    const QString trainFile = dir.filePath(QStringLiteral("train.txt")), devFile = dir.filePath(QStringLiteral("dev.txt"));
    writeSemEval(trainFile, 120, 3, 1);
    writeSemEval(devFile, 20, 4, 1000);
    const QString project = dir.filePath(QStringLiteral("p.quarry"));
    QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
    CliRun i1 = cli({QStringLiteral("import"), project, trainFile, QStringLiteral("--split"), QStringLiteral("train")});
    QVERIFY2(i1.code == 0, qPrintable(i1.err));
    CliRun i2 = cli({QStringLiteral("import"), project, devFile, QStringLiteral("--split"), QStringLiteral("dev")});
    QVERIFY2(i2.code == 0, qPrintable(i2.err));
    const QString out = dir.filePath(QStringLiteral("model"));
    CliRun t = cli({QStringLiteral("train"), QStringLiteral("--task"), QStringLiteral("relation"), QStringLiteral("--project"),
                    project, QStringLiteral("--output"), out, QStringLiteral("--set"), QStringLiteral("epochs=8"),
                    QStringLiteral("--set"), QStringLiteral("relation_filters=32"), QStringLiteral("--json")});
    QVERIFY2(t.code == 0, qPrintable(t.err));
    auto store = quarry::ProjectStore::open(project, quarry::OpenMode::ReadOnly);
    QVERIFY(store.ok());
    auto runs = store.value()->listRuns();
    QVERIFY(runs.ok() && runs->size() == 1);
    QVERIFY2(runs->front().name.startsWith(QStringLiteral("Relations")), qPrintable(runs->front().name));
    QCOMPARE(runs->front().metrics.value(QStringLiteral("task")).toString(), QStringLiteral("relation"));
    store.value().reset();

    CliRun p = cli({QStringLiteral("predict"), out + QStringLiteral("/best"), QStringLiteral("--project"), project,
                    QStringLiteral("--split"), QStringLiteral("dev")});
    QVERIFY2(p.code == 0 && p.out.contains(QStringLiteral("in 20 documents")), qPrintable(p.out + p.err));
    auto reopened = quarry::ProjectStore::open(project, quarry::OpenMode::ReadOnly);
    auto list = reopened.value()->listDocuments({});
    QVERIFY(list.ok());
    int relations = 0;
    for (const auto& d : list.value()) {
      auto rows = reopened.value()->predictionsForDocument(d.id);
      QVERIFY(rows.ok());
      for (const auto& r : rows.value()) {
        if (r.kind == QLatin1String("uncertainty")) continue;  // one per document
        QCOMPARE(r.kind, QStringLiteral("relation"));
        QVERIFY(r.confidence > 0 && r.confidence <= 1);
        QVERIFY(r.payload.value(QStringLiteral("head")).toObject().contains(QStringLiteral("start")));
        ++relations;
      }
    }
    QVERIFY2(relations >= 18, qPrintable(QString::number(relations)));  // every dev sentence holds one (Other included)
  }
};

QTEST_GUILESS_MAIN(TestCliRelation)
#include "test_cli_relation.moc"
