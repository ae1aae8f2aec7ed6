#pragma once
// Where a trained model errs, as a job for the workbench's error view (and any front end): reads a training
// run of a project (its best checkpoint and the dev splits it was scored on), predicts those documents
// with it (jobs/PredictionJob.h, recording nothing), reads their gold annotations and analyses the errors
// for the run's task (eval/ErrorAnalysis.h). Gold and predictions meet by store id, so a document added or
// removed in between is left out rather than misaligned.
//
// THREADS: start() works on a worker thread and returns at once; progress() and finished() arrive queued.
// runHere() works on the calling thread. FAILURES become outcomes (a run without a checkpoint, a model
// folder that is gone, an engine error, no documents to analyse). cancel() stops the prediction before its
// next chunk of documents.

#include <memory>

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QVector>

#include "common/Error.h"
#include "eval/ErrorAnalysis.h"
#include "jobs/JobThread.h"
#include "jobs/NestedPrediction.h"
#include "jobs/PredictionSpec.h"
#include "store/StoreTypes.h"

namespace quarry::jobs {

struct ErrorAnalysisSpec {
  QString projectPath;
  qint64 runId = 0;      // a finished (or cancelled) training run with a checkpoint
  QVector<Split> splits; // the documents to analyse; empty = the run's dev splits (dev when not recorded)
  int threads = 0;       // CPU threads; 0 = all cores
};

struct ErrorAnalysisOutcome {
  RunStatus status = RunStatus::Failed;  // Finished, Cancelled or Failed
  Error error;
  qint64 runId = 0;
  QString runName;
  QString task;                    // the model's task
  QString modelFolder;             // the checkpoint analysed
  QVector<Split> splits;           // the splits analysed
  QVector<qint64> documentIds;     // store id of each analysed document (ErrorAnalysis's document indexes)
  QStringList documentNames;       // the same documents' names
  // Finished: the analysis; null otherwise. Shared: the outcome travels by value in queued signals.
  std::shared_ptr<const eval::ErrorAnalysis> analysis;

  QString errorText() const { return QString::fromStdString(error.toString()); }
};

// The analysis of `outcome` as one HTML page (eval/ErrorReportWriter.h) at `path`, headed with the run, its
// model, the splits of `projectPath` analysed and `writer` ("Quarry", "quarry-cli errors"); with `compared`,
// also what `outcome`'s run fixed and broke against that run. Written whole or not at all.
Status writeErrorReportHtml(const QString& path, const ErrorAnalysisOutcome& outcome, const QString& projectPath,
                            const QString& writer, const ErrorAnalysisOutcome* compared = nullptr);
// Every error of `analysis` as CSV at `path`, and its per-type table beside it as <name>-per-type.csv, whose
// path it returns. Each file is written whole or not at all.
Result<QString> writeErrorCsv(const QString& path, const eval::ErrorAnalysis& analysis);

class ErrorAnalysisJob : public QObject {
  Q_OBJECT
 public:
  explicit ErrorAnalysisJob(ErrorAnalysisSpec spec, QObject* parent = nullptr);
  ~ErrorAnalysisJob() override;

  bool start();
  ErrorAnalysisOutcome runHere();
  void cancel();  // thread-safe
  bool isRunning() const { return m_worker.isRunning(); }
  const ErrorAnalysisOutcome& outcome() const { return m_outcome; }

 Q_SIGNALS:
  void progress(const quarry::jobs::PredictionProgress& progress);
  void finished(const quarry::jobs::ErrorAnalysisOutcome& outcome);

 private:
  ErrorAnalysisOutcome execute();

  ErrorAnalysisSpec m_spec;
  ErrorAnalysisOutcome m_outcome;
  NestedPrediction m_prediction;
  JobThread m_worker;  // last: destroyed (the work ended) before what the work uses
};

}  // namespace quarry::jobs

Q_DECLARE_METATYPE(quarry::jobs::ErrorAnalysisOutcome)
