#pragma once
// Document (or sentence) classification scores as scikit-learn reports them: accuracy, micro and macro
// precision/recall/F1 over the labels, per-label scores, and for single-label tasks the confusion matrix.
//
// Single-label: each item has at most one gold and one predicted label; micro F1 over the labels equals
// accuracy when every item has both (sklearn's f1_score(average="micro") on label ids). An item without a
// gold label counts only as a false positive of what was predicted for it.
// Multi-label: an item's labels are a set; per label, tp/fp/fn over items (sklearn on indicator
// matrices); accuracy is the subset accuracy (the predicted set equals the gold set).

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "eval/EntityScores.h"

namespace quarry::eval {

struct ClassificationReport {
  bool multiLabel = false;
  int64_t items = 0;
  double accuracy = 0;
  std::vector<std::string> labels;       // in the order of perLabel and of the confusion matrix rows
  std::vector<EntityScores> perLabel;    // truePositives, predicted, support and ratios per label
  EntityScores micro;                    // counts summed over labels
  EntityScores macro;                    // unweighted mean of the per-label ratios: every label
                                         // (multi-label) or those in gold or predicted (single-label), as
                                         // sklearn with zero_division=0
  // Single-label only: confusion[g][p] items of gold label g predicted p; the last row/column is "none"
  // (no gold label / nothing predicted).
  std::vector<std::vector<int64_t>> confusion;

  nlohmann::json toJson() const;
  // Per-label P/R/F1/support, then micro and macro averages, accuracy, and the confusion matrix.
  std::string formatTable(int digits = 4) const;
};

// gold[i] and predicted[i]: label ids (indexes into `labels`) of item i. Throws std::invalid_argument
// when the item counts differ or an id is out of range (a programming error, not a user's).
ClassificationReport scoreClassification(const std::vector<std::string>& labels,
                                         const std::vector<std::vector<int32_t>>& gold,
                                         const std::vector<std::vector<int32_t>>& predicted, bool multiLabel);

}  // namespace quarry::eval
