#include "model/kernels/CpuThreads.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

#include <ATen/Parallel.h>
#include <ATen/ops/mm.h>
#include <ATen/ops/randn.h>
#include <ATen/ops/zeros.h>
#include <c10/core/InferenceMode.h>
#include <dlfcn.h>

#include "model/kernels/GemmLibrary.h"

namespace quarry::model {

namespace {
// Looked up at run time: LibTorch may be built against another BLAS (MKL) or none.
using SetThreads = void (*)(int);
using GetThreads = int (*)();

void setBlasThreads(int n) {
  if (auto set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"))) set(n);
}

CpuKernelChoice g_choice;
std::mutex g_mutex;

bool cpuHasAvx512() {
#if defined(__x86_64__) || defined(__i386__)
  return __builtin_cpu_supports("avx512f");
#else
  return false;
#endif
}

}  // namespace

GemmRates measureGemmLibraries() {
  c10::InferenceMode inference;
  const int64_t m = 512, k = 256, n = 1024;
  at::Tensor x = at::randn({m, k}), w = at::randn({n, k}), g = at::randn({m, n});
  at::Tensor y = at::zeros({m, n}), dx = at::zeros({m, k}), dw = at::zeros({n, k});
  const double flop = 3 * 2.0 * m * n * k;
  auto best = [&](auto&& round) {
    round();
    double fastest = 1e30;
    for (int r = 0; r < 3; ++r) {
      const auto t0 = std::chrono::steady_clock::now();
      round();
      fastest =
          std::min(fastest, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    return flop / fastest / 1e9;
  };
  auto threeGemms = [&](GemmLibrary library) {
    return [&, library] {
      detail::gemmIn(library, 'N', 'T', m, n, k, x.data_ptr<float>(), k, w.data_ptr<float>(), k, 0.0f,
                     y.data_ptr<float>(), n);
      detail::gemmIn(library, 'N', 'N', m, k, n, g.data_ptr<float>(), n, w.data_ptr<float>(), k, 0.0f,
                     dx.data_ptr<float>(), k);
      detail::gemmIn(library, 'T', 'N', n, k, m, g.data_ptr<float>(), n, x.data_ptr<float>(), k, 0.0f,
                     dw.data_ptr<float>(), k);
    };
  };
  GemmRates rates;
  if (detail::blasReachable())
    rates.blas = best(threeGemms(GemmLibrary::Blas));
  else
    rates.blas = best([&] {
      at::mm_out(y, x, w.t());
      at::mm_out(dx, g, w);
      at::mm_out(dw, g.t(), x);
    });
  if (detail::oneDnnReachable()) rates.oneDnn = best(threeGemms(GemmLibrary::OneDnn));
  return rates;
}

std::string CpuKernelChoice::describe() const {
  char text[160];
  std::snprintf(text, sizeof text, "GEMM: %s, OpenBLAS pool %d thread(s) (%s)",
                library == GemmLibrary::OneDnn ? "oneDNN"
                : splitBlas                    ? "BLAS (OpenBLAS), blocks over the intra-op threads"
                                               : "BLAS (OpenBLAS)",
                blasThreads,
                !chosen  ? "fixed"
                : avx512 ? "chosen: AVX-512"
                         : "chosen: no AVX-512");
  return text;
}

void configureCpuThreads(const CpuThreadOptions& options) {
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int threads = options.intraOpThreads > 0 ? options.intraOpThreads : cores;
  at::set_num_threads(threads);
  try {
    at::set_num_interop_threads(1);
  } catch (const std::exception&) {
    // Already started: keep it.
  }
  std::lock_guard<std::mutex> lock(g_mutex);
  if (options.blasThreads != kChooseBlas) {
    if (options.blasThreads > 0) setBlasThreads(options.blasThreads);
    g_choice = CpuKernelChoice{};
    g_choice.library = gemmLibrary();
    g_choice.blasThreads = blasThreads();
    return;
  }
  CpuKernelChoice choice;
  GemmLibrary fixed = GemmLibrary::OneDnn;
  if (gemmLibraryFromEnvironment(&fixed)) {
    choice.library = fixed;
  } else if (kernelBackend() == KernelBackend::Aten || !oneDnnGemmAvailable()) {
    choice.library = GemmLibrary::Blas;
  } else {
    choice.chosen = true;
    choice.avx512 = cpuHasAvx512();
    choice.library = choice.avx512 ? GemmLibrary::OneDnn : GemmLibrary::Blas;
  }
  setGemmLibrary(choice.library);
  // OpenBLAS's own pool stays at one thread wherever Quarry's GEMMs spread over the intra-op threads
  // themselves (GemmLibrary.h says why); it threads only what ATen hands it directly.
  choice.splitBlas = choice.library == GemmLibrary::Blas && kernelBackend() == KernelBackend::Auto &&
                     detail::blasReachable();
  setBlasThreads(choice.library == GemmLibrary::OneDnn || choice.splitBlas ? 1 : threads);
  choice.blasThreads = blasThreads();
  g_choice = choice;
}

CpuKernelChoice cpuKernelChoice() {
  std::lock_guard<std::mutex> lock(g_mutex);
  return g_choice;
}

int blasThreads() {
  if (auto get = reinterpret_cast<GetThreads>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"))) return get();
  return -1;
}

}  // namespace quarry::model
