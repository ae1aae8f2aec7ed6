#include "model/heads/SequenceClassificationHead.h"

#include <stdexcept>

#include <ATen/ops/gelu.h>
#include <ATen/ops/relu.h>
#include <ATen/ops/tanh.h>

#include "model/heads/HeadUtil.h"

namespace quarry::model {

SequenceClassificationHead::SequenceClassificationHead(torch::nn::Module& owner, const EncoderConfig& c,
                                                       const LinearFactory& factory)
    : m_architecture(c.architecture),
      m_dropout(c.architecture == Architecture::DistilBert ? c.seqClassifDropout : c.effectiveClassifierDropout()) {
  const int64_t h = c.hiddenSize;
  switch (c.architecture) {
    case Architecture::Bert:
      classifier = detail::denseChild(owner, "", "classifier", h, c.numLabels, factory);
      break;
    case Architecture::Roberta:
    case Architecture::Electra: {
      auto g = detail::group(owner, "classifier");
      dense = detail::denseChild(*g, "classifier", "dense", h, h, factory);
      classifier = detail::denseChild(*g, "classifier", "out_proj", h, c.numLabels, factory);
      break;
    }
    case Architecture::DistilBert:
      dense = detail::denseChild(owner, "", "pre_classifier", h, h, factory);
      classifier = detail::denseChild(owner, "", "classifier", h, c.numLabels, factory);
      break;
    case Architecture::DebertaV2:
      throw std::invalid_argument("DeBERTa's sequence classification is ContextPoolerHead");
  }
}

void SequenceClassificationHead::forward(const at::Tensor& lastHidden, const at::Tensor& pooled, bool training,
                                         ModelOutput& out) {
  using detail::trainDropout;
  switch (m_architecture) {
    case Architecture::Bert:
      out.logits = classifier->forward(trainDropout(pooled, m_dropout, training));
      break;
    case Architecture::Roberta:
    case Architecture::Electra: {
      at::Tensor x = dense->forward(trainDropout(lastHidden.select(1, 0), m_dropout, training));
      x = m_architecture == Architecture::Roberta ? at::tanh(x) : at::gelu(x);
      out.logits = classifier->forward(trainDropout(x, m_dropout, training));
      break;
    }
    case Architecture::DistilBert: {
      at::Tensor x = at::relu(dense->forward(lastHidden.select(1, 0)));
      out.logits = classifier->forward(trainDropout(x, m_dropout, training));
      break;
    }
    case Architecture::DebertaV2:
      break;  // never constructed

  }
}

}  // namespace quarry::model
