#pragma once
// Masked-LM head with the decoder tied to the word embeddings, [B,T,vocab]:
//   BERT, DeBERTa-v2: cls.predictions.transform.{dense,LayerNorm} (hidden_act), cls.predictions.bias
//               (aliases cls.predictions.decoder.weight / .bias)
//   RoBERTa:    lm_head.{dense,layer_norm} (exact gelu), lm_head.bias (aliases lm_head.decoder.*)
//   DistilBERT: vocab_transform, vocab_layer_norm (activation), vocab_projector.bias
//               (alias vocab_projector.weight)
// ELECTRA's generator is not supported.

#include <string>

#include <torch/nn/modules/normalization.h>

#include "model/encoder/Activation.h"
#include "model/encoder/DenseLayer.h"
#include "model/encoder/EncoderConfig.h"
#include "model/heads/TaskHead.h"

namespace quarry::model {

class MaskedLmHead : public TaskHead {
 public:
  // `wordEmbeddings` is the body's word embedding parameter (shared, not copied); `bodyPath` the
  // body's Hugging Face prefix with its dot ("bert."). ELECTRA: throws std::invalid_argument.
  MaskedLmHead(torch::nn::Module& owner, const EncoderConfig& config, Activation activation,
               const LinearFactory& factory, at::Tensor wordEmbeddings, const std::string& bodyPath);
  void forward(const at::Tensor& lastHidden, const at::Tensor& pooled, bool training, ModelOutput& out) override;
  std::vector<std::pair<std::string, std::string>> tiedAliases() const override { return m_aliases; }
  void resetParameters() override { bias.detach().zero_(); }

  std::shared_ptr<DenseLayerImpl> transform;
  torch::nn::LayerNorm layerNorm{nullptr};
  at::Tensor bias;  // [vocab]

 private:
  Activation m_activation;
  at::Tensor m_decoderWeight;
  std::vector<std::pair<std::string, std::string>> m_aliases;
};

}  // namespace quarry::model
