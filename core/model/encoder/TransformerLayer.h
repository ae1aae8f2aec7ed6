#pragma once
// One post-LayerNorm encoder block: self-attention, add & norm, feed-forward, add & norm.
// The same arithmetic serves BERT, RoBERTa and ELECTRA (Hugging Face's BertLayer) and DistilBERT
// (TransformerBlock); only the registered names differ, and they are exactly Hugging Face's:
//   Bert:       attention.self.{query,key,value}, attention.output.{dense,LayerNorm},
//               intermediate.dense, output.{dense,LayerNorm}
//   DistilBert: attention.{q_lin,k_lin,v_lin,out_lin}, sa_layer_norm, ffn.{lin1,lin2},
//               output_layer_norm

#include <string>

#include <torch/nn/module.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>

#include "model/encoder/Activation.h"
#include "model/encoder/DenseLayer.h"

namespace quarry::model {

enum class LayerNaming { Bert, DistilBert };

struct TransformerLayerOptions {
  LayerNaming naming = LayerNaming::Bert;  // which Hugging Face names to register
  int64_t hiddenSize = 768;                // model width
  int64_t numHeads = 12;                   // attention heads
  int64_t intermediateSize = 3072;         // feed-forward width
  Activation activation = Activation::Gelu;  // feed-forward activation
  double layerNormEps = 1e-12;             // both LayerNorms
  double hiddenDropout = 0.1;              // after each sublayer, training only
  double attentionDropout = 0.1;           // on attention probabilities, training only
  bool fuseQkvInInference = true;          // one matmul for q, k, v when no gradient is recorded
};

class TransformerLayerImpl : public torch::nn::Module {
 public:
  // `path` is this layer's Hugging Face module path ("bert.encoder.layer.0"), passed to `factory`.
  TransformerLayerImpl(const TransformerLayerOptions& options, const std::string& path,
                       const LinearFactory& factory);

  // hidden [B,T,H]; additiveMask [B,1,1,T] from additiveAttentionMask ([B,1,1,P+T] with a prefix), or
  // undefined. prefixKey / prefixValue [P,H] (prefix tuning, model/encoder/PrefixEncoder.h): put before
  // the sequence's keys and values; undefined = none.
  at::Tensor forward(const at::Tensor& hidden, const at::Tensor& additiveMask,
                     const at::Tensor& prefixKey = {}, const at::Tensor& prefixValue = {});

  std::shared_ptr<DenseLayerImpl> query, key, value, attentionOut, intermediate, output;
  torch::nn::LayerNorm attentionNorm{nullptr}, outputNorm{nullptr};

 private:
  TransformerLayerOptions m_options;
};
TORCH_MODULE(TransformerLayer);

}  // namespace quarry::model
