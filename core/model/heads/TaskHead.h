#pragma once
// A task head on top of an encoder body. Heads are not modules of their own: they register their
// layers on the model under Hugging Face's top-level names (classifier, qa_outputs, cls.predictions,
// lm_head, pre_classifier, discriminator_predictions...), which no single wrapper module could give.

#include <string>
#include <utility>
#include <vector>

#include <ATen/core/Tensor.h>

#include "model/encoder/ModelOutput.h"

namespace quarry::model {

class TaskHead {
 public:
  virtual ~TaskHead() = default;

  // lastHidden [B,T,H]; pooled [B,H] or undefined. Sets the logits fields of `out`.
  virtual void forward(const at::Tensor& lastHidden, const at::Tensor& pooled, bool training, ModelOutput& out) = 0;

  // Names Hugging Face stores for tensors tied to another parameter: (alias, source), full names.
  virtual std::vector<std::pair<std::string, std::string>> tiedAliases() const { return {}; }

  // Initialise parameters that are not DenseLayers or LayerNorms (which the model initialises).
  virtual void resetParameters() {}
};

}  // namespace quarry::model
