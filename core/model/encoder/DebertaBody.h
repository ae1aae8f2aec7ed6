#pragma once
// The DeBERTa-v2/v3 encoder without a head (transformers' DebertaV2Model), named as Hugging Face names
// it under the "deberta" prefix:
//   embeddings.{word_embeddings, [position_embeddings], [token_type_embeddings], [embed_proj], LayerNorm},
//   encoder.layer.N.* (DebertaLayer), encoder.rel_embeddings (relative_attention),
//   encoder.LayerNorm (norm_rel_ebd "layer_norm").
// The relative-position table is normalised once per forward and shared by every layer.

#include <memory>
#include <string>
#include <vector>

#include <ATen/core/Generator.h>
#include <torch/nn/module.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>

#include "model/encoder/DebertaEmbeddings.h"
#include "model/encoder/DebertaLayer.h"
#include "model/encoder/EncoderBody.h"
#include "model/encoder/EncoderConfig.h"

namespace quarry::model {

class DebertaBodyImpl : public torch::nn::Module {
 public:
  // `config.architecture` must be DebertaV2; `path` is the body's Hugging Face prefix without the dot
  // ("deberta"; "" for a bare model).
  DebertaBodyImpl(const EncoderConfig& config, Activation activation, const std::string& path,
                  const LinearFactory& factory);

  // As EncoderBodyImpl::forward; hiddenStates[0] is the embedding output (0 at padded positions).
  BodyOutput forward(const at::Tensor& inputIds, const at::Tensor& attentionMask,
                     const at::Tensor& tokenTypeIds, bool keepHiddenStates);

  // Gradient checkpointing (ActivationCheckpoint.h): each layer recomputed in backward; the shared
  // relative-position table passes through as the block's second input, so it keeps its gradient.
  void setGradientCheckpointing(bool on) { m_gradientCheckpointing = on; }
  bool gradientCheckpointing() const { return m_gradientCheckpointing; }

  // _init_weights for the embedding tables and rel_embeddings (N(0, stddev)); linear layers and
  // LayerNorms are initialised by the model. Runs without grad.
  void resetTables(double stddev, at::Generator& generator);

  DebertaEmbeddings embeddings{nullptr};
  std::vector<DebertaLayer> layers;
  at::Tensor relativeEmbeddings;               // encoder.rel_embeddings.weight [2 * span, H], or undefined
  torch::nn::LayerNorm relativeNorm{nullptr};  // encoder.LayerNorm, or null

 private:
  EncoderConfig m_config;
  bool m_gradientCheckpointing = false;
};
TORCH_MODULE(DebertaBody);

}  // namespace quarry::model
