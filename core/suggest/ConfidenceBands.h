#pragma once
// Confidence bands: what a prediction's confidence (0..1) means for the person reviewing it.
//   AutoAccept  confidence >= high      taken without review
//   Review      low <= confidence < high  shown for a check
//   Escalate    confidence < low        (and NaN) shown as doubtful
// and the thresholds derived from a dev set: the lowest threshold that keeps precision at a target.

#include <cstdint>
#include <string>
#include <vector>

#include "common/Error.h"
#include "document/Predictions.h"

namespace quarry::suggest {

enum class ConfidenceBand { AutoAccept, Review, Escalate };

// Predictions per band.
struct BandCounts {
  int64_t autoAccept = 0;
  int64_t review = 0;
  int64_t escalate = 0;
};

class ConfidenceBands {
 public:
  // Error (field "low" or "high") unless 0 <= low <= high <= 1; low == high leaves the Review band empty.
  static Result<ConfidenceBands> create(double low, double high);

  double low() const { return m_low; }
  double high() const { return m_high; }

  ConfidenceBand bandOf(double confidence) const;
  BandCounts count(const std::vector<double>& confidences) const;
  BandCounts count(const std::vector<document::PredictedEntity>& entities) const;

 private:
  ConfidenceBands(double low, double high) : m_low(low), m_high(high) {}

  double m_low = 0.0;
  double m_high = 0.0;
};

// A dev-set prediction: its confidence and whether it was right.
struct ScoredPrediction {
  double confidence = 0.0;
  bool correct = false;
};

// The threshold found for a target precision.
struct PrecisionThreshold {
  bool found = false;      // false: no threshold reaches the target (or no dev predictions)
  double threshold = 0.0;  // keep predictions with confidence >= threshold
  double precision = 0.0;  // correct / kept at that threshold
  double coverage = 0.0;   // kept / all dev predictions
  int64_t kept = 0;
  int64_t correct = 0;  // correct among the kept
  int64_t total = 0;    // all dev predictions
  std::string message;  // "threshold 0.80 keeps 6 of 10 (coverage 0.60) at precision 0.83" or why none
};

// The lowest threshold t among the dev confidences such that the predictions with confidence >= t have
// precision >= target: the one that keeps the most while reaching the target. Equal confidences are kept or
// dropped together (t is compared with >=), so a tie can never be split to reach the target. Precision is
// not monotone in t, so every distinct confidence is tried. Non-finite confidences are never kept but count
// in `total`. A target outside (0, 1] finds nothing.
PrecisionThreshold thresholdForPrecision(const std::vector<ScoredPrediction>& dev, double targetPrecision);

}  // namespace quarry::suggest
