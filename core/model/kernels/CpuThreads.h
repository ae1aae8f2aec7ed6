#pragma once
// One place that decides how the CPU is shared between LibTorch's OpenMP pool, its inter-op pool
// and the BLAS library's own threads, so that they do not oversubscribe the cores.

namespace quarry::model {

struct CpuThreadOptions {
  int intraOpThreads = 0;  // at::set_num_threads; 0 = number of cores
  int blasThreads = 1;     // OpenBLAS's own pool when LibTorch uses it; 0 = leave as is
};

// Call once, before the first parallel op (the inter-op pool size can only be set before it starts;
// later calls keep the pool as it is). The inter-op pool gets one thread: encoders do not use it.
void configureCpuThreads(const CpuThreadOptions& options);

// OpenBLAS's thread count as set, or -1 when OpenBLAS is not in the process.
int blasThreads();

}  // namespace quarry::model
