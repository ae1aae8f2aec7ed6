#include "model/encoder/QkvProjection.h"

#include <typeinfo>

#include <ATen/core/grad_mode.h>
#include <ATen/ops/cat.h>

#include "model/kernels/FastLinear.h"

namespace quarry::model {

namespace {

bool isPlain(const DenseLayerImpl& layer) {
  return typeid(layer) == typeid(DenseLayerImpl) && !layer.dynamicInt8Enabled() && layer.bias.defined();
}

}  // namespace

QkvProjections projectQkv(DenseLayerImpl& query, DenseLayerImpl& key, DenseLayerImpl& value,
                          const at::Tensor& hidden, bool allowFused) {
  if (allowFused && !at::GradMode::is_enabled() && isPlain(query) && isPlain(key) && isPlain(value)) {
    const at::Tensor w = at::cat({query.weight, key.weight, value.weight}, 0);
    const at::Tensor b = at::cat({query.bias, key.bias, value.bias}, 0);
    const at::Tensor qkv = fastLinear(hidden, w, b);
    const int64_t q = query.outFeatures(), k = key.outFeatures(), v = value.outFeatures();
    return {qkv.narrow(-1, 0, q), qkv.narrow(-1, q, k), qkv.narrow(-1, q + k, v)};
  }
  return {query.forward(hidden), key.forward(hidden), value.forward(hidden)};
}

}  // namespace quarry::model
