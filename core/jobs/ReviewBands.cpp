#include "jobs/ReviewBands.h"

#include <algorithm>
#include <set>
#include <tuple>

#include <QHash>

#include "jobs/EngineDocuments.h"
#include "jobs/PredictionJob.h"
#include "store/ProjectStore.h"

namespace quarry::jobs {

Result<DevCalibration> calibrateOnDev(const QString& projectPath, const QString& modelFolder,
                                      double highPrecision, double lowPrecision) {
  auto store = ProjectStore::open(projectPath, OpenMode::ReadOnly);
  if (!store) return store.error();
  auto gold = documentsFromStore(*store.value(), {Split::Dev});
  if (!gold) return gold.error();
  if (gold->documents.empty())
    return Error("the project has no dev documents to derive thresholds from", projectPath.toStdString());
  PredictionSpec spec;
  spec.modelFolder = modelFolder;
  spec.projectPath = projectPath;
  spec.splits = {Split::Dev};
  spec.store = false;
  PredictionJob job(spec);
  const PredictionOutcome outcome = job.runHere();
  if (outcome.status != RunStatus::Finished || !outcome.results) return outcome.error;
  if (outcome.task != QLatin1String("ner"))
    return Error("thresholds from dev are derived for NER models for now; this is a " +
                     outcome.task.toStdString() + " model",
                 modelFolder.toStdString());
  // Gold spans per store id: (start, end, type).
  QHash<qint64, std::set<std::tuple<int, int, std::string>>> goldSpans;
  for (size_t d = 0; d < gold->documents.size(); ++d)
    for (const document::EntityMention& e : gold->documents[d].entities)
      goldSpans[gold->storeIds.value(int(d))].insert({e.start, e.end, e.type});
  std::vector<suggest::ScoredPrediction> scored;
  const PredictionResults& results = *outcome.results;
  for (size_t d = 0; d < results.predictions.size(); ++d) {
    const auto& spans = goldSpans[results.documents.storeIds.value(int(d))];
    for (const document::PredictedEntity& e : results.predictions[d].entities)
      scored.push_back({e.confidence, spans.count({e.start, e.end, e.type}) > 0});
  }
  DevCalibration calibration;
  calibration.documents = int(results.predictions.size());
  calibration.high = suggest::thresholdForPrecision(scored, highPrecision);
  calibration.low = suggest::thresholdForPrecision(scored, lowPrecision);
  return calibration;
}

Result<QVector<BandedPrediction>> bandPredictions(ProjectStore& store, qint64 runId,
                                                  const suggest::ConfidenceBands& bands) {
  auto rows = store.predictionsOfRun(runId, QStringLiteral("entity"));
  if (!rows) return rows.error();
  auto documents = store.listDocuments();
  if (!documents) return documents.error();
  QHash<qint64, QString> names;
  for (const DocumentSummary& d : documents.value()) names.insert(d.id, d.name);
  QVector<BandedPrediction> out;
  for (const Prediction& p : rows.value()) {
    if (!p.decision.isEmpty()) continue;
    out.push_back({p, names.value(p.documentId), bands.bandOf(p.confidence)});
  }
  std::stable_sort(out.begin(), out.end(), [](const BandedPrediction& a, const BandedPrediction& b) {
    return a.prediction.confidence > b.prediction.confidence;
  });
  return out;
}

}  // namespace quarry::jobs
