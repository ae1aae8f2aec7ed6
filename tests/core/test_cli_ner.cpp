// quarry-cli train / evaluate / predict / cv in-process on a tiny generated project: the run is recorded,
// the model folder scores what training reported, predictions reach JSONL and the predictions table.
#include <algorithm>
#include <cmath>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "CliTestSupport.h"
#include "NerCorpusTestSupport.h"
#include "store/ProjectStore.h"

class TestCliNer : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void trainEvaluatePredict() {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.quarry"));
    const QString made = makeSyntheticNerProject(dir.path(), project, 80, 20);
    QVERIFY2(made.isEmpty(), qPrintable(made));

    const QString out = dir.filePath(QStringLiteral("model"));
    // A small BiLSTM-CRF from scratch; the same options resume the run.
    const QStringList trainArgs{
        QStringLiteral("train"),          QStringLiteral("--project"),      project,
        QStringLiteral("--from-scratch"), QStringLiteral("--output"),       out,
        QStringLiteral("--set"),          QStringLiteral("epochs=20"),      QStringLiteral("--set"),
        QStringLiteral("dropout=0.1"),    QStringLiteral("--set"),          QStringLiteral("batch_size=8"),
        QStringLiteral("--set"),          QStringLiteral("lstm_hidden=16"), QStringLiteral("--set"),
        QStringLiteral("word_dim=16")};
    CliRun t = cli(trainArgs + QStringList{QStringLiteral("--json")});
    QVERIFY2(t.code == 0, qPrintable(t.err));
    const QJsonObject result = QJsonDocument::fromJson(t.out.toUtf8()).object();
    QCOMPARE(result.value(QStringLiteral("task")).toString(), QStringLiteral("ner"));
    QCOMPARE(result.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("primary_metric")).toString(),
             QStringLiteral("micro_f1"));
    const double f1 = result.value(QStringLiteral("metrics")).toObject().value(QStringLiteral("primary")).toDouble();
    QCOMPARE(result.value(QStringLiteral("best_dev_score")).toDouble(), f1);
    QVERIFY2(f1 > 0.9, qPrintable(t.out));
    QVERIFY(QFile::exists(out + QStringLiteral("/best/quarry_ner.json")));

    auto store = quarry::ProjectStore::open(project, quarry::OpenMode::ReadOnly);
    QVERIFY(store.ok());
    auto runs = store.value()->listRuns();
    QVERIFY(runs.ok() && runs->size() == 1);
    QCOMPARE(runs->front().status, quarry::RunStatus::Finished);
    QCOMPARE(runs->front().checkpointPath, out + QStringLiteral("/best"));
    QCOMPARE(runs->front().metrics.value(QStringLiteral("best_dev_score")).toDouble(), f1);
    store.value().reset();

    CliRun e = cli({QStringLiteral("evaluate"), out + QStringLiteral("/best"), QStringLiteral("--project"),
                    project, QStringLiteral("--json")});
    QVERIFY2(e.code == 0, qPrintable(e.err));
    const QJsonObject eval = QJsonDocument::fromJson(e.out.toUtf8()).object();
    QCOMPARE(eval.value(QStringLiteral("seqeval"))
                 .toObject()
                 .value(QStringLiteral("micro"))
                 .toObject()
                 .value(QStringLiteral("f1"))
                 .toDouble(),
             f1);

    const QString text = dir.filePath(QStringLiteral("note.txt")),
                  jsonl = dir.filePath(QStringLiteral("pred.jsonl"));
    QFile note(text);
    QVERIFY(note.open(QIODevice::WriteOnly));
    note.write("patients with gout were given insulin .\n");
    note.close();
    CliRun p = cli(
        {QStringLiteral("predict"), out + QStringLiteral("/best"), text, QStringLiteral("--output"), jsonl});
    QVERIFY2(p.code == 0, qPrintable(p.err));
    QFile lines(jsonl);
    QVERIFY(lines.open(QIODevice::ReadOnly));
    const QJsonArray spans =
        QJsonDocument::fromJson(lines.readLine()).object().value(QStringLiteral("spans")).toArray();
    QCOMPARE(spans.size(), 2);
    QCOMPARE(spans[0].toObject().value(QStringLiteral("text")).toString(), QStringLiteral("gout"));
    QCOMPARE(spans[1].toObject().value(QStringLiteral("label")).toString(), QStringLiteral("DRUG"));

    CliRun ps = cli({QStringLiteral("predict"), out + QStringLiteral("/best"), QStringLiteral("--project"),
                     project, QStringLiteral("--split"), QStringLiteral("dev")});
    QVERIFY2(ps.code == 0, qPrintable(ps.err));
    auto reopened = quarry::ProjectStore::open(project, quarry::OpenMode::ReadOnly);
    auto docs = reopened.value()->listDocuments({});
    QVERIFY(docs.ok());
    int predicted = 0;
    for (const auto& d : docs.value()) {
      auto rows = reopened.value()->predictionsForDocument(d.id);
      if (rows.ok())
        predicted += int(std::count_if(rows->cbegin(), rows->cend(),
                                       [](const auto& r) { return r.kind == QLatin1String("entity"); }));
    }
    QCOMPARE(predicted, 40);  // 20 dev sentences x 2 entities
    reopened.value().reset();

    // runs: both runs, newest first; the training run trained on what the project still holds.
    CliRun listed = cli({QStringLiteral("runs"), QStringLiteral("--project"), project, QStringLiteral("--json")});
    QVERIFY2(listed.code == 0, qPrintable(listed.err));
    const QJsonArray runRows = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    QCOMPARE(runRows.size(), 2);
    const QJsonObject trainingRow = runRows[1].toObject(), predictionRow = runRows[0].toObject();
    QCOMPARE(trainingRow.value(QStringLiteral("lineage")).toString(), QStringLiteral("up to date"));
    QCOMPARE(predictionRow.value(QStringLiteral("lineage")).toString(), QString());
    QCOMPARE(trainingRow.value(QStringLiteral("dev_score")).toDouble(), f1);
    const QString trainingRun = QString::number(trainingRow.value(QStringLiteral("id")).toInteger());
    // runs --log: the training run's log from its configuration to its end, a line per entry; as JSON too;
    // the prediction run's; wrong ids refused.
    CliRun logged = cli(
        {QStringLiteral("runs"), QStringLiteral("--project"), project, QStringLiteral("--log"), trainingRun});
    QVERIFY2(logged.code == 0, qPrintable(logged.err));
    const QStringList logLines = logged.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(logLines.size() > 3, qPrintable(logged.out));
    QVERIFY2(logLines.front().contains(QStringLiteral(" info training NER bilstm-crf")),
             qPrintable(logged.out));
    QVERIFY2(!logLines.filter(QStringLiteral(" info evaluation at step ")).isEmpty(), qPrintable(logged.out));
    QVERIFY2(logLines.back().contains(QStringLiteral(" info training ")) &&
                 logLines.back().contains(QStringLiteral(" steps, ")),
             qPrintable(logLines.back()));
    QFile trainLog(out + QStringLiteral("/train.log"));
    QVERIFY(trainLog.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(trainLog.readAll()), logged.out);  // the file and the project agree
    trainLog.close();
    CliRun loggedJson = cli({QStringLiteral("runs"), QStringLiteral("--project"), project,
                             QStringLiteral("--log"), trainingRun, QStringLiteral("--json")});
    QVERIFY2(loggedJson.code == 0, qPrintable(loggedJson.err));
    const QJsonArray logRows = QJsonDocument::fromJson(loggedJson.out.toUtf8()).array();
    QCOMPARE(logRows.size(), logLines.size());
    QCOMPARE(logRows[0].toObject().value(QStringLiteral("seq")).toInt(), 1);
    QCOMPARE(logRows[0].toObject().value(QStringLiteral("level")).toString(), QStringLiteral("info"));
    QVERIFY(logLines[0].endsWith(logRows[0].toObject().value(QStringLiteral("message")).toString()));
    CliRun predictionLog =
        cli({QStringLiteral("runs"), QStringLiteral("--project"), project, QStringLiteral("--log"),
             QString::number(predictionRow.value(QStringLiteral("id")).toInteger())});
    QVERIFY2(predictionLog.code == 0 &&
                 predictionLog.out.contains(QStringLiteral(" info prediction finished: 20 documents")),
             qPrintable(predictionLog.out + predictionLog.err));
    CliRun noSuchRun = cli({QStringLiteral("runs"), QStringLiteral("--project"), project,
                            QStringLiteral("--log"), QStringLiteral("999")});
    QCOMPARE(noSuchRun.code, 1);
    QVERIFY2(noSuchRun.err.contains(QStringLiteral("no run with id 999")), qPrintable(noSuchRun.err));
    QCOMPARE(cli({QStringLiteral("runs"), QStringLiteral("--project"), project, QStringLiteral("--log"),
                  QStringLiteral("first")})
                 .code,
             2);
    QCOMPARE(cli({QStringLiteral("runs"), QStringLiteral("--project"), project, QStringLiteral("--log"),
                  trainingRun, QStringLiteral("--run"), trainingRun})
                 .code,
             2);
    CliRun help = cli({QStringLiteral("runs"), QStringLiteral("--help")});
    QVERIFY2(help.out.contains(QStringLiteral("--log <id>")), qPrintable(help.out));
    // errors: the run's model on its dev split, scored as training scored it; the reports written.
    const QString html = dir.filePath(QStringLiteral("errors.html")), csv = dir.filePath(QStringLiteral("errors.csv"));
    CliRun errors = cli({QStringLiteral("errors"), QStringLiteral("--project"), project, QStringLiteral("--run"),
                         trainingRun, QStringLiteral("--json"), QStringLiteral("--html"), html, QStringLiteral("--csv"), csv});
    QVERIFY2(errors.code == 0, qPrintable(errors.err));
    const QJsonObject analysis = QJsonDocument::fromJson(errors.out.toUtf8()).object();
    QCOMPARE(analysis.value(QStringLiteral("task")).toString(), QStringLiteral("ner"));
    QCOMPARE(analysis.value(QStringLiteral("documents")).toInt(), 20);
    QCOMPARE(analysis.value(QStringLiteral("micro")).toObject().value(QStringLiteral("f1")).toDouble(), f1);
    QVERIFY(QFile::exists(html) && QFile::exists(csv) && QFile::exists(dir.filePath(QStringLiteral("errors-per-type.csv"))));
    CliRun printed = cli({QStringLiteral("errors"), QStringLiteral("--project"), project, QStringLiteral("--run"), trainingRun});
    QVERIFY2(printed.code == 0 && printed.out.contains(QStringLiteral("confusion (rows gold, columns predicted)")),
             qPrintable(printed.out + printed.err));
    CliRun notTraining = cli({QStringLiteral("errors"), QStringLiteral("--project"), project, QStringLiteral("--run"),
                              QString::number(predictionRow.value(QStringLiteral("id")).toInteger())});
    QCOMPARE(notTraining.code, 1);
    QVERIFY2(notTraining.err.contains(QStringLiteral("not a training run")), qPrintable(notTraining.err));

    CliRun bad = cli({QStringLiteral("evaluate"), dir.filePath(QStringLiteral("nothing")),
                      QStringLiteral("--project"), project});
    QCOMPARE(bad.code, 1);
    QVERIFY2(bad.err.contains(QStringLiteral("nothing")), qPrintable(bad.err));
    CliRun badConfig = cli({QStringLiteral("train"), QStringLiteral("--project"), project,
                            QStringLiteral("--set"), QStringLiteral("epochs=zero")});
    QVERIFY(badConfig.code != 0);
    QVERIFY2(badConfig.err.contains(QStringLiteral("epochs")), qPrintable(badConfig.err));

    // Hostile files in a copy of best/: exit 1 with an error naming the file and the field, never a signal.
    const QString deep = QString(100000, QLatin1Char('[')) + QString(100000, QLatin1Char(']'));
    for (const QString& name :
         {QStringLiteral("quarry_ner.json"), QStringLiteral("config.json"), QStringLiteral("vocab.json")}) {
      const QString hostile = dir.filePath(QStringLiteral("hostile-") + name);
      QVERIFY(QDir().mkpath(hostile));
      for (const QString& f : QDir(out + QStringLiteral("/best")).entryList(QDir::Files))
        QVERIFY(QFile::copy(out + QStringLiteral("/best/") + f, hostile + QLatin1Char('/') + f));
      QFile file(hostile + QLatin1Char('/') + name);
      QVERIFY(file.open(QIODevice::ReadOnly));
      QByteArray content = file.readAll();
      file.close();
      content.insert(content.indexOf('{') + 1,
                     (QStringLiteral("\"hostile\": ") + deep + QStringLiteral(",")).toUtf8());
      QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
      file.write(content);
      file.close();
      CliRun h = cli({QStringLiteral("predict"), hostile, text, QStringLiteral("--output"),
                      dir.filePath(QStringLiteral("h.jsonl"))});
      QCOMPARE(h.code, 1);
      QVERIFY2(h.err.contains(name) && h.err.contains(QStringLiteral("hostile")) &&
                   h.err.contains(QStringLiteral("nested")),
               qPrintable(h.err));
    }
    const QString deepConfig = dir.filePath(QStringLiteral("deep-config.json"));
    QFile cfg(deepConfig);
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write((QStringLiteral("{\"epochs\": ") + deep + QStringLiteral("}")).toUtf8());
    cfg.close();
    CliRun deepTrain = cli({QStringLiteral("train"), QStringLiteral("--project"), project,
                            QStringLiteral("--config"), deepConfig});
    QCOMPARE(deepTrain.code, 1);
    QVERIFY2(deepTrain.err.contains(QStringLiteral("deep-config.json")) &&
                 deepTrain.err.contains(QStringLiteral("epochs")),
             qPrintable(deepTrain.err));

    // The finished run is not resumed: nothing changes, and the error says how it ended.
    QFile state(out + QStringLiteral("/last/state.json"));
    QVERIFY(state.open(QIODevice::ReadOnly));
    const QByteArray before = state.readAll();
    state.close();
    CliRun resumed = cli(trainArgs + QStringList{QStringLiteral("--resume")});
    QCOMPARE(resumed.code, 1);
    QVERIFY2(resumed.err.contains(QStringLiteral("this run already ended (")), qPrintable(resumed.err));
    QVERIFY(state.open(QIODevice::ReadOnly));
    QCOMPARE(state.readAll(), before);

    // --int8 scores transformers only.
    CliRun notTransformer = cli({QStringLiteral("evaluate"), out + QStringLiteral("/best"),
                                 QStringLiteral("--project"), project, QStringLiteral("--int8")});
    QCOMPARE(notTransformer.code, 2);
    QVERIFY2(notTransformer.err.contains(QStringLiteral("--int8 applies to transformer NER models")),
             qPrintable(notTransformer.err));
  }

  // evaluate --int8 scores a transformer with int8 linear layers, as predict --int8 runs it: the figures
  // say so and stay close to float32's (what int8 costs in F1).
  void evaluatesWithInt8Weights() {
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.quarry"));
    const QString made = makeSyntheticNerProject(dir.path(), project, 80, 20);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    const QString tokenizer = dir.filePath(QStringLiteral("tok"));
    QVERIFY(QDir().mkpath(tokenizer));
    QFile vocab(tokenizer + QStringLiteral("/vocab.txt"));
    QVERIFY(vocab.open(QIODevice::WriteOnly));
    vocab.write(
        "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n.\npatients\nwith\nwere\ngiven\naspirin\nmetformin\n"
        "warfarin\ninsulin\nasthma\ndiabetes\ngout\nmigraine\n");
    vocab.close();
    const QString out = dir.filePath(QStringLiteral("model"));
    CliRun t = cli({QStringLiteral("train"),
                    QStringLiteral("--project"),
                    project,
                    QStringLiteral("--random-encoder"),
                    tokenizer,
                    QStringLiteral("--output"),
                    out,
                    QStringLiteral("--set"),
                    QStringLiteral("random_layers=1"),
                    QStringLiteral("--set"),
                    QStringLiteral("random_hidden=64"),
                    QStringLiteral("--set"),
                    QStringLiteral("random_intermediate=128"),
                    QStringLiteral("--set"),
                    QStringLiteral("epochs=12"),
                    QStringLiteral("--set"),
                    QStringLiteral("learning_rate=0.002"),
                    QStringLiteral("--set"),
                    QStringLiteral("batch_size=8"),
                    QStringLiteral("--set"),
                    QStringLiteral("seed=5")});
    QVERIFY2(t.code == 0, qPrintable(t.err));
    auto evaluate = [&](const QStringList& extra) {
      CliRun e = cli(QStringList{QStringLiteral("evaluate"), out + QStringLiteral("/best"),
                                 QStringLiteral("--project"), project, QStringLiteral("--json")} +
                     extra);
      return std::make_pair(e, QJsonDocument::fromJson(e.out.toUtf8()).object());
    };
    const auto [fp32Run, fp32] = evaluate({});
    QVERIFY2(fp32Run.code == 0, qPrintable(fp32Run.err));
    const auto [int8Run, int8] = evaluate({QStringLiteral("--int8")});
    if (int8Run.code == 1 && int8Run.err.contains(QStringLiteral("int8 kernels are not available")))
      QSKIP("this LibTorch has no int8 kernels");
    QVERIFY2(int8Run.code == 0, qPrintable(int8Run.err));
    QVERIFY(!fp32.value(QStringLiteral("int8")).toBool());
    QVERIFY(int8.value(QStringLiteral("int8")).toBool());
    auto f1 = [](const QJsonObject& o) {
      return o.value(QStringLiteral("seqeval"))
          .toObject()
          .value(QStringLiteral("micro"))
          .toObject()
          .value(QStringLiteral("f1"))
          .toDouble();
    };
    QVERIFY2(f1(fp32) > 0.9, qPrintable(fp32Run.out));
    QVERIFY2(std::abs(f1(int8) - f1(fp32)) <= 0.05, qPrintable(int8Run.out));
    CliRun text = cli({QStringLiteral("evaluate"), out + QStringLiteral("/best"), QStringLiteral("--project"),
                       project, QStringLiteral("--int8")});
    QVERIFY2(text.code == 0 && text.out.contains(QStringLiteral("(int8 linear layers)")),
             qPrintable(text.out + text.err));
  }
};

QTEST_GUILESS_MAIN(TestCliNer)
#include "test_cli_ner.moc"
