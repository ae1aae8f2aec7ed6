#include "model/encoder/DebertaBody.h"

#include <ATen/core/grad_mode.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/zeros.h>
#include <torch/nn/modules/container/modulelist.h>

#include "model/encoder/ActivationCheckpoint.h"

namespace quarry::model {

DebertaBodyImpl::DebertaBodyImpl(const EncoderConfig& c, Activation activation, const std::string& path,
                                 const LinearFactory& factory)
    : m_config(c) {
  const std::string dot = path.empty() ? std::string() : path + ".";
  const DebertaOptions& d = c.deberta;

  DebertaEmbeddingsOptions eo;
  eo.vocabSize = c.vocabSize;
  eo.width = c.embeddingWidth();
  eo.hiddenSize = c.hiddenSize;
  eo.maxPositions = c.maxPositionEmbeddings;
  eo.positionEmbeddings = d.positionBiasedInput;
  eo.typeVocabSize = c.typeVocabSize;
  eo.padTokenId = c.padTokenId;
  eo.layerNormEps = c.layerNormEps;
  eo.dropout = c.hiddenDropout;
  embeddings = register_module("embeddings", DebertaEmbeddings(eo, dot + "embeddings", factory));

  DebertaLayerOptions lo;
  lo.hiddenSize = c.hiddenSize;
  lo.numHeads = c.numHeads;
  lo.intermediateSize = c.intermediateSize;
  lo.activation = activation;
  lo.layerNormEps = c.layerNormEps;
  lo.hiddenDropout = c.hiddenDropout;
  lo.attentionDropout = c.attentionDropout;
  lo.relativeAttention = d.relativeAttention;
  lo.contentToPosition = d.contentToPosition;
  lo.positionToContent = d.positionToContent;
  lo.shareAttentionKey = d.shareAttentionKey;
  auto encoder = register_module("encoder", std::make_shared<torch::nn::Module>("encoder"));
  torch::nn::ModuleList list;
  for (int64_t i = 0; i < c.numLayers; ++i) {
    layers.emplace_back(lo, dot + "encoder.layer." + std::to_string(i), factory);
    list->push_back(layers.back());
  }
  encoder->register_module("layer", list);
  if (d.relativeAttention) {
    const int64_t rows = 2 * d.attentionSpan(c.maxPositionEmbeddings);
    relativeEmbeddings =
        encoder->register_module("rel_embeddings", std::make_shared<torch::nn::Module>("rel_embeddings"))
            ->register_parameter("weight", at::zeros({rows, c.hiddenSize}));
  }
  if (d.normRelativeEmbeddings) {
    relativeNorm = encoder->register_module(
        "LayerNorm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.hiddenSize}).eps(c.layerNormEps)));
  }
}

BodyOutput DebertaBodyImpl::forward(const at::Tensor& inputIds, const at::Tensor& attentionMask,
                                    const at::Tensor& tokenTypeIds, bool keepHiddenStates) {
  BodyOutput out;
  // An all-ones mask changes nothing (a product with 1, nothing masked); skipping it saves a pass per layer
  // (on the CPU: on a GPU, asking would wait for the device).
  at::Tensor padded;
  if (attentionMask.defined() && (attentionMask.is_cuda() || !attentionMask.ne(0).all().item<bool>()))
    padded = attentionMask;
  at::Tensor x = embeddings->forward(inputIds, tokenTypeIds, padded);
  const DisentangledMask mask = DisentangledMask::fromAttentionMask(padded, x);

  const DebertaOptions& d = m_config.deberta;
  RelativePositionIndex index;
  at::Tensor positions;
  if (relativeEmbeddings.defined()) {
    const int64_t span = d.attentionSpan(m_config.maxPositionEmbeddings);
    index = relativePositionIndex(x.size(1), span, d.positionBuckets,
                                  d.maxRelative(m_config.maxPositionEmbeddings), x.device());
    // LayerNorm works row by row: normalising only the rows this length reads gives the same values.
    positions = relativeEmbeddings.narrow(0, index.first, index.count);
    if (relativeNorm) positions = relativeNorm->forward(positions);
  }
  if (keepHiddenStates) out.hiddenStates.push_back(x);
  for (auto& layer : layers) {
    if (m_gradientCheckpointing)  // the block outlives this call: it holds the layer, mask and index by value
      x = checkpointed(
          [block = layer.ptr(), mask, index](const at::Tensor& h, const at::Tensor& table) {
            return block->forward(h, mask, table, table.defined() ? &index : nullptr);
          },
          x, positions);
    else
      x = layer->forward(x, mask, positions, positions.defined() ? &index : nullptr);
    if (keepHiddenStates) out.hiddenStates.push_back(x);
  }
  out.lastHiddenState = x;
  return out;
}

void DebertaBodyImpl::resetTables(double stddev, at::Generator& generator) {
  embeddings->resetTables(stddev, generator);
  if (relativeEmbeddings.defined()) {
    at::NoGradGuard noGrad;
    relativeEmbeddings.copy_(at::empty(relativeEmbeddings.sizes(), at::TensorOptions().dtype(at::kFloat))
                                 .normal_(0.0, stddev, generator));
  }
}

}  // namespace quarry::model
