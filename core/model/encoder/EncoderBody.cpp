#include "model/encoder/EncoderBody.h"

#include <ATen/ops/cat.h>
#include <ATen/ops/ones.h>
#include <ATen/ops/tanh.h>
#include <torch/nn/modules/container/modulelist.h>

#include "model/encoder/ActivationCheckpoint.h"
#include "model/encoder/Attention.h"

namespace quarry::model {

Result<std::shared_ptr<EncoderBodyImpl>> EncoderBodyImpl::create(const EncoderConfig& config, bool withPooler,
                                                                 const std::string& path,
                                                                 const LinearFactory& factory) {
  auto activation = activationFromName(config.hiddenAct,
                                       config.architecture == Architecture::DistilBert ? "activation" : "hidden_act");
  if (!activation) return activation.error();
  if (Status s = config.validate(); !s) return s.error();
  return std::make_shared<EncoderBodyImpl>(config, activation.value(), withPooler, path, factory);
}

EncoderBodyImpl::EncoderBodyImpl(const EncoderConfig& c, Activation activation, bool withPooler,
                                 const std::string& path, const LinearFactory& factory)
    : m_config(c) {
  const std::string dot = path.empty() ? std::string() : path + ".";
  const bool distil = c.architecture == Architecture::DistilBert;

  EmbeddingsOptions eo;
  eo.vocabSize = c.vocabSize;
  eo.width = c.embeddingWidth();
  eo.maxPositions = c.maxPositionEmbeddings;
  eo.typeVocabSize = distil ? 0 : c.typeVocabSize;
  eo.padTokenId = c.padTokenId;
  eo.layerNormEps = c.layerNormEps;
  eo.dropout = c.hiddenDropout;
  eo.robertaPositions = c.architecture == Architecture::Roberta;
  eo.positionIdsBuffer = !distil;
  embeddings = register_module("embeddings", Embeddings(eo));

  if (c.architecture == Architecture::Electra && c.embeddingWidth() != c.hiddenSize) {
    embeddingsProject = register_module(
        "embeddings_project", factory(LinearSpec{dot + "embeddings_project", c.embeddingWidth(), c.hiddenSize, true}));
  }

  TransformerLayerOptions lo;
  lo.naming = distil ? LayerNaming::DistilBert : LayerNaming::Bert;
  lo.hiddenSize = c.hiddenSize;
  lo.numHeads = c.numHeads;
  lo.intermediateSize = c.intermediateSize;
  lo.activation = activation;
  lo.layerNormEps = c.layerNormEps;
  lo.hiddenDropout = c.hiddenDropout;
  lo.attentionDropout = c.attentionDropout;
  const std::string stack = distil ? "transformer" : "encoder";
  m_stackName = stack;
  auto encoder = register_module(stack, std::make_shared<torch::nn::Module>(stack));
  torch::nn::ModuleList list;
  for (int64_t i = 0; i < c.numLayers; ++i) {
    layers.emplace_back(lo, dot + stack + ".layer." + std::to_string(i), factory);
    list->push_back(layers.back());
  }
  encoder->register_module("layer", list);

  if (withPooler && !distil) {
    auto p = register_module("pooler", std::make_shared<torch::nn::Module>("pooler"));
    pooler = p->register_module("dense", factory(LinearSpec{dot + "pooler.dense", c.hiddenSize, c.hiddenSize, true}));
  }
}

void EncoderBodyImpl::shareEncoderOf(const EncoderBodyImpl& other) {
  embeddings = replace_module("embeddings", other.embeddings);
  if (embeddingsProject && other.embeddingsProject)
    embeddingsProject = replace_module("embeddings_project", other.embeddingsProject);
  replace_module(m_stackName, other.named_children()[other.m_stackName]);
  layers = other.layers;
}

BodyOutput EncoderBodyImpl::forward(const at::Tensor& inputIds, const at::Tensor& attentionMask,
                                    const at::Tensor& tokenTypeIds, bool keepHiddenStates,
                                    const PrefixEncoderImpl* prefix) {
  BodyOutput out;
  const int64_t prefixLength = prefix ? prefix->length() : 0;
  at::Tensor x = embeddings->forward(inputIds, tokenTypeIds, prefixLength);
  if (embeddingsProject) x = embeddingsProject->forward(x);
  // An all-ones mask adds nothing; skipping it saves a [B,h,T,T] addition per layer (on the CPU: on a GPU,
  // asking would wait for the device, so the mask is always applied). Prefix positions are always
  // attended to.
  at::Tensor mask;
  if (attentionMask.defined() && (attentionMask.is_cuda() || !attentionMask.ne(0).all().item<bool>())) {
    at::Tensor full = attentionMask;
    if (prefixLength > 0)
      full = at::cat(
          {at::ones({attentionMask.size(0), prefixLength}, attentionMask.options()), attentionMask}, 1);
    mask = additiveAttentionMask(full, x);
  }
  if (keepHiddenStates) out.hiddenStates.push_back(x);
  for (size_t l = 0; l < layers.size(); ++l) {
    const auto layer = static_cast<int64_t>(l);
    if (prefix)
      x = layers[l]->forward(x, mask, prefix->key(layer).to(x.dtype()), prefix->value(layer).to(x.dtype()));
    else if (m_gradientCheckpointing)  // the block outlives this call: it holds the layer and mask by value
      x = checkpointed(
          [block = layers[l].ptr(), mask](const at::Tensor& h) { return block->forward(h, mask); }, x);
    else
      x = layers[l]->forward(x, mask);
    if (keepHiddenStates) out.hiddenStates.push_back(x);
  }
  out.lastHiddenState = x;
  if (pooler) out.pooled = at::tanh(pooler->forward(x.select(1, 0)));
  return out;
}

}  // namespace quarry::model
