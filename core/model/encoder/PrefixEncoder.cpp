#include "model/encoder/PrefixEncoder.h"

#include <ATen/ops/zeros.h>

namespace quarry::model {

PrefixEncoderImpl::PrefixEncoderImpl(int64_t length, int64_t layers, int64_t hidden)
    : m_length(length), m_layers(layers), m_hidden(hidden) {
  auto embedding = register_module("embedding", std::make_shared<torch::nn::Module>("embedding"));
  weight = embedding->register_parameter("weight", at::zeros({length, layers * 2 * hidden}));
}

at::Tensor PrefixEncoderImpl::key(int64_t layer) const {
  return weight.narrow(1, 2 * layer * m_hidden, m_hidden);
}

at::Tensor PrefixEncoderImpl::value(int64_t layer) const {
  return weight.narrow(1, (2 * layer + 1) * m_hidden, m_hidden);
}

}  // namespace quarry::model
