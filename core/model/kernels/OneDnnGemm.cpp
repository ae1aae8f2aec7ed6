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

}  // namespace

void setKernelBackend(KernelBackend backend) { g_backend = backend; }
KernelBackend kernelBackend() { return g_backend; }
bool oneDnnGemmAvailable() { return lookup() != nullptr; }

detail::SgemmFn detail::oneDnnSgemm() { return g_backend == KernelBackend::Auto ? lookup() : nullptr; }

}  // namespace quarry::model
