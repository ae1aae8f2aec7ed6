#include "model/OneDnnGemm.h"

#include <dlfcn.h>

#include <cstdlib>
#include <cstring>

#include "model/FastLinear.h"

namespace quarry::model {

namespace {

detail::SgemmFn lookup() {
  static const auto fn = reinterpret_cast<detail::SgemmFn>(dlsym(RTLD_DEFAULT, "dnnl_sgemm"));
  return fn;
}

LinearBackend initialBackend() {
  const char* env = std::getenv("QUARRY_LINEAR_BACKEND");
  return env && std::strcmp(env, "torch") == 0 ? LinearBackend::Torch : LinearBackend::Auto;
}

LinearBackend g_backend = initialBackend();

}  // namespace

void setLinearBackend(LinearBackend backend) { g_backend = backend; }
LinearBackend linearBackend() { return g_backend; }
bool oneDnnGemmAvailable() { return lookup() != nullptr; }

detail::SgemmFn detail::oneDnnSgemm() { return g_backend == LinearBackend::Auto ? lookup() : nullptr; }

}  // namespace quarry::model
