#pragma once
// One place that decides how the CPU is shared between LibTorch's OpenMP pool, its inter-op pool
// and the BLAS library's own threads, so that they do not oversubscribe the cores, and which library runs
// the float32 GEMMs (KernelBackend.h GemmLibrary). The library is chosen by the CPU's instruction set, not
// by timing both at start-up: a resumed run must compute bit for bit as the run it resumes, and two timings
// a process apart can disagree. The rule comes from measuring both (measureGemmLibraries, printed by
// bench_encoder): oneDNN's AVX-512 kernels beat older BLAS builds 2-4x where there is AVX-512; without it,
// Debian's OpenBLAS runs the encoder's GEMMs 1.5-2.5x faster than oneDNN (AMD EPYC, AVX2: 112-137 against
// 45-90 GFLOP/s on 2 threads).

#include <string>

#include "model/kernels/KernelBackend.h"

namespace quarry::model {

// CpuThreadOptions::blasThreads: choose the GEMM library for this CPU and size OpenBLAS's pool to match.
inline constexpr int kChooseBlas = -1;

struct CpuThreadOptions {
  int intraOpThreads = 0;  // at::set_num_threads; 0 = number of cores
  // OpenBLAS's own pool when LibTorch uses it: > 0 that many, 0 = leave as is, kChooseBlas = the GEMM
  // library for this CPU and OpenBLAS's pool at one thread: Quarry's BLAS GEMMs run one block per intra-op
  // thread (GemmLibrary.h), so the BLAS's pool never competes with LibTorch's.
  int blasThreads = kChooseBlas;
};

// What configureCpuThreads chose, for run logs and benches.
struct CpuKernelChoice {
  bool chosen = false;  // by the instruction set; false: fixed by the caller, QUARRY_GEMM or the ATen backend
  bool avx512 = false;
  GemmLibrary library = GemmLibrary::OneDnn;
  bool splitBlas = false;  // BLAS GEMMs in one block per intra-op thread, each single-threaded
  int blasThreads = -1;    // OpenBLAS's pool after the choice (-1: no OpenBLAS in the process)
  // "GEMM: BLAS (OpenBLAS), blocks over the intra-op threads, OpenBLAS pool 1 thread(s) (chosen: no AVX-512)"
  std::string describe() const;
};

// Call once, before the first parallel op (the inter-op pool size can only be set before it starts;
// later calls keep the pool as it is). The inter-op pool gets one thread: encoders do not use it.
void configureCpuThreads(const CpuThreadOptions& options);
CpuKernelChoice cpuKernelChoice();

// GFLOP/s of each library on an encoder layer's three GEMMs (forward, input and weight gradients of a
// 256 -> 1024 linear layer, 512 tokens) with the threads as configured, best of three after a warm-up;
// oneDNN 0 when absent. About 0.2 s: for benches, not for start-up.
struct GemmRates {
  double oneDnn = 0, blas = 0;
};
GemmRates measureGemmLibraries();

// OpenBLAS's thread count as set, or -1 when OpenBLAS is not in the process.
int blasThreads();

}  // namespace quarry::model
