#pragma once
// Batched matrix product for attention (q k^T and probs v). On CPU float32 each matrix product
// is one sgemm of the GEMM library chosen (KernelBackend.h): oneDNN's with the batches spread over the
// OpenMP threads, or the BLAS's one after another (it threads each), reading transposed or strided views
// (heads split out of [B,T,H]) in place, with no copy; elsewhere at::matmul. Differentiable.

#include <ATen/core/Tensor.h>

namespace quarry::model {

// a [..., M, K], b [..., K, N] with identical leading dimensions -> [..., M, N] (contiguous).
at::Tensor batchedMatmul(const at::Tensor& a, const at::Tensor& b);

}  // namespace quarry::model
