#include "model/optim/Losses.h"

#include <ATen/ops/cross_entropy_loss.h>

namespace quarry::model {

namespace {
constexpr int64_t kMeanReduction = 1;  // at::Reduction::Mean, without pulling in its header chain
}

at::Tensor tokenClassificationLoss(const at::Tensor& logits, const at::Tensor& labels) {
  const int64_t classes = logits.size(-1);
  return at::cross_entropy_loss(logits.reshape({-1, classes}), labels.reshape({-1}).to(at::kLong), {},
                                kMeanReduction, kIgnoreLabel);
}

at::Tensor sequenceClassificationLoss(const at::Tensor& logits, const at::Tensor& labels) {
  return at::cross_entropy_loss(logits, labels.reshape({-1}).to(at::kLong), {}, kMeanReduction, kIgnoreLabel);
}

}  // namespace quarry::model
