#include "model/encoder/DisentangledAttention.h"

#include <cmath>
#include <limits>

#include <ATen/TensorOperators.h>
#include <ATen/core/grad_mode.h>
#include <ATen/ops/gather.h>
#include <ATen/ops/result_type.h>
#include <ATen/ops/softmax.h>

#include "model/kernels/BatchedMatmul.h"
#include "model/kernels/FastDropout.h"

namespace quarry::model {

DisentangledMask DisentangledMask::fromAttentionMask(const at::Tensor& attentionMask,
                                                     const at::Tensor& like) {
  DisentangledMask m;
  if (!attentionMask.defined()) return m;
  const int64_t batch = attentionMask.size(0), length = attentionMask.size(1);
  const at::Tensor keep = attentionMask.ne(0).to(like.options());
  const double lowest = like.scalar_type() == at::kDouble ? std::numeric_limits<double>::lowest()
                                                          : std::numeric_limits<float>::lowest();
  // XSoftmax fills mask_i * mask_j == 0 with finfo.min, softmaxes, then zeroes those entries: the same
  // as finfo.min on padded keys, and zero rows for padded queries.
  m.keyBias = (1.0 - keep.view({batch, 1, 1, length})) * lowest;
  m.queryKeep = keep.view({batch, 1, length, 1});
  return m;
}

namespace {

// [B,T,H] -> [B,h,T,d] view.
at::Tensor headsOf(const at::Tensor& t, int64_t heads) {
  return t.view({t.size(0), t.size(1), heads, t.size(2) / heads}).permute({0, 2, 1, 3});
}

// [B,T,H] -> [h, B*T, d] view: one matrix per head over every token of the batch, multiplied with the
// position projections that all sequences share.
at::Tensor tokensPerHead(const at::Tensor& t, int64_t heads) {
  return t.view({t.size(0) * t.size(1), heads, t.size(2) / heads}).transpose(0, 1);
}

// [W,H] position projection -> [h, d, W] view.
at::Tensor positionsPerHeadTransposed(const at::Tensor& p, int64_t heads) {
  return p.view({p.size(0), heads, p.size(1) / heads}).permute({1, 2, 0});
}

// content [B,T,H] against positions [W,H], each token's row gathered at `index` [T,T]: [h,B,T,T].
at::Tensor positionScores(const at::Tensor& content, const at::Tensor& positions, const at::Tensor& index,
                          int64_t heads) {
  const int64_t batch = content.size(0), length = content.size(1);
  at::Tensor all = batchedMatmul(tokensPerHead(content, heads), positionsPerHeadTransposed(positions, heads));
  all = all.view({heads, batch, length, positions.size(0)});
  return all.gather(-1, index.expand({heads, batch, length, length}));
}

}  // namespace

at::Tensor disentangledAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                                 const RelativeTerms& relative, const DisentangledMask& mask,
                                 const DisentangledAttentionParams& params) {
  const int64_t batch = q.size(0), length = q.size(1), width = q.size(2), heads = params.numHeads;
  const int64_t headDim = width / heads;
  // torch.sqrt(torch.tensor(d, dtype=float) * scale_factor): a float32 value.
  const double scale = std::sqrt(static_cast<float>(headDim * params.scaleFactor));
  // In place when nothing is recorded for backward: the [B,h,T,T] tensors are the largest here.
  // Only where the out-of-place op would give the same type: under bf16 autocast the scores are bfloat16
  // and the padding bias float32, and an in-place add would keep bfloat16 where the graph-recording path
  // promotes to float32 (the two paths, and a checkpointed layer's two passes, must compute the same).
  const bool inPlace = !at::GradMode::is_enabled();
  auto divided = [&](at::Tensor t) { return inPlace ? t.div_(scale) : t / scale; };
  auto added = [&](at::Tensor a, const at::Tensor& b) {
    return inPlace && a.scalar_type() == at::result_type(a, b) ? a.add_(b) : a + b;
  };
  auto multiplied = [&](at::Tensor a, const at::Tensor& b) {
    return inPlace && a.scalar_type() == at::result_type(a, b) ? a.mul_(b) : a * b;
  };

  at::Tensor scores = divided(batchedMatmul(headsOf(q, heads), headsOf(k, heads).transpose(-1, -2)));
  at::Tensor bias;  // [h,B,T,T]
  if (relative.index && relative.positionKeys.defined())
    bias = divided(positionScores(q, relative.positionKeys, relative.index->contentToPosition, heads));
  if (relative.index && relative.positionQueries.defined()) {
    // Rows are keys here; the transpose puts queries first.
    at::Tensor p2c =
        divided(positionScores(k, relative.positionQueries, relative.index->positionToContent, heads))
            .transpose(-1, -2);
    bias = !bias.defined() ? p2c : added(bias, p2c);
  }
  if (bias.defined()) {
    bias = bias.permute({1, 0, 2, 3});
    scores = added(scores, bias);
  }
  if (mask.keyBias.defined()) scores = added(scores, mask.keyBias);
  at::Tensor probs = at::softmax(scores, -1);
  if (mask.queryKeep.defined()) probs = multiplied(probs, mask.queryKeep);
  probs = fastDropout(probs, params.dropout, params.training);
  at::Tensor context = batchedMatmul(probs, headsOf(v, heads));
  return context.permute({0, 2, 1, 3}).contiguous().view({batch, length, width});
}

}  // namespace quarry::model
