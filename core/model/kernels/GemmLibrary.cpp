#include "model/kernels/GemmLibrary.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>

#include <ATen/Parallel.h>
#include <dlfcn.h>

#include "model/kernels/KernelBackend.h"

namespace quarry::model {

namespace {

detail::SgemmFn oneDnnLookup() {
  static const auto fn = reinterpret_cast<detail::SgemmFn>(dlsym(RTLD_DEFAULT, "dnnl_sgemm"));
  return fn;
}

KernelBackend initialBackend() {
  const char* env = std::getenv("QUARRY_KERNELS");
  return env && std::strcmp(env, "aten") == 0 ? KernelBackend::Aten : KernelBackend::Auto;
}

std::atomic<KernelBackend> g_backend{initialBackend()};

// cblas_sgemm with 32-bit integers (Debian's OpenBLAS; the 64-bit-index build is another library).
using CblasSgemm = void (*)(int order, int transA, int transB, int m, int n, int k, float alpha,
                            const float* a, int lda, const float* b, int ldb, float beta, float* c, int ldc);
constexpr int kRowMajor = 101, kNoTrans = 111, kTrans = 112;
constexpr int64_t kIntMax = 0x7fffffff;

CblasSgemm cblasLookup() {
  static const auto fn = reinterpret_cast<CblasSgemm>(dlsym(RTLD_DEFAULT, "cblas_sgemm"));
  return fn;
}

bool fitsInt(int64_t m, int64_t n, int64_t k, int64_t lda, int64_t ldb, int64_t ldc) {
  return m <= kIntMax && n <= kIntMax && k <= kIntMax && lda <= kIntMax && ldb <= kIntMax && ldc <= kIntMax;
}

int cblasRowMajor(char ta, char tb, int64_t m, int64_t n, int64_t k, float alpha, const float* a, int64_t lda,
                  const float* b, int64_t ldb, float beta, float* c, int64_t ldc) {
  if (!fitsInt(m, n, k, lda, ldb, ldc)) return 1;
  cblasLookup()(kRowMajor, ta == 'T' ? kTrans : kNoTrans, tb == 'T' ? kTrans : kNoTrans, int(m), int(n),
                int(k), alpha, a, int(lda), b, int(ldb), beta, c, int(ldc));
  return 0;
}

using GetThreads = int (*)();
int openBlasPool() {
  static const auto get = reinterpret_cast<GetThreads>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
  return get ? get() : 1;
}

GemmLibrary initialLibrary() {
  GemmLibrary library = GemmLibrary::OneDnn;
  gemmLibraryFromEnvironment(&library);
  return library;
}

std::atomic<GemmLibrary> g_library{initialLibrary()};

void fillRows(float* c, int64_t rows, int64_t cols, int64_t ldc, const float* bias) {
  for (int64_t r = 0; r < rows; ++r) std::memcpy(c + r * ldc, bias, sizeof(float) * size_t(cols));
}

// Products smaller than this run on one thread: splitting costs more than it saves.
constexpr int64_t kSplitMacs = int64_t(1) << 18;
// Row or column blocks are multiples of this, so that only the last block has a partial edge tile.
constexpr int64_t kBlockAlign = 16;

// One block of C per intra-op thread, split along C's longer side; each block is one single-threaded
// cblas_sgemm over the whole inner dimension, so an element's sum runs in the same order whatever the split.
bool blasSplit(char ta, char tb, int64_t m, int64_t n, int64_t k, const float* a, int64_t lda, const float* b,
               int64_t ldb, float beta, float* c, int64_t ldc, const float* rowBias) {
  if (!fitsInt(m, n, k, lda, ldb, ldc)) return false;
  const int threads = at::in_parallel_region() ? 1 : at::get_num_threads();
  const bool split = threads > 1 && openBlasPool() <= 1 && m * n * k >= kSplitMacs;
  const bool byRows = m >= n;
  const int64_t extent = byRows ? m : n;
  const int64_t block = split ? std::max(kBlockAlign, (extent + threads - 1) / threads + kBlockAlign - 1) /
                                    kBlockAlign * kBlockAlign
                              : extent;
  const int64_t parts = std::max<int64_t>(1, (extent + block - 1) / block);
  auto run = [&](int64_t part) {
    const int64_t first = part * block, count = std::min(block, extent - first);
    if (count <= 0) return;
    if (byRows) {
      const float* pa = ta == 'N' ? a + first * lda : a + first;
      float* pc = c + first * ldc;
      if (rowBias) fillRows(pc, count, n, ldc, rowBias);
      cblasRowMajor(ta, tb, count, n, k, 1.0f, pa, lda, b, ldb, rowBias ? 1.0f : beta, pc, ldc);
    } else {
      const float* pb = tb == 'N' ? b + first : b + first * ldb;
      float* pc = c + first;
      if (rowBias) fillRows(pc, m, count, ldc, rowBias + first);
      cblasRowMajor(ta, tb, m, count, k, 1.0f, a, lda, pb, ldb, rowBias ? 1.0f : beta, pc, ldc);
    }
  };
  if (parts == 1) {
    run(0);
  } else {
    at::parallel_for(0, parts, 1, [&](int64_t begin, int64_t end) {
      for (int64_t part = begin; part < end; ++part) run(part);
    });
  }
  return true;
}

}  // namespace

void setKernelBackend(KernelBackend backend) { g_backend = backend; }
KernelBackend kernelBackend() { return g_backend; }
bool oneDnnGemmAvailable() { return oneDnnLookup() != nullptr; }

bool gemmLibraryFromEnvironment(GemmLibrary* library) {
  const char* env = std::getenv("QUARRY_GEMM");
  if (!env) return false;
  if (std::strcmp(env, "onednn") == 0)
    *library = GemmLibrary::OneDnn;
  else if (std::strcmp(env, "blas") == 0)
    *library = GemmLibrary::Blas;
  else
    return false;
  return true;
}

void setGemmLibrary(GemmLibrary library) { g_library = library; }
GemmLibrary gemmLibrary() { return g_library; }

namespace detail {

bool gemmAvailable() { return gemmOneThread() != nullptr; }

SgemmFn gemmOneThread() {
  if (g_backend != KernelBackend::Auto) return nullptr;
  if (g_library == GemmLibrary::OneDnn) return oneDnnLookup();
  return cblasLookup() ? &cblasRowMajor : nullptr;
}

bool gemmThreadsItself() { return g_library == GemmLibrary::Blas && openBlasPool() > 1; }

bool gemm(char ta, char tb, int64_t m, int64_t n, int64_t k, const float* a, int64_t lda, const float* b,
          int64_t ldb, float beta, float* c, int64_t ldc, const float* rowBias) {
  return g_backend == KernelBackend::Auto &&
         gemmIn(g_library, ta, tb, m, n, k, a, lda, b, ldb, beta, c, ldc, rowBias);
}

bool gemmIn(GemmLibrary library, char ta, char tb, int64_t m, int64_t n, int64_t k, const float* a,
            int64_t lda, const float* b, int64_t ldb, float beta, float* c, int64_t ldc,
            const float* rowBias) {
  if (m <= 0 || n <= 0) return true;
  if (library == GemmLibrary::Blas)
    return cblasLookup() && blasSplit(ta, tb, m, n, k, a, lda, b, ldb, beta, c, ldc, rowBias);
  const SgemmFn oneDnn = oneDnnLookup();
  if (!oneDnn) return false;
  if (rowBias) {
    fillRows(c, m, n, ldc, rowBias);
    beta = 1.0f;
  }
  return oneDnn(ta, tb, m, n, k, 1.0f, a, lda, b, ldb, beta, c, ldc) == 0;
}

bool oneDnnReachable() { return oneDnnLookup() != nullptr; }
bool blasReachable() { return cblasLookup() != nullptr; }

}  // namespace detail

}  // namespace quarry::model
