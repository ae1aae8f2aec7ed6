#pragma once
// One logit vector per sequence, [B,num_labels], in each architecture's own shape:
//   BERT:           dropout(pooler output) -> classifier
//   RoBERTa/ELECTRA: first token -> dropout -> classifier.dense -> tanh (ELECTRA: gelu) -> dropout
//                   -> classifier.out_proj
//   DistilBERT:     first token -> pre_classifier -> ReLU -> dropout(seq_classif_dropout) -> classifier
// DeBERTa-v2 has its own (ContextPoolerHead); constructing this one for it throws std::invalid_argument.

#include "model/encoder/DenseLayer.h"
#include "model/encoder/EncoderConfig.h"
#include "model/heads/TaskHead.h"

namespace quarry::model {

class SequenceClassificationHead : public TaskHead {
 public:
  SequenceClassificationHead(torch::nn::Module& owner, const EncoderConfig& config, const LinearFactory& factory);
  // BERT needs `pooled` (the body must be built with a pooler).
  void forward(const at::Tensor& lastHidden, const at::Tensor& pooled, bool training, ModelOutput& out) override;

  std::shared_ptr<DenseLayerImpl> dense;       // classifier.dense / pre_classifier; null for BERT
  std::shared_ptr<DenseLayerImpl> classifier;  // classifier / classifier.out_proj

 private:
  Architecture m_architecture;
  double m_dropout;
};

}  // namespace quarry::model
