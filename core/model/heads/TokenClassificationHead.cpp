#include "model/heads/TokenClassificationHead.h"

#include "model/heads/HeadUtil.h"

namespace quarry::model {

TokenClassificationHead::TokenClassificationHead(torch::nn::Module& owner, const EncoderConfig& c,
                                                 const LinearFactory& factory)
    // DistilBERT and DeBERTa use their general dropout here; the others classifier_dropout or hidden_dropout_prob.
    : m_dropout(c.architecture == Architecture::DistilBert || c.architecture == Architecture::DebertaV2
                    ? c.hiddenDropout
                    : c.effectiveClassifierDropout()) {
  classifier = detail::denseChild(owner, "", "classifier", c.hiddenSize, c.numLabels, factory);
}

void TokenClassificationHead::forward(const at::Tensor& lastHidden, const at::Tensor&, bool training,
                                      ModelOutput& out) {
  out.logits = classifier->forward(detail::trainDropout(lastHidden, m_dropout, training));
}

}  // namespace quarry::model
