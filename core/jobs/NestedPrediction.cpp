#include "jobs/NestedPrediction.h"

#include "jobs/PredictionJob.h"

namespace quarry::jobs {

PredictionOutcome NestedPrediction::run(const QString& projectPath, const QString& modelFolder,
                                        const QVector<Split>& splits, int threads,
                                        const std::function<void(const PredictionProgress&)>& progress) {
  PredictionSpec spec;
  spec.modelFolder = modelFolder;
  spec.projectPath = projectPath;
  spec.splits = splits;
  spec.store = false;
  spec.uncertainty = false;
  spec.threads = threads;
  PredictionJob job(spec);
  QObject::connect(&job, &PredictionJob::progress, &job, progress, Qt::DirectConnection);
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_cancelled) {
      PredictionOutcome cancelled;
      cancelled.status = RunStatus::Cancelled;
      return cancelled;
    }
    m_job = &job;
  }
  PredictionOutcome outcome = job.runHere();
  std::lock_guard<std::mutex> lock(m_mutex);
  m_job = nullptr;
  return outcome;
}

void NestedPrediction::cancel() {
  std::lock_guard<std::mutex> lock(m_mutex);
  m_cancelled = true;
  if (m_job) m_job->cancel();
}

}  // namespace quarry::jobs
