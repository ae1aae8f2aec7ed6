#pragma once
// Batched matrix product for attention (q k^T and probs v). On CPU float32 each matrix product
// is one single-threaded GEMM of the library chosen (GemmLibrary.h), the products spread over the intra-op
// threads, reading transposed or strided views (heads split out of [B,T,H]) in place, with no copy;
// elsewhere at::matmul. Differentiable.

#include <ATen/core/Tensor.h>

namespace quarry::model {

// a [..., M, K], b [..., K, N] with identical leading dimensions -> [..., M, N] (contiguous).
at::Tensor batchedMatmul(const at::Tensor& a, const at::Tensor& b);

// a [B, H, M, K], b [B, H, K, N] -> [B, M, H, N] contiguous: batchedMatmul(a, b).transpose(1, 2).contiguous()
// without the copy, each product written straight into its head's columns (attention's context, which
// then views as [B, M, H * N]).
at::Tensor batchedMatmulHeadsLast(const at::Tensor& a, const at::Tensor& b);

}  // namespace quarry::model
