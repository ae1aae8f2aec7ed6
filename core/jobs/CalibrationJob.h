#pragma once
// The review queue's thresholds derived from dev, as a job for the Review dock (and any front end): reads
// the gold of a project's dev split, predicts the same documents with a model of any task (read from its
// folder; jobs/PredictionJob.h, recording nothing), marks each prediction right or wrong against the gold
// (markDevPredictions, jobs/ReviewBands.h) and takes each threshold as the lowest whose dev precision
// reaches its target (suggest::thresholdForPrecision).
//
// THREADS: start() works on a worker thread with a store connection of its own and returns at once;
// progress() and finished() arrive queued. runHere() works on the calling thread. FAILURES become outcomes
// (a project without dev documents, a model folder that is gone, an engine error, c10::Error included).
// cancel() stops the prediction before its next chunk of documents; a job cancelled before it ends ends
// Cancelled, its thresholds not given.

#include <QMetaType>
#include <QObject>
#include <QString>

#include "common/Error.h"
#include "jobs/JobThread.h"
#include "jobs/NestedPrediction.h"
#include "jobs/PredictionSpec.h"
#include "store/StoreTypes.h"
#include "suggest/ConfidenceBands.h"

namespace quarry::jobs {

struct CalibrationSpec {
  QString projectPath;          // whose dev split is predicted
  QString modelFolder;          // a model folder written by training (best/); the task is read from it
  double highPrecision = 0.95;  // dev precision the auto-accept threshold reaches, in (0, 1]
  double lowPrecision = 0.5;    // dev precision above the escalate threshold, in (0, 1]
  int threads = 0;              // CPU threads; 0 = all cores
};

struct CalibrationOutcome {
  RunStatus status = RunStatus::Failed;  // Finished, Cancelled or Failed
  Error error;                           // Failed: why (naming the file when there is one)
  QString task;                          // the model's task; empty when its folder could not be read
  int documents = 0;                     // dev documents predicted
  suggest::PrecisionThreshold high;      // Finished: for the high target (auto-accept)
  suggest::PrecisionThreshold low;       // Finished: for the low target (below it: escalate)

  QString errorText() const { return QString::fromStdString(error.toString()); }
};

class CalibrationJob : public QObject {
  Q_OBJECT
 public:
  explicit CalibrationJob(CalibrationSpec spec, QObject* parent = nullptr);
  // Destroying a job still running on its thread cancels it and waits for it to end.
  ~CalibrationJob() override;

  // Works on a worker thread and returns at once; finished() follows. False when the job has already been
  // started (a job runs once).
  bool start();
  // Works on the calling thread; returns what finished() carries.
  CalibrationOutcome runHere();
  void cancel();  // thread-safe
  bool isCancelled() const { return m_worker.isCancelled(); }
  // True from start() until finished() is emitted.
  bool isRunning() const { return m_worker.isRunning(); }
  const CalibrationSpec& spec() const { return m_spec; }
  // How the job ended, once finished() has been emitted.
  const CalibrationOutcome& outcome() const { return m_outcome; }

 Q_SIGNALS:
  // Dev documents predicted of all (jobs/PredictionSpec.h: once before the first chunk, after each).
  void progress(const quarry::jobs::PredictionProgress& progress);
  void finished(const quarry::jobs::CalibrationOutcome& outcome);

 private:
  void work();  // execute(), its outcome kept whatever escapes it
  CalibrationOutcome execute();

  CalibrationSpec m_spec;
  CalibrationOutcome m_outcome;
  NestedPrediction m_prediction;
  JobThread m_worker;  // last: destroyed (the work ended) before what the work uses
};

}  // namespace quarry::jobs

Q_DECLARE_METATYPE(quarry::jobs::CalibrationOutcome)
