#include "suggest/ConfidenceBands.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace quarry::suggest {

Result<ConfidenceBands> ConfidenceBands::create(double low, double high) {
  if (!(low >= 0.0 && low <= 1.0)) {
    return Error("the low threshold must lie in 0..1, not " + std::to_string(low), {}, 0, "low");
  }
  if (!(high >= low && high <= 1.0)) {
    return Error(
        "the high threshold must lie in " + std::to_string(low) + "..1 (low..1), not " + std::to_string(high),
        {}, 0, "high");
  }
  return ConfidenceBands(low, high);
}

ConfidenceBand ConfidenceBands::bandOf(double confidence) const {
  if (confidence >= m_high) return ConfidenceBand::AutoAccept;
  if (confidence >= m_low) return ConfidenceBand::Review;
  return ConfidenceBand::Escalate;
}

BandCounts ConfidenceBands::count(const std::vector<double>& confidences) const {
  BandCounts counts;
  for (const double c : confidences) {
    switch (bandOf(c)) {
      case ConfidenceBand::AutoAccept:
        ++counts.autoAccept;
        break;
      case ConfidenceBand::Review:
        ++counts.review;
        break;
      case ConfidenceBand::Escalate:
        ++counts.escalate;
        break;
    }
  }
  return counts;
}

BandCounts ConfidenceBands::count(const std::vector<document::PredictedEntity>& entities) const {
  std::vector<double> confidences;
  confidences.reserve(entities.size());
  for (const document::PredictedEntity& e : entities) confidences.push_back(e.confidence);
  return count(confidences);
}

PrecisionThreshold thresholdForPrecision(const std::vector<ScoredPrediction>& dev, double targetPrecision) {
  PrecisionThreshold result;
  result.total = static_cast<int64_t>(dev.size());
  char buf[192];
  if (!(targetPrecision > 0.0 && targetPrecision <= 1.0)) {
    std::snprintf(buf, sizeof buf, "the target precision must lie in (0, 1], not %g", targetPrecision);
    result.message = buf;
    return result;
  }
  std::vector<ScoredPrediction> sorted;
  for (const ScoredPrediction& p : dev) {
    if (std::isfinite(p.confidence)) sorted.push_back(p);
  }
  std::sort(sorted.begin(), sorted.end(),
            [](const ScoredPrediction& a, const ScoredPrediction& b) { return a.confidence > b.confidence; });
  // Lower the threshold one distinct confidence at a time; the last one reaching the target keeps the most.
  int64_t kept = 0;
  int64_t correct = 0;
  for (size_t i = 0; i < sorted.size();) {
    const double t = sorted[i].confidence;
    for (; i < sorted.size() && sorted[i].confidence == t; ++i) {
      ++kept;
      correct += sorted[i].correct ? 1 : 0;
    }
    const double precision = static_cast<double>(correct) / static_cast<double>(kept);
    if (precision >= targetPrecision) {
      result.found = true;
      result.threshold = t;
      result.precision = precision;
      result.kept = kept;
      result.correct = correct;
      result.coverage = static_cast<double>(kept) / static_cast<double>(result.total);
    }
  }
  if (!result.found) {
    std::snprintf(buf, sizeof buf, "no threshold reaches precision %.2f on %lld dev predictions",
                  targetPrecision, static_cast<long long>(result.total));
  } else {
    std::snprintf(buf, sizeof buf, "threshold %.2f keeps %lld of %lld (coverage %.2f) at precision %.2f",
                  result.threshold, static_cast<long long>(result.kept), static_cast<long long>(result.total),
                  result.coverage, result.precision);
  }
  result.message = buf;
  return result;
}

}  // namespace quarry::suggest
