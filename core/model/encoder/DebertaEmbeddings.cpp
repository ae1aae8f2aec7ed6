#include "model/encoder/DebertaEmbeddings.h"

#include <ATen/TensorOperators.h>
#include <ATen/core/grad_mode.h>
#include <ATen/ops/arange.h>
#include <ATen/ops/embedding.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/zeros.h>
#include <ATen/ops/zeros_like.h>

#include "model/kernels/FastDropout.h"

namespace quarry::model {

namespace {

at::Tensor table(torch::nn::Module& parent, const std::string& name, int64_t rows, int64_t width) {
  return parent.register_module(name, std::make_shared<torch::nn::Module>(name))
      ->register_parameter("weight", at::zeros({rows, width}));
}

}  // namespace

DebertaEmbeddingsImpl::DebertaEmbeddingsImpl(const DebertaEmbeddingsOptions& o, const std::string& path,
                                             const LinearFactory& factory)
    : m_options(o) {
  wordEmbeddings = table(*this, "word_embeddings", o.vocabSize, o.width);
  if (o.positionEmbeddings) positionEmbeddings = table(*this, "position_embeddings", o.maxPositions, o.width);
  if (o.typeVocabSize > 0)
    tokenTypeEmbeddings = table(*this, "token_type_embeddings", o.typeVocabSize, o.width);
  if (o.width != o.hiddenSize)
    embedProj = register_module("embed_proj",
                                factory(LinearSpec{path + ".embed_proj", o.width, o.hiddenSize, false}));
  layerNorm = register_module(
      "LayerNorm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({o.hiddenSize}).eps(o.layerNormEps)));
  register_buffer("position_ids", at::arange(o.maxPositions, at::kLong).unsqueeze(0));
}

at::Tensor DebertaEmbeddingsImpl::forward(const at::Tensor& inputIds, const at::Tensor& tokenTypeIds,
                                          const at::Tensor& attentionMask) {
  const auto& o = m_options;
  const at::Tensor ids = inputIds.to(at::kLong);
  at::Tensor x = at::embedding(wordEmbeddings, ids, o.padTokenId);
  if (positionEmbeddings.defined()) {
    const at::Tensor positions = at::arange(ids.size(1), ids.options()).unsqueeze(0);
    x = x + at::embedding(positionEmbeddings, positions);
  }
  if (tokenTypeEmbeddings.defined()) {
    const at::Tensor types = tokenTypeIds.defined() ? tokenTypeIds.to(at::kLong) : at::zeros_like(ids);
    x = x + at::embedding(tokenTypeEmbeddings, types);
  }
  if (embedProj) x = embedProj->forward(x);
  x = layerNorm->forward(x);
  // Padded positions leave the embeddings as exact zeros (their rows stay deterministic through the layers).
  if (attentionMask.defined()) x = x * attentionMask.to(x.scalar_type()).unsqueeze(-1);
  return fastDropout(x, o.dropout, is_training());
}

void DebertaEmbeddingsImpl::resetTables(double stddev, at::Generator& generator) {
  at::NoGradGuard noGrad;
  auto normal = [&](at::Tensor& t) {
    t.copy_(at::empty(t.sizes(), at::TensorOptions().dtype(at::kFloat)).normal_(0.0, stddev, generator));
  };
  normal(wordEmbeddings);
  wordEmbeddings[m_options.padTokenId].zero_();
  if (positionEmbeddings.defined()) normal(positionEmbeddings);
  if (tokenTypeEmbeddings.defined()) normal(tokenTypeEmbeddings);
}

}  // namespace quarry::model
