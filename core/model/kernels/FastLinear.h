#pragma once
// y = x W^T + b, the matmul every DenseLayer runs. On CPU float32 with KernelBackend::Auto it is
// one oneDNN sgemm (AVX-512 where the CPU has it) forward and two in backward, instead of the BLAS
// LibTorch calls, which on CPUs newer than the BLAS build runs generic AVX2 kernels; elsewhere
// at::linear. Differentiable either way.

#include <ATen/core/Tensor.h>

#include "model/kernels/KernelBackend.h"

namespace quarry::model {

// x: [..., in], weight: [out, in], bias: [out] or undefined.
at::Tensor fastLinear(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias);

}  // namespace quarry::model
