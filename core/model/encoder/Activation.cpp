#include "model/encoder/Activation.h"

#include <ATen/core/grad_mode.h>
#include <ATen/ops/gelu.h>
#include <ATen/ops/relu.h>
#include <ATen/ops/silu.h>
#include <ATen/ops/tanh.h>

namespace quarry::model {

Result<Activation> activationFromName(const std::string& name, const std::string& field) {
  if (name == "gelu") return Activation::Gelu;
  if (name == "gelu_new" || name == "gelu_pytorch_tanh" || name == "gelu_fast") return Activation::GeluTanh;
  if (name == "relu") return Activation::Relu;
  if (name == "silu" || name == "swish") return Activation::Silu;
  if (name == "tanh") return Activation::Tanh;
  return Error("unsupported activation '" + name + "' (gelu, gelu_new, relu, silu, tanh)", {}, 0, field);
}

at::Tensor applyActivation(Activation activation, const at::Tensor& x) {
  switch (activation) {
    case Activation::Gelu: return at::gelu(x);
    case Activation::GeluTanh: return at::gelu(x, "tanh");
    case Activation::Relu: return at::relu(x);
    case Activation::Silu: return at::silu(x);
    case Activation::Tanh: return at::tanh(x);
  }
  return x;
}

at::Tensor applyActivationReusing(Activation activation, at::Tensor x) {
  if (at::GradMode::is_enabled() && x.requires_grad()) return applyActivation(activation, x);
  switch (activation) {
    case Activation::Gelu:
      return at::gelu_(x);
    case Activation::GeluTanh:
      return at::gelu_(x, "tanh");
    case Activation::Relu:
      return at::relu_(x);
    case Activation::Silu:
      return at::silu_(x);
    case Activation::Tanh:
      return at::tanh_(x);
  }
  return x;
}

}  // namespace quarry::model
