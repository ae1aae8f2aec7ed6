// quarry-cli tune in-process on a project of topic documents (the n-gram classifier trains in a blink):
// a random search recorded trial by trial (a run each, tuning.json), the table sorted by the dev figure,
// successive halving's rungs, a search cancelled during its second trial and resumed to the same end, a
// crashed search (a trial left running) resumed from that trial, and the refusals.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "CliTestSupport.h"
#include "TaskCorpusTestSupport.h"
#include "jobs/TuningJob.h"

namespace jobs = quarry::jobs;
namespace train = quarry::train;

namespace {

using task_corpus::writeTopicDocs;

QJsonObject readJson(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QJsonDocument::fromJson(f.readAll()).object();
}

// A project with 60 training and 20 dev topic documents.
QString topicProject(const QTemporaryDir& dir) {
  const QString project = dir.filePath(QStringLiteral("p.quarry"));
  if (cli({QStringLiteral("init"), project}).code != 0) return {};
  const QString train = dir.filePath(QStringLiteral("train.jsonl")), dev = dir.filePath(QStringLiteral("dev.jsonl"));
  writeTopicDocs(train, 60, 1, QStringLiteral("train"));
  writeTopicDocs(dev, 20, 2, QStringLiteral("dev"));
  if (cli({QStringLiteral("import"), project, train}).code != 0) return {};
  if (cli({QStringLiteral("import"), project, dev}).code != 0) return {};
  return project;
}

const QStringList kBase = {QStringLiteral("--task"), QStringLiteral("classify"), QStringLiteral("--set"),
                           QStringLiteral("min_feature_count=1"), QStringLiteral("--set"), QStringLiteral("epochs=3")};

}  // namespace

class TestCliTune : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void randomSearchRecordsEveryTrial() {
    QTemporaryDir dir;
    const QString project = topicProject(dir);
    QVERIFY(!project.isEmpty());
    const QString out = dir.filePath(QStringLiteral("search"));
    CliRun t = cli(QStringList{QStringLiteral("tune"), QStringLiteral("--project"), project, QStringLiteral("--output"), out,
                               QStringLiteral("--trials"), QStringLiteral("3"), QStringLiteral("--space"),
                               QStringLiteral("learning_rate=log:1e-4:1e-1"), QStringLiteral("--space"),
                               QStringLiteral("batch_size=choice:8,16")} +
                   kBase);
    QVERIFY2(t.code == 0, qPrintable(t.err));
    // The table: a header, three ranked trials sorted by the figure.
    const QStringList lines = t.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 5 && lines[0].contains(QStringLiteral("micro_f1")), qPrintable(t.out));
    double previous = 1e9;
    for (int i = 1; i <= 3; ++i) {
      const QStringList cells = lines[i].split(QLatin1Char(' '), Qt::SkipEmptyParts);
      QCOMPARE(cells[0], QString::number(i));
      const double figure = cells[4].toDouble();
      QVERIFY2(figure <= previous, qPrintable(t.out));
      previous = figure;
      QVERIFY2(lines[i].contains(QStringLiteral("learning_rate=")), qPrintable(lines[i]));
    }
    QVERIFY2(t.out.contains(QStringLiteral("(complete)")), qPrintable(t.out));
    // tuning.json: three finished trials, each a run of the project with its own folder.
    const QJsonObject plan = readJson(out + QStringLiteral("/tuning.json"));
    const QJsonArray trials = plan.value(QStringLiteral("trials")).toArray();
    QCOMPARE(trials.size(), 3);
    QSet<qint64> runs;
    for (const QJsonValue& v : trials) {
      const QJsonObject trial = v.toObject();
      QCOMPARE(trial.value(QStringLiteral("status")).toString(), QStringLiteral("finished"));
      QVERIFY(trial.value(QStringLiteral("score")).toDouble() >= 0);
      runs.insert(trial.value(QStringLiteral("run_id")).toInteger());
      QVERIFY(QFile::exists(trial.value(QStringLiteral("folder")).toString() + QStringLiteral("/best/quarry_task.json")));
    }
    QCOMPARE(runs.size(), 3);
    QVERIFY(!runs.contains(0));
    CliRun listed = cli({QStringLiteral("runs"), QStringLiteral("--project"), project, QStringLiteral("--json")});
    const QJsonArray rows = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    QCOMPARE(rows.size(), 3);
    for (const QJsonValue& row : rows)
      QVERIFY(row.toObject().value(QStringLiteral("name")).toString().startsWith(QStringLiteral("Tuning trial")));
    // The trials' learning rates are what tuning.json drew.
    const QJsonObject firstConfig = readJson(trials[0].toObject().value(QStringLiteral("folder")).toString() +
                                             QStringLiteral("/run.json"))
                                        .value(QStringLiteral("config"))
                                        .toObject();
    QCOMPARE(firstConfig.value(QStringLiteral("learning_rate")).toDouble(),
             trials[0].toObject().value(QStringLiteral("values")).toObject().value(QStringLiteral("learning_rate")).toDouble());
    // The same folder again without --resume is refused; --resume of a complete search trains nothing.
    CliRun again = cli(QStringList{QStringLiteral("tune"), QStringLiteral("--project"), project, QStringLiteral("--output"),
                                   out} +
                       kBase);
    QCOMPARE(again.code, 1);
    QVERIFY2(again.err.contains(QStringLiteral("--resume")), qPrintable(again.err));
    CliRun resumed = cli(QStringList{QStringLiteral("tune"), QStringLiteral("--project"), project,
                                     QStringLiteral("--output"), out, QStringLiteral("--resume")} +
                         kBase);
    QVERIFY2(resumed.code == 0, qPrintable(resumed.err));
    QCOMPARE(readJson(out + QStringLiteral("/tuning.json")).value(QStringLiteral("trials")).toArray().size(), 3);
  }

  void halvingRungs() {
    QTemporaryDir dir;
    const QString project = topicProject(dir);
    QVERIFY(!project.isEmpty());
    const QString out = dir.filePath(QStringLiteral("halving"));
    CliRun t = cli({QStringLiteral("tune"), QStringLiteral("--project"), project, QStringLiteral("--output"), out,
                    QStringLiteral("--strategy"), QStringLiteral("halving"), QStringLiteral("--trials"), QStringLiteral("4"),
                    QStringLiteral("--eta"), QStringLiteral("2"), QStringLiteral("--task"), QStringLiteral("classify"),
                    QStringLiteral("--set"), QStringLiteral("min_feature_count=1"), QStringLiteral("--set"),
                    QStringLiteral("epochs=4"), QStringLiteral("--space"), QStringLiteral("learning_rate=log:1e-3:1e-1"),
                    QStringLiteral("--json")});
    QVERIFY2(t.code == 0, qPrintable(t.err));
    const QJsonObject plan = QJsonDocument::fromJson(t.out.toUtf8()).object();
    const QJsonArray trials = plan.value(QStringLiteral("trials")).toArray();
    // Rung 0: 4 trials of 1 epoch; rung 1: 2 of 2 epochs; rung 2: 1 of 4 epochs.
    QCOMPARE(trials.size(), 7);
    const int expectedRung[] = {0, 0, 0, 0, 1, 1, 2}, expectedEpochs[] = {1, 1, 1, 1, 2, 2, 4};
    for (int i = 0; i < 7; ++i) {
      QCOMPARE(trials[i].toObject().value(QStringLiteral("rung")).toInt(), expectedRung[i]);
      QCOMPARE(trials[i].toObject().value(QStringLiteral("epochs")).toInt(), expectedEpochs[i]);
    }
    QVERIFY(plan.value(QStringLiteral("complete")).toBool());
    QVERIFY(plan.contains(QStringLiteral("best_trial")));
  }

  void cancelledAndCrashedSearchesResume() {
    QTemporaryDir dir;
    const QString project = topicProject(dir);
    QVERIFY(!project.isEmpty());
    const QString out = dir.filePath(QStringLiteral("search"));
    auto specFor = [&](bool resume) {
      jobs::TuningSpec spec;
      spec.training.projectPath = project;
      spec.training.config = train::TrainConfig::defaultsFor("classify");
      spec.training.config.kind = train::ModelKind::FromScratch;
      spec.training.config.minFeatureCount = 1;
      spec.training.config.epochs = 3;
      spec.space = train::SearchSpace::parse({"learning_rate=log:1e-3:1e-1"}).value();
      spec.options.trials = 3;
      spec.outputFolder = out;
      spec.resume = resume;
      return spec;
    };
    // Cancelled as the second trial starts.
    {
      jobs::TuningJob job(specFor(false));
      connect(&job, &jobs::TuningJob::progress, [&job](const jobs::TuningProgress& p) {
        if (p.trial == 2 && p.state == QLatin1String("started")) job.cancel();
      });
      const jobs::TuningOutcome outcome = job.runHere();
      QVERIFY2(outcome.ok && outcome.cancelled, outcome.error.toString().c_str());
      QCOMPARE(int(outcome.plan.trials().size()), 2);
      QCOMPARE(outcome.plan.trials()[1].status, train::TuningTrial::Status::Cancelled);
      QVERIFY(!outcome.plan.complete());
    }
    const QJsonObject afterCancel = readJson(out + QStringLiteral("/tuning.json"));
    const QJsonObject firstTrial = afterCancel.value(QStringLiteral("trials")).toArray()[0].toObject();
    // Resumed: trial 2 trains again, trial 3 follows; trial 1 is kept as it was.
    {
      jobs::TuningJob job(specFor(true));
      const jobs::TuningOutcome outcome = job.runHere();
      QVERIFY2(outcome.ok && !outcome.cancelled, outcome.error.toString().c_str());
      QCOMPARE(int(outcome.plan.trials().size()), 3);
      for (const auto& t : outcome.plan.trials()) QCOMPARE(t.status, train::TuningTrial::Status::Finished);
      QVERIFY(outcome.plan.complete());
    }
    QCOMPARE(readJson(out + QStringLiteral("/tuning.json")).value(QStringLiteral("trials")).toArray()[0].toObject(),
             firstTrial);

    // A crash: trial 3 left "running" and the search not complete, as a killed process leaves it.
    QJsonObject crashed = readJson(out + QStringLiteral("/tuning.json"));
    QJsonArray trials = crashed.value(QStringLiteral("trials")).toArray();
    QJsonObject third = trials[2].toObject();
    const double thirdScore = third.value(QStringLiteral("score")).toDouble();
    third.insert(QStringLiteral("status"), QStringLiteral("running"));
    third.insert(QStringLiteral("score"), -1);
    trials[2] = third;
    crashed.insert(QStringLiteral("trials"), trials);
    crashed.insert(QStringLiteral("complete"), false);
    QDir(third.value(QStringLiteral("folder")).toString()).removeRecursively();
    QFile file(out + QStringLiteral("/tuning.json"));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(crashed).toJson());
    file.close();
    CliRun resumed = cli({QStringLiteral("tune"), QStringLiteral("--project"), project, QStringLiteral("--output"), out,
                          QStringLiteral("--resume"), QStringLiteral("--task"), QStringLiteral("classify")});
    QVERIFY2(resumed.code == 0, qPrintable(resumed.err));
    const QJsonObject done = readJson(out + QStringLiteral("/tuning.json"));
    QCOMPARE(done.value(QStringLiteral("trials")).toArray().size(), 3);
    const QJsonObject retrained = done.value(QStringLiteral("trials")).toArray()[2].toObject();
    QCOMPARE(retrained.value(QStringLiteral("status")).toString(), QStringLiteral("finished"));
    QCOMPARE(retrained.value(QStringLiteral("score")).toDouble(), thirdScore);  // the same draw, the same seed
  }

  void refusals() {
    QTemporaryDir dir;
    const QString project = topicProject(dir);
    QVERIFY(!project.isEmpty());
    CliRun noOutput = cli(QStringList{QStringLiteral("tune"), QStringLiteral("--project"), project} + kBase);
    QCOMPARE(noOutput.code, 2);
    CliRun badSpace = cli(QStringList{QStringLiteral("tune"), QStringLiteral("--project"), project, QStringLiteral("--output"),
                                      dir.filePath(QStringLiteral("s")), QStringLiteral("--space"),
                                      QStringLiteral("learning_rate=log:0:1")} +
                          kBase);
    QCOMPARE(badSpace.code, 1);
    QVERIFY2(badSpace.err.contains(QStringLiteral("learning_rate")), qPrintable(badSpace.err));
    CliRun badStrategy = cli(QStringList{QStringLiteral("tune"), QStringLiteral("--project"), project,
                                         QStringLiteral("--output"), dir.filePath(QStringLiteral("s")),
                                         QStringLiteral("--strategy"), QStringLiteral("grid")} +
                             kBase);
    QCOMPARE(badStrategy.code, 1);
    QVERIFY2(badStrategy.err.contains(QStringLiteral("strategy")), qPrintable(badStrategy.err));
    CliRun nothing = cli(QStringList{QStringLiteral("tune"), QStringLiteral("--project"), project,
                                     QStringLiteral("--output"), dir.filePath(QStringLiteral("none")),
                                     QStringLiteral("--resume")} +
                         kBase);
    QCOMPARE(nothing.code, 1);
    QVERIFY2(nothing.err.contains(QStringLiteral("tuning.json")), qPrintable(nothing.err));
    // No dev documents: the first trial says so and the search stops.
    CliRun noDev = cli(QStringList{QStringLiteral("tune"), QStringLiteral("--project"), project, QStringLiteral("--output"),
                                   dir.filePath(QStringLiteral("nodev")), QStringLiteral("--dev-split"),
                                   QStringLiteral("test"), QStringLiteral("--space"),
                                   QStringLiteral("learning_rate=log:1e-3:1e-1")} +
                       kBase);
    QCOMPARE(noDev.code, 1);
    QVERIFY2(noDev.err.contains(QStringLiteral("dev")), qPrintable(noDev.err));
  }
};

QTEST_GUILESS_MAIN(TestCliTune)
#include "test_cli_tune.moc"
