// quarry-cli train / evaluate / predict / cv --task classify in-process: from JSONL files with spaCy
// "cats" and from a project, the run recorded with its task and primary metric, the model folder scoring
// what training reported, label predictions reaching JSONL and the predictions table; a DeBERTa-v3 model
// folder (SentencePiece tokenizer) fine-tuned and used for prediction.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include "CliTestSupport.h"
#include "SharedData.h"
#include "TaskCorpusTestSupport.h"
#include "store/ProjectStore.h"

namespace {

using task_corpus::writeTopicDocs;

// quarry-cli predict with `model` on a one-document text file; `line` is its JSONL line.
void predictText(const QTemporaryDir& dir, const QString& model, const QByteArray& text, QJsonObject& line) {
  const QString note = dir.filePath(QStringLiteral("note.txt")), jsonl = dir.filePath(QStringLiteral("pred.jsonl"));
  QFile n(note);
  QVERIFY(n.open(QIODevice::WriteOnly));
  n.write(text);
  n.close();
  CliRun p = cli({QStringLiteral("predict"), model, note, QStringLiteral("--output"), jsonl});
  QVERIFY2(p.code == 0, qPrintable(p.err));
  QFile lines(jsonl);
  QVERIFY(lines.open(QIODevice::ReadOnly));
  line = QJsonDocument::fromJson(lines.readLine()).object();
}

}  // namespace

class TestCliClassify : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void fromFiles() {
    QTemporaryDir dir;
    const QString trainFile = dir.filePath(QStringLiteral("train.jsonl")), devFile = dir.filePath(QStringLiteral("dev.jsonl"));
    writeTopicDocs(trainFile, 90, 1, QStringLiteral("train"));
    writeTopicDocs(devFile, 30, 2, QStringLiteral("dev"));
    const QString out = dir.filePath(QStringLiteral("model"));
    CliRun t = cli({QStringLiteral("train"), QStringLiteral("--task"), QStringLiteral("classify"), QStringLiteral("--train"),
                    trainFile, QStringLiteral("--dev"), devFile, QStringLiteral("--output"), out, QStringLiteral("--set"),
                    QStringLiteral("epochs=8"), QStringLiteral("--set"), QStringLiteral("min_feature_count=1"),
                    QStringLiteral("--json")});
    QVERIFY2(t.code == 0, qPrintable(t.err));
    const QJsonObject result = QJsonDocument::fromJson(t.out.toUtf8()).object();
    QCOMPARE(result.value(QStringLiteral("task")).toString(), QStringLiteral("classify"));
    const QJsonObject metrics = result.value(QStringLiteral("metrics")).toObject();
    QCOMPARE(metrics.value(QStringLiteral("primary_metric")).toString(), QStringLiteral("micro_f1"));
    const double f1 = metrics.value(QStringLiteral("primary")).toDouble();
    QVERIFY2(f1 > 0.9, qPrintable(t.out));
    QVERIFY(metrics.contains(QStringLiteral("per_label")) && metrics.contains(QStringLiteral("confusion")));
    QVERIFY(QFile::exists(out + QStringLiteral("/best/quarry_task.json")));

    CliRun e = cli({QStringLiteral("evaluate"), out + QStringLiteral("/best"), QStringLiteral("--data"), devFile,
                    QStringLiteral("--json"), QStringLiteral("--errors"), QStringLiteral("3")});
    QVERIFY2(e.code == 0, qPrintable(e.err));
    const QJsonObject eval = QJsonDocument::fromJson(e.out.toUtf8()).object();
    QCOMPARE(eval.value(QStringLiteral("task")).toString(), QStringLiteral("classify"));
    QCOMPARE(eval.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("primary")).toDouble(), f1);
    CliRun table = cli({QStringLiteral("evaluate"), out + QStringLiteral("/best"), QStringLiteral("--data"), devFile});
    QVERIFY2(table.code == 0 && table.out.contains(QStringLiteral("macro avg")) &&
                 table.out.contains(QStringLiteral("confusion")),
             qPrintable(table.out));

    QJsonObject line;
    predictText(dir, out + QStringLiteral("/best"), "the clinic says a new vaccine for the nurse today\n", line);
    if (QTest::currentTestFailed()) return;
    QCOMPARE(line.value(QStringLiteral("labels")).toArray(), QJsonArray{QStringLiteral("health")});
    const QJsonObject cats = line.value(QStringLiteral("cats")).toObject();
    QCOMPARE(cats.size(), 3);  // every label's probability
    QVERIFY(cats.value(QStringLiteral("health")).toDouble() > cats.value(QStringLiteral("sports")).toDouble() &&
            cats.value(QStringLiteral("health")).toDouble() > cats.value(QStringLiteral("finance")).toDouble());

    CliRun cv = cli({QStringLiteral("cv"), QStringLiteral("--task"), QStringLiteral("classify"), QStringLiteral("--data"),
                     trainFile, QStringLiteral("--folds"), QStringLiteral("3"), QStringLiteral("--output"),
                     dir.filePath(QStringLiteral("cv")), QStringLiteral("--set"), QStringLiteral("epochs=5"),
                     QStringLiteral("--set"), QStringLiteral("min_feature_count=1"), QStringLiteral("--json")});
    QVERIFY2(cv.code == 0, qPrintable(cv.err));
    const QJsonObject cvj = QJsonDocument::fromJson(cv.out.toUtf8()).object();
    QCOMPARE(cvj.value(QStringLiteral("task")).toString(), QStringLiteral("classify"));
    QCOMPARE(cvj.value(QStringLiteral("folds")).toArray().size(), 3);
    QVERIFY2(cvj.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("primary")).toDouble() > 0.8,
             qPrintable(cv.out));

    CliRun help = cli({QStringLiteral("train"), QStringLiteral("--task"), QStringLiteral("classify"),
                       QStringLiteral("--help-config")});
    QVERIFY(help.code == 0 && help.out.contains(QStringLiteral("ngram_dim")) && !help.out.contains(QStringLiteral("lstm_hidden")));
    CliRun badTask = cli({QStringLiteral("train"), QStringLiteral("--task"), QStringLiteral("poetry"), QStringLiteral("--train"),
                          trainFile});
    QVERIFY(badTask.code != 0 && badTask.err.contains(QStringLiteral("task")));
    CliRun crf = cli({QStringLiteral("train"), QStringLiteral("--task"), QStringLiteral("classify"), QStringLiteral("--crf"),
                      QStringLiteral("--train"), trainFile});
    QCOMPARE(crf.code, 2);
  }

  // The fixture's DeBERTa-v3 folder: its spm.model is read in this program, which links LibTorch (and
  // LibTorch's protobuf), when training starts and again when the saved folder predicts.
  // Multi-task from the command line: NER and classification on one encoder from the same documents (the
  // topic words are also entities); each task's own folder is evaluated on its own.
  void multiTaskFromFiles() {
    QTemporaryDir dir;
    const QString tokenizer = dir.filePath(QStringLiteral("tok"));
    QVERIFY(QDir().mkpath(tokenizer));
    {
      QFile vocab(tokenizer + QStringLiteral("/vocab.txt"));
      QVERIFY(vocab.open(QIODevice::WriteOnly));
      QStringList tokens = {QStringLiteral("[PAD]"), QStringLiteral("[UNK]"), QStringLiteral("[CLS]"),
                            QStringLiteral("[SEP]"), QStringLiteral("[MASK]")};
      for (const QStringList& words : task_corpus::kWords) tokens += words;
      tokens += task_corpus::kFiller;
      vocab.write((tokens.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
    }
    const QStringList kinds = {QStringLiteral("SPORT"), QStringLiteral("MONEY"), QStringLiteral("HEALTH")};
    auto write = [&](const QString& path, int count, quint64 seed, const QString& split) {
      writeTopicDocs(path, count, seed, split);
      QFile f(path);
      QVERIFY(f.open(QIODevice::ReadOnly));
      QByteArray out;
      for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.trimmed().isEmpty()) continue;
        QJsonObject o = QJsonDocument::fromJson(line).object();
        const QString text = o.value(QStringLiteral("text")).toString();
        QJsonArray spans;
        int at = 0;
        for (const QString& word : text.split(QLatin1Char(' '))) {
          for (int t = 0; t < 3; ++t)
            if (task_corpus::kWords[t].contains(word))
              spans.append(QJsonObject{{QStringLiteral("start"), at},
                                       {QStringLiteral("end"), at + int(word.size())},
                                       {QStringLiteral("label"), kinds[t]}});
          at += int(word.size()) + 1;
        }
        o.insert(QStringLiteral("spans"), spans);
        out += QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
      }
      f.close();
      QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
      f.write(out);
    };
    const QString trainFile = dir.filePath(QStringLiteral("train.jsonl")),
                  devFile = dir.filePath(QStringLiteral("dev.jsonl"));
    write(trainFile, 90, 1, QStringLiteral("train"));
    write(devFile, 30, 2, QStringLiteral("dev"));
    if (QTest::currentTestFailed()) return;
    const QString out = dir.filePath(QStringLiteral("multi"));
    CliRun t = cli(QStringList{QStringLiteral("train"),
                               QStringLiteral("--task"),
                               QStringLiteral("multi"),
                               QStringLiteral("--set"),
                               QStringLiteral("tasks=ner,classify"),
                               QStringLiteral("--random-encoder"),
                               tokenizer,
                               QStringLiteral("--train"),
                               trainFile,
                               QStringLiteral("--dev"),
                               devFile,
                               QStringLiteral("--output"),
                               out,
                               QStringLiteral("--set"),
                               QStringLiteral("epochs=10"),
                               QStringLiteral("--set"),
                               QStringLiteral("learning_rate=0.003"),
                               QStringLiteral("--set"),
                               QStringLiteral("stride=8"),
                               QStringLiteral("--json")} +
                   task_corpus::kTinyEncoder);
    QVERIFY2(t.code == 0, qPrintable(t.err));
    const QJsonObject result = QJsonDocument::fromJson(t.out.toUtf8()).object();
    QCOMPARE(result.value(QStringLiteral("task")).toString(), QStringLiteral("multi"));
    const QJsonObject metrics = result.value(QStringLiteral("metrics")).toObject();
    QCOMPARE(metrics.value(QStringLiteral("primary_metric")).toString(), QStringLiteral("mean_primary"));
    const QJsonObject last = result.value(QStringLiteral("history")).toArray().last().toObject();
    QVERIFY2(last.value(QStringLiteral("dev_ner_micro_f1")).toDouble() > 0.8 &&
                 last.value(QStringLiteral("dev_classify_micro_f1")).toDouble() > 0.5,
             qPrintable(t.out));
    for (const QString& task : {QStringLiteral("ner"), QStringLiteral("classify")}) {
      QVERIFY(QFile::exists(out + QStringLiteral("/best/") + task + QStringLiteral("/model.safetensors")));
      CliRun e = cli({QStringLiteral("evaluate"), out + QStringLiteral("/best/") + task,
                      QStringLiteral("--data"), devFile, QStringLiteral("--json")});
      QVERIFY2(e.code == 0, qPrintable(e.err));
      QCOMPARE(QJsonDocument::fromJson(e.out.toUtf8()).object().value(QStringLiteral("task")).toString(),
               task);
    }
    CliRun whole = cli({QStringLiteral("evaluate"), out + QStringLiteral("/best"), QStringLiteral("--data"),
                        devFile, QStringLiteral("--json")});
    QVERIFY2(whole.code == 0, qPrintable(whole.err));
    const QJsonObject wholeMetrics =
        QJsonDocument::fromJson(whole.out.toUtf8()).object().value(QStringLiteral("metrics")).toObject();
    QCOMPARE(wholeMetrics.value(QStringLiteral("primary_metric")).toString(), QStringLiteral("mean_primary"));
    QVERIFY2(qAbs(wholeMetrics.value(QStringLiteral("primary")).toDouble() -
                  metrics.value(QStringLiteral("primary")).toDouble()) < 1e-9,
             qPrintable(whole.out));
    CliRun one = cli({QStringLiteral("train"), QStringLiteral("--task"), QStringLiteral("multi"),
                      QStringLiteral("--set"), QStringLiteral("tasks=ner"),
                      QStringLiteral("--random-encoder"), tokenizer, QStringLiteral("--train"), trainFile});
    QVERIFY2(one.code != 0 && one.err.contains(QStringLiteral("tasks")), qPrintable(one.err));
  }

  void debertaModelFolder() {
    const QString model = QString::fromStdString(
        (quarry::test::fixturesDir() / "models" / "deberta-v3-sequence-classification").string());
    if (!QFile::exists(model + QStringLiteral("/spm.model")))
      QSKIP("the DeBERTa-v3 fixtures are not found (set QUARRY_SHARED_DIR)");
    QTemporaryDir dir;
    const QString trainFile = dir.filePath(QStringLiteral("train.jsonl")), devFile = dir.filePath(QStringLiteral("dev.jsonl"));
    writeTopicDocs(trainFile, 24, 5, QStringLiteral("train"));
    writeTopicDocs(devFile, 9, 6, QStringLiteral("dev"));
    const QString out = dir.filePath(QStringLiteral("model"));
    CliRun t = cli({QStringLiteral("train"), QStringLiteral("--task"), QStringLiteral("classify"), QStringLiteral("--train"),
                    trainFile, QStringLiteral("--dev"), devFile, QStringLiteral("--model"), model, QStringLiteral("--output"),
                    out, QStringLiteral("--set"), QStringLiteral("epochs=1"), QStringLiteral("--json")});
    QVERIFY2(t.code == 0, qPrintable(t.err));
    QVERIFY(QFile::exists(out + QStringLiteral("/best/spm.model")));
    QJsonObject line;
    predictText(dir, out + QStringLiteral("/best"), "the bank says the stock market fell today\n", line);
    if (QTest::currentTestFailed()) return;
    QCOMPARE(line.value(QStringLiteral("cats")).toObject().size(), 3);  // every label's probability
  }

  void fromProject() {
    QTemporaryDir dir;
    const QString docs = dir.filePath(QStringLiteral("docs.jsonl"));
    writeTopicDocs(docs, 60, 3, QStringLiteral("train"));
    writeTopicDocs(dir.filePath(QStringLiteral("dev.jsonl")), 20, 4, QStringLiteral("dev"));
    const QString project = dir.filePath(QStringLiteral("p.quarry"));
    QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
    CliRun i1 = cli({QStringLiteral("import"), project, docs});
    QVERIFY2(i1.code == 0, qPrintable(i1.err));
    CliRun i2 = cli({QStringLiteral("import"), project, dir.filePath(QStringLiteral("dev.jsonl"))});
    QVERIFY2(i2.code == 0, qPrintable(i2.err));
    const QString out = dir.filePath(QStringLiteral("model"));
    CliRun t = cli({QStringLiteral("train"), QStringLiteral("--task"), QStringLiteral("classify"), QStringLiteral("--project"),
                    project, QStringLiteral("--output"), out, QStringLiteral("--set"), QStringLiteral("epochs=6"),
                    QStringLiteral("--set"), QStringLiteral("min_feature_count=1"), QStringLiteral("--json")});
    QVERIFY2(t.code == 0, qPrintable(t.err));
    auto store = quarry::ProjectStore::open(project, quarry::OpenMode::ReadOnly);
    QVERIFY(store.ok());
    auto runs = store.value()->listRuns();
    QVERIFY(runs.ok() && runs->size() == 1);
    QVERIFY2(runs->front().name.startsWith(QStringLiteral("Classification")), qPrintable(runs->front().name));
    QCOMPARE(runs->front().metrics.value(QStringLiteral("task")).toString(), QStringLiteral("classify"));
    store.value().reset();

    CliRun p = cli({QStringLiteral("predict"), out + QStringLiteral("/best"), QStringLiteral("--project"), project,
                    QStringLiteral("--split"), QStringLiteral("dev")});
    QVERIFY2(p.code == 0 && p.out.contains(QStringLiteral("20 labels in 20 documents")), qPrintable(p.out + p.err));
    auto reopened = quarry::ProjectStore::open(project, quarry::OpenMode::ReadOnly);
    auto list = reopened.value()->listDocuments({});
    QVERIFY(list.ok());
    int labels = 0;
    for (const auto& d : list.value()) {
      auto rows = reopened.value()->predictionsForDocument(d.id);
      QVERIFY(rows.ok());
      for (const auto& r : rows.value()) {
        if (r.kind == QLatin1String("uncertainty")) continue;  // one per document
        QCOMPARE(r.kind, QStringLiteral("label"));
        QVERIFY(r.confidence > 0 && r.confidence <= 1);
        ++labels;
      }
    }
    QCOMPARE(labels, 20);
  }
};

QTEST_GUILESS_MAIN(TestCliClassify)
#include "test_cli_classify.moc"
