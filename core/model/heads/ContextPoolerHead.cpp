#include "model/heads/ContextPoolerHead.h"

#include "model/heads/HeadUtil.h"

namespace quarry::model {

ContextPoolerHead::ContextPoolerHead(torch::nn::Module& owner, const EncoderConfig& c,
                                     Activation poolerActivation, const LinearFactory& factory)
    : m_activation(poolerActivation),
      m_poolerDropout(c.deberta.poolerDropout),
      m_dropout(c.deberta.clsDropout >= 0.0 ? c.deberta.clsDropout : c.hiddenDropout) {
  const int64_t h = c.hiddenSize;
  dense = detail::denseChild(*detail::group(owner, "pooler"), "pooler", "dense", h, h, factory);
  classifier = detail::denseChild(owner, "", "classifier", h, c.numLabels, factory);
}

void ContextPoolerHead::forward(const at::Tensor& lastHidden, const at::Tensor&, bool training,
                                ModelOutput& out) {
  using detail::trainDropout;
  at::Tensor first = trainDropout(lastHidden.select(1, 0), m_poolerDropout, training);
  at::Tensor pooled = applyActivation(m_activation, dense->forward(first));
  out.logits = classifier->forward(trainDropout(pooled, m_dropout, training));
}

}  // namespace quarry::model
