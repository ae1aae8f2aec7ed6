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

}  // namespace quarry::model
