#include "model/heads/ElectraDiscriminatorHead.h"

#include "model/heads/HeadUtil.h"

namespace quarry::model {

ElectraDiscriminatorHead::ElectraDiscriminatorHead(torch::nn::Module& owner, const EncoderConfig& c,
                                                   Activation activation, const LinearFactory& factory)
    : m_activation(activation) {
  auto g = detail::group(owner, "discriminator_predictions");
  dense = detail::denseChild(*g, "discriminator_predictions", "dense", c.hiddenSize, c.hiddenSize, factory);
  densePrediction = detail::denseChild(*g, "discriminator_predictions", "dense_prediction", c.hiddenSize, 1, factory);
}

void ElectraDiscriminatorHead::forward(const at::Tensor& lastHidden, const at::Tensor&, bool, ModelOutput& out) {
  at::Tensor x = applyActivation(m_activation, dense->forward(lastHidden));
  out.logits = densePrediction->forward(x).squeeze(-1);
}

}  // namespace quarry::model
