#pragma once
// What TransformerModel::forward returns; fields a task does not produce stay undefined.

#include <vector>

#include <ATen/core/Tensor.h>

namespace quarry::model {

struct ModelOutput {
  at::Tensor lastHiddenState;            // [B,T,H]
  std::vector<at::Tensor> hiddenStates;  // L+1 x [B,T,H]: embeddings (after ELECTRA's projection), then each layer
  at::Tensor poolerOutput;               // [B,H]: tanh(dense(first token)), models with a pooler
  at::Tensor logits;                     // token classification [B,T,C], sequence classification [B,C],
                                         // masked LM [B,T,V], ELECTRA discriminator [B,T]
  at::Tensor startLogits;                // question answering [B,T]
  at::Tensor endLogits;                  // question answering [B,T]
};

struct ForwardOptions {
  bool hiddenStates = true;  // fill ModelOutput::hiddenStates (costs nothing extra but memory)
};

}  // namespace quarry::model
