#include "model/encoder/EncoderConfig.h"

#include <cstdint>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "common/JsonReader.h"

namespace quarry::model {

const char* architectureName(Architecture architecture) {
  switch (architecture) {
    case Architecture::Bert:
      return "bert";
    case Architecture::Roberta:
      return "roberta";
    case Architecture::DistilBert:
      return "distilbert";
    case Architecture::Electra:
      return "electra";
    case Architecture::DebertaV2:
      return "deberta-v2";
  }
  return "bert";
}

const char* basePrefixName(Architecture architecture) {
  return architecture == Architecture::DebertaV2 ? "deberta" : architectureName(architecture);
}

namespace {

// The first of `keys` present and not null, read as T; `fallback` when none is.
template <typename T>
Result<T> readKey(const nlohmann::json& json, std::initializer_list<const char*> keys, T fallback,
                  const std::string& source) {
  for (const char* key : keys) {
    auto it = json.find(key);
    if (it == json.end() || it->is_null()) continue;
    bool typeOk = false;
    if constexpr (std::is_same_v<T, bool>)
      typeOk = it->is_boolean();
    else if constexpr (std::is_same_v<T, std::string>)
      typeOk = it->is_string();
    else if constexpr (std::is_floating_point_v<T>)
      typeOk = it->is_number();
    else  // an unsigned value past int64 would wrap: refused here, not read as a negative size
      typeOk =
          it->is_number_integer() && !(it->is_number_unsigned() && it->template get<uint64_t>() > INT64_MAX);
    if (!typeOk) return Error("has the wrong type or range: " + jsonSummary(*it), source, 0, key);
    return it->template get<T>();
  }
  return fallback;
}

}  // namespace

Result<EncoderConfig> EncoderConfig::fromJson(const nlohmann::json& json, const std::string& source) {
  if (!json.is_object()) return Error("config is not a JSON object", source);
  EncoderConfig c;
  auto type = readKey<std::string>(json, {"model_type"}, "", source);
  if (!type) return type.error();
  const std::string& t = type.value();
  if (t == "bert") {
    c.architecture = Architecture::Bert;
  } else if (t == "roberta" || t == "xlm-roberta" || t == "camembert") {
    c.architecture = Architecture::Roberta;
  } else if (t == "distilbert") {
    c.architecture = Architecture::DistilBert;
  } else if (t == "electra") {
    c.architecture = Architecture::Electra;
  } else if (t == "deberta-v2") {
    // DebertaV2Config's defaults where they differ from BERT's.
    c.architecture = Architecture::DebertaV2;
    c.vocabSize = 128100;
    c.hiddenSize = 1536;
    c.numLayers = 24;
    c.numHeads = 24;
    c.intermediateSize = 6144;
    c.typeVocabSize = 0;
    c.layerNormEps = 1e-7;
  } else {
    return Error(t.empty() ? "model_type is missing"
                           : "unsupported model_type '" + t + "' (bert, roberta, distilbert, electra, deberta-v2)",
                 source, 0, "model_type");
  }
  const bool distil = c.architecture == Architecture::DistilBert;

#define QUARRY_READ(field, type, ...)                             \
  do {                                                            \
    auto r = readKey<type>(json, {__VA_ARGS__}, c.field, source); \
    if (!r) return r.error();                                     \
    c.field = r.value();                                          \
  } while (0)
  QUARRY_READ(vocabSize, int64_t, "vocab_size");
  QUARRY_READ(hiddenSize, int64_t, "hidden_size", "dim");
  QUARRY_READ(embeddingSize, int64_t, "embedding_size");
  QUARRY_READ(numLayers, int64_t, "num_hidden_layers", "n_layers");
  QUARRY_READ(numHeads, int64_t, "num_attention_heads", "n_heads");
  QUARRY_READ(intermediateSize, int64_t, "intermediate_size", "hidden_dim");
  QUARRY_READ(hiddenAct, std::string, "hidden_act", "activation");
  QUARRY_READ(maxPositionEmbeddings, int64_t, "max_position_embeddings");
  QUARRY_READ(typeVocabSize, int64_t, "type_vocab_size");
  QUARRY_READ(layerNormEps, double, "layer_norm_eps");
  QUARRY_READ(padTokenId, int64_t, "pad_token_id");
  QUARRY_READ(hiddenDropout, double, "hidden_dropout_prob", "dropout");
  QUARRY_READ(attentionDropout, double, "attention_probs_dropout_prob", "attention_dropout");
  QUARRY_READ(classifierDropout, double, "classifier_dropout");
  QUARRY_READ(qaDropout, double, "qa_dropout");
  QUARRY_READ(seqClassifDropout, double, "seq_classif_dropout");
  QUARRY_READ(initializerRange, double, "initializer_range");
  QUARRY_READ(numLabels, int64_t, "num_labels");
#undef QUARRY_READ
  if (distil) {
    c.typeVocabSize = 0;
    c.layerNormEps = 1e-12;
    auto sinus = readKey<bool>(json, {"sinusoidal_pos_embds"}, false, source);
    if (!sinus) return sinus.error();
    if (sinus.value())
      return Error("sinusoidal position embeddings are not supported", source, 0, "sinusoidal_pos_embds");
  } else if (c.architecture == Architecture::Roberta && !json.contains("pad_token_id")) {
    c.padTokenId = 1;
  } else if (c.architecture == Architecture::DebertaV2) {
    auto deberta = DebertaOptions::fromJson(json, c.hiddenSize, c.numHeads, source);
    if (!deberta) return deberta.error();
    c.deberta = deberta.value();
  }
  // DeBERTa has no such key (its positions are relative_attention / position_biased_input).
  if (auto pe = json.find("position_embedding_type");
      c.architecture != Architecture::DebertaV2 && pe != json.end() && pe->is_string() &&
      pe->get<std::string>() != "absolute") {
    return Error("only absolute position embeddings are supported, not '" + pe->get<std::string>() + "'",
                 source, 0, "position_embedding_type");
  }

  if (auto it = json.find("id2label"); it != json.end() && it->is_object() && !it->empty()) {
    std::vector<std::string> labels(it->size());
    for (const auto& [key, value] : it->items()) {
      std::size_t pos = 0;
      long id = -1;
      try {
        id = std::stol(key, &pos);
      } catch (const std::exception&) {
      }
      if (pos != key.size() || id < 0 || id >= static_cast<long>(labels.size()) || !value.is_string())
        return Error("ids must be 0..n-1 and labels strings (bad entry '" + key + "')", source, 0,
                     "id2label");
      labels[static_cast<std::size_t>(id)] = value.get<std::string>();
    }
    c.labels = std::move(labels);
    c.numLabels = static_cast<int64_t>(c.labels.size());
  }
  if (Status s = c.validate(source); !s) return s.error();
  return c;
}

double EncoderConfig::parameterCount() const {
  const double h = static_cast<double>(hiddenSize), e = static_cast<double>(embeddingWidth());
  const double embeddings = (static_cast<double>(vocabSize) + static_cast<double>(maxPositionEmbeddings) +
                             static_cast<double>(typeVocabSize)) *
                                e +
                            (e != h ? e * h : 0.0);
  const double layer = 4 * h * h + 2 * h * static_cast<double>(intermediateSize);
  const double relative =
      architecture == Architecture::DebertaV2 && deberta.relativeAttention
          ? 2.0 * static_cast<double>(deberta.attentionSpan(maxPositionEmbeddings)) * h
          : 0.0;
  return embeddings + relative + static_cast<double>(numLayers) * layer + h * static_cast<double>(numLabels);
}

Status EncoderConfig::validate(const std::string& source) const {
  const bool distil = architecture == Architecture::DistilBert;
  struct Size {
    int64_t value;
    const char* field;
    int64_t min;
    int64_t max;
  };
  const Size sizes[] = {
      {vocabSize, "vocab_size", 1, EncoderLimits::kVocabSize},
      {hiddenSize, distil ? "dim" : "hidden_size", 1, EncoderLimits::kHiddenSize},
      {numLayers, distil ? "n_layers" : "num_hidden_layers", 1, EncoderLimits::kLayers},
      {numHeads, distil ? "n_heads" : "num_attention_heads", 1, EncoderLimits::kHiddenSize},
      {intermediateSize, distil ? "hidden_dim" : "intermediate_size", 1, EncoderLimits::kIntermediateSize},
      {maxPositionEmbeddings, "max_position_embeddings", 1, EncoderLimits::kPositions},
      {numLabels, "num_labels", 1, EncoderLimits::kLabels},
      {embeddingSize, "embedding_size", 0, EncoderLimits::kHiddenSize},
      // BERT, RoBERTa and ELECTRA look up a segment row for every token (id 0 at least).
      // DeBERTa-v2 has no segment table unless type_vocab_size > 0.
      {typeVocabSize, "type_vocab_size", distil || architecture == Architecture::DebertaV2 ? 0 : 1,
       EncoderLimits::kTypeVocabSize},
  };
  for (const Size& s : sizes)
    if (s.value < s.min || s.value > s.max)
      return Error("must be between " + std::to_string(s.min) + " and " + std::to_string(s.max) + " (is " +
                       std::to_string(s.value) + ")",
                   source, 0, s.field);
  if (hiddenSize % numHeads != 0)
    return Error("hidden_size " + std::to_string(hiddenSize) + " is not a multiple of num_attention_heads " +
                     std::to_string(numHeads),
                 source, 0, "num_attention_heads");
  if (padTokenId < 0 || padTokenId >= vocabSize)
    return Error("pad_token_id is outside the vocabulary", source, 0, "pad_token_id");
  if (architecture == Architecture::Roberta && maxPositionEmbeddings <= padTokenId + 1)
    return Error("max_position_embeddings leaves no room after padding_idx", source, 0,
                 "max_position_embeddings");
  if (architecture == Architecture::DebertaV2)
    if (Status s = deberta.validate(maxPositionEmbeddings, source); !s) return s;
  if (parameterCount() > EncoderLimits::kParameters)
    return Error("describes an encoder of about " +
                     std::to_string(static_cast<int64_t>(parameterCount() / 1e6)) +
                     " million weights, more than Quarry loads (" +
                     std::to_string(static_cast<int64_t>(EncoderLimits::kParameters / 1e6)) + " million)",
                 source, 0, distil ? "n_layers" : "num_hidden_layers");
  return {};
}

}  // namespace quarry::model
