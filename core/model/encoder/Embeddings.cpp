#include "model/encoder/Embeddings.h"

#include <ATen/TensorOperators.h>
#include <ATen/ops/arange.h>
#include <ATen/ops/cumsum.h>
#include <ATen/ops/embedding.h>
#include <ATen/ops/zeros.h>
#include <ATen/ops/zeros_like.h>

#include "model/kernels/FastDropout.h"

namespace quarry::model {

EmbeddingsImpl::EmbeddingsImpl(const EmbeddingsOptions& o) : m_options(o) {
  wordEmbeddings = register_module("word_embeddings", std::make_shared<torch::nn::Module>("word_embeddings"))
                       ->register_parameter("weight", at::zeros({o.vocabSize, o.width}));
  positionEmbeddings =
      register_module("position_embeddings", std::make_shared<torch::nn::Module>("position_embeddings"))
          ->register_parameter("weight", at::zeros({o.maxPositions, o.width}));
  if (o.typeVocabSize > 0) {
    tokenTypeEmbeddings =
        register_module("token_type_embeddings", std::make_shared<torch::nn::Module>("token_type_embeddings"))
            ->register_parameter("weight", at::zeros({o.typeVocabSize, o.width}));
  }
  layerNorm = register_module("LayerNorm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({o.width}).eps(o.layerNormEps)));
  if (o.positionIdsBuffer) register_buffer("position_ids", at::arange(o.maxPositions, at::kLong).unsqueeze(0));
}

at::Tensor EmbeddingsImpl::positionIds(const at::Tensor& inputIds, int64_t positionOffset) const {
  if (m_options.robertaPositions) {
    // create_position_ids_from_input_ids: real tokens count from padding_idx + 1 (+ past_key_values_length).
    at::Tensor mask = inputIds.ne(m_options.padTokenId).to(at::kInt);
    at::Tensor incremental = (at::cumsum(mask, 1).to(at::kInt) + static_cast<int>(positionOffset)) * mask;
    return incremental.to(at::kLong) + m_options.padTokenId;
  }
  return at::arange(positionOffset, positionOffset + inputIds.size(1), inputIds.options().dtype(at::kLong))
      .unsqueeze(0)
      .expand_as(inputIds);
}

at::Tensor EmbeddingsImpl::forward(const at::Tensor& inputIds, const at::Tensor& tokenTypeIds,
                                   int64_t positionOffset) {
  const auto& o = m_options;
  at::Tensor ids = inputIds.to(at::kLong);
  at::Tensor x = at::embedding(wordEmbeddings, ids, o.padTokenId);
  if (tokenTypeEmbeddings.defined()) {
    at::Tensor types = tokenTypeIds.defined() ? tokenTypeIds.to(at::kLong) : at::zeros_like(ids);
    x = x + at::embedding(tokenTypeEmbeddings, types);
  }
  // RoBERTa's position table has padding_idx too: the pad row gets no gradient.
  const int64_t positionPad = o.robertaPositions ? o.padTokenId : -1;
  x = x + at::embedding(positionEmbeddings, positionIds(ids, positionOffset), positionPad);
  x = layerNorm->forward(x);
  return fastDropout(x, o.dropout, is_training());
}

}  // namespace quarry::model
