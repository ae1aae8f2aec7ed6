#pragma once
// Matching checkpoint tensor names onto a model's parameter names the way transformers'
// from_pretrained does (its base_model_prefix logic): a headless checkpoint ("embeddings.*") loads into a
// model with a head ("bert.embeddings.*", "classifier.*") and a headed checkpoint loads into a bare
// encoder; tied tensors absent from the checkpoint are filled from their partner.

#include <cstdint>
#include <string>
#include <vector>

#include "model/checkpoint/StateDict.h"

namespace quarry::model {

struct ExpectedTensor {
  std::string name;                 // the model's own name, e.g. "bert.encoder.layer.0.output.dense.weight"
  std::vector<std::int64_t> shape;  // the shape the model allocated
};

// `target` is filled from `source` when the checkpoint lacks `target` (names with the base prefix).
struct TiedPair {
  std::string target;  // e.g. "cls.predictions.decoder.weight"
  std::string source;  // e.g. "bert.embeddings.word_embeddings.weight"
};

struct MappedWeights {
  StateDict weights;  // keyed by the model's names; only tensors found with the expected shape
  LoadReport report;  // missing / unexpected / mismatched / tied, in transformers' terms
};

class WeightMapper {
 public:
  // Maps `checkpoint` onto `expected`. `basePrefix` is the family's base_model_prefix ("bert",
  // "roberta", "distilbert", "electra", "deberta"; ModelConfig::basePrefix()). Missing and mismatched names are in
  // the model's naming, unexpected ones in the checkpoint's. Like transformers, position_ids buffers and
  // an unused pooler are not reported as unexpected.
  static MappedWeights map(const StateDict& checkpoint, const std::vector<ExpectedTensor>& expected,
                           const std::string& basePrefix, const std::vector<TiedPair>& ties = {});

  // The output-embedding ties of a family's masked-LM heads (BertForMaskedLM, BertForPreTraining,
  // RobertaForMaskedLM, DistilBertForMaskedLM, ElectraForMaskedLM, DebertaV2ForMaskedLM), in prefixed names.
  static std::vector<TiedPair> defaultTies(const std::string& modelType);

  // The tensors whose names start with `prefix` ("bert" or "bert."), without it. With keepOthers the
  // remaining tensors are kept unchanged, otherwise they are dropped.
  static StateDict stripPrefix(const StateDict& weights, const std::string& prefix, bool keepOthers = false);
  // Every name with `prefix` ("bert" or "bert.") put in front.
  static StateDict addPrefix(const StateDict& weights, const std::string& prefix);
};

}  // namespace quarry::model
