#include "model/adapters/LoraLinear.h"

#include <cmath>
#include <memory>

#include <ATen/core/grad_mode.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/linear.h>
#include <ATen/ops/matmul.h>
#include <ATen/ops/zeros.h>

#include "model/kernels/FastDropout.h"

namespace quarry::model {

namespace {

// PEFT's lora_A / lora_B are nn.Linear(bias=False): a module whose only tensor is "weight".
at::Tensor registerWeight(torch::nn::Module& parent, const std::string& name, int64_t rows, int64_t cols) {
  auto holder = parent.register_module(name, std::make_shared<torch::nn::Module>(name));
  return holder->register_parameter("weight", at::zeros({rows, cols}));
}

}  // namespace

LoraLinearImpl::LoraLinearImpl(const LinearSpec& spec, int64_t rank, double scaling, double dropout)
    : DenseLayerImpl(spec.inFeatures, spec.outFeatures, spec.bias),
      m_path(spec.path),
      m_rank(rank),
      m_scaling(scaling),
      m_dropout(dropout) {
  loraA = registerWeight(*this, "lora_A", rank, spec.inFeatures);
  loraB = registerWeight(*this, "lora_B", spec.outFeatures, rank);
}

at::Tensor LoraLinearImpl::forward(const at::Tensor& x) {
  at::Tensor base = DenseLayerImpl::forward(x);
  const at::Tensor dropped = fastDropout(x, m_dropout, is_training());
  return base + at::linear(at::linear(dropped, loraA), loraB) * m_scaling;
}

void LoraLinearImpl::resetParameters(double stddev, at::Generator& generator) {
  DenseLayerImpl::resetParameters(stddev, generator);
  at::NoGradGuard noGrad;
  // kaiming_uniform_(a=sqrt(5)): gain sqrt(2 / (1 + a^2)) = sqrt(1/3), bound gain * sqrt(3 / fan_in).
  const double bound = 1.0 / std::sqrt(static_cast<double>(inFeatures()));
  loraA.copy_(
      at::empty(loraA.sizes(), at::TensorOptions().dtype(at::kFloat)).uniform_(-bound, bound, generator));
  loraB.zero_();
}

at::Tensor LoraLinearImpl::mergedWeight() const {
  at::NoGradGuard noGrad;
  return weight.detach() + at::matmul(loraB.detach(), loraA.detach()) * m_scaling;
}

}  // namespace quarry::model
