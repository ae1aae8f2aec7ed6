#include "model/heads/MaskedLmHead.h"

#include <stdexcept>

#include <ATen/ops/zeros.h>

#include "model/kernels/FastLinear.h"
#include "model/heads/HeadUtil.h"

namespace quarry::model {

MaskedLmHead::MaskedLmHead(torch::nn::Module& owner, const EncoderConfig& c, Activation activation,
                           const LinearFactory& factory, at::Tensor wordEmbeddings, const std::string& bodyPath)
    : m_activation(activation), m_decoderWeight(std::move(wordEmbeddings)) {
  const int64_t h = c.hiddenSize;
  const auto lnOptions = [&](double eps) { return torch::nn::LayerNormOptions({h}).eps(eps); };
  const std::string embeddingName = bodyPath + "embeddings.word_embeddings.weight";
  switch (c.architecture) {
    case Architecture::Bert:
    case Architecture::DebertaV2: {  // DebertaV2ForMaskedLM (transformers 4.28.1) has BERT's cls.predictions
      auto predictions = detail::group(*detail::group(owner, "cls"), "predictions");
      auto t = detail::group(*predictions, "transform");
      transform = detail::denseChild(*t, "cls.predictions.transform", "dense", h, h, factory);
      layerNorm = t->register_module("LayerNorm", torch::nn::LayerNorm(lnOptions(c.layerNormEps)));
      bias = predictions->register_parameter("bias", at::zeros({c.vocabSize}));
      m_aliases = {{"cls.predictions.decoder.weight", embeddingName},
                   {"cls.predictions.decoder.bias", "cls.predictions.bias"}};
      break;
    }
    case Architecture::Roberta: {
      auto head = detail::group(owner, "lm_head");
      transform = detail::denseChild(*head, "lm_head", "dense", h, h, factory);
      layerNorm = head->register_module("layer_norm", torch::nn::LayerNorm(lnOptions(c.layerNormEps)));
      bias = head->register_parameter("bias", at::zeros({c.vocabSize}));
      m_activation = Activation::Gelu;  // RobertaLMHead always uses exact gelu
      m_aliases = {{"lm_head.decoder.weight", embeddingName}, {"lm_head.decoder.bias", "lm_head.bias"}};
      break;
    }
    case Architecture::DistilBert: {
      transform = detail::denseChild(owner, "", "vocab_transform", h, h, factory);
      layerNorm = owner.register_module("vocab_layer_norm", torch::nn::LayerNorm(lnOptions(1e-12)));
      auto projector = detail::group(owner, "vocab_projector");
      bias = projector->register_parameter("bias", at::zeros({c.vocabSize}));
      m_aliases = {{"vocab_projector.weight", embeddingName}};
      break;
    }
    case Architecture::Electra:
      throw std::invalid_argument("ELECTRA masked-LM (generator) heads are not supported");
  }
}

void MaskedLmHead::forward(const at::Tensor& lastHidden, const at::Tensor&, bool, ModelOutput& out) {
  at::Tensor x = layerNorm->forward(applyActivation(m_activation, transform->forward(lastHidden)));
  out.logits = fastLinear(x, m_decoderWeight, bias);
}

}  // namespace quarry::model
