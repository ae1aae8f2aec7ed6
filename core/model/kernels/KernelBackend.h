#pragma once
// Which kernels the encoders run on CPU float32: the faster paths of this folder (oneDNN sgemm for
// linear layers and attention matmuls, counter-based dropout) or plain ATen ops, op for op as
// Hugging Face's Python code runs them. CUDA and other dtypes always use ATen.

namespace quarry::model {

enum class KernelBackend {
  Auto,  // oneDNN sgemm where found in the process, counter-based dropout; else ATen
  Aten,  // ATen ops only (at::linear, at::matmul, at::dropout)
};

// Process-wide; Auto by default, Aten when QUARRY_KERNELS=aten is in the environment.
void setKernelBackend(KernelBackend backend);
KernelBackend kernelBackend();

// Whether oneDNN's sgemm was found in this process.
bool oneDnnGemmAvailable();

}  // namespace quarry::model
