#include "jobs/CalibrationJob.h"

#include "jobs/EngineDocuments.h"
#include "jobs/ReviewBands.h"
#include "store/ProjectStore.h"

namespace quarry::jobs {
namespace {

// The gold of the dev split, read through a connection of this thread (closed before the prediction).
Result<DocumentSet> readDevGold(const QString& projectPath) {
  auto store = ProjectStore::open(projectPath, OpenMode::ReadOnly);
  if (!store) return store.error();
  auto gold = documentsFromStore(*store.value(), {Split::Dev});
  if (!gold) return gold.error();
  if (gold->documents.empty())
    return Error("the project has no dev documents to derive thresholds from", projectPath.toStdString());
  return gold;
}

}  // namespace

CalibrationJob::CalibrationJob(CalibrationSpec spec, QObject* parent)
    : QObject(parent), m_spec(std::move(spec)) {
  qRegisterMetaType<PredictionProgress>();
  qRegisterMetaType<CalibrationOutcome>();
}

CalibrationJob::~CalibrationJob() { cancel(); }

void CalibrationJob::cancel() {
  m_worker.cancel();
  m_prediction.cancel();
}

bool CalibrationJob::start() {
  return m_worker.start(
      this, QStringLiteral("dev calibration"), [this] { work(); }, [this] { Q_EMIT finished(m_outcome); });
}

CalibrationOutcome CalibrationJob::runHere() {
  m_worker.runHere([this] { work(); }, [this] { Q_EMIT finished(m_outcome); });
  return m_outcome;
}

void CalibrationJob::work() {
  m_outcome = outcomeOrFailure<CalibrationOutcome>("dev calibration", [this] { return execute(); });
}

CalibrationOutcome CalibrationJob::execute() {
  CalibrationOutcome outcome;
  auto gold = readDevGold(m_spec.projectPath);
  if (!gold) {
    outcome.error = gold.error();
    return outcome;
  }
  const PredictionOutcome predicted =
      m_prediction.run(m_spec.projectPath, m_spec.modelFolder, {Split::Dev}, m_spec.threads,
                       [this](const PredictionProgress& p) { Q_EMIT progress(p); });
  outcome.task = predicted.task;
  outcome.documents = predicted.counts.documents;
  if (predicted.status == RunStatus::Cancelled || m_worker.isCancelled()) {
    outcome.status = RunStatus::Cancelled;
    return outcome;
  }
  if (predicted.status != RunStatus::Finished || !predicted.results) {
    outcome.error = predicted.error;
    return outcome;
  }
  const std::vector<suggest::ScoredPrediction> scored = markDevPredictions(gold.value(), *predicted.results);
  outcome.documents = int(predicted.results->predictions.size());
  outcome.high = suggest::thresholdForPrecision(scored, m_spec.highPrecision);
  outcome.low = suggest::thresholdForPrecision(scored, m_spec.lowPrecision);
  outcome.status = RunStatus::Finished;
  return outcome;
}

}  // namespace quarry::jobs
