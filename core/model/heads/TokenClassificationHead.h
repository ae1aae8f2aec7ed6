#pragma once
// dropout + classifier: logits [B,T,num_labels] (Bert/Roberta/Electra/DistilBertForTokenClassification).

#include "model/encoder/DenseLayer.h"
#include "model/encoder/EncoderConfig.h"
#include "model/heads/TaskHead.h"

namespace quarry::model {

class TokenClassificationHead : public TaskHead {
 public:
  TokenClassificationHead(torch::nn::Module& owner, const EncoderConfig& config, const LinearFactory& factory);
  void forward(const at::Tensor& lastHidden, const at::Tensor& pooled, bool training, ModelOutput& out) override;

  std::shared_ptr<DenseLayerImpl> classifier;

 private:
  double m_dropout;
};

}  // namespace quarry::model
