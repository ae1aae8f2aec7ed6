#include "model/kernels/FastDropout.h"

#include <mutex>

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <ATen/core/grad_mode.h>
#include <ATen/ops/dropout.h>
#include <ATen/ops/empty_like.h>
#include <ATen/ops/zeros_like.h>
#include <torch/csrc/autograd/custom_function.h>

#include "model/kernels/KernelBackend.h"

namespace quarry::model {

namespace {

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__linux__)
#define QUARRY_DROPOUT_KERNEL __attribute__((target_clones("arch=x86-64-v4", "avx2", "default")))
#else
#define QUARRY_DROPOUT_KERNEL
#endif

inline uint64_t splitmix64(uint64_t z) {
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// out[i] = keep(i) ? in[i] * scale : 0 for i in [begin, end); element i uses 32 bits of
// splitmix64(seed + i / 2), so the mask depends only on (seed, i), never on the thread split.
QUARRY_DROPOUT_KERNEL
void maskKernel(const float* __restrict in, float* __restrict out, int64_t begin, int64_t end, uint64_t seed,
                uint32_t dropBelow, float scale) {
  for (int64_t i = begin; i < end; ++i) {
    const uint64_t h = splitmix64(seed + static_cast<uint64_t>(i >> 1) * 0xd1b54a32d192ed03ULL);
    const uint32_t r = static_cast<uint32_t>((i & 1) ? (h >> 32) : h);
    out[i] = r >= dropBelow ? in[i] * scale : 0.0f;
  }
}

at::Tensor applyMask(const at::Tensor& x, uint64_t seed, double p) {
  at::Tensor in = x.contiguous();
  at::Tensor out = at::empty_like(in, at::MemoryFormat::Contiguous);
  const uint32_t dropBelow = static_cast<uint32_t>(p * 4294967296.0);
  const float scale = static_cast<float>(1.0 / (1.0 - p));
  const float* pi = in.data_ptr<float>();
  float* po = out.data_ptr<float>();
  at::parallel_for(0, in.numel(), 1 << 15, [&](int64_t begin, int64_t end) {
    maskKernel(pi, po, begin, end, seed, dropBelow, scale);
  });
  return out;
}

uint64_t drawSeed() {
  auto* gen = at::check_generator<at::CPUGeneratorImpl>(at::detail::getDefaultCPUGenerator());
  std::lock_guard<std::mutex> lock(gen->mutex_);
  return gen->random64();
}

struct DropoutFunction : public torch::autograd::Function<DropoutFunction> {
  static at::Tensor forward(torch::autograd::AutogradContext* ctx, const at::Tensor& x, double p) {
    const uint64_t seed = drawSeed();
    ctx->saved_data["seed"] = static_cast<int64_t>(seed);
    ctx->saved_data["p"] = p;
    return applyMask(x, seed, p);
  }
  static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::variable_list grads) {
    const auto seed = static_cast<uint64_t>(ctx->saved_data["seed"].toInt());
    return {applyMask(grads[0], seed, ctx->saved_data["p"].toDouble()), at::Tensor()};
  }
};

}  // namespace

at::Tensor fastDropout(const at::Tensor& x, double p, bool training) {
  if (!training || p <= 0.0) return x;
  if (p >= 1.0) return at::zeros_like(x);
  if (kernelBackend() == KernelBackend::Aten || !x.device().is_cpu() || x.scalar_type() != at::kFloat ||
      x.layout() != at::kStrided)
    return at::dropout(x, p, true);
  if (at::GradMode::is_enabled() && x.requires_grad()) return DropoutFunction::apply(x, p);
  return applyMask(x, drawSeed(), p);
}

}  // namespace quarry::model
