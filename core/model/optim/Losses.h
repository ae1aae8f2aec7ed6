#pragma once
// The losses Hugging Face's task models compute when given labels.

#include <ATen/core/Tensor.h>

namespace quarry::model {

// Label value that takes no part in the loss ([CLS], [SEP], padding, continuation pieces).
inline constexpr int64_t kIgnoreLabel = -100;

// Mean cross-entropy over the positions whose label is not kIgnoreLabel.
// logits [B,T,C], labels [B,T] integer. With no labelled position: NaN, as PyTorch gives.
at::Tensor tokenClassificationLoss(const at::Tensor& logits, const at::Tensor& labels);

// Mean cross-entropy; logits [B,C], labels [B] (kIgnoreLabel rows are skipped).
at::Tensor sequenceClassificationLoss(const at::Tensor& logits, const at::Tensor& labels);

}  // namespace quarry::model
