#pragma once
// The softmax heads' training loss with the two remedies against class imbalance the trainer offers:
// class weights and the focal loss of Lin et al. (2017).

#include <vector>

#include <ATen/core/Tensor.h>

namespace quarry::train {

// logits [N,C], labels [N] int64 (kIgnoreLabel = -100 rows are skipped). weights [C] or undefined:
// the weighted mean as torch's cross_entropy(weight=...) computes it (sum w_y * loss / sum w_y).
// gamma > 0: each row's loss is scaled by (1 - p_y)^gamma before averaging.
at::Tensor tokenLoss(const at::Tensor& logits, const at::Tensor& labels, const at::Tensor& weights, double gamma);

// Multi-label loss: binary cross-entropy with logits averaged over every element, as torch's
// BCEWithLogitsLoss (what transformers uses for problem_type "multi_label_classification").
// logits and targets [N,C] (targets 0/1, float); positiveWeights [C] or undefined (pos_weight: a label's
// positive examples count that many times); gamma > 0: each element scaled by (1 - p_t)^gamma.
at::Tensor multiLabelLoss(const at::Tensor& logits, const at::Tensor& targets, const at::Tensor& positiveWeights,
                          double gamma);

// "balanced" class weights from tag counts: n / (C * count), classes never seen get weight 1.
std::vector<float> balancedClassWeights(const std::vector<int64_t>& counts);

}  // namespace quarry::train
