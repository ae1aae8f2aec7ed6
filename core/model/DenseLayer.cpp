#include "model/DenseLayer.h"

#include <ATen/ops/empty.h>
#include <ATen/ops/linear.h>
#include <ATen/ops/zeros.h>

#include "model/FastLinear.h"

namespace quarry::model {

DenseLayerImpl::DenseLayerImpl(int64_t inFeatures, int64_t outFeatures, bool withBias)
    : m_in(inFeatures), m_out(outFeatures) {
  // Values come from TransformerModel::initializeWeights or a checkpoint.
  weight = register_parameter("weight", at::zeros({outFeatures, inFeatures}));
  if (withBias) bias = register_parameter("bias", at::zeros({outFeatures}));
}

at::Tensor DenseLayerImpl::forward(const at::Tensor& x) { return fastLinear(x, weight, bias); }

LinearFactory defaultLinearFactory() {
  return [](const LinearSpec& spec) {
    return std::make_shared<DenseLayerImpl>(spec.inFeatures, spec.outFeatures, spec.bias);
  };
}

}  // namespace quarry::model
