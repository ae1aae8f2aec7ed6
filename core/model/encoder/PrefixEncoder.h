#pragma once
// Prefix tuning (Li & Liang, ACL 2021, "Prefix-Tuning: Optimizing Continuous Prompts for Generation"; for
// encoders P-Tuning v2): P trainable key and value vectors per encoder layer that every token attends to
// before the sequence's own, the rest of the model frozen. Laid out as PEFT's PrefixEncoder without
// prefix_projection: one table `embedding.weight` [P, L * 2 * H], row p holding, for each layer l, the key
// in columns [2l·H, (2l+1)·H) and the value in [(2l+1)·H, (2l+2)·H), each H = heads × head_dim wide
// (head-major, as the layer's own keys). What PEFT passes as past_key_values, and what transformers' BERT,
// RoBERTa and ELECTRA do with them, is what the encoder does here: keys and values are the prefix's
// followed by the sequence's, every prefix position is attended to (mask 1), and position ids start at P
// (past_key_values_length).

#include <cstdint>
#include <string>

#include <ATen/core/Tensor.h>
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace quarry::model {

// The name of the table in a task model's state dict.
inline constexpr const char* kPrefixTensorName = "prefix_encoder.embedding.weight";

class PrefixEncoderImpl : public torch::nn::Module {
 public:
  PrefixEncoderImpl(int64_t length, int64_t layers, int64_t hidden);

  int64_t length() const { return m_length; }
  // Layer `layer`'s prefix keys / values, [P, H] views of the table.
  at::Tensor key(int64_t layer) const;
  at::Tensor value(int64_t layer) const;

  at::Tensor weight;  // [P, L * 2 * H]

 private:
  int64_t m_length, m_layers, m_hidden;
};
TORCH_MODULE(PrefixEncoder);

}  // namespace quarry::model
