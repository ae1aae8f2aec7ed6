#include "train/TokenLoss.h"

#include <ATen/TensorOperators.h>
#include <ATen/ops/exp.h>
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
