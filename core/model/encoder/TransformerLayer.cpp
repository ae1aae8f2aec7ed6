#include "model/encoder/TransformerLayer.h"

#include <ATen/TensorOperators.h>
#include <ATen/ops/cat.h>

#include "model/encoder/Attention.h"
#include "model/encoder/QkvProjection.h"
#include "model/kernels/FastDropout.h"

namespace quarry::model {

namespace {

std::shared_ptr<torch::nn::Module> container(torch::nn::Module& parent, const std::string& name) {
  return parent.register_module(name, std::make_shared<torch::nn::Module>(name));
}

std::shared_ptr<DenseLayerImpl> dense(torch::nn::Module& parent, const std::string& name, const std::string& path,
                                      int64_t in, int64_t out, const LinearFactory& factory) {
  return parent.register_module(name, factory(LinearSpec{path + "." + name, in, out, true}));
}

torch::nn::LayerNorm layerNorm(torch::nn::Module& parent, const std::string& name, int64_t width, double eps) {
  return parent.register_module(name, torch::nn::LayerNorm(torch::nn::LayerNormOptions({width}).eps(eps)));
}

at::Tensor trainDropout(const at::Tensor& x, double p, bool training) {
  return fastDropout(x, p, training);
}

}  // namespace

TransformerLayerImpl::TransformerLayerImpl(const TransformerLayerOptions& o, const std::string& path,
                                           const LinearFactory& factory)
    : m_options(o) {
  const int64_t h = o.hiddenSize;
  if (o.naming == LayerNaming::Bert) {
    auto attention = container(*this, "attention");
    auto self = container(*attention, "self");
    const std::string selfPath = path + ".attention.self";
    query = dense(*self, "query", selfPath, h, h, factory);
    key = dense(*self, "key", selfPath, h, h, factory);
    value = dense(*self, "value", selfPath, h, h, factory);
    auto attOut = container(*attention, "output");
    attentionOut = dense(*attOut, "dense", path + ".attention.output", h, h, factory);
    attentionNorm = layerNorm(*attOut, "LayerNorm", h, o.layerNormEps);
    auto inter = container(*this, "intermediate");
    intermediate = dense(*inter, "dense", path + ".intermediate", h, o.intermediateSize, factory);
    auto out = container(*this, "output");
    output = dense(*out, "dense", path + ".output", o.intermediateSize, h, factory);
    outputNorm = layerNorm(*out, "LayerNorm", h, o.layerNormEps);
  } else {
    auto attention = container(*this, "attention");
    const std::string attPath = path + ".attention";
    query = dense(*attention, "q_lin", attPath, h, h, factory);
    key = dense(*attention, "k_lin", attPath, h, h, factory);
    value = dense(*attention, "v_lin", attPath, h, h, factory);
    attentionOut = dense(*attention, "out_lin", attPath, h, h, factory);
    attentionNorm = layerNorm(*this, "sa_layer_norm", h, o.layerNormEps);
    auto ffn = container(*this, "ffn");
    intermediate = dense(*ffn, "lin1", path + ".ffn", h, o.intermediateSize, factory);
    output = dense(*ffn, "lin2", path + ".ffn", o.intermediateSize, h, factory);
    outputNorm = layerNorm(*this, "output_layer_norm", h, o.layerNormEps);
  }
}

at::Tensor TransformerLayerImpl::forward(const at::Tensor& hidden, const at::Tensor& additiveMask,
                                         const at::Tensor& prefixKey, const at::Tensor& prefixValue) {
  const bool train = is_training();
  auto [q, k, v] = projectQkv(*query, *key, *value, hidden, m_options.fuseQkvInInference);
  if (prefixKey.defined()) {
    const int64_t batch = hidden.size(0);
    k = at::cat({prefixKey.unsqueeze(0).expand({batch, prefixKey.size(0), prefixKey.size(1)}), k}, 1);
    v = at::cat({prefixValue.unsqueeze(0).expand({batch, prefixValue.size(0), prefixValue.size(1)}), v}, 1);
  }
  AttentionParams ap;
  ap.numHeads = m_options.numHeads;
  ap.scaleQueryFirst = m_options.naming == LayerNaming::DistilBert;
  ap.dropout = m_options.attentionDropout;
  ap.training = train;
  at::Tensor context = multiHeadAttention(q, k, v, additiveMask, ap);
  at::Tensor attended = attentionOut->forward(context);
  // DistilBERT applies no dropout to the attention output.
  if (m_options.naming == LayerNaming::Bert) attended = trainDropout(attended, m_options.hiddenDropout, train);
  at::Tensor x = attentionNorm->forward(attended + hidden);
  at::Tensor ff = output->forward(applyActivationReusing(m_options.activation, intermediate->forward(x)));
  ff = trainDropout(ff, m_options.hiddenDropout, train);
  return outputNorm->forward(ff + x);
}

}  // namespace quarry::model
