#pragma once
// L2-SP (Li, Grandvalet & Davoine, "Explicit inductive bias for transfer learning with convolutional
// networks", 2018): the penalty alpha/2 ||w - w0||^2 that holds a fine-tuned encoder near the pre-trained
// weights w0 it started from, against forgetting what pretraining taught it. Added as its gradient,
// alpha * (w - w0), to each anchored parameter's gradient before clipping, which is the same as adding the
// penalty to the loss. The head is new and not anchored; weight_decay still applies as configured.

#include <vector>

#include <ATen/core/Tensor.h>

#include "common/Error.h"
#include "train/OptimizerSetup.h"
#include "train/TaskModel.h"

namespace quarry::train {

class L2spPenalty {
 public:
  L2spPenalty() = default;  // off: addGradients does nothing

  // Anchors every encoder parameter `setup` optimises (the groups below the head) at the value of the
  // parameter of the same name in `start`: the model as the run created it from model_folder (the trained
  // model itself before its first step, or on resume the same model created again). Copies the values.
  // Errors name a parameter `start` lacks or has in another shape.
  static Result<L2spPenalty> anchor(const OptimizerSetup& setup, TaskModel& start, double alpha);

  bool active() const { return m_alpha > 0 && !m_parameters.empty(); }
  size_t anchoredTensors() const { return m_parameters.size(); }
  // Adds alpha * (w - w0) to the gradient of every anchored parameter that has one (a block frozen for
  // now has none, and has not moved from w0).
  void addGradients() const;
  // ||w - w0|| over every anchored parameter.
  double distance() const;

 private:
  double m_alpha = 0;
  std::vector<at::Tensor> m_parameters;
  std::vector<at::Tensor> m_anchors;  // w0, on the parameters' devices
};

}  // namespace quarry::train
