#include "model/optim/GradientClipping.h"

#include <ATen/TensorOperators.h>
#include <ATen/core/grad_mode.h>
#include <ATen/ops/clamp_max.h>
#include <ATen/ops/linalg_vector_norm.h>
#include <ATen/ops/stack.h>

namespace quarry::model {

double clipGradientNorm(const std::vector<at::Tensor>& parameters, double maxNorm) {
  at::NoGradGuard noGrad;
  std::vector<at::Tensor> norms;
  norms.reserve(parameters.size());
  for (const at::Tensor& p : parameters)
    if (p.grad().defined())
      norms.push_back(at::linalg_vector_norm(p.grad(), 2.0, c10::nullopt, false, at::kFloat));
  if (norms.empty()) return 0.0;
  if (!norms.front().is_cpu()) {
    // On a GPU the norm stays on the device (reading it would make the host wait at every step): the
    // gradients are multiplied by min(1, maxNorm / (norm + 1e-6)), as torch.nn.utils.clip_grad_norm_ does.
    const at::Tensor norm = at::linalg_vector_norm(at::stack(norms), 2.0, c10::nullopt, false, c10::nullopt);
    if (maxNorm > 0) {
      const at::Tensor scale = (maxNorm / (norm + 1e-6)).clamp_max(1.0);
      for (const at::Tensor& p : parameters)
        if (p.grad().defined()) p.mutable_grad().mul_(scale.to(p.grad().scalar_type()));
    }
    return -1.0;
  }
  const double total =
      at::linalg_vector_norm(at::stack(norms), 2.0, c10::nullopt, false, c10::nullopt).item<double>();
  if (maxNorm > 0 && total > maxNorm) {
    const double scale = maxNorm / (total + 1e-6);
    for (const at::Tensor& p : parameters)
      if (p.grad().defined()) p.mutable_grad().mul_(scale);
  }
  return total;
}

}  // namespace quarry::model
