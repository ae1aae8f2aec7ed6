#pragma once
// A Hugging Face config.json for the encoder families Quarry runs (BERT, RoBERTa, DistilBERT, ELECTRA,
// DeBERTa-v2), with DistilBERT's own key names (dim, n_layers, ...) mapped onto the common fields. Keys
// Quarry does not model here (DeBERTa's relative_attention, pos_att_type, ... which EncoderConfig reads)
// are kept verbatim, so reading and saving a config loses nothing.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/Error.h"

namespace quarry::model {

struct ModelConfig {
  std::string modelType;                     // "bert", "roberta", "distilbert", "electra" or "deberta-v2"
  std::vector<std::string> architectures;    // e.g. {"BertForTokenClassification"}
  std::int64_t vocabSize = 30522;            // rows of the word-embedding table
  std::int64_t hiddenSize = 768;             // distilbert: "dim"
  std::int64_t numHiddenLayers = 12;         // distilbert: "n_layers"
  std::int64_t numAttentionHeads = 12;       // distilbert: "n_heads"
  std::int64_t intermediateSize = 3072;      // distilbert: "hidden_dim"
  std::string hiddenAct = "gelu";            // distilbert: "activation"
  std::int64_t maxPositionEmbeddings = 512;  // rows of the position table (RoBERTa: + padding offset 2)
  std::int64_t typeVocabSize = 2;            // segment-embedding rows; 0 for distilbert (none), deberta-v2 (default)
  double layerNormEps = 1e-12;               // distilbert has no key and always uses 1e-12
  std::int64_t padTokenId = 0;               // RoBERTa: 1 (also its position padding index)
  std::int64_t embeddingSize = 0;  // electra, deberta-v2: width before embeddings_project / embed_proj; 0 = hiddenSize
  std::string positionEmbeddingType = "absolute";  // "absolute", "relative_key", "relative_key_query"
  double hiddenDropoutProb = 0.1;                  // distilbert: "dropout"
  double attentionProbsDropoutProb = 0.1;          // distilbert: "attention_dropout"
  std::optional<double> classifierDropout;         // null = use hiddenDropoutProb (as transformers does)
  double seqClassifDropout = 0.2;                  // distilbert sequence-classification head dropout
  double qaDropout = 0.1;                          // distilbert question-answering head dropout
  bool sinusoidalPosEmbds = false;                 // distilbert: fixed sinusoidal position table
  double initializerRange = 0.02;                  // std of the normal init of new weights (heads)
  bool tieWordEmbeddings = true;                   // tie the MLM decoder to the word embeddings
  std::map<std::int64_t, std::string> id2label;    // empty = numLabels generic labels LABEL_i
  std::map<std::string, std::int64_t> label2id;    // as stored; rebuilt by setLabels()
  std::int64_t numLabelsIfNoMap = 2;               // "num_labels" when id2label is absent (transformers: 2)
  std::string torchDtype = "float32";              // "torch_dtype" (transformers 4) or "dtype" (5); "" = null
  bool dtypeKeyV5 = false;                         // the file said "dtype": saved the same way
  std::string transformersVersion;                 // as read; saveHfFolder fills it when empty
  std::map<std::string, std::string> extra;        // unknown keys -> their JSON text, written back verbatim

  // The model types this engine implements.
  static const std::vector<std::string>& supportedModelTypes();

  // Defaults transformers uses for `modelType` (its XxxConfig() constructor).
  static ModelConfig defaultsFor(const std::string& modelType);

  // Reads config.json. Errors name the file and the key (model_type unsupported, wrong JSON type, ...).
  static Result<ModelConfig> load(const std::string& path);
  // The same from JSON text; `path` only names the source in errors.
  static Result<ModelConfig> parse(const std::string& jsonText, const std::string& path);

  // config.json text as transformers writes it: keys sorted, 2-space indent, final newline.
  std::string toJsonText() const;
  // Writes toJsonText() atomically.
  Status save(const std::string& path) const;

  // transformers' base_model_prefix: the attribute holding the encoder ("bert", "roberta", ..., and
  // "deberta" for deberta-v2).
  std::string basePrefix() const { return modelType == "deberta-v2" ? "deberta" : modelType; }
  std::int64_t numLabels() const;
  // Label names by id: id2label, or LABEL_0..LABEL_{n-1} when none are stored.
  std::vector<std::string> labels() const;
  // Sets id2label, label2id and the label count from names in id order.
  void setLabels(const std::vector<std::string>& names);
  // The embedding width (embeddingSize for ELECTRA / DeBERTa when set, else hiddenSize).
  std::int64_t embeddingWidth() const { return embeddingSize > 0 ? embeddingSize : hiddenSize; }
};

}  // namespace quarry::model
