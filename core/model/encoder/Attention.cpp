#include "model/encoder/Attention.h"

#include <cmath>
#include <limits>

#include <ATen/TensorOperators.h>
#include <ATen/core/grad_mode.h>
#include <ATen/ops/softmax.h>
#include <torch/version.h>
#if TORCH_VERSION_MAJOR >= 2
#include <ATen/ops/scaled_dot_product_attention.h>
#define QUARRY_HAVE_SDPA 1
#endif

#include "model/kernels/BatchedMatmul.h"
#include "model/kernels/FastDropout.h"
#include "model/kernels/FusedAttention.h"

namespace quarry::model {

at::Tensor additiveAttentionMask(const at::Tensor& attentionMask, const at::Tensor& like) {
  const int64_t batch = attentionMask.size(0);
  const int64_t length = attentionMask.size(1);
  at::Tensor m = attentionMask.to(like.options()).view({batch, 1, 1, length});
  // (1 - mask) * finfo.min, exactly as get_extended_attention_mask.
  const double lowest = like.scalar_type() == at::kDouble ? std::numeric_limits<double>::lowest()
                                                          : std::numeric_limits<float>::lowest();
  return (1.0 - m) * lowest;
}

at::Tensor multiHeadAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                              const at::Tensor& additiveMask, const AttentionParams& params) {
  if (!params.training || params.dropout <= 0.0) {
    at::Tensor fused = fusedAttentionInference(q, k, v, additiveMask, params.numHeads);
    if (fused.defined()) return fused;
  }
  const int64_t batch = q.size(0);
  const int64_t length = q.size(1);
  const int64_t width = q.size(2);
  const int64_t heads = params.numHeads;
  const int64_t headDim = width / heads;
  // Keys and values may be longer than the queries (a prefix before the sequence's own).
  auto split = [&](const at::Tensor& t) {
    return t.view({batch, t.size(1), heads, headDim}).permute({0, 2, 1, 3});
  };
#ifdef QUARRY_HAVE_SDPA
  // On CUDA (LibTorch 2): the flash / memory-efficient kernels, which never materialise the [B,h,T,S]
  // scores. The padding mask as a boolean "attend" mask (every query row keeps its real keys, so no row is
  // all masked); DistilBERT's scale-the-query-first order is the same product up to rounding.
  if (q.is_cuda()) {
    c10::optional<at::Tensor> attend;
    if (additiveMask.defined()) attend = additiveMask.eq(0);
    at::Tensor context = at::scaled_dot_product_attention(split(q), split(k), split(v), attend,
                                                          params.training ? params.dropout : 0.0, false);
    return context.permute({0, 2, 1, 3}).reshape({batch, length, width});
  }
#endif
  at::Tensor qh = split(q);
  const double scale = std::sqrt(static_cast<double>(headDim));
  if (params.scaleQueryFirst) qh = qh / scale;
  at::Tensor scores = batchedMatmul(qh, split(k).transpose(-1, -2));
  // In place when nothing is recorded for backward: the [B,h,T,T] scores are the largest tensors here.
  const bool inPlace = !at::GradMode::is_enabled();
  if (!params.scaleQueryFirst) scores = inPlace ? scores.div_(scale) : scores / scale;
  // Under autocast the scores are bfloat16 and the mask float32: the sum is float32 (the softmax then runs
  // in float32), in place or not, so that inference and a checkpointed forward compute what training does.
  if (additiveMask.defined())
    scores = inPlace && additiveMask.scalar_type() == scores.scalar_type() ? scores.add_(additiveMask)
                                                                           : scores + additiveMask;
  at::Tensor probs = at::softmax(scores, -1);
  probs = fastDropout(probs, params.dropout, params.training);
  // [B, T, heads, headDim] written head by head, so the merge back to [B, T, width] is a view.
  return batchedMatmulHeadsLast(probs, split(v)).view({batch, length, width});
}

}  // namespace quarry::model
