#pragma once
// Prediction as a job, for every task and both front ends: loads a model folder of any task, reads the
// documents once (a project's splits through a connection of the job's own thread, or a set already read
// from files), removes their gold annotations, predicts in chunks of documents, and with a project records
// the run (task, model folder, options, counts) and its prediction rows.
//
// THREADS: start() predicts on a worker QThread of its own and returns at once; progress() and finished()
// then arrive queued on the job's thread. runHere() predicts on the calling thread (quarry-cli), the signals
// delivered directly. The project is opened on the thread that predicts: Qt SQL connections are per thread.
//
// FAILURES: every failure becomes an outcome, never an exception: an Error of the engine, c10::Error,
// std::bad_alloc or any other std::exception thrown inside LibTorch (model::catchEngineFailure). A failure
// before the run is recorded (the model folder or the project cannot be read, QA has nothing to ask)
// records nothing; after, the run ends Failed with the reason in its error column.
//
// CANCELLATION: cancel() may be called from any thread; prediction stops before the next chunk of
// documents, the run ends Cancelled and no prediction row is written: the rows of a run are written at its
// end, in one transaction.

#include <QObject>
#include <QString>

#include "jobs/JobThread.h"
#include "jobs/PredictionSpec.h"

namespace quarry::jobs {

class PredictionJob : public QObject {
  Q_OBJECT
 public:
  explicit PredictionJob(PredictionSpec spec, QObject* parent = nullptr);
  // Destroying a job still running on its thread cancels it and waits for it to end.

  // Predicts on a worker thread and returns at once; finished() follows. False when the job has already
  // been started (a job runs once).
  bool start();
  // Predicts on the calling thread; returns what finished() carries.
  PredictionOutcome runHere();
  // Thread-safe; prediction stops before the next chunk of documents.
  void cancel();
  bool isCancelled() const { return m_worker.isCancelled(); }
  // True from start() until finished() is emitted.
  bool isRunning() const { return m_worker.isRunning(); }
  // How the job ended, once finished() has been emitted.
  const PredictionOutcome& outcome() const { return m_outcome; }

 Q_SIGNALS:
  void progress(const quarry::jobs::PredictionProgress& progress);
  // Something a person should know ("int8 kernels are not available in this LibTorch").
  void notice(const QString& text);
  void finished(const quarry::jobs::PredictionOutcome& outcome);

 private:
  void work();  // execute(), its outcome kept whatever escapes it
  PredictionOutcome execute();

  PredictionSpec m_spec;
  PredictionOutcome m_outcome;
  JobThread m_worker;  // last: destroyed (the work ended) before what the work uses
};

}  // namespace quarry::jobs
