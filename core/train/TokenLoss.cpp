#include "train/TokenLoss.h"

#include <ATen/TensorOperators.h>
#include <ATen/ops/exp.h>
#include <ATen/ops/log_sigmoid.h>
#include <ATen/ops/log_softmax.h>
#include <ATen/ops/ones_like.h>
#include <ATen/ops/pow.h>
#include <ATen/ops/where.h>
#include <ATen/ops/zeros_like.h>

namespace quarry::train {

at::Tensor tokenLoss(const at::Tensor& logits, const at::Tensor& labels, const at::Tensor& weights, double gamma) {
  const at::Tensor valid = labels.ne(-100);
  const at::Tensor safeLabels = at::where(valid, labels, at::zeros_like(labels));
  const at::Tensor logProbs = at::log_softmax(logits, -1);
  const at::Tensor picked = logProbs.gather(1, safeLabels.unsqueeze(1)).squeeze(1);  // log p_y
  at::Tensor perRow = -picked;
  if (gamma > 0) perRow = perRow * at::pow(1.0 - at::exp(picked), gamma);
  at::Tensor rowWeight = valid.to(logits.scalar_type());
  if (weights.defined()) rowWeight = rowWeight * weights.to(logits.device()).index_select(0, safeLabels);
  return (perRow * rowWeight).sum() / rowWeight.sum();
}

at::Tensor multiLabelLoss(const at::Tensor& logits, const at::Tensor& targets, const at::Tensor& positiveWeights,
                          double gamma) {
  // -[w_pos * y * log s(x) + (1 - y) * log s(-x)], the stable form torch computes.
  const at::Tensor logP = at::log_sigmoid(logits);
  const at::Tensor logNotP = at::log_sigmoid(-logits);
  at::Tensor positive = targets * logP;
  if (positiveWeights.defined()) positive = positive * positiveWeights.to(logits.device()).unsqueeze(0);
  at::Tensor perElement = -(positive + (1.0 - targets) * logNotP);
  if (gamma > 0) {
    const at::Tensor pT = at::exp(targets * logP + (1.0 - targets) * logNotP);  // probability of the truth
    perElement = perElement * at::pow(1.0 - pT, gamma);
  }
  return perElement.mean();
}

std::vector<float> balancedClassWeights(const std::vector<int64_t>& counts) {
  int64_t total = 0;
  for (int64_t c : counts) total += c;
  std::vector<float> w(counts.size(), 1.0f);
  for (size_t i = 0; i < counts.size(); ++i)
    if (counts[i] > 0)
      w[i] = static_cast<float>(static_cast<double>(total) / (static_cast<double>(counts.size()) * counts[i]));
  return w;
}

}  // namespace quarry::train
