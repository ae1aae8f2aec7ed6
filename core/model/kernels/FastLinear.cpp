#include "model/kernels/FastLinear.h"

#include <ATen/core/grad_mode.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/linear.h>
#include <ATen/ops/sum.h>
#include <torch/csrc/autograd/custom_function.h>

#include "model/kernels/OneDnnGemm.h"

namespace quarry::model {

namespace {

bool sgemm(char ta, char tb, int64_t m, int64_t n, int64_t k, const float* a, int64_t lda, const float* b,
           int64_t ldb, float beta, float* c, int64_t ldc) {
  const detail::SgemmFn fn = detail::oneDnnSgemm();  // null if the backend was switched meanwhile
  return fn && fn(ta, tb, m, n, k, 1.0f, a, lda, b, ldb, beta, c, ldc) == 0;
}

// x2 [M,K] contiguous, w [N,K] contiguous, bias [N] or undefined -> [M,N].
at::Tensor forwardGemm(const at::Tensor& x2, const at::Tensor& w, const at::Tensor& bias) {
  const int64_t m = x2.size(0), k = x2.size(1), n = w.size(0);
  at::Tensor y = at::empty({m, n}, x2.options());
  float beta = 0.0f;
  if (bias.defined()) {
    y.copy_(bias.expand({m, n}));
    beta = 1.0f;
  }
  if (m > 0 && n > 0 &&
      !sgemm('N', 'T', m, n, k, x2.data_ptr<float>(), k, w.data_ptr<float>(), k, beta, y.data_ptr<float>(), n))
    return at::linear(x2, w, bias);
  return y;
}

struct OneDnnLinearFunction : public torch::autograd::Function<OneDnnLinearFunction> {
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
      if (!sgemm('N', 'N', m, k, n, g.data_ptr<float>(), n, w.data_ptr<float>(), k, 0.0f, dx.data_ptr<float>(), k))
        dx = g.mm(w);
    }
    if (ctx->needs_input_grad(1)) {
      dw = at::empty({n, k}, w.options());
      if (!sgemm('T', 'N', n, k, m, g.data_ptr<float>(), n, x2.data_ptr<float>(), k, 0.0f, dw.data_ptr<float>(), k))
        dw = g.t().mm(x2);
    }
    if (ctx->needs_input_grad(2)) db = at::sum(g, 0);
    return {dx, dw, db};
  }
};

bool oneDnnApplies(const at::Tensor& x, const at::Tensor& w, const at::Tensor& b) {
  auto cpuFloat = [](const at::Tensor& t) {
    return t.device().is_cpu() && t.scalar_type() == at::kFloat && t.layout() == at::kStrided;
  };
  return detail::oneDnnSgemm() && cpuFloat(x) && cpuFloat(w) && w.is_contiguous() &&
         w.dim() == 2 && x.dim() >= 1 && b.defined() && cpuFloat(b) && b.is_contiguous();
}

}  // namespace


at::Tensor fastLinear(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias) {
  if (!oneDnnApplies(x, weight, bias)) return at::linear(x, weight, bias);
  const int64_t k = weight.size(1);
  std::vector<int64_t> outShape(x.sizes().begin(), x.sizes().end());
  outShape.back() = weight.size(0);
  at::Tensor x2 = x.reshape({-1, k}).contiguous();
  const bool needsGrad =
      at::GradMode::is_enabled() && (x.requires_grad() || weight.requires_grad() || bias.requires_grad());
  at::Tensor y = needsGrad ? OneDnnLinearFunction::apply(x2, weight, bias) : forwardGemm(x2, weight, bias);
  return y.view(outShape);
}

}  // namespace quarry::model
