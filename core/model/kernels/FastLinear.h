#pragma once
// y = x W^T + b, the matmul every DenseLayer runs. On CPU float32 with KernelBackend::Auto it is
// one GEMM of the library chosen for the CPU (GemmLibrary.h: oneDNN with AVX-512, else the BLAS split over
// the intra-op threads) forward, with the bias written into each thread's block first, and two in
// backward; elsewhere at::linear. Differentiable either way.

#include <ATen/core/Tensor.h>

#include "model/kernels/KernelBackend.h"

namespace quarry::model {

// x: [..., in], weight: [out, in], bias: [out] or undefined.
at::Tensor fastLinear(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias);

}  // namespace quarry::model
