#include "model/heads/QuestionAnsweringHead.h"

#include "model/heads/HeadUtil.h"

namespace quarry::model {

QuestionAnsweringHead::QuestionAnsweringHead(torch::nn::Module& owner, const EncoderConfig& c,
                                             const LinearFactory& factory)
    : m_dropout(c.architecture == Architecture::DistilBert ? c.qaDropout : 0.0) {
  qaOutputs = detail::denseChild(owner, "", "qa_outputs", c.hiddenSize, 2, factory);
}

void QuestionAnsweringHead::forward(const at::Tensor& lastHidden, const at::Tensor&, bool training,
                                    ModelOutput& out) {
  at::Tensor logits = qaOutputs->forward(detail::trainDropout(lastHidden, m_dropout, training));
  out.startLogits = logits.select(-1, 0).contiguous();
  out.endLogits = logits.select(-1, 1).contiguous();
}

}  // namespace quarry::model
