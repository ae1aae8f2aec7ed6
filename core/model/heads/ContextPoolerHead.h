#pragma once
// DeBERTa's sequence-classification head (DebertaV2ForSequenceClassification): transformers'
// ContextPooler on the first token (dropout pooler_dropout, pooler.dense, pooler_hidden_act), then
// dropout (cls_dropout, else hidden_dropout_prob) and classifier -> [B,num_labels]. pooler.dense and
// classifier are top-level names, beside "deberta.".

#include "model/encoder/Activation.h"
#include "model/encoder/DenseLayer.h"
#include "model/encoder/EncoderConfig.h"
#include "model/heads/TaskHead.h"

namespace quarry::model {

class ContextPoolerHead : public TaskHead {
 public:
  // `poolerActivation` is config.deberta.poolerHiddenAct, already checked by the caller.
  ContextPoolerHead(torch::nn::Module& owner, const EncoderConfig& config, Activation poolerActivation,
                    const LinearFactory& factory);
  void forward(const at::Tensor& lastHidden, const at::Tensor& pooled, bool training,
               ModelOutput& out) override;

  std::shared_ptr<DenseLayerImpl> dense;       // pooler.dense
  std::shared_ptr<DenseLayerImpl> classifier;  // classifier

 private:
  Activation m_activation;
  double m_poolerDropout;
  double m_dropout;
};

}  // namespace quarry::model
