#pragma once
// An encoder plus a task head, named exactly as the Hugging Face model's state_dict
// (bert.embeddings.word_embeddings.weight, bert.encoder.layer.0.attention.self.query.weight, ...,
// classifier.weight), so that loading a checkpoint is a lookup by name.
//
// The torch module tree mirrors the Hugging Face one: the body is registered under its prefix
// ("bert", "roberta", "distilbert", "electra", "deberta") and the head's layers at top level. For Task::Encoder
// (BertModel, RobertaModel, ...) Hugging Face names have no prefix; namedParameters() and stateDict()
// drop it. Tied tensors (the masked-LM decoder) are registered once, under the embedding's name.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include "common/Error.h"
#include "model/encoder/DebertaBody.h"
#include "model/encoder/DenseLayer.h"
#include "model/encoder/EncoderBody.h"
#include "model/encoder/EncoderConfig.h"
#include "model/encoder/ModelOutput.h"
#include "model/optim/ParameterGroups.h"
#include "model/checkpoint/StateDict.h"
#include "model/heads/TaskHead.h"

namespace quarry::model {

enum class Task {
  Encoder,                 // BertModel / RobertaModel / DistilBertModel / ElectraModel / DebertaV2Model
  TokenClassification,     // ...ForTokenClassification
  QuestionAnswering,       // ...ForQuestionAnswering
  SequenceClassification,  // ...ForSequenceClassification
  MaskedLm,                // ...ForMaskedLM (not ELECTRA)
  ElectraPreTraining,      // ElectraForPreTraining (the discriminator)
};

struct TransformerModelOptions {
  Task task = Task::Encoder;                        // which head
  bool encoderPooler = true;                        // Task::Encoder: BERT/RoBERTa pooler (as Hugging Face's default)
  LinearFactory linearFactory = defaultLinearFactory();  // makes every linear layer
  uint64_t seed = 0;                                // for initializeWeights at construction
  // Prefix tuning (model/encoder/PrefixEncoder.h): this many trainable key/value positions before every
  // layer's own; 0 = none. BERT, RoBERTa and ELECTRA (transformers' models that take past key values).
  int64_t prefixLength = 0;
};

class TransformerModelImpl : public torch::nn::Module {
 public:
  // Error naming the config field when the config and task do not fit together.
  static Result<std::shared_ptr<TransformerModelImpl>> create(const EncoderConfig& config,
                                                              const TransformerModelOptions& options = {});

  // inputIds [B,T] int64; attentionMask [B,T] (undefined = all ones); tokenTypeIds [B,T] (undefined = 0,
  // ignored by DistilBERT). Dropout is active only in training mode (train()/eval()).
  ModelOutput forward(const at::Tensor& inputIds, const at::Tensor& attentionMask = {},
                      const at::Tensor& tokenTypeIds = {}, const ForwardOptions& options = {});

  // Copies every tensor the model has from `stateDict` (any device/dtype), accepting checkpoints of
  // the bare encoder (no prefix) into a task model and the reverse, legacy LayerNorm gamma/beta,
  // tied tensors present or absent, and position_ids buffers present or absent. Fills `report` as
  // transformers' from_pretrained reports. Shape mismatches are an Error and nothing is copied.
  Status loadStateDict(const StateDict& stateDict, LoadReport& report);

  // Hugging Face names -> tensors (sharing storage with the model), tied aliases and the
  // position_ids buffer included, as model.state_dict() in Python.
  StateDict stateDict() const;

  // Trainable parameters with Hugging Face names, in registration order, each tensor once.
  std::vector<std::pair<std::string, at::Tensor>> namedParameters() const;

  // Parameters split by block (embeddings, layer.N, head) and weight decay (biases and LayerNorm
  // weights: none), for layer-wise learning rates.
  std::vector<ParameterGroup> parameterGroups() const;

  // Hugging Face's _init_weights: Linear and embedding weights N(0, initializer_range), padding rows
  // and biases 0, LayerNorm 1/0. Deterministic in `seed`.
  void initializeWeights(uint64_t seed);

  // Int8 weights for every DenseLayer's inference (DenseLayerImpl::enableDynamicInt8), as Python's
  // quantize_dynamic on nn.Linear. Returns how many layers were packed (0 when unavailable). Call
  // again after the weights change; disableDynamicInt8() returns to float.
  int enableDynamicInt8();
  void disableDynamicInt8();

  const EncoderConfig& config() const { return m_config; }
  Task task() const { return m_task; }
  // "bert." etc. for task models, "" for Task::Encoder.
  const std::string& namePrefix() const { return m_prefix; }
  // The word-embedding parameter of whichever body the model has.
  at::Tensor wordEmbeddings() const;

  // Makes this model's body (embeddings and encoder layers) `other`'s: the same modules and tensors, so
  // that both heads train one encoder (multi-task training). The two must have the same architecture and
  // shape; a BERT pooler stays each model's own (it is trained as the head). An Error names what differs;
  // nothing changes then.
  Status shareBodyOf(const TransformerModelImpl& other);

  // Gradient checkpointing of the encoder layers (EncoderBodyImpl's and DebertaBodyImpl's
  // setGradientCheckpointing); false when the model has no body.
  bool setGradientCheckpointing(bool on);

  // Exactly one of the two is set: DeBERTa-v2 (disentangled attention) has a body of its own.
  EncoderBody body{nullptr};          // BERT, RoBERTa, DistilBERT, ELECTRA
  DebertaBody debertaBody{nullptr};   // DeBERTa-v2/v3
  // Prefix tuning's table ("prefix_encoder.embedding.weight"), or null.
  PrefixEncoder prefixEncoder{nullptr};

  TransformerModelImpl(const EncoderConfig& config, Activation activation, const TransformerModelOptions& options);

 private:
  EncoderConfig m_config;
  Task m_task;
  std::string m_prefix;      // Hugging Face prefix of the body's names ("" for Task::Encoder)
  std::string m_modulePath;  // the body's name in the module tree ("bert")
  std::unique_ptr<TaskHead> m_head;
};
TORCH_MODULE(TransformerModel);

}  // namespace quarry::model
