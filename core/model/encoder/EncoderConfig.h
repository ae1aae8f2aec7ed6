#pragma once
// The shape of an encoder as read from a Hugging Face config.json: only what the modules in this
// folder need. ModelConfig (checkpoint side) converts to this; tests build it directly.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "common/Error.h"
#include "model/encoder/DebertaOptions.h"

namespace quarry::model {

enum class Architecture { Bert, Roberta, DistilBert, Electra, DebertaV2 };

// "bert", "roberta", "distilbert", "electra", "deberta-v2" (the config.json model_type).
const char* architectureName(Architecture architecture);

// transformers' base_model_prefix, the attribute and name prefix of the encoder in task models:
// the model_type, except "deberta" for DeBERTa-v2.
const char* basePrefixName(Architecture architecture);

// Upper bounds on the sizes of an encoder, far above any published model of these families; a config
// beyond them is refused before anything is allocated.
struct EncoderLimits {
  static constexpr int64_t kVocabSize = 50'000'000;      // vocab_size
  static constexpr int64_t kHiddenSize = 65'536;         // hidden_size, embedding_size
  static constexpr int64_t kLayers = 1'024;              // num_hidden_layers
  static constexpr int64_t kIntermediateSize = 262'144;  // intermediate_size
  static constexpr int64_t kPositions = 1'048'576;       // max_position_embeddings
  static constexpr int64_t kTypeVocabSize = 65'536;      // type_vocab_size
  static constexpr int64_t kLabels = 100'000;            // num_labels / id2label
  static constexpr double kParameters = 4e9;             // all weights together
};

struct EncoderConfig {
  Architecture architecture = Architecture::Bert;  // from model_type
  int64_t vocabSize = 30522;                       // vocab_size
  int64_t hiddenSize = 768;                        // hidden_size / dim
  int64_t embeddingSize = 0;                       // embedding_size (ELECTRA, DeBERTa); 0 = hiddenSize
  int64_t numLayers = 12;                          // num_hidden_layers / n_layers
  int64_t numHeads = 12;                           // num_attention_heads / n_heads
  int64_t intermediateSize = 3072;                 // intermediate_size / hidden_dim
  std::string hiddenAct = "gelu";                  // hidden_act / activation: gelu (erf), gelu_new, relu, ...
  int64_t maxPositionEmbeddings = 512;             // max_position_embeddings
  int64_t typeVocabSize = 2;                       // type_vocab_size (DistilBERT: 0, no segment embedding)
  double layerNormEps = 1e-12;                     // layer_norm_eps (DistilBERT always 1e-12)
  int64_t padTokenId = 0;                          // pad_token_id; RoBERTa's padding_idx for positions too
  double hiddenDropout = 0.1;                      // hidden_dropout_prob / dropout
  double attentionDropout = 0.1;                   // attention_probs_dropout_prob / attention_dropout
  double classifierDropout = -1.0;                 // classifier_dropout; < 0 = hiddenDropout
  double qaDropout = 0.1;                          // DistilBERT qa_dropout
  double seqClassifDropout = 0.2;                  // DistilBERT seq_classif_dropout
  double initializerRange = 0.02;                  // stddev of newly initialised weights
  std::vector<std::string> labels;                 // id2label in id order; empty = numLabels generic labels
  int64_t numLabels = 2;                           // from id2label, else num_labels, else 2
  DebertaOptions deberta;                          // DeBERTa-v2 only: relative attention, ContextPooler

  int64_t embeddingWidth() const { return embeddingSize > 0 ? embeddingSize : hiddenSize; }
  int64_t headDim() const { return hiddenSize / numHeads; }
  double effectiveClassifierDropout() const {
    return classifierDropout >= 0.0 ? classifierDropout : hiddenDropout;
  }

  // The number of weights of the encoder with a head of numLabels outputs (close, not exact).
  double parameterCount() const;

  // Reads the keys named above from a parsed config.json. `source` (the file path) is used in
  // error messages, which name the offending field.
  static Result<EncoderConfig> fromJson(const nlohmann::json& json, const std::string& source = {});

  // The consistency checks fromJson applies (hidden divisible by heads, sizes positive and within
  // EncoderLimits...).
  Status validate(const std::string& source = {}) const;
};

}  // namespace quarry::model
