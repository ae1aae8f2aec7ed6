#pragma once
// Which kernels the encoders run on CPU float32: the faster paths of this folder (oneDNN sgemm for
// linear layers and attention matmuls, counter-based dropout) or plain ATen ops, op for op as
// Hugging Face's Python code runs them. CUDA and other dtypes always use ATen.

namespace quarry::model {

enum class KernelBackend {
  Auto,  // GEMMs in the library chosen for this CPU (GemmLibrary), counter-based dropout
  Aten,  // ATen ops only (at::linear, at::matmul, at::dropout)
};

// Process-wide; Auto by default, Aten when QUARRY_KERNELS=aten is in the environment.
void setKernelBackend(KernelBackend backend);
KernelBackend kernelBackend();

// Whether oneDNN's sgemm was found in this process.
bool oneDnnGemmAvailable();

// Where the Auto backend's float32 GEMMs go: oneDNN's sgemm (its AVX-512 kernels beat older BLAS builds)
// or the BLAS LibTorch itself calls (OpenBLAS in Debian: faster where there is no AVX-512, e.g. this
// project's AMD EPYC machines). configureCpuThreads chooses for the CPU (CpuThreads.h); until then oneDNN
// where found. QUARRY_GEMM=onednn|blas in the environment fixes it.
enum class GemmLibrary { OneDnn, Blas };
void setGemmLibrary(GemmLibrary library);
GemmLibrary gemmLibrary();
// The library QUARRY_GEMM names, and whether it names one.
bool gemmLibraryFromEnvironment(GemmLibrary* library);

}  // namespace quarry::model
