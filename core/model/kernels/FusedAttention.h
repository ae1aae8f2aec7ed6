#pragma once
// softmax(q k^T / sqrt(d) + mask) v for inference in one pass per (sequence, head): the head's [T, T]
// scores stay in a per-thread buffer in cache (one single-threaded GEMM in, the mask and ATen's vectorised
// softmax on it, one GEMM out, straight into the head's columns of the [B, T, H] context) instead of three
// [B, heads, T, T] tensors written to and read back from memory by separate ops. The (sequence, head)
// pairs spread over the intra-op threads. LibTorch 1.13 has no fused attention kernel for CPU; this is the
// hand-fused one of issue 20.

#include <cstdint>

#include <ATen/core/Tensor.h>

namespace quarry::model {

// q, k, v: [B, T, H] float32 CPU views with unit stride in H (e.g. slices of one fused QKV tensor);
// additiveMask: [B, 1, 1, T] float32 or undefined. Returns the context [B, T, H] contiguous, or an
// undefined tensor where it does not apply (another device or dtype, a recorded gradient, the ATen
// backend, other mask shapes): the caller then runs the unfused ops. The scores are scaled by 1/sqrt(d)
// inside the first GEMM (alpha), equal to dividing q or the scores first up to rounding.
at::Tensor fusedAttentionInference(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                                   const at::Tensor& additiveMask, int64_t heads);

}  // namespace quarry::model
