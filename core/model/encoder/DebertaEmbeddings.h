#pragma once
// DeBERTa-v2's embeddings (transformers' DebertaV2Embeddings): word embeddings, absolute positions only
// when position_biased_input, segments only when type_vocab_size > 0, embed_proj (no bias) when
// embedding_size differs from hidden_size, LayerNorm, then every padded position set to 0, dropout.
// Names: word_embeddings, position_embeddings, token_type_embeddings, embed_proj, LayerNorm and the
// persistent position_ids buffer (stored by every DeBERTa checkpoint, used or not).

#include <cstdint>
#include <memory>
#include <string>

#include <ATen/core/Generator.h>
#include <torch/nn/module.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>

#include "model/encoder/DenseLayer.h"

namespace quarry::model {

struct DebertaEmbeddingsOptions {
  int64_t vocabSize = 128100;       // rows of word_embeddings
  int64_t width = 768;              // embedding_size (the tables' width)
  int64_t hiddenSize = 768;         // LayerNorm width; embed_proj maps width -> hiddenSize when they differ
  int64_t maxPositions = 512;       // rows of position_embeddings and length of position_ids
  bool positionEmbeddings = false;  // position_biased_input
  int64_t typeVocabSize = 0;        // rows of token_type_embeddings; 0 = none
  int64_t padTokenId = 0;           // word padding_idx (its row gets no gradient)
  double layerNormEps = 1e-7;       // LayerNorm eps
  double dropout = 0.1;             // after the mask, training only
};

class DebertaEmbeddingsImpl : public torch::nn::Module {
 public:
  // `path` is the Hugging Face path of this module ("deberta.embeddings"), for the factory.
  DebertaEmbeddingsImpl(const DebertaEmbeddingsOptions& options, const std::string& path,
                        const LinearFactory& factory);

  // inputIds [B,T]; tokenTypeIds [B,T] or undefined (= 0; ignored without a segment table);
  // attentionMask [B,T] of 1/0 or undefined (= all ones). Returns [B,T,hiddenSize].
  at::Tensor forward(const at::Tensor& inputIds, const at::Tensor& tokenTypeIds,
                     const at::Tensor& attentionMask);

  // _init_weights for the tables: N(0, stddev), the padding row of word_embeddings 0. Runs without grad.
  void resetTables(double stddev, at::Generator& generator);

  const DebertaEmbeddingsOptions& options() const { return m_options; }

  at::Tensor wordEmbeddings;                  // [vocab, width]
  at::Tensor positionEmbeddings;              // [maxPositions, width] or undefined
  at::Tensor tokenTypeEmbeddings;             // [types, width] or undefined
  std::shared_ptr<DenseLayerImpl> embedProj;  // embed_proj, or null
  torch::nn::LayerNorm layerNorm{nullptr};

 private:
  DebertaEmbeddingsOptions m_options;
};
TORCH_MODULE(DebertaEmbeddings);

}  // namespace quarry::model
