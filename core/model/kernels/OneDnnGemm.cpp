#include "model/kernels/OneDnnGemm.h"

#include <atomic>
#include <cstdlib>
#include <cstring>

#include <dlfcn.h>

#include "model/kernels/KernelBackend.h"

namespace quarry::model {

namespace {

detail::SgemmFn lookup() {
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

CblasSgemm cblasLookup() {
  static const auto fn = reinterpret_cast<CblasSgemm>(dlsym(RTLD_DEFAULT, "cblas_sgemm"));
  return fn;
}

int cblasRowMajor(char ta, char tb, int64_t m, int64_t n, int64_t k, float alpha, const float* a, int64_t lda,
                  const float* b, int64_t ldb, float beta, float* c, int64_t ldc) {
  constexpr int64_t kMax = 0x7fffffff;
  if (m > kMax || n > kMax || k > kMax || lda > kMax || ldb > kMax || ldc > kMax) return 1;
  cblasLookup()(kRowMajor, ta == 'T' ? kTrans : kNoTrans, tb == 'T' ? kTrans : kNoTrans, int(m), int(n),
                int(k), alpha, a, int(lda), b, int(ldb), beta, c, int(ldc));
  return 0;
}

GemmLibrary initialLibrary() {
  GemmLibrary library = GemmLibrary::OneDnn;
  gemmLibraryFromEnvironment(&library);
  return library;
}

std::atomic<GemmLibrary> g_library{initialLibrary()};

}  // namespace

void setKernelBackend(KernelBackend backend) { g_backend = backend; }
KernelBackend kernelBackend() { return g_backend; }
bool oneDnnGemmAvailable() { return lookup() != nullptr; }

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

detail::SgemmFn detail::oneDnnSgemm() {
  return g_backend == KernelBackend::Auto && g_library == GemmLibrary::OneDnn ? lookup() : nullptr;
}

detail::SgemmFn detail::oneDnnSgemmSymbol() { return lookup(); }

detail::SgemmFn detail::blasSgemm() {
  return g_backend == KernelBackend::Auto && g_library == GemmLibrary::Blas && cblasLookup() ? &cblasRowMajor
                                                                                             : nullptr;
}

}  // namespace quarry::model
