#include "train/TaskModel.h"

#include "model/encoder/TransformerModel.h"

namespace quarry::train {

bool TaskModel::setGradientCheckpointing(bool on) {
  model::TransformerModelImpl* transformer = transformerModel();
  return transformer != nullptr && transformer->setGradientCheckpointing(on);
}

}  // namespace quarry::train
