#pragma once
// Parameters grouped for layer-wise learning rates and weight-decay rules.

#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

namespace quarry::model {

struct ParameterGroup {
  std::string name;                 // "embeddings", "layer.3", "head", with ".no_decay" appended for the no-decay half
  int layer = 0;                    // 0 embeddings, 1..L encoder layers 0..L-1, L+1 head (depth from the input)
  bool decay = true;                // false for biases and LayerNorm weights
  std::vector<std::string> names;   // Hugging Face names
  std::vector<at::Tensor> parameters;
};

// Which block a Hugging Face name (prefix already removed: "encoder.layer.3.output.dense.weight")
// belongs to: 0 embeddings (embeddings.*, embeddings_project.*, DeBERTa's encoder.rel_embeddings.* and
// encoder.LayerNorm.*), 1 + N for encoder/transformer
// layer N, numLayers + 1 for everything else (pooler and heads).
int parameterBlock(const std::string& bodyRelativeName, int numLayers);

}  // namespace quarry::model
