// quarry-cli check in-process: split leakage on a project whose dev repeats train (exactly and nearly), the
// group-aware re-split (proposed, then written in one transaction, after which nothing leaks), the same
// from --data files, and label consistency with the guideline of the types involved; the refusals.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "CliTestSupport.h"
#include "NerCorpusTestSupport.h"
#include "store/ProjectStore.h"

namespace {

const char* kPatient =
    "The patient presented with acute abdominal pain radiating to the back and nausea since yesterday evening.";
const char* kPatientEdited =
    "The patient presented with acute abdominal pain radiating to the back and vomiting since yesterday evening.";
const char* kAspirin = "Aspirin irreversibly inhibits cyclooxygenase enzymes in platelets for their whole lifetime.";

void write(const QString& path, const QByteArray& content) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(content);
}

QByteArray line(const QString& name, const QString& split, const QString& text, const QByteArray& spans = "[]") {
  return "{\"text\": " + QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact).mid(1).chopped(1) +
         ", \"meta\": {\"name\": \"" + name.toUtf8() + "\", \"split\": \"" + split.toUtf8() + "\"}, \"spans\": " + spans +
         "}\n";
}

// Train: the patient note, aspirin, six others; dev: the patient note edited, aspirin re-cased, two others.
QString leakyCorpus(const QTemporaryDir& dir) {
  QByteArray jsonl;
  jsonl += line(QStringLiteral("t-patient"), QStringLiteral("train"), QString::fromUtf8(kPatient));
  jsonl += line(QStringLiteral("t-aspirin"), QStringLiteral("train"), QString::fromUtf8(kAspirin));
  for (int i = 0; i < 6; ++i)
    jsonl += line(QStringLiteral("t-%1").arg(i), QStringLiteral("train"),
                  QStringLiteral("Training note number %1 describes a different case of gout in detail %2.").arg(i).arg(i * 7));
  jsonl += line(QStringLiteral("d-patient"), QStringLiteral("dev"), QString::fromUtf8(kPatientEdited));
  jsonl += line(QStringLiteral("d-aspirin"), QStringLiteral("dev"), QString::fromUtf8(kAspirin).toUpper());
  for (int i = 0; i < 2; ++i)
    jsonl += line(QStringLiteral("d-%1").arg(i), QStringLiteral("dev"),
                  QStringLiteral("Development record %1 reports migraine with aura lasting %2 hours.").arg(i).arg(i + 3));
  const QString path = dir.filePath(QStringLiteral("notes.jsonl"));
  write(path, jsonl);
  return path;
}

QJsonObject json(const CliRun& r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }

QJsonObject splitRow(const QJsonObject& report, const QString& split) {
  for (const QJsonValue& v : report.value(QStringLiteral("splits")).toArray())
    if (v.toObject().value(QStringLiteral("split")).toString() == split) return v.toObject();
  return {};
}

}  // namespace

class TestCliCheck : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void leakageAcrossSplitsAndGroupAwareResplit() {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.quarry"));
    QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
    QCOMPARE(cli({QStringLiteral("import"), project, leakyCorpus(dir)}).code, 0);

    const QStringList base{QStringLiteral("check"), QStringLiteral("leakage"), project, QStringLiteral("--threshold"),
                           QStringLiteral("0.6"), QStringLiteral("--shingle"), QStringLiteral("3")};
    CliRun r = cli(base + QStringList{QStringLiteral("--json")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QJsonObject report = json(r);
    QCOMPARE(report.value(QStringLiteral("cross_split_pairs")).toInt(), 2);
    QCOMPARE(report.value(QStringLiteral("exact_pairs")).toInt(), 1);
    QCOMPARE(splitRow(report, QStringLiteral("dev")).value(QStringLiteral("leaked_documents")).toInt(), 2);
    QCOMPARE(splitRow(report, QStringLiteral("train")).value(QStringLiteral("documents")).toInt(), 8);
    const QJsonArray pairs = report.value(QStringLiteral("pairs")).toArray();
    QCOMPARE(pairs[0].toObject().value(QStringLiteral("first")).toObject().value(QStringLiteral("document")).toString(),
             QStringLiteral("t-aspirin"));  // the exact pair first (similarity 1)
    QCOMPARE(pairs[1].toObject().value(QStringLiteral("second")).toObject().value(QStringLiteral("document")).toString(),
             QStringLiteral("d-patient"));
    QCOMPARE(report.value(QStringLiteral("sentences")).toArray().size(), 1);  // aspirin's one sentence

    // The text report says the same, and --strict fails on it.
    r = cli(base);
    QVERIFY2(r.out.contains(QStringLiteral("pairs across splits: 2 (1 exact, 1 near)")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("t-aspirin")) && r.out.contains(QStringLiteral("d-patient")), qPrintable(r.out));
    QCOMPARE(cli(base + QStringList{QStringLiteral("--strict")}).code, 1);

    // A re-split proposed: nothing written.
    const QStringList resplit = base + QStringList{QStringLiteral("--resplit"), QStringLiteral("train=0.6,dev=0.4"),
                                                   QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--json")};
    r = cli(resplit);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QJsonObject proposed = json(r).value(QStringLiteral("resplit")).toObject();
    QCOMPARE(proposed.value(QStringLiteral("applied")).toBool(), false);
    QCOMPARE(proposed.value(QStringLiteral("documents")).toObject().value(QStringLiteral("train")).toInt(), 7);
    QCOMPARE(proposed.value(QStringLiteral("groups_kept_whole")).toInt(), 2);
    QCOMPARE(json(cli(base + QStringList{QStringLiteral("--json")})).value(QStringLiteral("cross_split_pairs")).toInt(), 2);

    // Written: one transaction; then no pair crosses splits, and the proportions are those asked.
    r = cli(resplit + QStringList{QStringLiteral("--apply"), QStringLiteral("--annotator"), QStringLiteral("curator")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(json(r).value(QStringLiteral("resplit")).toObject().value(QStringLiteral("applied")).toBool(), true);
    report = json(cli(base + QStringList{QStringLiteral("--json")}));
    QCOMPARE(report.value(QStringLiteral("cross_split_pairs")).toInt(), 0);
    QCOMPARE(report.value(QStringLiteral("within_split_pairs")).toInt(), 2);
    QCOMPARE(splitRow(report, QStringLiteral("train")).value(QStringLiteral("documents")).toInt(), 7);
    QCOMPARE(splitRow(report, QStringLiteral("dev")).value(QStringLiteral("documents")).toInt(), 5);
    QCOMPARE(cli(base + QStringList{QStringLiteral("--strict")}).code, 0);
    auto store = quarry::ProjectStore::open(project, quarry::OpenMode::ReadOnly);
    QVERIFY(store.ok());
    auto annotators = store.value()->annotators();
    QVERIFY(annotators.ok() && annotators->contains(QStringLiteral("curator")));
  }

  void leakageFromFilesAndRefusals() {
    QTemporaryDir dir;
    const QString train = dir.filePath(QStringLiteral("train.txt")), dev = dir.filePath(QStringLiteral("dev.txt"));
    write(train, QByteArray(kPatient) + "\n");  // a plain text file is one document
    write(dev, QByteArray(kPatientEdited) + "\n");
    CliRun r = cli({QStringLiteral("check"), QStringLiteral("leakage"), QStringLiteral("--data"), QStringLiteral("train=") + train,
                    QStringLiteral("--data"), dev, QStringLiteral("--threshold"), QStringLiteral("0.6"),
                    QStringLiteral("--shingle"), QStringLiteral("3"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject report = json(r);
    QCOMPARE(report.value(QStringLiteral("cross_split_pairs")).toInt(), 1);
    QCOMPARE(splitRow(report, QStringLiteral("dev")).value(QStringLiteral("leaked_documents")).toInt(), 1);

    QCOMPARE(cli({QStringLiteral("check"), QStringLiteral("leakage"), QStringLiteral("--data"), dev, QStringLiteral("--resplit"),
                  QStringLiteral("current"), QStringLiteral("--apply")})
                 .code,
             2);  // --apply needs a project
    CliRun bad = cli({QStringLiteral("check"), QStringLiteral("leakage"), QStringLiteral("--data"), dev,
                      QStringLiteral("--threshold"), QStringLiteral("1.5")});
    QCOMPARE(bad.code, 2);
    QVERIFY2(bad.err.contains(QStringLiteral("--threshold")), qPrintable(bad.err));
    QCOMPARE(cli({QStringLiteral("check"), QStringLiteral("duplicates"), QStringLiteral("--data"), dev}).code, 2);
    QCOMPARE(cli({QStringLiteral("check"), QStringLiteral("leakage")}).code, 2);
    CliRun missing = cli({QStringLiteral("check"), QStringLiteral("consistency"), dir.filePath(QStringLiteral("none.quarry"))});
    QCOMPARE(missing.code, 1);
    QVERIFY2(missing.err.contains(QStringLiteral("none.quarry")), qPrintable(missing.err));
  }

  void consistencyWithGuidelines() {
    QTemporaryDir dir;
    QByteArray jsonl;
    jsonl += line(QStringLiteral("a"), QStringLiteral("train"), QStringLiteral("Mutations of APC cause polyposis."),
                  "[{\"start\": 13, \"end\": 16, \"label\": \"DISEASE\"}, {\"start\": 23, \"end\": 32, \"label\": \"DISEASE\"}]");
    jsonl += line(QStringLiteral("b"), QStringLiteral("train"), QStringLiteral("The APC gene was sequenced."),
                  "[{\"start\": 4, \"end\": 7, \"label\": \"GENE\"}]");
    jsonl += line(QStringLiteral("c"), QStringLiteral("dev"), QStringLiteral("Loss of APC and polyposis again."),
                  "[{\"start\": 8, \"end\": 11, \"label\": \"DISEASE\"}]");
    const QString path = dir.filePath(QStringLiteral("genes.jsonl"));
    write(path, jsonl);
    write(path + QStringLiteral(".schema.json"),
          "{\"entity_types\": [{\"name\": \"DISEASE\", \"guideline\": {\"definition\": \"A disease, never the gene "
          "named after it.\\n\\nMore detail.\"}}, {\"name\": \"GENE\", \"guideline\": {\"definition\": \"A gene symbol.\"}}]}");
    const QString project = dir.filePath(QStringLiteral("g.quarry"));
    QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
    QCOMPARE(cli({QStringLiteral("import"), project, path}).code, 0);

    CliRun r = cli({QStringLiteral("check"), QStringLiteral("consistency"), project, QStringLiteral("--json")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject report = json(r);
    QCOMPARE(report.value(QStringLiteral("type_conflicts")).toInt(), 1);
    const QJsonArray entities = report.value(QStringLiteral("entities")).toArray();
    QCOMPARE(entities.size(), 2);  // "apc" (DISEASE 2, GENE 1) and "polyposis" (DISEASE 1, none 1)
    const QJsonObject apc = entities[0].toObject();
    QCOMPARE(apc.value(QStringLiteral("key")).toString(), QStringLiteral("apc"));
    QCOMPARE(apc.value(QStringLiteral("labels")).toObject().value(QStringLiteral("DISEASE")).toInt(), 2);
    QCOMPARE(apc.value(QStringLiteral("labels")).toObject().value(QStringLiteral("GENE")).toInt(), 1);
    QCOMPARE(apc.value(QStringLiteral("guidelines")).toObject().value(QStringLiteral("DISEASE")).toString(),
             QStringLiteral("A disease, never the gene named after it."));
    const QJsonArray occurrences = apc.value(QStringLiteral("occurrences")).toArray();
    QCOMPARE(occurrences.size(), 3);
    QCOMPARE(occurrences[1].toObject().value(QStringLiteral("document")).toString(), QStringLiteral("b"));
    QVERIFY(occurrences[1].toObject().value(QStringLiteral("document_id")).toInteger() > 0);
    const QJsonObject polyposis = entities[1].toObject();
    QCOMPARE(polyposis.value(QStringLiteral("labels")).toObject().value(QStringLiteral("none")).toInt(), 1);
    QCOMPARE(polyposis.value(QStringLiteral("occurrences")).toArray()[1].toObject().value(QStringLiteral("start")).toInt(), 16);

    // Only the train split: "polyposis" occurs once, no finding.
    const QJsonObject trainOnly = json(cli({QStringLiteral("check"), QStringLiteral("consistency"), project,
                                            QStringLiteral("--split"), QStringLiteral("train"), QStringLiteral("--json")}));
    QCOMPARE(trainOnly.value(QStringLiteral("entities")).toArray().size(), 1);
    // The text report shows the contexts and the guideline.
    r = cli({QStringLiteral("check"), QStringLiteral("consistency"), project});
    QVERIFY2(r.out.contains(QStringLiteral("\"apc\": DISEASE 2, GENE 1 (disagreement 1)")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("The [[APC]] gene was sequenced.")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("guideline DISEASE: A disease, never the gene named after it.")), qPrintable(r.out));
    QCOMPARE(cli({QStringLiteral("check"), QStringLiteral("consistency"), project, QStringLiteral("--strict")}).code, 1);

    // Marked as intended: hidden from later checks (recorded with the annotator), listed again with --all,
    // shown again once unmarked.
    CliRun marked = cli({QStringLiteral("check"), QStringLiteral("consistency"), project, QStringLiteral("--mark-intended"),
                         QStringLiteral("entity:polyposis"), QStringLiteral("--annotator"), QStringLiteral("curator"),
                         QStringLiteral("--json")});
    QVERIFY2(marked.code == 0, qPrintable(marked.err));
    QCOMPARE(json(marked).value(QStringLiteral("entities")).toArray().size(), 1);
    QCOMPARE(json(marked).value(QStringLiteral("hidden_as_intended")).toInt(), 1);
    const QJsonObject all = json(cli({QStringLiteral("check"), QStringLiteral("consistency"), project, QStringLiteral("--all"),
                                      QStringLiteral("--json")}));
    QCOMPARE(all.value(QStringLiteral("entities")).toArray().size(), 2);
    QVERIFY(all.value(QStringLiteral("entities")).toArray()[1].toObject().value(QStringLiteral("intended")).toBool());
    QCOMPARE(json(cli({QStringLiteral("check"), QStringLiteral("consistency"), project, QStringLiteral("--unmark"),
                       QStringLiteral("entity:polyposis"), QStringLiteral("--json")}))
                 .value(QStringLiteral("entities"))
                 .toArray()
                 .size(),
             2);
    QCOMPARE(cli({QStringLiteral("check"), QStringLiteral("consistency"), project, QStringLiteral("--mark-intended"),
                  QStringLiteral("span:x")})
                 .code,
             2);
  }

  // A BiLSTM-CRF trained on the synthetic NER project: its unassigned documents (more of the same) do not
  // drift; sentences of another domain (every word unknown, nothing to label, longer) do, from files too.
  void driftOfATrainedModel() {
    SyntheticNerFolder f;
    const QString made = f.make(80, 40);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QString model = f.path(QStringLiteral("model"));
    CliRun t = cli({QStringLiteral("train"), QStringLiteral("--project"), f.project, QStringLiteral("--from-scratch"),
                    QStringLiteral("--output"), model, QStringLiteral("--set"), QStringLiteral("epochs=20"),
                    QStringLiteral("--set"), QStringLiteral("dropout=0.1"),
                    QStringLiteral("--set"), QStringLiteral("batch_size=8"), QStringLiteral("--set"),
                    QStringLiteral("lstm_hidden=16"), QStringLiteral("--set"), QStringLiteral("word_dim=16")});
    QVERIFY2(t.code == 0, qPrintable(t.err));
    QVERIFY2(t.out.contains(QStringLiteral("DISEASE")), qPrintable(t.out));
    const QString incoming = f.path(QStringLiteral("incoming.tsv"));
    write(incoming, syntheticNerConll(60, 5));
    QCOMPARE(cli({QStringLiteral("import"), f.project, incoming}).code, 0);
    QByteArray legal;
    for (int i = 0; i < 60; ++i)
      legal += "the\tO\ntenant\tO\nshall\tO\npay\tO\nthe\tO\nrent\tO\non\tO\nday\tO\n" +
               QByteArray::number(i % 28 + 1) + "\tO\nof\tO\neach\tO\nmonth\tO\n.\tO\n\n";
    const QString lease = f.path(QStringLiteral("lease.tsv"));
    write(lease, legal);

    const QString best = model + QStringLiteral("/best");
    CliRun same = cli({QStringLiteral("check"), QStringLiteral("drift"), f.project, QStringLiteral("--model"), best,
                       QStringLiteral("--json"), QStringLiteral("--threads"), QStringLiteral("1")});
    QVERIFY2(same.code == 0, qPrintable(same.err));
    QJsonObject report = json(same);
    QCOMPARE(report.value(QStringLiteral("training_documents")).toInt(), 80);
    QCOMPARE(report.value(QStringLiteral("dev_documents")).toInt(), 40);
    QCOMPARE(report.value(QStringLiteral("incoming_documents")).toInt(), 60);
    QVERIFY2(!report.value(QStringLiteral("drift")).toBool(), qPrintable(same.out));
    QCOMPARE(report.value(QStringLiteral("features")).toArray().size(), 6);
    // The model finds the two entities of each sentence on dev and on the incoming documents.
    const QJsonObject labels = report.value(QStringLiteral("features")).toArray()[3].toObject();
    QCOMPARE(labels.value(QStringLiteral("feature")).toString(), QStringLiteral("labels"));
    QVERIFY2(labels.value(QStringLiteral("dev")).toDouble() > 1.5 && labels.value(QStringLiteral("incoming")).toDouble() > 1.5,
             QJsonDocument(labels).toJson().constData());

    const QStringList files{QStringLiteral("check"), QStringLiteral("drift"), QStringLiteral("--model"), best,
                            QStringLiteral("--data"), QStringLiteral("train=") + f.path(QStringLiteral("train.tsv")),
                            QStringLiteral("--data"), QStringLiteral("dev=") + f.path(QStringLiteral("devel.tsv")),
                            QStringLiteral("--data"), QStringLiteral("lease=") + lease, QStringLiteral("--threads"),
                            QStringLiteral("1")};
    CliRun moved = cli(files + QStringList{QStringLiteral("--json")});
    QVERIFY2(moved.code == 0, qPrintable(moved.err));
    report = json(moved);
    QVERIFY2(report.value(QStringLiteral("drift")).toBool(), qPrintable(moved.out));
    for (const QJsonValue& v : report.value(QStringLiteral("features")).toArray()) {
      const QJsonObject feature = v.toObject();
      const QString name = feature.value(QStringLiteral("feature")).toString();
      if (name == QLatin1String("unknown") || name == QLatin1String("labels") || name == QLatin1String("length"))
        QVERIFY2(feature.value(QStringLiteral("flagged")).toBool(), QJsonDocument(feature).toJson().constData());
    }
    QCOMPARE(report.value(QStringLiteral("annotate_next")).toArray().size(), 10);
    CliRun text = cli(files);
    QVERIFY2(text.out.contains(QStringLiteral("DRIFT: the incoming documents differ")), qPrintable(text.out));
    QVERIFY2(text.out.contains(QStringLiteral("annotate next")), qPrintable(text.out));
    QCOMPARE(cli(files + QStringList{QStringLiteral("--strict")}).code, 1);

    // The form: check drift MODEL PROJECT.
    CliRun positional = cli({QStringLiteral("check"), QStringLiteral("drift"), best, f.project, QStringLiteral("--json"),
                             QStringLiteral("--threads"), QStringLiteral("1")});
    QVERIFY2(positional.code == 0, qPrintable(positional.err));
    QCOMPARE(json(positional).value(QStringLiteral("incoming_documents")).toInt(), 60);
    QCOMPARE(cli({QStringLiteral("check"), QStringLiteral("drift"), best, f.project, QStringLiteral("--model"), best}).code, 2);
    // By run: the model and the documents the run recorded (80 train, 40 dev), the unassigned pool incoming.
    CliRun byRun = cli({QStringLiteral("check"), QStringLiteral("drift"), f.project, QStringLiteral("--run"),
                        QStringLiteral("1"), QStringLiteral("--json"), QStringLiteral("--threads"), QStringLiteral("1")});
    QVERIFY2(byRun.code == 0, qPrintable(byRun.err));
    report = json(byRun);
    QCOMPARE(report.value(QStringLiteral("training_documents")).toInt(), 80);
    QCOMPARE(report.value(QStringLiteral("dev_documents")).toInt(), 40);
    QCOMPARE(report.value(QStringLiteral("incoming_documents")).toInt(), 60);
    QVERIFY(!report.value(QStringLiteral("drift")).toBool());
    QCOMPARE(cli({QStringLiteral("check"), QStringLiteral("drift"), f.project, QStringLiteral("--run"), QStringLiteral("9")}).code, 1);
    QCOMPARE(cli({QStringLiteral("check"), QStringLiteral("drift"), f.project, QStringLiteral("--run"), QStringLiteral("1"),
                  QStringLiteral("--model"), best})
                 .code,
             2);

    // Refusals: no model; a folder that is no model.
    QCOMPARE(cli({QStringLiteral("check"), QStringLiteral("drift"), f.project}).code, 2);
    CliRun wrong = cli({QStringLiteral("check"), QStringLiteral("drift"), f.project, QStringLiteral("--model"), f.dir.path()});
    QCOMPARE(wrong.code, 1);
    QVERIFY2(wrong.err.contains(f.dir.path()), qPrintable(wrong.err));
  }
};

QTEST_GUILESS_MAIN(TestCliCheck)
#include "test_cli_check.moc"
