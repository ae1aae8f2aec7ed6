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
  // Token heads only (masked LM, token classification): int64 [N] indexes into the flattened [B*T]
  // positions; the head reads only those rows of the last hidden state and its logits are [N, C]. A
  // masked-LM head over a 30k vocabulary then costs 15% of its full price. Undefined = every position.
  at::Tensor headPositions;
};

}  // namespace quarry::model
