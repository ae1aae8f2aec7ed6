#pragma once
// Training as a job, for every task and both front ends: reads the documents once (a project's splits
// through a connection of the job's own thread, or sets already read from files), records the run in the
// project (task, config, base model, data snapshot, and every document and annotation it read with a
// hash of its content, for jobs/RunLineage.h; the metrics after every dev evaluation; the end, timings and
// checkpoint), runs the engine and reports progress through a queued signal. The documents and that
// lineage are read in one read transaction, so that they agree while others annotate.
//
// THREADS: start() trains on a worker QThread of its own and returns at once; progress() and finished()
// then arrive queued on the job's thread. runHere() trains on the calling thread (quarry-cli), the signals
// delivered directly. The project is opened on the thread that trains: Qt SQL connections are per thread.
//
// FAILURES: every failure becomes an outcome, never an exception: an Error of the engine, c10::Error,
// std::bad_alloc or any other std::exception thrown inside LibTorch (model::catchEngineFailure). Once the
// run is recorded, it ends Failed with the reason in its error column. A failure before that (the project
// cannot be opened or read, there are no training documents) records nothing.
//
// CANCELLATION: cancel() may be called from any thread (a signal handler's thread included); training
// stops within one optimizer step, keeps best/, writes last/ and run.json, and the run ends Cancelled.
// A job cancelled before it trains still trains one step, so that it leaves a run to resume.

#include <QJsonObject>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>
#include <memory>

#include "common/Error.h"
#include "jobs/EngineDocuments.h"
#include "jobs/JobThread.h"
#include "store/StoreTypes.h"
#include "train/TrainConfig.h"
#include "train/distributed/DistributedOptions.h"

namespace quarry::train {
struct TrainResult;
}

namespace quarry::jobs {

// What to train.
struct TrainingSpec {
  // The project whose documents train (and evaluate) the model and whose run table records the run;
  // empty = train on `train` and `dev` below, recording nothing.
  QString projectPath;
  QVector<Split> trainSplits{Split::Train};  // with a project: the training split(s); empty = every split
  QVector<Split> devSplits{Split::Dev};      // with a project: the dev split(s); empty = every split
  bool readDev = true;  // with a project: false = no dev split is read (mlm then holds back dev_fraction)
  DocumentSet train;                         // without a project: the training documents
  DocumentSet dev;                           // without a project: the dev documents; none = no evaluation
  // Without a project: a project whose run table records the run all the same (the rounds of a simulated
  // active learner, jobs/ActiveLearningSimulation.h); its documents are not read. Empty = record nothing.
  QString recordProject;
  // Added to the recorded run's data (what the caller knows of the documents: the simulation's round).
  QJsonObject runData;
  // Distillation (config.teacherFolder): documents the teacher labels for the student, their annotations
  // not read: with a project its splits named here (none by default), without one `unlabelled`.
  QVector<Split> unlabelledSplits;
  DocumentSet unlabelled;
  // mlm: text corpora (.txt / .txt.gz files or folders of them) pretrained on besides the documents.
  QStringList corpora;
  train::TrainConfig config;                 // the task and every training option
  // Folder for best/, last/ and run.json; empty = <project>-models/run-<id> beside the project, or
  // ./quarry-model without one.
  QString outputFolder;
  bool resume = false;  // continue the interrupted run in outputFolder/last
  QString runName;  // the run's name in the project; empty = "<task title> <model kind>" ("NER bilstm-crf")
  // Data-parallel training: this process's place in the world (train/distributed/). Only rank 0 records
  // the run and writes outputFolder; the other ranks read the same documents, record nothing, log to
  // train-rank<R>.log there, and need outputFolder named (it is where rank 0's last/ is on --resume).
  train::DistributedOptions distributed;
};

// One report of a training run (train::TrainProgress in Qt terms).
struct TrainingProgress {
  QString phase;          // "train", "eval" (an evaluation starts), "evaluated", "done"
  qint64 step = 0;        // optimizer steps done
  qint64 totalSteps = 0;  // planned steps (may end earlier: early stopping, time limit)
  int epoch = 0;          // 0-based epoch in progress
  int epochs = 0;
  double loss = 0;       // mean training loss since the last evaluation
  QString metric;        // the primary dev metric's name ("micro_f1"); empty before the first
  double devScore = -1;  // the latest primary dev figure; -1 before the first evaluation
  double bestDevScore = -1;
  double elapsedSeconds = 0;
  double etaSeconds = -1;      // -1 = unknown
  double tokensPerSecond = 0;  // training positions per second so far
};

// How a job ended.
struct TrainingOutcome {
  qint64 runId = 0;                      // the run recorded in the project; 0 = none
  RunStatus status = RunStatus::Failed;  // Finished, Cancelled or Failed
  Error error;                           // Failed: why (file, line and field when known)
  QJsonObject result;                    // train::TrainResult::toJson(); empty when it failed
  QString bestFolder;                    // the best model's folder; empty = none
  QString recordWarning;                 // the run's end could not be recorded: why; empty = recorded
  std::shared_ptr<const train::TrainResult> engineResult;  // the engine's full result; null when it failed

  QString errorText() const { return QString::fromStdString(error.toString()); }
};

// "NER", "Classification", "Relations", "QA", "Pretraining": a task's name for people.
QString taskTitle(const std::string& task);

class TrainingJob : public QObject {
  Q_OBJECT
 public:
  explicit TrainingJob(TrainingSpec spec, QObject* parent = nullptr);
  // Destroying a job still running on its thread cancels it and waits for it to end.

  // Trains on a worker thread and returns at once; finished() follows. False when the job has already
  // been started (a job runs once).
  bool start();
  // Trains on the calling thread; returns what finished() carries.
  TrainingOutcome runHere();
  // Thread-safe; training stops after the current step.
  void cancel();
  bool isCancelled() const { return m_worker.isCancelled(); }
  // True from start() until finished() is emitted.
  bool isRunning() const { return m_worker.isRunning(); }
  // How the job ended, once finished() has been emitted.
  const TrainingOutcome& outcome() const { return m_outcome; }

 Q_SIGNALS:
  void progress(const quarry::jobs::TrainingProgress& progress);
  // Something a person should know before training starts ("12 discontinuous spans are trained as ...").
  void notice(const QString& text);
  void finished(const quarry::jobs::TrainingOutcome& outcome);

 private:
  void work();  // execute(), its outcome kept whatever escapes it
  TrainingOutcome execute();

  TrainingSpec m_spec;
  TrainingOutcome m_outcome;
  JobThread m_worker;  // last: destroyed (the work ended) before what the work uses
};

}  // namespace quarry::jobs

Q_DECLARE_METATYPE(quarry::jobs::TrainingProgress)
Q_DECLARE_METATYPE(quarry::jobs::TrainingOutcome)
