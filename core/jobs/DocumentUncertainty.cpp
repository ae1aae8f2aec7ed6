#include "jobs/DocumentUncertainty.h"

#include <QJsonArray>
#include <cmath>

#include "suggest/BatchSelection.h"

namespace quarry::jobs {
namespace {

using suggest::UncertaintyAggregation;
using suggest::UncertaintyStrategy;

suggest::UncertainDecision binary(double p) { return {{p, 1.0 - p}, 1.0}; }

}  // namespace

DocumentDecisions wordDecisions(std::vector<std::vector<float>> wordDistributions,
                                double sequenceLogProbability) {
  DocumentDecisions out;
  out.aggregation = UncertaintyAggregation::Mean;
  out.sequenceLogProbability = sequenceLogProbability;
  out.decisions.reserve(wordDistributions.size());
  for (const std::vector<float>& word : wordDistributions)
    out.decisions.push_back({std::vector<double>(word.begin(), word.end()), 1.0});
  return out;
}

DocumentDecisions labelDecisions(const std::vector<float>& probabilities, bool multiLabel,
                                 const std::vector<float>& thresholds) {
  DocumentDecisions out;
  if (!multiLabel) {
    if (!probabilities.empty())
      out.decisions.push_back({std::vector<double>(probabilities.begin(), probabilities.end()), 1.0});
    return out;
  }
  for (size_t i = 0; i < probabilities.size(); ++i) {
    const double p = probabilities[i];
    const double t =
        i < thresholds.size() && thresholds[i] > 0.0f && thresholds[i] < 1.0f ? thresholds[i] : 0.5;
    out.decisions.push_back(binary(p < t ? 0.5 * p / t : 0.5 + 0.5 * (p - t) / (1.0 - t)));
  }
  return out;
}

DocumentDecisions confidenceDecisions(const std::vector<double>& confidences) {
  DocumentDecisions out;
  for (double c : confidences) out.decisions.push_back(binary(c));
  return out;
}

QString strategyKey(UncertaintyStrategy strategy) {
  switch (strategy) {
    case UncertaintyStrategy::LeastConfidence:
      return QStringLiteral("least_confidence");
    case UncertaintyStrategy::Margin:
      return QStringLiteral("margin");
    case UncertaintyStrategy::Entropy:
      break;
  }
  return QStringLiteral("entropy");
}

Prediction uncertaintyPrediction(qint64 runId, qint64 documentId, const DocumentDecisions& document) {
  Prediction row;
  row.runId = runId;
  row.documentId = documentId;
  row.kind = QString::fromLatin1(kUncertaintyKind);
  row.payload.insert(QStringLiteral("decisions"), qint64(document.decisions.size()));
  row.payload.insert(QStringLiteral("aggregation"), document.aggregation == UncertaintyAggregation::Mean
                                                        ? QStringLiteral("mean")
                                                        : QStringLiteral("max"));
  for (UncertaintyStrategy s :
       {UncertaintyStrategy::LeastConfidence, UncertaintyStrategy::Margin, UncertaintyStrategy::Entropy}) {
    const suggest::DocumentUncertainty u =
        suggest::documentUncertainty(document.decisions, {s, document.aggregation});
    row.payload.insert(strategyKey(s), u.score);
    row.payload.insert(QStringLiteral("reason_") + strategyKey(s), QString::fromStdString(u.reason));
    if (s == UncertaintyStrategy::Entropy) row.confidence = 1.0 - u.score;
  }
  // MNLP (suggest/BatchSelection.h): 1 - the per-word geometric mean of the tag sequence's probability (or,
  // where the task gives none, of the decisions' top probabilities).
  const double mnlp = suggest::mnlpUncertainty(document.decisions, document.sequenceLogProbability);
  row.payload.insert(QStringLiteral("mnlp"), mnlp);
  const QString of =
      std::isnan(document.sequenceLogProbability)
          ? QStringLiteral("MNLP %1: geometric mean of the top probability %2 over %3 decisions")
          : QStringLiteral("MNLP %1: the tag sequence's probability per word, %2, over %3 words");
  row.payload.insert(QStringLiteral("reason_mnlp"),
                     document.decisions.empty()
                         ? QStringLiteral("no decisions")
                         : of.arg(mnlp, 0, 'f', 2).arg(1.0 - mnlp, 0, 'f', 2).arg(document.decisions.size()));
  if (!document.embedding.empty()) {
    QJsonArray numbers;
    for (float x : document.embedding) numbers.append(std::round(double(x) * 1e4) / 1e4);
    row.payload.insert(QStringLiteral("embedding"), numbers);
  }
  return row;
}

std::vector<float> storedEmbedding(const QJsonObject& payload) {
  std::vector<float> out;
  for (const QJsonValue& v : payload.value(QStringLiteral("embedding")).toArray()) {
    if (!v.isDouble()) return {};
    out.push_back(float(v.toDouble()));
  }
  return out;
}

}  // namespace quarry::jobs
