#include "model/optim/FusedAdamW.h"

#include <cmath>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

#include <ATen/Parallel.h>
#include <ATen/core/grad_mode.h>
#include <ATen/ops/full.h>
#include <ATen/ops/zeros_like.h>
#include <torch/version.h>
#if TORCH_VERSION_MAJOR >= 2
#include <ATen/ops/_foreach_add.h>
#include <ATen/ops/_fused_adamw.h>
#define QUARRY_HAVE_FUSED_ADAMW 1
#if TORCH_VERSION_MAJOR > 2 || TORCH_VERSION_MINOR >= 4
#define QUARRY_HAVE_TENSOR_LR_ADAMW 1  // _fused_adamw_'s overload with the learning rate in a tensor
#endif
#endif

namespace quarry::model {

namespace {

struct Coefficients {
  float decay;       // 1 - lr * wd
  float beta1, oneMinusBeta1;
  float beta2, oneMinusBeta2;
  float negStepSize;  // -lr / (1 - beta1^t)
  float bc2Sqrt;      // sqrt(1 - beta2^t)
  float eps;
};

void adamwScalar(float* __restrict p, const float* __restrict g, float* __restrict m, float* __restrict v,
                 int64_t begin, int64_t end, const Coefficients& c) {
  for (int64_t i = begin; i < end; ++i) {
    const float gi = g[i];
    const float mi = m[i] * c.beta1 + c.oneMinusBeta1 * gi;
    const float vi = v[i] * c.beta2 + c.oneMinusBeta2 * (gi * gi);
    m[i] = mi;
    v[i] = vi;
    const float denom = std::sqrt(vi) / c.bc2Sqrt + c.eps;
    p[i] = p[i] * c.decay + c.negStepSize * (mi / denom);
  }
}

#if defined(__x86_64__) && defined(__GNUC__)
#define QUARRY_ADAMW_AVX512 1
// Written with intrinsics: the compiler will not vectorise std::sqrt while it may set errno, and
// the project builds for baseline x86-64. Chosen at run time when the CPU has AVX-512.
__attribute__((target("avx512f"))) void adamwAvx512(float* p, const float* g, float* m, float* v, int64_t begin,
                                                    int64_t end, const Coefficients& c) {
  const __m512 beta1 = _mm512_set1_ps(c.beta1), omb1 = _mm512_set1_ps(c.oneMinusBeta1);
  const __m512 beta2 = _mm512_set1_ps(c.beta2), omb2 = _mm512_set1_ps(c.oneMinusBeta2);
  const __m512 bc2 = _mm512_set1_ps(c.bc2Sqrt), eps = _mm512_set1_ps(c.eps);
  const __m512 decay = _mm512_set1_ps(c.decay), negStep = _mm512_set1_ps(c.negStepSize);
  int64_t i = begin;
  for (; i + 16 <= end; i += 16) {
    const __m512 gi = _mm512_loadu_ps(g + i);
    const __m512 mi = _mm512_fmadd_ps(omb1, gi, _mm512_mul_ps(_mm512_loadu_ps(m + i), beta1));
    const __m512 vi = _mm512_fmadd_ps(omb2, _mm512_mul_ps(gi, gi), _mm512_mul_ps(_mm512_loadu_ps(v + i), beta2));
    _mm512_storeu_ps(m + i, mi);
    _mm512_storeu_ps(v + i, vi);
    // The masked form with an explicit source: GCC 12 warns about _mm512_sqrt_ps's undefined one.
    const __m512 root = _mm512_mask_sqrt_ps(vi, static_cast<__mmask16>(0xFFFF), vi);
    const __m512 denom = _mm512_add_ps(_mm512_div_ps(root, bc2), eps);
    const __m512 pi = _mm512_fmadd_ps(negStep, _mm512_div_ps(mi, denom), _mm512_mul_ps(_mm512_loadu_ps(p + i), decay));
    _mm512_storeu_ps(p + i, pi);
  }
  adamwScalar(p, g, m, v, i, end, c);
}
#endif

void adamwKernel(float* p, const float* g, float* m, float* v, int64_t begin, int64_t end, const Coefficients& c) {
#ifdef QUARRY_ADAMW_AVX512
  static const bool avx512 = __builtin_cpu_supports("avx512f");
  if (avx512) return adamwAvx512(p, g, m, v, begin, end, c);
#endif
  adamwScalar(p, g, m, v, begin, end, c);
}

#ifdef QUARRY_HAVE_FUSED_ADAMW
// A CUDA float32 parameter with a dense float32 gradient: updated by the multi-tensor kernel.
bool fusedOnDevice(const at::Tensor& param, const at::Tensor& grad) {
  return param.is_cuda() && param.scalar_type() == at::kFloat && grad.scalar_type() == at::kFloat &&
         !grad.is_sparse();
}
#endif

bool fusable(const at::Tensor& p, const at::Tensor& g, const AdamWParamState& s) {
  auto ok = [&](const at::Tensor& t) { return t.device().is_cpu() && t.scalar_type() == at::kFloat && t.is_contiguous(); };
  return ok(p) && ok(g) && ok(s.expAvg) && ok(s.expAvgSq) && !g.is_sparse();
}

}  // namespace

FusedAdamW::FusedAdamW(std::vector<AdamWGroup> groups) : m_groups(std::move(groups)) {
  std::size_t n = 0;
  for (const auto& g : m_groups) n += g.parameters.size();
  m_state.resize(n);
}

void FusedAdamW::useDeviceLearningRates(const c10::Device& device) {
  m_deviceRates.clear();
  for (const AdamWGroup& group : m_groups)
    m_deviceRates.push_back(
        at::full({}, group.options.lr, at::TensorOptions().dtype(at::kFloat).device(device)));
}

void FusedAdamW::syncLearningRates() {
  for (size_t g = 0; g < m_deviceRates.size() && g < m_groups.size(); ++g)
    if (m_deviceRates[g].defined()) m_deviceRates[g].fill_(m_groups[g].options.lr);
}

void FusedAdamW::countReplayedStep() {
  std::size_t index = 0;
  for (const AdamWGroup& group : m_groups)
    for (const at::Tensor& param : group.parameters) {
      AdamWParamState& s = m_state[index++];
      if (s.deviceStep.defined() && param.is_cuda()) s.step += 1;
    }
}

void FusedAdamW::step() {
  at::NoGradGuard noGrad;
  std::size_t index = 0;
  for (auto& group : m_groups) {
    const AdamWOptions& o = group.options;
#ifdef QUARRY_HAVE_FUSED_ADAMW
    // CUDA float32 parameters: one multi-tensor kernel (ATen's _fused_adamw_, as torch.optim.AdamW with
    // fused=True) for the whole group instead of six launches per parameter.
    std::vector<at::Tensor> params, grads, expAvgs, expAvgSqs, steps;
    const std::size_t first = index;
    for (auto& param : group.parameters) {
      AdamWParamState& s = m_state[index++];
      const at::Tensor& grad = param.grad();
      if (!grad.defined() || !fusedOnDevice(param, grad)) continue;
      if (!s.expAvg.defined()) {
        s.expAvg = at::zeros_like(param, at::MemoryFormat::Contiguous);
        s.expAvgSq = at::zeros_like(param, at::MemoryFormat::Contiguous);
      }
      if (!s.deviceStep.defined())
        s.deviceStep = at::full({}, static_cast<double>(s.step), param.options().dtype(at::kFloat));
      s.step += 1;
      params.push_back(param.detach());
      grads.push_back(grad);
      expAvgs.push_back(s.expAvg);
      expAvgSqs.push_back(s.expAvgSq);
      steps.push_back(s.deviceStep);
    }
    if (!params.empty()) {
      at::_foreach_add_(steps, 1);
      const size_t g = static_cast<size_t>(&group - m_groups.data());
#ifdef QUARRY_HAVE_TENSOR_LR_ADAMW
      if (g < m_deviceRates.size() && m_deviceRates[g].defined())
        at::_fused_adamw_(params, grads, expAvgs, expAvgSqs, {}, steps, m_deviceRates[g], o.beta1, o.beta2,
                          o.weightDecay, o.eps, /*amsgrad=*/false, /*maximize=*/false);
      else
#endif
        at::_fused_adamw_(params, grads, expAvgs, expAvgSqs, {}, steps, o.lr, o.beta1, o.beta2, o.weightDecay,
                          o.eps, /*amsgrad=*/false, /*maximize=*/false);
      (void)g;
    }
    index = first;
#endif
    for (auto& param : group.parameters) {
      AdamWParamState& s = m_state[index++];
      const at::Tensor& grad = param.grad();
      if (!grad.defined()) continue;
#ifdef QUARRY_HAVE_FUSED_ADAMW
      if (fusedOnDevice(param, grad)) continue;  // updated above
#endif
      if (!s.expAvg.defined()) {
        s.expAvg = at::zeros_like(param, at::MemoryFormat::Contiguous);
        s.expAvgSq = at::zeros_like(param, at::MemoryFormat::Contiguous);
      }
      s.step += 1;
      const double bc1 = 1.0 - std::pow(o.beta1, static_cast<double>(s.step));
      const double bc2Sqrt = std::sqrt(1.0 - std::pow(o.beta2, static_cast<double>(s.step)));
      const double stepSize = o.lr / bc1;
      at::Tensor p = param.detach();
      if (fusable(p, grad, s)) {
        Coefficients c{static_cast<float>(1.0 - o.lr * o.weightDecay),
                       static_cast<float>(o.beta1), static_cast<float>(1.0 - o.beta1),
                       static_cast<float>(o.beta2), static_cast<float>(1.0 - o.beta2),
                       static_cast<float>(-stepSize), static_cast<float>(bc2Sqrt), static_cast<float>(o.eps)};
        float* pp = p.data_ptr<float>();
        const float* gp = grad.data_ptr<float>();
        float* mp = s.expAvg.data_ptr<float>();
        float* vp = s.expAvgSq.data_ptr<float>();
        at::parallel_for(0, p.numel(), 1 << 14, [&](int64_t begin, int64_t end) {
          adamwKernel(pp, gp, mp, vp, begin, end, c);
        });
      } else {
        // torch.optim.AdamW's single-tensor path, op for op.
        if (o.weightDecay != 0.0) p.mul_(1.0 - o.lr * o.weightDecay);
        s.expAvg.mul_(o.beta1).add_(grad, 1.0 - o.beta1);
        s.expAvgSq.mul_(o.beta2).addcmul_(grad, grad, 1.0 - o.beta2);
        at::Tensor denom = s.expAvgSq.sqrt().div_(bc2Sqrt).add_(o.eps);
        p.addcdiv_(s.expAvg, denom, -stepSize);
      }
    }
  }
}

void FusedAdamW::zeroGrad(bool setToNone) {
  for (auto& group : m_groups) {
    for (auto& param : group.parameters) {
      at::Tensor& grad = param.mutable_grad();
      if (!grad.defined()) continue;
      if (setToNone) {
        grad.reset();
      } else {
        grad.detach_();
        grad.zero_();
      }
    }
  }
}

}  // namespace quarry::model
