#pragma once
// Scaled dot-product multi-head attention as Hugging Face's BERT-family code computes it, including
// how padding is masked: finfo(float32).min is added to the scores of padded keys, so padded query
// rows still attend to the real tokens and give the same (deterministic) values as in Python.

#include <cstdint>

#include <ATen/core/Tensor.h>

namespace quarry::model {

// attentionMask [B,T] of 1 (attend) / 0 (padding), any integer or float dtype ->
// [B,1,1,T] of 0 / finfo(dtype).min, in `like`'s dtype and device.
at::Tensor additiveAttentionMask(const at::Tensor& attentionMask, const at::Tensor& like);

struct AttentionParams {
  int64_t numHeads = 1;          // heads; the width must divide by it
  bool scaleQueryFirst = false;  // DistilBERT divides q by sqrt(d) before q k^T; BERT divides the scores
  double dropout = 0.0;          // on the attention probabilities, in training only
  bool training = false;         // dropout active
};

// q: [B,T,H], k and v: [B,S,H] projections (any strides; S = T, or longer with a prefix before the
// sequence); additiveMask: [B,1,1,S] or undefined.
// Returns the context [B,T,H], contiguous.
at::Tensor multiHeadAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                              const at::Tensor& additiveMask, const AttentionParams& params);

}  // namespace quarry::model
