#pragma once
// Token + position (+ segment) embeddings, LayerNorm, dropout: Hugging Face's BertEmbeddings,
// RobertaEmbeddings, ElectraEmbeddings and DistilBERT's Embeddings, with their parameter names
// (word_embeddings, position_embeddings, token_type_embeddings, LayerNorm) and, except for
// DistilBERT, the persistent position_ids buffer that their checkpoints carry.

#include <cstdint>

#include <torch/nn/module.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>

namespace quarry::model {

struct EmbeddingsOptions {
  int64_t vocabSize = 30522;         // rows of word_embeddings
  int64_t width = 768;               // embedding width (ELECTRA: embedding_size)
  int64_t maxPositions = 512;        // rows of position_embeddings
  int64_t typeVocabSize = 2;         // rows of token_type_embeddings; 0 = none (DistilBERT)
  int64_t padTokenId = 0;            // word padding_idx (its row gets no gradient)
  double layerNormEps = 1e-12;       // LayerNorm eps
  double dropout = 0.1;              // after LayerNorm, training only
  bool robertaPositions = false;     // positions from padding_idx+1, pads at padding_idx
  bool positionIdsBuffer = true;     // register the position_ids buffer (not DistilBERT)
};

class EmbeddingsImpl : public torch::nn::Module {
 public:
  explicit EmbeddingsImpl(const EmbeddingsOptions& options);

  // inputIds [B,T] int64; tokenTypeIds [B,T] or undefined (= zeros). Returns [B,T,width].
  // positionOffset: transformers' past_key_values_length (a prefix of that many positions before the
  // sequence, model/encoder/PrefixEncoder.h); positions count from it.
  at::Tensor forward(const at::Tensor& inputIds, const at::Tensor& tokenTypeIds, int64_t positionOffset = 0);

  // The position ids Hugging Face would use for `inputIds`: offset..offset+T-1, or for RoBERTa
  // (cumsum(ids != pad) + offset) * (ids != pad) + pad.
  at::Tensor positionIds(const at::Tensor& inputIds, int64_t positionOffset = 0) const;

  const EmbeddingsOptions& options() const { return m_options; }

  at::Tensor wordEmbeddings;       // [vocab, width]
  at::Tensor positionEmbeddings;   // [maxPositions, width]
  at::Tensor tokenTypeEmbeddings;  // [types, width] or undefined
  torch::nn::LayerNorm layerNorm{nullptr};

 private:
  EmbeddingsOptions m_options;
};
TORCH_MODULE(Embeddings);

}  // namespace quarry::model
