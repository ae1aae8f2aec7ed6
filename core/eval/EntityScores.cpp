#include "eval/EntityScores.h"

#include <nlohmann/json.hpp>

namespace quarry::eval {

void EntityScores::computeRatios() {
  precision = predicted > 0 ? static_cast<double>(truePositives) / static_cast<double>(predicted) : 0.0;
  recall = support > 0 ? static_cast<double>(truePositives) / static_cast<double>(support) : 0.0;
  f1 = precision + recall > 0.0 ? 2.0 * precision * recall / (precision + recall) : 0.0;
}

nlohmann::json EntityScores::toJson() const {
  return {{"precision", precision}, {"recall", recall}, {"f1", f1},
          {"support", support}, {"predicted", predicted}, {"true_positives", truePositives}};
}

}  // namespace quarry::eval
