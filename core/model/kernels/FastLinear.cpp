#include "model/kernels/FastLinear.h"
#include "model/kernels/Autocast.h"

#include <ATen/core/grad_mode.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/linear.h>
#include <ATen/ops/sum.h>
#include <torch/csrc/autograd/custom_function.h>

#include "model/kernels/GemmLibrary.h"

namespace quarry::model {

namespace {

// x2 [M,K] contiguous, w [N,K] contiguous, bias [N] contiguous or undefined -> [M,N].
at::Tensor forwardGemm(const at::Tensor& x2, const at::Tensor& w, const at::Tensor& bias) {
  const int64_t m = x2.size(0), k = x2.size(1), n = w.size(0);
  at::Tensor y = at::empty({m, n}, x2.options());
  if (!detail::gemm('N', 'T', m, n, k, x2.data_ptr<float>(), k, w.data_ptr<float>(), k, 0.0f,
                    y.data_ptr<float>(), n, bias.defined() ? bias.data_ptr<float>() : nullptr))
    return at::linear(x2, w, bias);
  return y;
}

struct GemmLinearFunction : public torch::autograd::Function<GemmLinearFunction> {
  static at::Tensor forward(torch::autograd::AutogradContext* ctx, const at::Tensor& x2, const at::Tensor& w,
                            const at::Tensor& bias) {
    ctx->save_for_backward({x2, w});
    return forwardGemm(x2, w, bias);
  }

  static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::variable_list grads) {
    const auto saved = ctx->get_saved_variables();
    const at::Tensor& x2 = saved[0];
    const at::Tensor& w = saved[1];
    const at::Tensor g = grads[0].contiguous();
    const int64_t m = x2.size(0), k = x2.size(1), n = w.size(0);
    at::Tensor dx, dw, db;
    if (ctx->needs_input_grad(0)) {
      dx = at::empty({m, k}, x2.options());
      if (!detail::gemm('N', 'N', m, k, n, g.data_ptr<float>(), n, w.data_ptr<float>(), k, 0.0f,
                        dx.data_ptr<float>(), k))
        dx = g.mm(w);
    }
    if (ctx->needs_input_grad(1)) {
      dw = at::empty({n, k}, w.options());
      if (!detail::gemm('T', 'N', n, k, m, g.data_ptr<float>(), n, x2.data_ptr<float>(), k, 0.0f,
                        dw.data_ptr<float>(), k))
        dw = g.t().mm(x2);
    }
    if (ctx->needs_input_grad(2)) db = at::sum(g, 0);
    return {dx, dw, db};
  }
};

bool gemmApplies(const at::Tensor& x, const at::Tensor& w, const at::Tensor& b) {
  auto cpuFloat = [](const at::Tensor& t) {
    return t.device().is_cpu() && t.scalar_type() == at::kFloat && t.layout() == at::kStrided;
  };
  // Under CPU autocast the ATen op casts to the lower precision; this float32 GEMM would not.
  return detail::gemmAvailable() && !autocastEnabled(c10::DeviceType::CPU) && cpuFloat(x) && cpuFloat(w) &&
         w.is_contiguous() && w.dim() == 2 && x.dim() >= 1 && b.defined() && cpuFloat(b) && b.is_contiguous();
}

}  // namespace


at::Tensor fastLinear(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias) {
  if (!gemmApplies(x, weight, bias)) return at::linear(x, weight, bias);
  const int64_t k = weight.size(1);
  std::vector<int64_t> outShape(x.sizes().begin(), x.sizes().end());
  outShape.back() = weight.size(0);
  at::Tensor x2 = x.reshape({-1, k}).contiguous();
  const bool needsGrad =
      at::GradMode::is_enabled() && (x.requires_grad() || weight.requires_grad() || bias.requires_grad());
  at::Tensor y = needsGrad ? GemmLinearFunction::apply(x2, weight, bias) : forwardGemm(x2, weight, bias);
  return y.view(outShape);
}

}  // namespace quarry::model
