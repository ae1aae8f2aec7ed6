#include "model/encoder/DebertaLayer.h"

#include <ATen/TensorOperators.h>

#include "model/encoder/QkvProjection.h"
#include "model/heads/HeadUtil.h"
#include "model/kernels/FastDropout.h"

namespace quarry::model {

namespace {

torch::nn::LayerNorm layerNorm(torch::nn::Module& parent, int64_t width, double eps) {
  return parent.register_module("LayerNorm",
                                torch::nn::LayerNorm(torch::nn::LayerNormOptions({width}).eps(eps)));
}

}  // namespace

DebertaLayerImpl::DebertaLayerImpl(const DebertaLayerOptions& o, const std::string& path,
                                   const LinearFactory& factory)
    : m_options(o) {
  using detail::denseChild;
  using detail::group;
  const int64_t h = o.hiddenSize;
  auto attention = group(*this, "attention");
  auto self = group(*attention, "self");
  const std::string selfPath = path + ".attention.self";
  query = denseChild(*self, selfPath, "query_proj", h, h, factory);
  key = denseChild(*self, selfPath, "key_proj", h, h, factory);
  value = denseChild(*self, selfPath, "value_proj", h, h, factory);
  if (o.relativeAttention && !o.shareAttentionKey) {
    if (o.contentToPosition) positionKey = denseChild(*self, selfPath, "pos_key_proj", h, h, factory);
    if (o.positionToContent) positionQuery = denseChild(*self, selfPath, "pos_query_proj", h, h, factory);
  }
  auto attOut = group(*attention, "output");
  attentionOut = denseChild(*attOut, path + ".attention.output", "dense", h, h, factory);
  attentionNorm = layerNorm(*attOut, h, o.layerNormEps);
  auto inter = group(*this, "intermediate");
  intermediate = denseChild(*inter, path + ".intermediate", "dense", h, o.intermediateSize, factory);
  auto out = group(*this, "output");
  output = denseChild(*out, path + ".output", "dense", o.intermediateSize, h, factory);
  outputNorm = layerNorm(*out, h, o.layerNormEps);
}

at::Tensor DebertaLayerImpl::forward(const at::Tensor& hidden, const DisentangledMask& mask,
                                     const at::Tensor& relativeEmbeddings,
                                     const RelativePositionIndex* index) {
  const auto& o = m_options;
  const bool train = is_training();
  const auto [q, k, v] = projectQkv(*query, *key, *value, hidden, o.fuseQkvInInference);

  RelativeTerms relative;
  if (o.relativeAttention && index && relativeEmbeddings.defined()) {
    relative.index = index;
    const at::Tensor positions = fastDropout(relativeEmbeddings, o.hiddenDropout, train);
    if (o.contentToPosition)
      relative.positionKeys = (o.shareAttentionKey ? key : positionKey)->forward(positions);
    if (o.positionToContent)
      relative.positionQueries = (o.shareAttentionKey ? query : positionQuery)->forward(positions);
  }
  DisentangledAttentionParams ap;
  ap.numHeads = o.numHeads;
  ap.scaleFactor = 1 + (o.contentToPosition ? 1 : 0) + (o.positionToContent ? 1 : 0);
  ap.dropout = o.attentionDropout;
  ap.training = train;
  at::Tensor context = disentangledAttention(q, k, v, relative, mask, ap);

  at::Tensor attended = fastDropout(attentionOut->forward(context), o.hiddenDropout, train);
  at::Tensor x = attentionNorm->forward(attended + hidden);
  at::Tensor ff = output->forward(applyActivationReusing(o.activation, intermediate->forward(x)));
  ff = fastDropout(ff, o.hiddenDropout, train);
  return outputNorm->forward(ff + x);
}

}  // namespace quarry::model
