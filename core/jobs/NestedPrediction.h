#pragma once
// A prediction made inside another job's work (ErrorAnalysisJob, CalibrationJob): a PredictionJob over
// splits of a project that records nothing, run on the calling thread (the outer job's worker), its
// progress passed on, and cancellable from any thread before it starts or while it runs.

#include <functional>
#include <mutex>

#include <QString>
#include <QVector>

#include "jobs/PredictionSpec.h"
#include "store/StoreTypes.h"

namespace quarry::jobs {

class PredictionJob;

class NestedPrediction {
 public:
  // Predicts `splits` of the project at `projectPath` with the model in `modelFolder` (on `threads` CPU
  // threads, 0 = all cores) on the calling thread, recording nothing; each report goes to `progress`, on
  // this thread. Cancelled, having predicted nothing, when cancel() came first.
  PredictionOutcome run(const QString& projectPath, const QString& modelFolder, const QVector<Split>& splits,
                        int threads, const std::function<void(const PredictionProgress&)>& progress);
  // Thread-safe: a running prediction stops before its next chunk of documents; a later run() predicts
  // nothing.
  void cancel();

 private:
  std::mutex m_mutex;
  bool m_cancelled = false;
  PredictionJob* m_job = nullptr;  // while run() predicts
};

}  // namespace quarry::jobs
