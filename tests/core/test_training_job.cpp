// jobs::TrainingJob on a tiny generated NER project: trained on a worker thread with progress arriving
// queued on this one, the run row going running -> finished with the history of every evaluation and the
// checkpoint; cancelled mid-run (best/ kept, the run cancelled); a failing engine (an Error, and a real
// c10::Error thrown inside the training loop) ending as a failed run with its reason, never a crash; the
// lineage of a run after annotations are added, changed and removed; the run's log (the job's lines and the
// engine's on the job's thread, not another thread's) in the project and in train.log, a failed run's ending
// with its reason.
#include <atomic>
#include <stdexcept>
#include <thread>

#include <ATen/ops/empty.h>
#include <unistd.h>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>
#include <QThread>
#include <QtTest>

#include "NerCorpusTestSupport.h"
#include "common/Log.h"
#include "jobs/RunLineage.h"
#include "jobs/RunWorker.h"
#include "jobs/TrainingJob.h"
#include "store/ProjectStore.h"

using quarry::ModelRun;
using quarry::ProjectStore;
using quarry::RunLogLine;
using quarry::RunStatus;
using quarry::jobs::TrainingJob;
using quarry::jobs::TrainingOutcome;
using quarry::jobs::TrainingProgress;
using quarry::jobs::TrainingSpec;

namespace {

// A small BiLSTM-CRF from scratch: a few steps an epoch, one evaluation per epoch.
TrainingSpec tinySpec(const QString& project, const QString& output, int epochs) {
  TrainingSpec spec;
  spec.projectPath = project;
  spec.outputFolder = output;
  spec.config.task = "ner";
  spec.config.kind = quarry::train::ModelKind::FromScratch;
  spec.config.epochs = epochs;
  spec.config.batchSize = 8;
  spec.config.lstmHidden = 16;
  spec.config.wordDim = 16;
  spec.config.dropout = 0.1;
  spec.config.patience = 0;
  spec.config.threads = 1;
  return spec;
}

QVector<ModelRun> runsOf(const QString& project) {
  auto store = ProjectStore::open(project, quarry::OpenMode::ReadOnly);
  if (!store) return {};
  auto runs = store.value()->listRuns();
  return runs ? runs.value() : QVector<ModelRun>{};
}

QVector<RunLogLine> logOf(const QString& project, qint64 runId) {
  auto store = ProjectStore::open(project, quarry::OpenMode::ReadOnly);
  if (!store) return {};
  auto lines = store.value()->runLog(runId);
  return lines ? lines.value() : QVector<RunLogLine>{};
}

QStringList fileLines(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// The last line of a failed run's log, in the project and in train.log, is the error with its reason.
void checkLogEndsWithFailure(const QString& project, const QString& output, const TrainingOutcome& outcome) {
  const QVector<RunLogLine> log = logOf(project, outcome.runId);
  QVERIFY(!log.isEmpty());
  QCOMPARE(log.back().level, QStringLiteral("error"));
  QVERIFY2(log.back().message.contains(outcome.errorText()), qPrintable(log.back().message));
  const QStringList file = fileLines(QDir(output).filePath(QStringLiteral("train.log")));
  QCOMPARE(file.size(), log.size());
  QVERIFY2(file.back().contains(QStringLiteral(" error the run failed: ")), qPrintable(file.back()));
}

TrainingOutcome waitForEnd(TrainingJob& job, int timeoutMs = 120000) {
  QSignalSpy finished(&job, &TrainingJob::finished);
  if (job.isRunning() && !finished.wait(timeoutMs)) return {};
  return job.outcome();
}

}  // namespace

class TestTrainingJob : public QObject {
  Q_OBJECT
  SyntheticNerFolder m_folder;
  QString m_project;

 private Q_SLOTS:
  void initTestCase() {
    const QString made = m_folder.make(40, 10);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    m_project = m_folder.project;
  }

  void trainsOnWorkerThread() {
    const QString out = m_folder.path(QStringLiteral("finished"));
    TrainingJob job(tinySpec(m_project, out, 3));
    QThread* const main = QThread::currentThread();
    std::atomic<QThread*> emitter{nullptr};
    QVector<TrainingProgress> received;
    bool deliveredElsewhere = false;
    // What a watcher on another connection sees right after the first evaluation, read on the worker.
    RunStatus watchedStatus = RunStatus::Pending;
    int watchedHistory = -1;
    connect(
        &job, &TrainingJob::progress, &job,
        [&](const TrainingProgress& p) {
          emitter.store(QThread::currentThread());
          if (p.phase == QLatin1String("evaluated") && watchedHistory < 0) {
            auto store = ProjectStore::open(m_project, quarry::OpenMode::ReadOnly);
            if (!store) return;
            auto runs = store.value()->listRuns();
            if (!runs || runs->isEmpty()) return;
            watchedStatus = runs->back().status;
            watchedHistory = int(runs->back().metrics.value(QStringLiteral("history")).toArray().size());
          }
        },
        Qt::DirectConnection);
    QObject receiver;  // lives on this thread: its slot is queued
    connect(&job, &TrainingJob::progress, &receiver, [&](const TrainingProgress& p) {
      if (QThread::currentThread() != main) deliveredElsewhere = true;
      received << p;
    });
    QSignalSpy finished(&job, &TrainingJob::finished);
    QVERIFY(job.start());
    QVERIFY(job.isRunning());
    QVERIFY(!job.start());  // a job runs once
    QVERIFY(finished.wait(120000));
    QVERIFY(!job.isRunning());

    const TrainingOutcome outcome = job.outcome();
    QVERIFY2(outcome.status == RunStatus::Finished, qPrintable(outcome.errorText()));
    QVERIFY(outcome.runId > 0);
    QCOMPARE(outcome.bestFolder, QDir(out).filePath(QStringLiteral("best")));
    QVERIFY(QFileInfo::exists(outcome.bestFolder + QStringLiteral("/quarry_ner.json")));
    QCOMPARE(outcome.result.value(QStringLiteral("task")).toString(), QStringLiteral("ner"));
    QVERIFY(outcome.engineResult);
    QCOMPARE(finished.first().first().value<TrainingOutcome>().runId, outcome.runId);

    QVERIFY(emitter.load() != nullptr && emitter.load() != main);  // emitted on the worker ...
    QVERIFY(!deliveredElsewhere);                                  // ... delivered here
    QVERIFY(!received.isEmpty());
    QCOMPARE(received.back().phase, QStringLiteral("done"));
    int evaluations = 0;
    for (const TrainingProgress& p : received) {
      QVERIFY(p.totalSteps > 0 && p.step <= p.totalSteps && p.epochs == 3);
      if (p.phase == QLatin1String("evaluated")) {
        ++evaluations;
        QCOMPARE(p.metric, QStringLiteral("micro_f1"));
        QVERIFY(p.devScore >= 0 && p.bestDevScore >= p.devScore);
      }
    }
    QCOMPARE(evaluations, 3);
    QCOMPARE(watchedStatus, RunStatus::Running);
    QCOMPARE(watchedHistory, 1);

    const QVector<ModelRun> runs = runsOf(m_project);
    QCOMPARE(runs.size(), 1);
    const ModelRun& run = runs.front();
    QCOMPARE(run.id, outcome.runId);
    QCOMPARE(run.status, RunStatus::Finished);
    QCOMPARE(run.task, QStringLiteral("ner"));
    QVERIFY(run.error.isEmpty());
    QCOMPARE(run.checkpointPath, outcome.bestFolder);
    QVERIFY(run.started.isValid() && run.finished.isValid() && run.started <= run.finished);
    QCOMPARE(run.metrics.value(QStringLiteral("history")).toArray().size(), 3);
    QCOMPARE(run.metrics.value(QStringLiteral("end")).toString(), QStringLiteral("finished"));
    QCOMPARE(run.config.value(QStringLiteral("epochs")).toInt(), 3);
    QCOMPARE(run.data.value(QStringLiteral("train")).toObject().value(QStringLiteral("documents")).toInt(),
             40);
    QCOMPARE(run.data.value(QStringLiteral("train")).toObject().value(QStringLiteral("entities")).toInt(),
             80);
    QCOMPARE(run.data.value(QStringLiteral("dev")).toObject().value(QStringLiteral("documents")).toInt(), 10);
    QVERIFY(!run.data.value(QStringLiteral("fingerprint")).toString().isEmpty());
    QCOMPARE(run.data.value(QStringLiteral("train_splits")).toArray(), QJsonArray{QStringLiteral("train")});
    QVERIFY(run.data.value(QStringLiteral("engine")).isObject());
  }

  // The run's log: the job's start line, every evaluation and the end, and what the engine logs on the
  // job's thread (the trainer's info lines, a warning from a handler on the worker) but not what another
  // thread logs at the same time; the same lines in <output>/train.log, one per entry.
  void logKeepsTheJobsThreadOnly() {
    const QString out = m_folder.path(QStringLiteral("logged"));
    TrainingJob job(tinySpec(m_project, out, 3));
    std::atomic<bool> logged{false};
    connect(
        &job, &TrainingJob::progress, &job,
        [&](const TrainingProgress& p) {
          if (p.phase != QLatin1String("evaluated") || logged.exchange(true)) return;
          quarry::log::get("train")->warn("an engine warning on the job's thread");
          std::thread other([] { quarry::log::get("train")->warn("a warning of another thread"); });
          other.join();
        },
        Qt::DirectConnection);
    QVERIFY(job.start());
    const TrainingOutcome outcome = waitForEnd(job);
    QVERIFY2(outcome.status == RunStatus::Finished, qPrintable(outcome.errorText()));
    QVERIFY(logged.load());

    const QVector<RunLogLine> log = logOf(m_project, outcome.runId);
    QVERIFY(log.size() > 5);
    QStringList messages;
    for (int i = 0; i < log.size(); ++i) {
      QCOMPARE(log[i].sequence, i + 1);
      QVERIFY(log[i].time.isValid());
      messages << log[i].message;
    }
    const QString all = messages.join(QLatin1Char('\n'));
    QVERIFY2(messages.front().startsWith(
                 QStringLiteral("training NER bilstm-crf from scratch on 40 documents (dev 10): 3 epochs")),
             qPrintable(messages.front()));
    const QRegularExpression evaluation(
        QStringLiteral("^evaluation at step \\d+ of \\d+: dev micro_f1 [0-9.]+, best [0-9.]+; train loss"));
    QCOMPARE(messages.filter(evaluation).size(), 3);
    QVERIFY2(!messages.filter(QStringLiteral("best model saved to ")).isEmpty(), qPrintable(all));
    QVERIFY2(messages.contains(QStringLiteral("[train] an engine warning on the job's thread")),
             qPrintable(all));
    const qsizetype warning =
        messages.indexOf(QStringLiteral("[train] an engine warning on the job's thread"));
    QCOMPARE(log[warning].level, QStringLiteral("warn"));
    QVERIFY2(!all.contains(QStringLiteral("another thread")), qPrintable(all));
    // The trainer's own info lines, below the console's level (warn), are the run's all the same.
    QVERIFY2(
        !messages.filter(QRegularExpression(QStringLiteral("^\\[train\\] training .* steps$"))).isEmpty(),
        qPrintable(all));
    QVERIFY2(messages.back().startsWith(QStringLiteral("training finished after ")),
             qPrintable(messages.back()));
    QCOMPARE(log.back().level, QStringLiteral("info"));

    const QStringList file = fileLines(QDir(out).filePath(QStringLiteral("train.log")));
    QCOMPARE(file.size(), log.size());
    for (int i = 0; i < file.size(); ++i)
      QCOMPARE(file[i], log[i].time.toString(Qt::ISODateWithMs) + QLatin1Char(' ') + log[i].level +
                            QLatin1Char(' ') + log[i].message);
    QVERIFY2(file.front().contains(
                 QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z info training "))),
             qPrintable(file.front()));
  }

  // Cancelled after the first evaluation: the run stops within a step, keeps best/ and writes last/.
  void cancelKeepsBest() {
    const QString out = m_folder.path(QStringLiteral("cancelled"));
    TrainingJob job(tinySpec(m_project, out, 500));
    qint64 cancelledAt = -1, lastStep = 0;
    connect(&job, &TrainingJob::progress, &job, [&](const TrainingProgress& p) {
      lastStep = p.step;
      if (p.phase == QLatin1String("evaluated") && cancelledAt < 0) {
        cancelledAt = p.step;
        job.cancel();
      }
    });
    QVERIFY(job.start());
    const TrainingOutcome outcome = waitForEnd(job);
    QVERIFY2(outcome.status == RunStatus::Cancelled, qPrintable(outcome.errorText()));
    QVERIFY(cancelledAt > 0);
    QVERIFY2(lastStep < 500 * 5, "training did not stop");
    QVERIFY(QFileInfo::exists(outcome.bestFolder + QStringLiteral("/quarry_ner.json")));
    QVERIFY(QFileInfo::exists(out + QStringLiteral("/last")));
    QCOMPARE(outcome.result.value(QStringLiteral("end")).toString(), QStringLiteral("cancelled"));

    const QVector<ModelRun> runs = runsOf(m_project);
    QVERIFY(!runs.isEmpty());
    const ModelRun& run = runs.back();
    QCOMPARE(run.id, outcome.runId);
    QCOMPARE(run.status, RunStatus::Cancelled);
    QCOMPARE(run.checkpointPath, outcome.bestFolder);
    QVERIFY(run.finished.isValid());
    auto store = ProjectStore::open(m_project);
    QVERIFY(store.ok());
    QVERIFY(store.value()->checkContents().ok());
  }

  // A job destroyed while it trains is cancelled and waited for; its run does not stay running.
  void destroyedWhileRunning() {
    const QString out = m_folder.path(QStringLiteral("destroyed"));
    {
      TrainingJob job(tinySpec(m_project, out, 500));
      bool started = false;
      connect(&job, &TrainingJob::progress, &job, [&](const TrainingProgress&) { started = true; });
      QVERIFY(job.start());
      QTRY_VERIFY_WITH_TIMEOUT(started, 60000);
    }
    for (const ModelRun& r : runsOf(m_project)) QVERIFY(r.status != RunStatus::Running);
    QVERIFY(QFileInfo::exists(out + QStringLiteral("/last")));
  }

  // A base model folder that is not one: the engine's Error ends the run as failed, with the reason.
  void failedEngineError() {
    QTemporaryDir notAModel;
    const QString out = m_folder.path(QStringLiteral("not-a-model"));
    TrainingSpec spec = tinySpec(m_project, out, 2);
    spec.config.kind = quarry::train::ModelKind::Transformer;
    spec.config.modelFolder = notAModel.path().toStdString();
    TrainingJob job(std::move(spec));
    QVERIFY(job.start());
    const TrainingOutcome outcome = waitForEnd(job);
    QCOMPARE(outcome.status, RunStatus::Failed);
    QVERIFY(!outcome.errorText().isEmpty());
    QVERIFY(outcome.runId > 0 && outcome.result.isEmpty() && !outcome.engineResult);
    const QVector<ModelRun> runs = runsOf(m_project);
    QCOMPARE(runs.back().id, outcome.runId);
    QCOMPARE(runs.back().status, RunStatus::Failed);
    QCOMPARE(runs.back().error, outcome.errorText());
    QVERIFY2(runs.back().error.contains(notAModel.path()), qPrintable(runs.back().error));
    QVERIFY(runs.back().finished.isValid());
    checkLogEndsWithFailure(m_project, out, outcome);
  }

  // A c10::Error thrown inside the training loop (from a progress handler on the worker, standing in for a
  // failing kernel) ends the run as failed with LibTorch's message; the process goes on.
  void failedLibTorchException() {
    const QString out = m_folder.path(QStringLiteral("thrown"));
    TrainingJob job(tinySpec(m_project, out, 2));
    connect(
        &job, &TrainingJob::progress, &job,
        [](const TrainingProgress& p) {
          if (p.step == 2) at::empty({-1});
        },
        Qt::DirectConnection);
    QVERIFY(job.start());
    const TrainingOutcome outcome = waitForEnd(job);
    QCOMPARE(outcome.status, RunStatus::Failed);
    QVERIFY2(outcome.errorText().contains(QStringLiteral("training failed")) &&
                 outcome.errorText().contains(QStringLiteral("negative")),
             qPrintable(outcome.errorText()));
    const QVector<ModelRun> runs = runsOf(m_project);
    QCOMPARE(runs.back().id, outcome.runId);
    QCOMPARE(runs.back().status, RunStatus::Failed);
    QCOMPARE(runs.back().error, outcome.errorText());
    checkLogEndsWithFailure(m_project, out, outcome);
    // LibTorch's message is the log's too.
    QVERIFY(logOf(m_project, outcome.runId).back().message.contains(QStringLiteral("negative")));
  }

  // Documents already read (files) on the calling thread: nothing recorded; no documents is a failure.
  void runHereWithoutProject() {
    TrainingSpec empty = tinySpec(QString(), m_folder.path(QStringLiteral("empty")), 1);
    TrainingJob nothing(std::move(empty));
    const TrainingOutcome none = nothing.runHere();
    QCOMPARE(none.status, RunStatus::Failed);
    QCOMPARE(none.runId, qint64(0));
    QCOMPARE(none.errorText(), QStringLiteral("no training documents"));

    auto store = ProjectStore::open(m_project, quarry::OpenMode::ReadOnly);
    QVERIFY(store.ok());
    auto trainSet = quarry::jobs::documentsFromStore(*store.value(), {quarry::Split::Train});
    QVERIFY(trainSet.ok());
    store.value().reset();
    const qsizetype runsBefore = runsOf(m_project).size();
    TrainingSpec spec = tinySpec(QString(), m_folder.path(QStringLiteral("files")), 1);
    spec.train = std::move(trainSet.value());
    TrainingJob job(std::move(spec));
    int progressed = 0;
    connect(&job, &TrainingJob::progress, &job, [&](const TrainingProgress&) { ++progressed; });
    const TrainingOutcome outcome = job.runHere();
    QVERIFY2(outcome.status == RunStatus::Finished, qPrintable(outcome.errorText()));
    QCOMPARE(outcome.runId, qint64(0));
    QVERIFY(progressed > 0);
    QCOMPARE(runsOf(m_project).size(), runsBefore);
  }

  // The run records every document and annotation it read; afterwards the project says what was added,
  // changed (not an edit that changes nothing) or removed since, and that the model is stale.
  // A run left "running" by a process that has ended is marked interrupted by the next job; one of a live
  // process, of another host or already ended is left alone. The new run records its worker and folder.
  void interruptedRunsAreMarked() {
    QProcess ended;
    qint64 endedPid = 0;
    connect(&ended, &QProcess::started, this, [&] { endedPid = ended.processId(); });
    ended.start(QStringLiteral("true"));
    QVERIFY(ended.waitForFinished(10000));
    QVERIFY(endedPid > 0);
    const QString host = QSysInfo::machineHostName();
    const QString gone = host + QStringLiteral(":%1").arg(endedPid);
    const QString alive = host + QStringLiteral(":%1").arg(qint64(::getppid()));
    QVERIFY(quarry::jobs::workerIsGone(gone));
    QVERIFY(!quarry::jobs::workerIsGone(alive));
    QVERIFY(!quarry::jobs::workerIsGone(quarry::jobs::currentWorker()));
    QVERIFY(!quarry::jobs::workerIsGone(QStringLiteral("another-host.invalid:%1").arg(endedPid)));
    QVERIFY(!quarry::jobs::workerIsGone(QString()));
    QVector<qint64> ids;
    {
      auto store = ProjectStore::open(m_project);
      QVERIFY(store);
      for (const auto& [worker, status] :
           {std::pair{gone, RunStatus::Running}, std::pair{alive, RunStatus::Running},
            std::pair{QStringLiteral("another-host.invalid:%1").arg(endedPid), RunStatus::Running},
            std::pair{gone, RunStatus::Finished}}) {
        ModelRun run;
        run.name = QStringLiteral("left behind");
        run.task = QStringLiteral("ner");
        run.status = status;
        run.worker = worker;
        auto id = store.value()->createRun(run);
        QVERIFY(id);
        ids << id.value();
      }
    }
    const QString out = m_folder.path(QStringLiteral("after-interrupted"));
    TrainingJob job(tinySpec(m_project, out, 1));
    const TrainingOutcome outcome = job.runHere();
    QCOMPARE(outcome.status, RunStatus::Finished);
    auto store = ProjectStore::open(m_project, quarry::OpenMode::ReadOnly);
    QVERIFY(store);
    auto marked = store.value()->run(ids[0]);
    QVERIFY(marked);
    QCOMPARE(marked->status, RunStatus::Interrupted);
    QVERIFY2(marked->error.contains(gone), qPrintable(marked->error));
    QVERIFY(marked->finished.isValid());
    QCOMPARE(store.value()->run(ids[1])->status, RunStatus::Running);
    QCOMPARE(store.value()->run(ids[2])->status, RunStatus::Running);
    QCOMPARE(store.value()->run(ids[3])->status, RunStatus::Finished);
    auto mine = store.value()->run(outcome.runId);
    QVERIFY(mine);
    QCOMPARE(mine->worker, quarry::jobs::currentWorker());
    QCOMPARE(mine->data.value(QStringLiteral("output_folder")).toString(), QDir(out).absolutePath());
    // Nothing left to mark a second time.
    auto again = quarry::jobs::markInterruptedRuns(*store.value());
    QVERIFY(!again || again.value() == 0);
  }

  void lineageAfterEdits() {
    const QString project = m_folder.path(QStringLiteral("lineage.quarry"));
    const QString made = makeSyntheticNerProject(m_folder.dir.path(), project, 20, 5);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    TrainingJob job(tinySpec(project, m_folder.path(QStringLiteral("lineage")), 1));
    const TrainingOutcome outcome = job.runHere();
    QVERIFY2(outcome.status == RunStatus::Finished, qPrintable(outcome.errorText()));

    auto store = ProjectStore::open(project);
    QVERIFY(store.ok());
    ProjectStore& s = *store.value();
    auto fresh = quarry::jobs::runLineage(s, outcome.runId);
    QVERIFY2(fresh.ok(), fresh.ok() ? "" : fresh.error().toString().c_str());
    QVERIFY(fresh->recorded && !fresh->stale());
    QCOMPARE(fresh->trainedOn, 20 + 40 + 5 + 10);  // documents and their two entities each

    auto docs = s.listDocuments({});
    QVERIFY(docs.ok());
    qint64 trainDoc = 0, devDoc = 0;
    for (const auto& d : docs.value()) {
      if (d.split == quarry::Split::Train && !trainDoc) trainDoc = d.id;
      if (d.split == quarry::Split::Dev && !devDoc) devDoc = d.id;
    }
    auto stored = s.loadDocument(trainDoc);
    QVERIFY(stored.ok() && stored->entityIds.size() == 2);
    const qint64 changedId = stored->entityIds[0], removedId = stored->entityIds[1];
    const quarry::EntitySpan& first = stored->document.entities[0];
    // An edit that changes nothing is no change to what the model read.
    QVERIFY(s.updateEntity(changedId, first.type, first.fragments, QStringLiteral("tester")).ok());
    auto unchanged = quarry::jobs::runLineage(s, outcome.runId);
    QVERIFY(unchanged.ok() && !unchanged->stale());

    const QString otherType =
        first.type == QLatin1String("DRUG") ? QStringLiteral("DISEASE") : QStringLiteral("DRUG");
    QVERIFY(s.updateEntity(changedId, otherType, first.fragments, QStringLiteral("tester")).ok());
    QVERIFY(s.removeEntity(removedId, QStringLiteral("tester")).ok());
    quarry::EntitySpan added;
    added.type = QStringLiteral("DRUG");
    added.fragments = {quarry::Fragment{0, 8}};
    auto addedId = s.addEntity(trainDoc, added, QStringLiteral("tester"));
    QVERIFY(addedId.ok());
    QVERIFY(s.setDocumentSplit(devDoc, quarry::Split::Test, QStringLiteral("tester")).ok());

    auto lineage = quarry::jobs::runLineage(s, outcome.runId);
    QVERIFY(lineage.ok());
    QVERIFY(lineage->stale());
    QCOMPARE(lineage->added.size(), 1);
    QCOMPARE(lineage->added[0].annotationId, addedId.value());
    QCOMPARE(lineage->added[0].kind, QStringLiteral("entity"));
    QCOMPARE(lineage->changed.size(), 1);
    QCOMPARE(lineage->changed[0].annotationId, changedId);
    // The removed entity, and the dev document moved to test with its two entities.
    QCOMPARE(lineage->removed.size(), 4);
    int removedDocuments = 0;
    for (const quarry::AnnotationVersion& v : lineage->removed) {
      if (v.kind == QLatin1String("document")) {
        ++removedDocuments;
        QCOMPARE(v.annotationId, devDoc);
        QCOMPARE(v.role, QStringLiteral("dev"));
      } else {
        QVERIFY(v.annotationId == removedId || v.documentId == devDoc);
      }
    }
    QCOMPARE(removedDocuments, 1);
  }

  // The run records the suggestions decided on its training documents (those of other splits left out):
  // the rejected ones are what it learns as negatives.
  void decidedSuggestionsAreRecorded() {
    const QString project = m_folder.path(QStringLiteral("decided.quarry"));
    const QString made = makeSyntheticNerProject(m_folder.dir.path(), project, 10, 4);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    {
      auto store = ProjectStore::open(project);
      QVERIFY(store.ok());
      ProjectStore& s = *store.value();
      quarry::ModelRun suggestions;
      suggestions.name = QStringLiteral("suggestions");
      auto runId = s.createRun(suggestions);
      QVERIFY(runId.ok());
      QVector<quarry::Prediction> rows;
      const auto documents = s.listDocuments({});
      QVERIFY(documents.ok());
      for (const auto& d : documents.value())
        for (int i = 0; i < 2; ++i) {
          quarry::Prediction p;
          p.documentId = d.id;
          p.kind = QStringLiteral("entity");
          p.payload.insert(QStringLiteral("split"), quarry::splitName(d.split));
          rows << p;
        }
      QVERIFY(s.addPredictions(runId.value(), rows).ok());
      int decided = 0;
      const auto stored = s.predictionsOfRun(runId.value(), QStringLiteral("entity"));
      QVERIFY(stored.ok());
      for (const quarry::Prediction& p : stored.value()) {
        // Every dev suggestion rejected; on train, 3 accepted and 5 rejected.
        const bool dev = p.payload.value(QStringLiteral("split")).toString() == QLatin1String("dev");
        if (!dev && decided >= 8) continue;
        const bool accept = !dev && decided++ < 3;
        QVERIFY(s.decidePrediction(p.id, accept ? QStringLiteral("accepted") : QStringLiteral("rejected"),
                                   QStringLiteral("tester"))
                    .ok());
      }
      QCOMPARE(decided, 8);
    }
    TrainingJob job(tinySpec(project, m_folder.path(QStringLiteral("decided")), 1));
    const TrainingOutcome outcome = job.runHere();
    QVERIFY2(outcome.status == RunStatus::Finished, qPrintable(outcome.errorText()));
    const QVector<ModelRun> runs = runsOf(project);
    const QJsonObject train = runs.back().data.value(QStringLiteral("train")).toObject();
    QCOMPARE(train.value(QStringLiteral("suggestions_accepted")).toInt(), 3);
    QCOMPARE(train.value(QStringLiteral("suggestions_rejected")).toInt(), 5);
  }
};

QTEST_GUILESS_MAIN(TestTrainingJob)
#include "test_training_job.moc"
