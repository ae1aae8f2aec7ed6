// jobs::PredictionJob on tiny projects with NER, classification and relation models trained in-process:
// predictions made on a worker thread with progress arriving queued on this one, the run row (task, status,
// counts) and its prediction rows; a job cancelled between chunks leaving a cancelled run and no rows; a
// wrong model folder and an exception inside the prediction ending as failed outcomes that say why, never a
// crash; runHere() predicting what start() predicts, from the project or from documents given directly.
#include <atomic>
#include <cmath>

#include <ATen/ops/empty.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include "NerCorpusTestSupport.h"
#include "TaskCorpusTestSupport.h"
#include "jobs/ErrorAnalysisJob.h"
#include "jobs/PredictionJob.h"
#include "jobs/RunComparison.h"
#include "jobs/RunWorker.h"
#include "store/ProjectStore.h"

using quarry::ModelRun;
using quarry::Prediction;
using quarry::ProjectStore;
using quarry::RunStatus;
using quarry::Split;
using quarry::jobs::ErrorAnalysisJob;
using quarry::jobs::ErrorAnalysisOutcome;
using quarry::jobs::PredictionJob;
using quarry::jobs::PredictionOutcome;
using quarry::jobs::PredictionProgress;
using quarry::jobs::PredictionSpec;

namespace {

QVector<ModelRun> runsOf(const QString& project) {
  auto store = ProjectStore::open(project, quarry::OpenMode::ReadOnly);
  if (!store) return {};
  auto runs = store.value()->listRuns();
  return runs ? runs.value() : QVector<ModelRun>{};
}

// The prediction rows of run `runId` over every document of `project`, its uncertainty rows (one per
// document, tested in test_active_learning_queue) left out.
QVector<Prediction> rowsOf(const QString& project, qint64 runId) {
  QVector<Prediction> rows;
  auto store = ProjectStore::open(project, quarry::OpenMode::ReadOnly);
  if (!store) return rows;
  auto documents = store.value()->listDocuments({});
  if (!documents) return rows;
  for (const auto& d : documents.value())
    if (auto some = store.value()->predictionsForDocument(d.id, runId))
      for (const Prediction& p : some.value())
        if (p.kind != QLatin1String("uncertainty")) rows << p;
  return rows;
}

QVector<quarry::RunLogLine> logOf(const QString& project, qint64 runId) {
  auto store = ProjectStore::open(project, quarry::OpenMode::ReadOnly);
  if (!store) return {};
  auto lines = store.value()->runLog(runId);
  return lines ? lines.value() : QVector<quarry::RunLogLine>{};
}

PredictionOutcome waitForEnd(PredictionJob& job, int timeoutMs = 60000) {
  QSignalSpy finished(&job, &PredictionJob::finished);
  if (job.isRunning() && !finished.wait(timeoutMs)) return {};
  return job.outcome();
}

// A job over the dev split of `project`, one thread, `chunk` documents between progress reports.
PredictionSpec devSpec(const QString& model, const QString& project, int chunk = 64) {
  PredictionSpec spec;
  spec.modelFolder = model;
  spec.projectPath = project;
  spec.splits = {Split::Dev};
  spec.threads = 1;
  spec.chunkDocuments = chunk;
  return spec;
}

// What a finished prediction run in `project` must hold: its row and one prediction row per prediction.
void checkRun(const QString& project, const PredictionOutcome& outcome, const PredictionSpec& spec,
              const QString& task, const QString& name, const QString& countKey, const QString& rowKind) {
  QVERIFY(outcome.runId > 0);
  const QVector<ModelRun> runs = runsOf(project);
  QVERIFY(!runs.isEmpty());
  const ModelRun& run = runs.back();
  QCOMPARE(run.id, outcome.runId);
  QCOMPARE(run.task, task);
  QCOMPARE(run.worker, quarry::jobs::currentWorker());
  QCOMPARE(run.name, name);
  QCOMPARE(run.status, RunStatus::Finished);
  QVERIFY(run.error.isEmpty());
  QCOMPARE(run.baseModel, QFileInfo(spec.modelFolder).absoluteFilePath());
  QCOMPARE(run.checkpointPath, run.baseModel);
  QVERIFY(run.started.isValid() && run.finished.isValid() && run.started <= run.finished);
  QCOMPARE(run.metrics.value(QStringLiteral("documents")).toInt(), outcome.counts.documents);
  QCOMPARE(run.metrics.value(countKey).toInteger(), outcome.counts.predictions);
  const QVector<Prediction> rows = rowsOf(project, outcome.runId);
  QCOMPARE(qint64(rows.size()), outcome.counts.predictions);
  for (const Prediction& r : rows) {
    QCOMPARE(r.kind, rowKind);
    QVERIFY(r.confidence > 0 && r.confidence <= 1);
  }
}

}  // namespace

class TestPredictionJob : public QObject {
  Q_OBJECT
  SyntheticNerFolder m_folder;
  QString m_nerProject, m_nerModel;
  QString m_classifyProject, m_classifyModel;
  QString m_relationProject, m_relationModel;

  // Trains `task` on `project` from scratch into <folder>/<task>; returns its best/ folder.
  QString train(const QString& task, const QString& project, const QStringList& settings) {
    const QString out = m_folder.path(task);
    QStringList args{QStringLiteral("train"),
                     QStringLiteral("--task"),
                     task,
                     QStringLiteral("--project"),
                     project,
                     QStringLiteral("--output"),
                     out,
                     QStringLiteral("--threads"),
                     QStringLiteral("1")};
    for (const QString& s : settings) args << QStringLiteral("--set") << s;
    const CliRun t = cli(args);
    if (t.code != 0) qWarning("%s", qPrintable(t.err));
    return t.code == 0 ? out + QStringLiteral("/best") : QString();
  }

  // A project of `task` with the files `train` and `dev` imported into their splits.
  QString project(const QString& name, const QString& train, const QString& dev) {
    const QString path = m_folder.path(name + QStringLiteral(".quarry"));
    if (cli({QStringLiteral("init"), path}).code != 0) return {};
    for (const auto& [file, split] :
         {std::pair{train, QStringLiteral("train")}, std::pair{dev, QStringLiteral("dev")}})
      if (CliRun r = cli({QStringLiteral("import"), path, file, QStringLiteral("--split"), split});
          r.code != 0) {
        qWarning("%s", qPrintable(r.err));
        return {};
      }
    return path;
  }

 private Q_SLOTS:
  void initTestCase() {
    const QString made = m_folder.make(80, 10);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    m_nerProject = m_folder.project;
    m_nerModel =
        train(QStringLiteral("ner"), m_nerProject,
              {QStringLiteral("epochs=20"), QStringLiteral("batch_size=8"), QStringLiteral("lstm_hidden=16"),
               QStringLiteral("word_dim=16"), QStringLiteral("dropout=0.1")});
    QVERIFY(!m_nerModel.isEmpty());

    task_corpus::writeTopicDocs(m_folder.path(QStringLiteral("topics-train.jsonl")), 60, 3,
                                QStringLiteral("train"));
    task_corpus::writeTopicDocs(m_folder.path(QStringLiteral("topics-dev.jsonl")), 20, 4,
                                QStringLiteral("dev"));
    m_classifyProject = project(QStringLiteral("topics"), m_folder.path(QStringLiteral("topics-train.jsonl")),
                                m_folder.path(QStringLiteral("topics-dev.jsonl")));
    QVERIFY(!m_classifyProject.isEmpty());
    m_classifyModel = train(QStringLiteral("classify"), m_classifyProject,
                            {QStringLiteral("epochs=6"), QStringLiteral("min_feature_count=1")});
    QVERIFY(!m_classifyModel.isEmpty());

    task_corpus::writeSemEval(m_folder.path(QStringLiteral("semeval-train.txt")), 90, 3, 1);
    task_corpus::writeSemEval(m_folder.path(QStringLiteral("semeval-dev.txt")), 12, 4, 1000);
    m_relationProject = project(QStringLiteral("semeval"), m_folder.path(QStringLiteral("semeval-train.txt")),
                                m_folder.path(QStringLiteral("semeval-dev.txt")));
    QVERIFY(!m_relationProject.isEmpty());
    m_relationModel = train(QStringLiteral("relation"), m_relationProject,
                            {QStringLiteral("epochs=6"), QStringLiteral("relation_filters=32")});
    QVERIFY(!m_relationModel.isEmpty());
  }

  // On a worker thread: progress after every chunk, delivered on this thread; the run and its rows.
  void nerOnWorkerThread() {
    const PredictionSpec spec = devSpec(m_nerModel, m_nerProject, 4);
    PredictionJob job(spec);
    QThread* const main = QThread::currentThread();
    std::atomic<QThread*> emitter{nullptr};
    connect(
        &job, &PredictionJob::progress, &job,
        [&](const PredictionProgress&) { emitter.store(QThread::currentThread()); }, Qt::DirectConnection);
    QObject receiver;  // lives on this thread: its slot is queued
    QVector<PredictionProgress> received;
    bool deliveredElsewhere = false;
    connect(&job, &PredictionJob::progress, &receiver, [&](const PredictionProgress& p) {
      if (QThread::currentThread() != main) deliveredElsewhere = true;
      received << p;
    });
    QSignalSpy finished(&job, &PredictionJob::finished);
    QVERIFY(job.start());
    QVERIFY(job.isRunning());
    QVERIFY(!job.start());  // a job runs once
    QVERIFY(finished.wait(60000));
    QVERIFY(!job.isRunning());

    const PredictionOutcome outcome = job.outcome();
    QVERIFY2(outcome.status == RunStatus::Finished, qPrintable(outcome.errorText()));
    QCOMPARE(outcome.task, QStringLiteral("ner"));
    QCOMPARE(finished.first().first().value<PredictionOutcome>().runId, outcome.runId);
    QVERIFY(emitter.load() != nullptr && emitter.load() != main);  // emitted on the worker ...
    QVERIFY(!deliveredElsewhere);                                  // ... delivered here
    QCOMPARE(received.size(), 4);                                  // before the first chunk, after each of 3
    const int done[] = {0, 4, 8, 10};
    for (int i = 0; i < received.size(); ++i) {
      QCOMPARE(received[i].documentsDone, done[i]);
      QCOMPARE(received[i].documents, 10);
    }

    QCOMPARE(outcome.counts.documents, 10);
    QCOMPARE(outcome.counts.inputs, qint64(10));  // one sentence each
    QVERIFY(outcome.counts.predictions >= 15);    // two entities each, nearly all found
    QVERIFY(outcome.counts.seconds > 0);
    QVERIFY(outcome.results);
    const quarry::jobs::PredictionResults& results = *outcome.results;
    QCOMPARE(results.task, std::string("ner"));
    QCOMPARE(results.predictions.size(), size_t(10));
    QCOMPARE(results.documents.storeIds.size(), 10);
    qint64 spans = 0;
    for (size_t d = 0; d < results.predictions.size(); ++d) {
      QVERIFY(results.documents.documents[d].entities.empty());  // the model never saw the gold
      QCOMPARE(results.predictions[d].documentId, results.documents.documents[d].id);
      spans += qint64(results.predictions[d].entities.size());
    }
    QCOMPARE(spans, outcome.counts.predictions);
    checkRun(m_nerProject, outcome, spec, QStringLiteral("ner"), QStringLiteral("NER predictions"),
             QStringLiteral("spans"), QStringLiteral("entity"));
    QCOMPARE(runsOf(m_nerProject).back().metrics.value(QStringLiteral("sentences")).toInt(), 10);
    // Its log: which model predicted for what, and the figures it ended with.
    const QVector<quarry::RunLogLine> log = logOf(m_nerProject, outcome.runId);
    QVERIFY(log.size() >= 2);
    QVERIFY2(log.front().message.startsWith(QStringLiteral("predicting with the ner model ")) &&
                 log.front().message.contains(QStringLiteral("for 10 documents")),
             qPrintable(log.front().message));
    QVERIFY2(
        log.back().message.startsWith(QStringLiteral("prediction finished: 10 documents, %1 spans from 10 "
                                                     "sentences")
                                          .arg(outcome.counts.predictions)),
        qPrintable(log.back().message));
  }

  void classificationOnWorkerThread() {
    PredictionSpec spec = devSpec(m_classifyModel, m_classifyProject, 8);
    spec.runName = QStringLiteral("topics of the dev split");
    PredictionJob job(spec);
    int reports = 0;
    connect(&job, &PredictionJob::progress, &job, [&](const PredictionProgress&) { ++reports; });
    QVERIFY(job.start());
    const PredictionOutcome outcome = waitForEnd(job);
    QVERIFY2(outcome.status == RunStatus::Finished, qPrintable(outcome.errorText()));
    QCOMPARE(outcome.task, QStringLiteral("classify"));
    QCOMPARE(reports, 4);  // 0, 8, 16, 20
    QCOMPARE(outcome.counts.documents, 20);
    QCOMPARE(outcome.counts.inputs, qint64(20));
    QCOMPARE(outcome.counts.predictions, qint64(20));  // single-label: one label each
    const quarry::jobs::PredictionResults& results = *outcome.results;
    QCOMPARE(results.labels.size(), size_t(3));
    QCOMPARE(results.probabilities.size(), size_t(20));
    for (size_t d = 0; d < 20; ++d) {
      QCOMPARE(results.probabilities[d].size(), size_t(3));
      QVERIFY(results.documents.documents[d].labels.empty());
      QCOMPARE(results.predictions[d].labels.size(), size_t(1));
    }
    checkRun(m_classifyProject, outcome, spec, QStringLiteral("classify"), spec.runName,
             QStringLiteral("labels"), QStringLiteral("label"));
  }

  // Relations between the annotated entities, which the job keeps for the model to read.
  void relationOnWorkerThread() {
    const PredictionSpec spec = devSpec(m_relationModel, m_relationProject, 5);
    PredictionJob job(spec);
    QVERIFY(job.start());
    const PredictionOutcome outcome = waitForEnd(job);
    QVERIFY2(outcome.status == RunStatus::Finished, qPrintable(outcome.errorText()));
    QCOMPARE(outcome.task, QStringLiteral("relation"));
    QCOMPARE(outcome.counts.documents, 12);
    QVERIFY(outcome.counts.inputs >= 12);  // a candidate pair or two per sentence
    const quarry::jobs::PredictionResults& results = *outcome.results;
    QCOMPARE(results.mentions.size(), size_t(12));
    for (size_t d = 0; d < 12; ++d) {
      QCOMPARE(results.mentions[d].size(), size_t(2));
      QVERIFY(results.documents.documents[d].relations.empty());
    }
    checkRun(m_relationProject, outcome, spec, QStringLiteral("relation"),
             QStringLiteral("Relation predictions"), QStringLiteral("relations"), QStringLiteral("relation"));
    for (const Prediction& r : rowsOf(m_relationProject, outcome.runId))
      QVERIFY(r.payload.value(QStringLiteral("head")).toObject().contains(QStringLiteral("start")));
  }

  // Cancelled after the third of ten chunks: the run ends cancelled, with no prediction rows.
  void cancelledBetweenChunks() {
    PredictionJob job(devSpec(m_nerModel, m_nerProject, 1));
    connect(
        &job, &PredictionJob::progress, &job,
        [&](const PredictionProgress& p) {
          if (p.documentsDone == 3) job.cancel();
        },
        Qt::DirectConnection);
    QVERIFY(job.start());
    const PredictionOutcome outcome = waitForEnd(job);
    QVERIFY2(outcome.status == RunStatus::Cancelled, qPrintable(outcome.errorText()));
    QCOMPARE(outcome.counts.documents, 3);
    QVERIFY(!outcome.results);
    const ModelRun run = runsOf(m_nerProject).back();
    QCOMPARE(run.id, outcome.runId);
    QCOMPARE(run.status, RunStatus::Cancelled);
    QCOMPARE(run.task, QStringLiteral("ner"));
    QCOMPARE(run.metrics.value(QStringLiteral("documents")).toInt(), 3);
    QVERIFY(run.finished.isValid());
    QVERIFY(rowsOf(m_nerProject, outcome.runId).isEmpty());

    PredictionJob early(devSpec(m_nerModel, m_nerProject));
    early.cancel();
    const PredictionOutcome before = early.runHere();
    QCOMPARE(before.status, RunStatus::Cancelled);
    QCOMPARE(before.counts.documents, 0);
    QCOMPARE(runsOf(m_nerProject).back().status, RunStatus::Cancelled);
    QVERIFY(rowsOf(m_nerProject, before.runId).isEmpty());
  }

  // Not a model folder, or one with a damaged file: failed outcomes naming it, nothing recorded.
  void wrongModelFolder() {
    const qsizetype runsBefore = runsOf(m_nerProject).size();
    QTemporaryDir empty;
    PredictionJob job(devSpec(empty.path(), m_nerProject));
    QVERIFY(job.start());
    const PredictionOutcome outcome = waitForEnd(job);
    QCOMPARE(outcome.status, RunStatus::Failed);
    QCOMPARE(outcome.runId, qint64(0));
    QVERIFY(outcome.task.isEmpty() && !outcome.results);
    QVERIFY2(outcome.errorText().contains(empty.path()), qPrintable(outcome.errorText()));

    const QString damaged = m_folder.path(QStringLiteral("damaged"));
    QVERIFY(QDir().mkpath(damaged));
    for (const QString& f : QDir(m_nerModel).entryList(QDir::Files))
      QVERIFY(QFile::copy(m_nerModel + QLatin1Char('/') + f, damaged + QLatin1Char('/') + f));
    QFile config(damaged + QStringLiteral("/quarry_ner.json"));
    QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write("{\"task\": \"ner\", \"tags\": ");
    config.close();
    PredictionJob broken(devSpec(damaged, m_nerProject));
    const PredictionOutcome failed = broken.runHere();
    QCOMPARE(failed.status, RunStatus::Failed);
    QVERIFY2(failed.errorText().contains(QStringLiteral("quarry_ner.json")), qPrintable(failed.errorText()));
    QCOMPARE(runsOf(m_nerProject).size(), runsBefore);

    PredictionSpec noProject = devSpec(m_nerModel, m_folder.path(QStringLiteral("nothing.quarry")));
    const PredictionOutcome missing = PredictionJob(noProject).runHere();
    QCOMPARE(missing.status, RunStatus::Failed);
    QVERIFY2(missing.errorText().contains(QStringLiteral("nothing.quarry")), qPrintable(missing.errorText()));
  }

  // A c10::Error thrown inside the prediction (from a progress handler on the worker, standing in for a
  // failing kernel) ends the run as failed with LibTorch's message and no rows; the process goes on.
  void engineFailureEndsRunFailed() {
    PredictionJob job(devSpec(m_nerModel, m_nerProject, 2));
    connect(
        &job, &PredictionJob::progress, &job,
        [](const PredictionProgress& p) {
          if (p.documentsDone == 4) at::empty({-1});
        },
        Qt::DirectConnection);
    QVERIFY(job.start());
    const PredictionOutcome outcome = waitForEnd(job);
    QCOMPARE(outcome.status, RunStatus::Failed);
    QVERIFY2(outcome.errorText().contains(QStringLiteral("prediction failed")) &&
                 outcome.errorText().contains(QStringLiteral("negative")),
             qPrintable(outcome.errorText()));
    const ModelRun run = runsOf(m_nerProject).back();
    QCOMPARE(run.id, outcome.runId);
    QCOMPARE(run.status, RunStatus::Failed);
    QCOMPARE(run.error, outcome.errorText());
    QVERIFY(run.finished.isValid());
    QVERIFY(rowsOf(m_nerProject, outcome.runId).isEmpty());
    const QVector<quarry::RunLogLine> log = logOf(m_nerProject, outcome.runId);
    QVERIFY(!log.isEmpty());
    QCOMPARE(log.back().level, QStringLiteral("error"));
    QCOMPARE(log.back().message, QStringLiteral("the run failed: ") + outcome.errorText());
  }

  // runHere() predicts what start() does, stored or not, and from documents given directly as from the
  // project; without storing, nothing is recorded.
  void runHereMatchesStart() {
    PredictionJob threaded(devSpec(m_nerModel, m_nerProject, 3));
    QVERIFY(threaded.start());
    const PredictionOutcome a = waitForEnd(threaded);
    QVERIFY2(a.status == RunStatus::Finished, qPrintable(a.errorText()));

    const qsizetype runsBefore = runsOf(m_nerProject).size();
    PredictionSpec here = devSpec(m_nerModel, m_nerProject, 3);
    here.store = false;
    const PredictionOutcome b = PredictionJob(here).runHere();
    QVERIFY2(b.status == RunStatus::Finished, qPrintable(b.errorText()));
    QCOMPARE(b.runId, qint64(0));

    auto store = ProjectStore::open(m_nerProject, quarry::OpenMode::ReadOnly);
    QVERIFY(store.ok());
    auto dev = quarry::jobs::documentsFromStore(*store.value(), {Split::Dev});
    QVERIFY(dev.ok());
    store.value().reset();
    PredictionSpec given = devSpec(m_nerModel, QString());
    given.documents = std::move(dev.value());
    const PredictionOutcome c = PredictionJob(std::move(given)).runHere();
    QVERIFY2(c.status == RunStatus::Finished, qPrintable(c.errorText()));
    QCOMPARE(c.runId, qint64(0));
    QCOMPARE(runsOf(m_nerProject).size(), runsBefore);

    for (const PredictionOutcome* other : {&b, &c}) {
      QCOMPARE(other->counts.predictions, a.counts.predictions);
      const auto& mine = a.results->predictions;
      const auto& theirs = other->results->predictions;
      QCOMPARE(theirs.size(), mine.size());
      for (size_t d = 0; d < mine.size(); ++d) {
        QCOMPARE(theirs[d].entities.size(), mine[d].entities.size());
        for (size_t e = 0; e < mine[d].entities.size(); ++e) {
          QCOMPARE(theirs[d].entities[e].start, mine[d].entities[e].start);
          QCOMPARE(theirs[d].entities[e].end, mine[d].entities[e].end);
          QCOMPARE(theirs[d].entities[e].type, mine[d].entities[e].type);
          // Equal up to float rounding: a worker thread's OpenMP team may sum in another order (seen on
          // a 2-core AMD EPYC: 0.578810811 against 0.578810871).
          QVERIFY(std::fabs(theirs[d].entities[e].confidence - mine[d].entities[e].confidence) <= 1e-6);
        }
      }
    }
  }

  // The error analysis of each training run: on a worker thread with progress, over the run's dev split,
  // its micro F1 the dev score the run recorded for its best checkpoint (NER: strict spans), every error
  // counted once by kind, each document named; a prediction run and a cancelled job end as outcomes.
  void errorAnalysisOfTrainingRuns() {
    for (const QString& project : {m_nerProject, m_classifyProject, m_relationProject}) {
      qint64 trainingRun = 0, predictionRun = 0;
      ModelRun trained;
      for (const ModelRun& r : runsOf(project)) {
        if (quarry::jobs::isTrainingRun(r) && r.status == RunStatus::Finished) {
          trainingRun = r.id;
          trained = r;
        }
        if (!quarry::jobs::isTrainingRun(r)) predictionRun = r.id;
      }
      QVERIFY2(trainingRun > 0, qPrintable(project));
      ErrorAnalysisJob job({project, trainingRun, {}, 1});
      QSignalSpy progress(&job, &ErrorAnalysisJob::progress);
      QSignalSpy finished(&job, &ErrorAnalysisJob::finished);
      QVERIFY(job.start());
      QVERIFY(finished.wait(60000));
      const ErrorAnalysisOutcome& outcome = job.outcome();
      QVERIFY2(outcome.status == RunStatus::Finished, qPrintable(outcome.errorText()));
      QVERIFY(progress.size() >= 2);
      QCOMPARE(outcome.splits, QVector<Split>{Split::Dev});
      QCOMPARE(outcome.task, trained.task);
      QVERIFY(outcome.analysis);
      const quarry::eval::ErrorAnalysis& a = *outcome.analysis;
      QCOMPARE(a.task, trained.task.toStdString());
      QCOMPARE(qsizetype(a.documents), outcome.documentIds.size());
      QCOMPARE(outcome.documentNames.size(), outcome.documentIds.size());
      QVERIFY(a.documents > 0);
      QVERIFY(a.micro.support > 0);
      int64_t counted = 0;
      for (const auto& [kind, n] : a.counts) counted += n;
      QCOMPARE(counted, a.errorCount());
      for (const auto& e : a.errors)
        QCOMPARE(QString::fromStdString(e.documentId), outcome.documentNames.value(int(e.document)));
      if (trained.task == QLatin1String("ner"))
        QCOMPARE(a.micro.f1, trained.metrics.value(QStringLiteral("best_dev_score")).toDouble());
      if (trained.task == QLatin1String("relation")) {
        // Relations are predicted between the gold entities: every error names its argument span.
        for (const auto& e : a.errors) QVERIFY(std::max(e.goldStart, e.predictedStart) >= 0);
      }

      if (predictionRun > 0) {
        const ErrorAnalysisOutcome refused = ErrorAnalysisJob({project, predictionRun, {}, 1}).runHere();
        QCOMPARE(refused.status, RunStatus::Failed);
        QVERIFY2(refused.errorText().contains(QLatin1String("not a training run")), qPrintable(refused.errorText()));
      }
    }
    ErrorAnalysisJob cancelled({m_nerProject, 1, {}, 1});
    cancelled.cancel();
    QCOMPARE(cancelled.runHere().status, RunStatus::Cancelled);
    const ErrorAnalysisOutcome missing = ErrorAnalysisJob({m_nerProject, 9999, {}, 1}).runHere();
    QCOMPARE(missing.status, RunStatus::Failed);
  }
};

QTEST_GUILESS_MAIN(TestPredictionJob)
#include "test_prediction_job.moc"
