#pragma once
// The encoder without a task head, named as Hugging Face names it under the architecture prefix:
//   BERT/RoBERTa: embeddings.*, encoder.layer.N.*, pooler.dense.* (when built with a pooler)
//   ELECTRA:      embeddings.* (embedding_size wide), embeddings_project.*, encoder.layer.N.*
//   DistilBERT:   embeddings.*, transformer.layer.N.*

#include <string>
#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include "model/encoder/DenseLayer.h"
#include "model/encoder/Embeddings.h"
#include "model/encoder/EncoderConfig.h"
#include "model/encoder/PrefixEncoder.h"
#include "model/encoder/TransformerLayer.h"

namespace quarry::model {

struct BodyOutput {
  at::Tensor lastHiddenState;            // [B,T,H]
  std::vector<at::Tensor> hiddenStates;  // L+1 entries when asked for
  at::Tensor pooled;                     // [B,H] when the body has a pooler
};

class EncoderBodyImpl : public torch::nn::Module {
 public:
  // `path` is the body's Hugging Face prefix without the dot ("bert"; "" for a bare model).
  // Fails (Error naming the config field) on an activation it does not know.
  static Result<std::shared_ptr<EncoderBodyImpl>> create(const EncoderConfig& config, bool withPooler,
                                                         const std::string& path, const LinearFactory& factory);

  EncoderBodyImpl(const EncoderConfig& config, Activation activation, bool withPooler, const std::string& path,
                  const LinearFactory& factory);

  // inputIds, attentionMask (1 = token, 0 = pad; undefined = all ones), tokenTypeIds (undefined = 0): [B,T].
  // prefix: prefix tuning's keys and values before every layer's own (positions then start at its length);
  // null = none. BERT-family layers only (DistilBERT's transformers model takes no past key values).
  BodyOutput forward(const at::Tensor& inputIds, const at::Tensor& attentionMask,
                     const at::Tensor& tokenTypeIds, bool keepHiddenStates,
                     const PrefixEncoderImpl* prefix = nullptr);

  // Makes the embeddings and encoder layers `other`'s own modules (multi-task training shares one encoder
  // between heads); the pooler stays this body's. The shapes must agree (TransformerModelImpl::shareBodyOf
  // checks them).
  void shareEncoderOf(const EncoderBodyImpl& other);

  // Gradient checkpointing (ActivationCheckpoint.h): each encoder layer recomputed in backward. Not with a
  // prefix (prefix tuning's keys and values are computed from parameters outside the layers).
  void setGradientCheckpointing(bool on) { m_gradientCheckpointing = on; }
  bool gradientCheckpointing() const { return m_gradientCheckpointing; }

  Embeddings embeddings{nullptr};
  std::shared_ptr<DenseLayerImpl> embeddingsProject;  // ELECTRA when embedding_size != hidden_size
  std::vector<TransformerLayer> layers;
  std::shared_ptr<DenseLayerImpl> pooler;             // pooler.dense, or null

 private:
  EncoderConfig m_config;
  std::string m_stackName;
  bool m_gradientCheckpointing =
      false;  // "encoder" or DistilBERT's "transformer": the module holding the layers
};
TORCH_MODULE(EncoderBody);

}  // namespace quarry::model
