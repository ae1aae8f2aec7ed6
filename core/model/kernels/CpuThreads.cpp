#include "model/kernels/CpuThreads.h"

#include <algorithm>
#include <thread>

#include <ATen/Parallel.h>
#include <dlfcn.h>

namespace quarry::model {

namespace {
// Looked up at run time: LibTorch may be built against another BLAS (MKL) or none.
using SetThreads = void (*)(int);
using GetThreads = int (*)();
}  // namespace

void configureCpuThreads(const CpuThreadOptions& options) {
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  at::set_num_threads(options.intraOpThreads > 0 ? options.intraOpThreads : cores);
  try {
    at::set_num_interop_threads(1);
  } catch (const std::exception&) {
    // Already started: keep it.
  }
  if (options.blasThreads > 0) {
    if (auto set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
      set(options.blasThreads);
  }
}

int blasThreads() {
  if (auto get = reinterpret_cast<GetThreads>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"))) return get();
  return -1;
}

}  // namespace quarry::model
