#include "train/TaskModel.h"

#include <stdexcept>

#include "model/encoder/TransformerModel.h"

namespace quarry::train {

StagedBatch TaskModel::stage(const TaskInputs&, const std::vector<int32_t>&, const StageShape&) const {
  throw std::logic_error(describe() + " does not stage batches");  // the Trainer asks canStage() first
}

at::Tensor TaskModel::stagedLoss(const StagedBatch&, const LossOptions&) {
  throw std::logic_error(describe() + " does not stage batches");
}

bool TaskModel::setGradientCheckpointing(bool on) {
  model::TransformerModelImpl* transformer = transformerModel();
  return transformer != nullptr && transformer->setGradientCheckpointing(on);
}

}  // namespace quarry::train
