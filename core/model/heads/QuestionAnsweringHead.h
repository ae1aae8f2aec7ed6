#pragma once
// qa_outputs [2,H]: row 0 start, row 1 end logits, each [B,T] (…ForQuestionAnswering).

#include "model/encoder/DenseLayer.h"
#include "model/encoder/EncoderConfig.h"
#include "model/heads/TaskHead.h"

namespace quarry::model {

class QuestionAnsweringHead : public TaskHead {
 public:
  QuestionAnsweringHead(torch::nn::Module& owner, const EncoderConfig& config, const LinearFactory& factory);
  void forward(const at::Tensor& lastHidden, const at::Tensor& pooled, bool training, ModelOutput& out) override;

  std::shared_ptr<DenseLayerImpl> qaOutputs;

 private:
  double m_dropout;  // DistilBERT's qa_dropout; the others have none
};

}  // namespace quarry::model
