#pragma once
// One place that decides how the CPU is shared between LibTorch's OpenMP pool, its inter-op pool
// and the BLAS library's own threads, so that they do not oversubscribe the cores, and which library runs
// the float32 GEMMs (KernelBackend.h GemmLibrary): chosen by measuring both on the CPU at hand.

#include <string>

#include "model/kernels/KernelBackend.h"

namespace quarry::model {

// CpuThreadOptions::blasThreads: choose the GEMM library and OpenBLAS's pool by measurement.
inline constexpr int kMeasureBlas = -1;

struct CpuThreadOptions {
  int intraOpThreads = 0;  // at::set_num_threads; 0 = number of cores
  // OpenBLAS's own pool when LibTorch uses it: > 0 that many, 0 = leave as is, kMeasureBlas = by
  // measurement: the GEMM library that measured faster here, OpenBLAS with the intra-op threads when it
  // runs the GEMMs and one thread when oneDNN does (the two pools then never compete).
  int blasThreads = kMeasureBlas;
};

// What configureCpuThreads chose, for logs and benches.
struct CpuKernelChoice {
  bool measured = false;  // false: fixed by the caller, QUARRY_GEMM, the ATen backend or no oneDNN
  GemmLibrary library = GemmLibrary::OneDnn;
  int blasThreads = -1;  // OpenBLAS's pool after the choice (-1: no OpenBLAS in the process)
  double oneDnnGflops = 0, blasGflops = 0;  // measured (an encoder layer's three GEMMs, 512 tokens)
  std::string describe() const;  // "GEMM: OpenBLAS, 2 threads (measured 41.2 GFLOP/s; oneDNN 27.9)"
};

// Call once, before the first parallel op (the inter-op pool size can only be set before it starts;
// later calls keep the pool as it is). The inter-op pool gets one thread: encoders do not use it. The
// measurement (about 0.2 s) runs once per process and thread count.
void configureCpuThreads(const CpuThreadOptions& options);
CpuKernelChoice cpuKernelChoice();

// OpenBLAS's thread count as set, or -1 when OpenBLAS is not in the process.
int blasThreads();

}  // namespace quarry::model
