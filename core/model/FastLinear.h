#pragma once
// y = x W^T + b, the matmul every DenseLayer runs. On CPU float32 it can go through oneDNN's
// AVX-512 sgemm (found at run time in the process; LibTorch links it) instead of the BLAS LibTorch
// uses, which on CPUs newer than the BLAS build runs its generic AVX2 kernels. Everywhere else (CUDA,
// other dtypes, oneDNN absent) it is at::linear. Differentiable either way.

#include <ATen/core/Tensor.h>

namespace quarry::model {

enum class LinearBackend {
  Auto,    // oneDNN sgemm when available for the tensor, else at::linear
  Torch,   // always at::linear
};

// Process-wide; Auto by default. QUARRY_LINEAR_BACKEND=torch in the environment selects Torch.
void setLinearBackend(LinearBackend backend);
LinearBackend linearBackend();

// Whether oneDNN's sgemm was found in this process.
bool oneDnnGemmAvailable();

// x: [..., in], weight: [out, in], bias: [out] or undefined.
at::Tensor fastLinear(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias);

}  // namespace quarry::model
