#pragma once
// Precision, recall and F1 for one entity type (or the micro/macro aggregate), as seqeval reports them.

#include <cstdint>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace quarry::eval {

struct EntityScores {
  int64_t truePositives = 0;  // predicted entities equal to a gold one (type and boundaries)
  int64_t predicted = 0;      // predicted entities
  int64_t support = 0;        // gold entities
  double precision = 0.0;     // tp / predicted, 0 when nothing was predicted (seqeval zero_division=0)
  double recall = 0.0;        // tp / support, 0 when there is no gold entity
  double f1 = 0.0;            // harmonic mean, 0 when precision + recall is 0

  // Fills precision, recall and f1 from the three counts.
  void computeRatios();
  nlohmann::json toJson() const;
};

}  // namespace quarry::eval
