#pragma once
// One DeBERTa-v2 encoder block (transformers' DebertaV2Layer): disentangled self-attention, add & norm,
// feed-forward, add & norm, under Hugging Face's names:
//   attention.self.{query_proj,key_proj,value_proj[,pos_key_proj][,pos_query_proj]},
//   attention.output.{dense,LayerNorm}, intermediate.dense, output.{dense,LayerNorm}
// pos_key_proj / pos_query_proj exist only without share_att_key, for c2p / p2c respectively.

#include <cstdint>
#include <memory>
#include <string>

#include <torch/nn/module.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>

#include "model/encoder/Activation.h"
#include "model/encoder/DenseLayer.h"
#include "model/encoder/DisentangledAttention.h"

namespace quarry::model {

struct DebertaLayerOptions {
  int64_t hiddenSize = 768;                  // model width
  int64_t numHeads = 12;                     // attention heads
  int64_t intermediateSize = 3072;           // feed-forward width
  Activation activation = Activation::Gelu;  // feed-forward activation (hidden_act)
  double layerNormEps = 1e-7;                // both LayerNorms
  double hiddenDropout = 0.1;                // after each sublayer and on the relative embeddings
  double attentionDropout = 0.1;             // on attention probabilities
  bool relativeAttention = false;            // relative_attention: c2p / p2c terms present
  bool contentToPosition = false;            // "c2p" in pos_att_type
  bool positionToContent = false;            // "p2c" in pos_att_type
  bool shareAttentionKey = false;            // share_att_key: no pos_key_proj / pos_query_proj
  bool fuseQkvInInference = true;            // one matmul for q, k, v when no gradient is recorded
};

class DebertaLayerImpl : public torch::nn::Module {
 public:
  // `path` is this layer's Hugging Face module path ("deberta.encoder.layer.0"), passed to `factory`.
  DebertaLayerImpl(const DebertaLayerOptions& options, const std::string& path, const LinearFactory& factory);

  // hidden [B,T,H]; relativeEmbeddings [W,H]: the (normalised) rel_embeddings rows `index` points into,
  // undefined without relative attention.
  at::Tensor forward(const at::Tensor& hidden, const DisentangledMask& mask,
                     const at::Tensor& relativeEmbeddings, const RelativePositionIndex* index);

  std::shared_ptr<DenseLayerImpl> query, key, value, positionKey, positionQuery, attentionOut, intermediate,
      output;
  torch::nn::LayerNorm attentionNorm{nullptr}, outputNorm{nullptr};

 private:
  DebertaLayerOptions m_options;
};
TORCH_MODULE(DebertaLayer);

}  // namespace quarry::model
