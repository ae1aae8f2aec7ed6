#include "model/bilstm/BiLstmCrfTagger.h"

#include <cmath>
#include <limits>
#include <set>
#include <stdexcept>

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/TensorOperators.h>
#include <ATen/core/grad_mode.h>
#include <ATen/ops/cat.h>
#include <ATen/ops/conv1d.h>
#include <ATen/ops/embedding.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/max.h>
#include <ATen/ops/rand.h>
#include <ATen/ops/zeros.h>

#include "model/bilstm/BiLstm.h"
#include "model/kernels/FastDropout.h"

namespace quarry::model {

namespace {

void checkConfig(const BiLstmCrfConfig& c) {
  if (c.wordVocab < 2 || c.charVocab < 2 || c.numTags < 1 || c.wordDim < 1 || c.charDim < 1 ||
      c.charFilters < 1 || c.charKernel < 1 || c.charKernel % 2 == 0 || c.casingDim < 1 || c.lstmHidden < 1 ||
      c.lstmLayers < 1)
    throw std::invalid_argument(
        "BiLstmCrfTagger: sizes must be positive, the vocabularies at least 2 and the kernel odd");
}

void fillUniform(at::Tensor t, double bound, at::Generator& gen) {
  t.copy_(at::empty(t.sizes(), at::TensorOptions().dtype(at::kFloat)).uniform_(-bound, bound, gen));
}

}  // namespace

BiLstmCrfTaggerImpl::BiLstmCrfTaggerImpl(const BiLstmCrfConfig& config) : m_config(config) {
  checkConfig(config);
  const auto& c = m_config;
  // Plain modules as name scopes, so that the tensors are named as torch.nn would name them.
  auto scope = [this](const char* name) {
    return register_module(name, std::make_shared<torch::nn::Module>());
  };
  wordEmbedding = scope("word_embedding")->register_parameter("weight", at::zeros({c.wordVocab, c.wordDim}));
  charEmbedding = scope("char_embedding")->register_parameter("weight", at::zeros({c.charVocab, c.charDim}));
  auto conv = scope("char_conv");
  charConvWeight = conv->register_parameter("weight", at::zeros({c.charFilters, c.charDim, c.charKernel}));
  charConvBias = conv->register_parameter("bias", at::zeros({c.charFilters}));
  casingEmbedding =
      scope("casing_embedding")
          ->register_parameter("weight", at::zeros({TaggerVocabulary::kNumCasings, c.casingDim}));
  auto lstm = scope("lstm");
  const int64_t h = c.lstmHidden;
  for (int64_t layer = 0; layer < c.lstmLayers; ++layer) {
    const int64_t in = layer == 0 ? c.lstmInput() : 2 * h;
    for (const char* suffix : {"", "_reverse"}) {
      const std::string k = std::to_string(layer) + suffix;
      lstmWeights.push_back(lstm->register_parameter("weight_ih_l" + k, at::zeros({4 * h, in})));
      lstmWeights.push_back(lstm->register_parameter("weight_hh_l" + k, at::zeros({4 * h, h})));
      lstmWeights.push_back(lstm->register_parameter("bias_ih_l" + k, at::zeros({4 * h})));
      lstmWeights.push_back(lstm->register_parameter("bias_hh_l" + k, at::zeros({4 * h})));
    }
  }
  emission = register_module("emission", DenseLayer(2 * h, c.numTags));
  crf = register_module("crf", Crf(c.numTags));
  reset(0);
}

void BiLstmCrfTaggerImpl::reset(uint64_t seed) {
  at::NoGradGuard noGrad;
  auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
  for (at::Tensor* table : {&wordEmbedding, &charEmbedding, &casingEmbedding}) {
    fillUniform(*table, std::sqrt(3.0 / static_cast<double>(table->size(1))), gen);
    table->select(0, 0).zero_();  // padding
  }
  const double fanIn = static_cast<double>(m_config.charDim * m_config.charKernel);
  const double fanOut = static_cast<double>(m_config.charFilters * m_config.charKernel);
  fillUniform(charConvWeight, std::sqrt(6.0 / (fanIn + fanOut)), gen);
  charConvBias.zero_();
  const int64_t h = m_config.lstmHidden;
  for (size_t i = 0; i < lstmWeights.size(); i += 4) {
    for (size_t w = 0; w < 2; ++w) {  // Glorot per gate block [H, in]
      at::Tensor weight = lstmWeights[i + w];
      for (int64_t gate = 0; gate < 4; ++gate)
        fillUniform(weight.narrow(0, gate * h, h), std::sqrt(6.0 / static_cast<double>(h + weight.size(1))),
                    gen);
    }
    lstmWeights[i + 2].zero_();
    lstmWeights[i + 3].zero_();
    lstmWeights[i + 2].narrow(0, h, h).fill_(1.0);  // forget gate (order i, f, g, o)
  }
  fillUniform(emission->weight,
              std::sqrt(6.0 / static_cast<double>(emission->inFeatures() + emission->outFeatures())), gen);
  emission->bias.zero_();
  crf->reset(seed ^ 0x9e3779b97f4a7c15ULL);
}

at::Tensor BiLstmCrfTaggerImpl::characterFeatures(const TaggerBatch& batch, const at::Tensor& index) {
  const int64_t l = batch.charIds.size(2);
  at::Tensor chars = batch.charIds.reshape({-1, l}).index_select(0, index);    // [N,L]
  at::Tensor x = at::embedding(charEmbedding, chars, TaggerVocabulary::kPad);  // [N,L,D]
  x = fastDropout(x, m_config.dropout, is_training());
  at::Tensor conv = at::conv1d(x.transpose(1, 2).contiguous(), charConvWeight, charConvBias, 1,
                               m_config.charKernel / 2);  // [N,F,L]
  // Every word has at least one character (makeTaggerBatch), so each max sees a real position.
  conv = conv.masked_fill((chars == TaggerVocabulary::kPad).unsqueeze(1),
                          -std::numeric_limits<float>::infinity());
  return std::get<0>(at::max(conv, 2));  // [N,F]
}

at::Tensor BiLstmCrfTaggerImpl::wordStates(const TaggerBatch& batch, const at::Tensor& index) {
  at::Tensor words = batch.wordIds.reshape({-1}).index_select(0, index);
  if (is_training() && m_config.wordDropout > 0.0) {
    at::Tensor drop =
        at::rand(words.sizes(), at::TensorOptions().device(words.device())) < m_config.wordDropout;
    words = words.masked_fill(drop, TaggerVocabulary::kUnk);
  }
  at::Tensor casing = batch.casing.reshape({-1}).index_select(0, index);
  at::Tensor x =
      at::cat({at::embedding(wordEmbedding, words, TaggerVocabulary::kPad), characterFeatures(batch, index),
               at::embedding(casingEmbedding, casing, TaggerVocabulary::kCasingPad)},
              1);
  x = fastDropout(x, m_config.dropout, is_training());
  BiLstmOptions lstm;
  lstm.numLayers = m_config.lstmLayers;
  lstm.dropout = m_config.dropout;
  lstm.training = is_training();
  return fastDropout(biLstm(x, batch.lengths, lstmWeights, lstm), m_config.dropout, is_training());
}

at::Tensor BiLstmCrfTaggerImpl::emissions(const TaggerBatch& batch) {
  const int64_t b = batch.wordIds.size(0), w = batch.wordIds.size(1);
  // Everything up to the emissions runs on the real words only, packed sentence after sentence.
  at::Tensor index = batch.mask.reshape({-1}).nonzero().squeeze(1);  // [N]
  at::Tensor scores = emission->forward(wordStates(batch, index));   // [N,C]
  return at::zeros({b * w, m_config.numTags}, scores.options()).index_copy(0, index, scores).view({b, w, -1});
}

at::Tensor BiLstmCrfTaggerImpl::meanWordStates(const TaggerBatch& batch) {
  at::NoGradGuard noGrad;
  const int64_t b = batch.wordIds.size(0), w = batch.wordIds.size(1);
  at::Tensor index = batch.mask.reshape({-1}).nonzero().squeeze(1);  // [N]
  at::Tensor hidden = wordStates(batch, index);                      // [N,2H]
  at::Tensor sums =
      at::zeros({b, hidden.size(1)}, hidden.options()).index_add(0, index.div(w, "floor"), hidden);
  at::Tensor lengths = batch.mask.sum(1).clamp_min(1).to(hidden.scalar_type()).unsqueeze(1);
  return sums / lengths;
}

at::Tensor BiLstmCrfTaggerImpl::loss(const TaggerBatch& batch, const at::Tensor& tags) {
  return crf->negativeLogLikelihood(emissions(batch), tags.to(batch.mask.device()), batch.mask);
}

std::vector<std::vector<int64_t>> BiLstmCrfTaggerImpl::decode(const TaggerBatch& batch) {
  at::NoGradGuard noGrad;
  return crf->viterbi(emissions(batch), batch.mask);
}

std::vector<ParameterGroup> BiLstmCrfTaggerImpl::parameterGroups() {
  const char* blocks[] = {"embeddings", "lstm", "head"};
  std::vector<ParameterGroup> groups;
  for (int layer = 0; layer < 3; ++layer)
    for (bool decay : {true, false}) {
      ParameterGroup g;
      g.name = std::string(blocks[layer]) + (decay ? "" : ".no_decay");
      g.layer = layer;
      g.decay = decay;
      groups.push_back(std::move(g));
    }
  for (const auto& item : named_parameters(true)) {
    const std::string& name = item.key();
    auto startsWith = [&](const char* p) { return name.rfind(p, 0) == 0; };
    const int layer = startsWith("lstm.") ? 1 : (startsWith("emission.") || startsWith("crf.")) ? 2 : 0;
    const bool decay = name.find("bias") == std::string::npos && !startsWith("crf.");
    ParameterGroup& g = groups[static_cast<size_t>(layer * 2 + (decay ? 0 : 1))];
    g.names.push_back(name);
    g.parameters.push_back(item.value());
  }
  std::vector<ParameterGroup> nonEmpty;
  for (auto& g : groups)
    if (!g.parameters.empty()) nonEmpty.push_back(std::move(g));
  return nonEmpty;
}

StateDict BiLstmCrfTaggerImpl::stateDict() {
  StateDict out;
  for (const auto& item : named_parameters(true)) out[item.key()] = item.value().detach();
  for (const auto& item : named_buffers(true)) out[item.key()] = item.value().detach();
  return out;
}

Status BiLstmCrfTaggerImpl::loadStateDict(const StateDict& weights, const std::string& file) {
  const StateDict own = stateDict();
  for (const auto& [name, target] : own) {
    auto it = weights.find(name);
    if (it == weights.end()) return Error("tensor missing", file, 0, name);
    if (auto why = storedTensorMismatch(it->second, target)) return Error(*why, file, 0, name);
  }
  for (const auto& [name, tensor] : weights)
    if (own.find(name) == own.end()) return Error("not a tensor of this model", file, 0, name);
  at::NoGradGuard noGrad;
  for (const auto& [name, target] : own) target.copy_(weights.at(name));
  return {};
}

}  // namespace quarry::model
