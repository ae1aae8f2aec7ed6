#pragma once
// The from-scratch sequence tagger of Lample et al. (2016) and Ma & Hovy (2016): per word, a
// character CNN (embedding -> Conv1d -> max over the word's characters) next to a word embedding and
// a casing-class embedding; dropout; a bidirectional LSTM over the packed sentence; dropout; a linear
// layer to per-tag emission scores; a linear-chain CRF on top. The default model when a user has no
// pre-trained checkpoint.
//
// Tensor names (stateDict, model.safetensors) follow torch.nn: word_embedding.weight,
// char_embedding.weight, char_conv.{weight,bias}, casing_embedding.weight,
// lstm.{weight_ih,weight_hh,bias_ih,bias_hh}_l{k}[_reverse], emission.{weight,bias},
// crf.{transitions,start_transitions,end_transitions,allowed_transitions,allowed_start,allowed_end}.
// Dropout (FastDropout) and word dropout draw from ATen's default generator: at::manual_seed repeats a run.

#include <cstdint>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include "common/Error.h"
#include "model/bilstm/BiLstmCrfConfig.h"
#include "model/crf/Crf.h"
#include "model/encoder/DenseLayer.h"
#include "model/optim/ParameterGroups.h"
#include "model/checkpoint/StateDict.h"
#include "model/bilstm/TaggerBatch.h"

namespace quarry::model {

class BiLstmCrfTaggerImpl : public torch::nn::Module {
 public:
  // Throws std::invalid_argument on a config fromJson would refuse (sizes < 1, even kernel).
  explicit BiLstmCrfTaggerImpl(const BiLstmCrfConfig& config);

  // Emission scores [B,W,numTags]; 0 past a sentence's end (the CRF ignores those rows).
  // Dropout and word dropout only in training mode (train()/eval()).
  at::Tensor emissions(const TaggerBatch& batch);
  // Mean CRF negative log-likelihood of `tags` [B,W] int64 (values past a sentence's end are ignored).
  at::Tensor loss(const TaggerBatch& batch, const at::Tensor& tags);
  // Viterbi tags per sentence (as long as the sentence). No gradient; uses the current mode.
  std::vector<std::vector<int64_t>> decode(const TaggerBatch& batch);
  // The BiLSTM's output averaged over each sentence's words, [B, 2 x hidden]: the sentence as the tagger
  // reads it (diversity sampling's embedding). No gradient; uses the current mode.
  at::Tensor meanWordStates(const TaggerBatch& batch);

  // Deterministic initialisation from `seed`: embeddings uniform(+-sqrt(3/dim)) with zero padding
  // rows, Glorot-uniform CNN, LSTM gate blocks and emission layer, zero biases except the LSTM
  // forget gate (1), CRF uniform(+-0.1). The CRF constraint is kept.
  void reset(uint64_t seed);

  // "embeddings" (layer 0: embedding tables, character CNN), "lstm" (1), "head" (2: emission layer,
  // CRF); biases and CRF scores go to the ".no_decay" half. Groups with no parameters are left out.
  std::vector<ParameterGroup> parameterGroups();

  // Every parameter and buffer by name; the tensors share storage with the model.
  StateDict stateDict();
  // Copies every tensor (any dtype/device) from `weights`. An Error naming `fileForErrors` and the
  // tensor when one is missing, has another shape, or is not part of this model; nothing is copied then.
  Status loadStateDict(const StateDict& weights, const std::string& fileForErrors = {});

  const BiLstmCrfConfig& config() const { return m_config; }

  at::Tensor wordEmbedding;             // [wordVocab, wordDim]
  at::Tensor charEmbedding;             // [charVocab, charDim]
  at::Tensor charConvWeight;            // [charFilters, charDim, charKernel]
  at::Tensor charConvBias;              // [charFilters]
  at::Tensor casingEmbedding;           // [kNumCasings, casingDim]
  std::vector<at::Tensor> lstmWeights;  // per layer, forward then reverse: w_ih, w_hh, b_ih, b_hh
  DenseLayer emission{nullptr};         // [numTags, 2 * lstmHidden]
  Crf crf{nullptr};

 private:
  // [N,charFilters] for the real words `index` (flat positions in [B*W]).
  at::Tensor characterFeatures(const TaggerBatch& batch, const at::Tensor& index);
  // The BiLSTM's output [N, 2 x hidden] for the words at flat positions `index` of the batch (dropout
  // and word dropout in training mode only).
  at::Tensor wordStates(const TaggerBatch& batch, const at::Tensor& index);

  BiLstmCrfConfig m_config;
};
TORCH_MODULE(BiLstmCrfTagger);

}  // namespace quarry::model
