#pragma once
// The query, key and value projections of one attention layer (BERT family and DeBERTa alike).

#include <ATen/core/Tensor.h>

#include "model/encoder/DenseLayer.h"

namespace quarry::model {

struct QkvProjections {
  at::Tensor q, k, v;  // [..., out] each; views of one tensor when fused
};

// query/key/value->forward(hidden), or, when `allowFused`, nothing is recorded for backward and all
// three are plain DenseLayers with biases (an adapter or int8 layer must see its own forward called),
// one matmul over the concatenated weights: 3·out·in copies against 3·B·T·out·in multiply-adds.
QkvProjections projectQkv(DenseLayerImpl& query, DenseLayerImpl& key, DenseLayerImpl& value,
                          const at::Tensor& hidden, bool allowFused);

}  // namespace quarry::model
