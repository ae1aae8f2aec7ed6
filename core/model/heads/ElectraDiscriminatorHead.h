#pragma once
// discriminator_predictions.{dense, dense_prediction}: one replaced-token logit per token, [B,T]
// (ElectraForPreTraining).

#include "model/encoder/Activation.h"
#include "model/encoder/DenseLayer.h"
#include "model/encoder/EncoderConfig.h"
#include "model/heads/TaskHead.h"

namespace quarry::model {

class ElectraDiscriminatorHead : public TaskHead {
 public:
  ElectraDiscriminatorHead(torch::nn::Module& owner, const EncoderConfig& config, Activation activation,
                           const LinearFactory& factory);
  void forward(const at::Tensor& lastHidden, const at::Tensor& pooled, bool training, ModelOutput& out) override;

  std::shared_ptr<DenseLayerImpl> dense, densePrediction;

 private:
  Activation m_activation;
};

}  // namespace quarry::model
