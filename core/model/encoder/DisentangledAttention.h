#pragma once
// DeBERTa's disentangled self-attention (transformers' DisentangledSelfAttention and XSoftmax):
// content-to-content scores plus, with relative attention, content-to-position (c2p: each query
// against the projected relative embedding of its distance to the key) and position-to-content (p2c:
// each key against the projected embedding of the reverse distance), all divided by
// sqrt(head_dim * scale factor). Padding is two-sided: a padded key is never attended to and a padded
// query row gets all-zero probabilities, so its context is exactly 0.

#include <cstdint>

#include <ATen/core/Tensor.h>

#include "model/encoder/RelativePositions.h"

namespace quarry::model {

// attentionMask [B,T] of 1/0 as two broadcastable pieces in `like`'s dtype: keys [B,1,1,T] of
// 0 / finfo.min added to the scores, queries [B,1,T,1] of 1 / 0 multiplied into the probabilities.
struct DisentangledMask {
  at::Tensor keyBias;    // [B,1,1,T], undefined when nothing is padded
  at::Tensor queryKeep;  // [B,1,T,1], undefined when nothing is padded

  static DisentangledMask fromAttentionMask(const at::Tensor& attentionMask, const at::Tensor& like);
};

struct DisentangledAttentionParams {
  int64_t numHeads = 1;   // heads; the width must divide by it
  int scaleFactor = 1;    // 1 + one per position term named in pos_att_type
  double dropout = 0.0;   // on the attention probabilities, in training only
  bool training = false;  // dropout active
};

// The relative-position inputs of one layer; a term is left out when its projection is undefined.
struct RelativeTerms {
  at::Tensor positionKeys;     // c2p: [W,H] key projection of the rel_embeddings rows `index` reads
  at::Tensor positionQueries;  // p2c: [W,H] query projection of the same rows
  const RelativePositionIndex* index = nullptr;  // gather indices into those W rows
};

// q, k, v: [B,T,H] projections (any row stride). Returns the context [B,T,H], contiguous.
at::Tensor disentangledAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                                 const RelativeTerms& relative, const DisentangledMask& mask,
                                 const DisentangledAttentionParams& params);

}  // namespace quarry::model
