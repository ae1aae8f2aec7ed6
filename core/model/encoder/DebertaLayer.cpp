#include "model/encoder/DebertaLayer.h"

#include <typeinfo>

#include <ATen/TensorOperators.h>
#include <ATen/core/grad_mode.h>
#include <ATen/ops/cat.h>

#include "model/kernels/FastDropout.h"
#include "model/kernels/FastLinear.h"

namespace quarry::model {

namespace {

std::shared_ptr<torch::nn::Module> container(torch::nn::Module& parent, const std::string& name) {
  return parent.register_module(name, std::make_shared<torch::nn::Module>(name));
}

std::shared_ptr<DenseLayerImpl> dense(torch::nn::Module& parent, const std::string& name, const std::string& path,
                                      int64_t in, int64_t out, const LinearFactory& factory) {
  return parent.register_module(name, factory(LinearSpec{path + "." + name, in, out, true}));
}

torch::nn::LayerNorm layerNorm(torch::nn::Module& parent, int64_t width, double eps) {
  return parent.register_module("LayerNorm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({width}).eps(eps)));
}

bool isPlain(const std::shared_ptr<DenseLayerImpl>& layer) {
  return typeid(*layer) == typeid(DenseLayerImpl) && !layer->dynamicInt8Enabled();
}

}  // namespace

DebertaLayerImpl::DebertaLayerImpl(const DebertaLayerOptions& o, const std::string& path,
                                   const LinearFactory& factory)
    : m_options(o) {
  const int64_t h = o.hiddenSize;
  auto attention = container(*this, "attention");
  auto self = container(*attention, "self");
  const std::string selfPath = path + ".attention.self";
  query = dense(*self, "query_proj", selfPath, h, h, factory);
  key = dense(*self, "key_proj", selfPath, h, h, factory);
  value = dense(*self, "value_proj", selfPath, h, h, factory);
  if (o.relativeAttention && !o.shareAttentionKey) {
    if (o.contentToPosition) positionKey = dense(*self, "pos_key_proj", selfPath, h, h, factory);
    if (o.positionToContent) positionQuery = dense(*self, "pos_query_proj", selfPath, h, h, factory);
  }
  auto attOut = container(*attention, "output");
  attentionOut = dense(*attOut, "dense", path + ".attention.output", h, h, factory);
  attentionNorm = layerNorm(*attOut, h, o.layerNormEps);
  auto inter = container(*this, "intermediate");
  intermediate = dense(*inter, "dense", path + ".intermediate", h, o.intermediateSize, factory);
  auto out = container(*this, "output");
  output = dense(*out, "dense", path + ".output", o.intermediateSize, h, factory);
  outputNorm = layerNorm(*out, h, o.layerNormEps);
}

at::Tensor DebertaLayerImpl::forward(const at::Tensor& hidden, const DisentangledMask& mask,
                                     const at::Tensor& relativeEmbeddings, const RelativePositionIndex* index) {
  const auto& o = m_options;
  const bool train = is_training();
  const int64_t h = o.hiddenSize;
  at::Tensor q, k, v;
  // As in TransformerLayer: one matmul when the three are plain DenseLayers (an adapter must see its own
  // forward called) and nothing is recorded for backward.
  if (o.fuseQkvInInference && isPlain(query) && isPlain(key) && isPlain(value) && !at::GradMode::is_enabled()) {
    at::Tensor w = at::cat({query->weight, key->weight, value->weight}, 0);
    at::Tensor b = at::cat({query->bias, key->bias, value->bias}, 0);
    at::Tensor qkv = fastLinear(hidden, w, b);
    q = qkv.narrow(-1, 0, h);
    k = qkv.narrow(-1, h, h);
    v = qkv.narrow(-1, 2 * h, h);
  } else {
    q = query->forward(hidden);
    k = key->forward(hidden);
    v = value->forward(hidden);
  }

  RelativeTerms relative;
  if (o.relativeAttention && index && relativeEmbeddings.defined()) {
    relative.index = index;
    const at::Tensor positions = fastDropout(relativeEmbeddings, o.hiddenDropout, train);
    if (o.contentToPosition) relative.positionKeys = (o.shareAttentionKey ? key : positionKey)->forward(positions);
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
  at::Tensor ff = output->forward(applyActivation(o.activation, intermediate->forward(x)));
  ff = fastDropout(ff, o.hiddenDropout, train);
  return outputNorm->forward(ff + x);
}

}  // namespace quarry::model
