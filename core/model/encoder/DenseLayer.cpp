#include "model/encoder/DenseLayer.h"

#include <ATen/core/grad_mode.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/linear.h>
#include <ATen/ops/zeros.h>

#include "model/kernels/DynamicInt8.h"
#include "model/kernels/FastLinear.h"

namespace quarry::model {

DenseLayerImpl::DenseLayerImpl(int64_t inFeatures, int64_t outFeatures, bool withBias)
    : m_in(inFeatures), m_out(outFeatures) {
  // Values come from TransformerModel::initializeWeights or a checkpoint.
  weight = register_parameter("weight", at::zeros({outFeatures, inFeatures}));
  if (withBias) bias = register_parameter("bias", at::zeros({outFeatures}));
}

at::Tensor DenseLayerImpl::forward(const at::Tensor& x) {
  if (!m_int8.isNone() && !at::GradMode::is_enabled() && x.device().is_cpu() && x.scalar_type() == at::kFloat)
    return int8Linear(m_int8, x);
  return fastLinear(x, weight, bias);
}

void DenseLayerImpl::resetParameters(double stddev, at::Generator& generator) {
  at::NoGradGuard noGrad;
  weight.copy_(at::empty(weight.sizes(), at::TensorOptions().dtype(at::kFloat)).normal_(0.0, stddev, generator));
  if (bias.defined()) bias.zero_();
}

bool DenseLayerImpl::enableDynamicInt8() {
  m_int8 = packInt8Linear(weight, bias);
  return !m_int8.isNone();
}

LinearFactory defaultLinearFactory() {
  return [](const LinearSpec& spec) {
    return std::make_shared<DenseLayerImpl>(spec.inFeatures, spec.outFeatures, spec.bias);
  };
}

}  // namespace quarry::model
