#include "model/checkpoint/CheckpointFit.h"

#include <set>
#include <vector>

namespace quarry::model {
namespace {

// The checkpoint tensor `name` (body-relative, e.g. "embeddings.word_embeddings.weight") under any of
// the names a checkpoint may use for it.
const at::Tensor* findBodyTensor(const StateDict& weights, const std::string& prefix,
                                 const std::string& name) {
  for (const std::string& candidate : {prefix + "." + name, name}) {
    auto it = weights.find(candidate);
    if (it != weights.end() && it->second.defined()) return &it->second;
  }
  return nullptr;
}

// The layer numbers present under "<stack>.layer.N." (with or without the family prefix).
std::set<int64_t> layersPresent(const StateDict& weights, const std::string& prefix,
                                const std::string& stack) {
  std::set<int64_t> out;
  for (const std::string& start : {prefix + "." + stack + ".layer.", stack + ".layer."}) {
    for (auto it = weights.lower_bound(start); it != weights.end() && it->first.rfind(start, 0) == 0; ++it) {
      const std::string rest = it->first.substr(start.size());
      const auto dot = rest.find('.');
      if (dot == 0 || dot == std::string::npos || dot > 9) continue;
      int64_t n = 0;
      bool digits = true;
      for (std::size_t i = 0; i < dot; ++i) {
        if (rest[i] < '0' || rest[i] > '9') digits = false;
        n = n * 10 + (rest[i] - '0');
      }
      if (digits) out.insert(n);
    }
  }
  return out;
}

}  // namespace

Status checkCheckpointFitsConfig(const EncoderConfig& c, const StateDict& weights,
                                 const CheckpointFitOptions& options) {
  const bool distil = c.architecture == Architecture::DistilBert;
  const bool deberta = c.architecture == Architecture::DebertaV2;
  const std::string prefix = basePrefixName(c.architecture);
  const std::string stack = distil ? "transformer" : "encoder";
  const int64_t width = c.embeddingWidth(), h = c.hiddenSize;
  struct Expectation {
    std::string tensor;          // body-relative name
    std::vector<int64_t> shape;  // from the config
    const char* field;           // the config field the first dimension comes from
  };
  std::vector<Expectation> expected = {
      {"embeddings.word_embeddings.weight", {c.vocabSize, width}, "vocab_size"},
  };
  // DeBERTa has each table only when its config asks for it.
  if (!deberta || c.deberta.positionBiasedInput)
    expected.push_back(
        {"embeddings.position_embeddings.weight", {c.maxPositionEmbeddings, width}, "max_position_embeddings"});
  if (!distil && (!deberta || c.typeVocabSize > 0))
    expected.push_back(
        {"embeddings.token_type_embeddings.weight", {c.typeVocabSize, width}, "type_vocab_size"});
  if (c.architecture == Architecture::Electra && width != h)
    expected.push_back({"embeddings_project.weight", {h, width}, "hidden_size"});
  if (deberta && width != h) expected.push_back({"embeddings.embed_proj.weight", {h, width}, "hidden_size"});
  if (deberta && c.deberta.relativeAttention)
    expected.push_back({"encoder.rel_embeddings.weight",
                        {2 * c.deberta.attentionSpan(c.maxPositionEmbeddings), h},
                        c.deberta.positionBuckets > 0 ? "position_buckets" : "max_relative_positions"});
  const std::string layer0 = stack + ".layer.0.";
  expected.push_back({layer0 + (distil    ? "attention.q_lin.weight"
                                : deberta ? "attention.self.query_proj.weight"
                                          : "attention.self.query.weight"),
                      {h, h},
                      distil ? "dim" : "hidden_size"});
  expected.push_back({layer0 + (distil ? "ffn.lin1.weight" : "intermediate.dense.weight"),
                      {c.intermediateSize, h},
                      distil ? "hidden_dim" : "intermediate_size"});

  for (const Expectation& e : expected) {
    const at::Tensor* t = findBodyTensor(weights, prefix, e.tensor);
    if (!t) {
      if (options.requireAll) return Error("tensor missing", options.weightsFile, 0, prefix + "." + e.tensor);
      continue;
    }
    if (t->sizes().vec() != e.shape)
      return Error("wrong shape " + shapeText(t->sizes()) + ": " + options.configFile + " (" + e.field +
                       ") gives " + shapeText(e.shape) + "; the weights do not belong to this config",
                   options.weightsFile, 0, prefix + "." + e.tensor);
  }

  const std::set<int64_t> layers = layersPresent(weights, prefix, stack);
  const char* layersField = distil ? "n_layers" : "num_hidden_layers";
  if (layers.empty()) {
    if (options.requireAll)
      return Error("the weights hold no encoder layer", options.weightsFile, 0, prefix + "." + stack);
    return {};
  }
  const int64_t held = static_cast<int64_t>(layers.size());
  if (*layers.rbegin() + 1 != held)
    return Error("the weights hold layers up to " + std::to_string(*layers.rbegin()) + " but only " +
                     std::to_string(held) + " of them",
                 options.weightsFile, 0, prefix + "." + stack + ".layer");
  if (c.numLayers > held || (options.requireAll && c.numLayers != held))
    return Error("is " + std::to_string(c.numLayers) + " but " + options.weightsFile + " holds " +
                     std::to_string(held) + (held == 1 ? " layer" : " layers"),
                 options.configFile, 0, layersField);
  return {};
}

}  // namespace quarry::model
