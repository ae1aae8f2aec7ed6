#pragma once
// discriminator_predictions.{dense, dense_prediction}: one replaced-token logit per token, [B,T]
// (ElectraForPreTraining).

#include "model/Activation.h"
#include "model/DenseLayer.h"
#include "model/EncoderConfig.h"
#include "model/TaskHead.h"

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
