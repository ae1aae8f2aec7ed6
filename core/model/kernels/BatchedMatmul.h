#pragma once
// Batched matrix product for attention (q k^T and probs v). On CPU float32 each matrix product
// is one oneDNN sgemm, batches spread over the OpenMP threads, reading transposed or strided views
// (heads split out of [B,T,H]) in place; elsewhere at::matmul. Differentiable.

#include <ATen/core/Tensor.h>

namespace quarry::model {

// a [..., M, K], b [..., K, N] with identical leading dimensions -> [..., M, N] (contiguous).
at::Tensor batchedMatmul(const at::Tensor& a, const at::Tensor& b);

}  // namespace quarry::model
