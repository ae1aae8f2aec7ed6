#include "model/checkpoint/ModelConfig.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/AtomicFile.h"
#include "common/FileCheck.h"
#include "common/JsonReader.h"
#include "model/encoder/Activation.h"
#include "model/encoder/EncoderConfig.h"

namespace quarry::model {
namespace {

using nlohmann::json;

// Takes known keys out of a config object one by one, remembering the first type error.
class KeyReader {
 public:
  KeyReader(json& object, const std::string& path) : m_obj(object), m_path(path) {}

  bool has(const char* key) const { return m_obj.contains(key); }

  // An integer in [min, max]: the maxima (EncoderLimits) keep absurd sizes from being allocated.
  void integer(const char* key, std::int64_t& out, std::int64_t min, std::int64_t max) {
    auto it = m_obj.find(key);
    if (it == m_obj.end()) return;
    const bool inRange =
        it->is_number_integer() &&
        !(it->is_number_unsigned() && it->get<std::uint64_t>() > static_cast<std::uint64_t>(max)) &&
        it->get<std::int64_t>() >= min && it->get<std::int64_t>() <= max;
    if (!inRange)
      fail(key, "expected an integer between " + std::to_string(min) + " and " + std::to_string(max) +
                    ", got " + jsonSummary(*it));
    else
      out = it->get<std::int64_t>();
    m_obj.erase(it);
  }

  void number(const char* key, double& out) {
    auto it = m_obj.find(key);
    if (it == m_obj.end()) return;
    if (!it->is_number() || it->get<double>() < 0)
      fail(key, "expected a non-negative number, got " + jsonSummary(*it));
    else
      out = it->get<double>();
    m_obj.erase(it);
  }

  void optionalNumber(const char* key, std::optional<double>& out) {
    auto it = m_obj.find(key);
    if (it == m_obj.end()) return;
    if (it->is_null()) {
      out.reset();
    } else if (!it->is_number() || it->get<double>() < 0) {
      fail(key, "expected a non-negative number or null, got " + jsonSummary(*it));
    } else {
      out = it->get<double>();
    }
    m_obj.erase(it);
  }

  // A null string reads as "".
  void string(const char* key, std::string& out) {
    auto it = m_obj.find(key);
    if (it == m_obj.end()) return;
    if (it->is_null())
      out.clear();
    else if (!it->is_string())
      fail(key, "expected a string, got " + jsonSummary(*it));
    else
      out = it->get<std::string>();
    m_obj.erase(it);
  }

  void boolean(const char* key, bool& out) {
    auto it = m_obj.find(key);
    if (it == m_obj.end()) return;
    if (!it->is_boolean())
      fail(key, "expected true or false, got " + jsonSummary(*it));
    else
      out = it->get<bool>();
    m_obj.erase(it);
  }

  void fail(const std::string& key, const std::string& message) {
    if (!m_error) m_error = Error(message, m_path, 0, key);
  }
  const std::optional<Error>& error() const { return m_error; }

 private:
  json& m_obj;
  const std::string& m_path;
  std::optional<Error> m_error;
};

std::string supportedList() {
  std::string out;
  for (const auto& t : ModelConfig::supportedModelTypes()) out += (out.empty() ? "" : ", ") + t;
  return out;
}

// transformers infers nothing when model_type is absent, but every architecture name starts with its
// family's class prefix, which is unambiguous for the families here.
std::string typeFromArchitecture(const std::string& arch) {
  if (arch.rfind("DebertaV2", 0) == 0) return "deberta-v2";
  if (arch.rfind("DistilBert", 0) == 0) return "distilbert";
  if (arch.rfind("Roberta", 0) == 0) return "roberta";
  if (arch.rfind("Electra", 0) == 0) return "electra";
  if (arch.rfind("Bert", 0) == 0) return "bert";
  return {};
}

Status readLabels(json& obj, ModelConfig& c, const std::string& path) {
  if (auto it = obj.find("id2label"); it != obj.end()) {
    if (!it->is_null()) {
      if (!it->is_object()) return Error("expected an object {\"0\": \"label\", ...}", path, 0, "id2label");
      for (auto e = it->begin(); e != it->end(); ++e) {
        const std::string& key = e.key();
        std::int64_t id = -1;
        std::size_t used = 0;
        try {
          id = std::stoll(key, &used);
        } catch (const std::exception&) {
          used = 0;
        }
        if (used != key.size() || key.empty() || id < 0)
          return Error("key '" + key.substr(0, 40) + "' is not a label id (a non-negative integer)", path, 0,
                       "id2label");
        if (!e.value().is_string())
          return Error("label name must be a string, got " + jsonSummary(e.value()), path, 0,
                       "id2label." + key);
        c.id2label[id] = e.value().get<std::string>();
      }
      // Classifier rows are indexed by id, so the ids must be exactly 0..n-1.
      std::int64_t expected = 0;
      for (const auto& [id, name] : c.id2label) {
        if (id != expected)
          return Error("label ids must be 0.." + std::to_string(c.id2label.size() - 1) + "; id " +
                           std::to_string(expected) + " is missing",
                       path, 0, "id2label");
        ++expected;
      }
    }
    obj.erase(it);
  }
  if (auto it = obj.find("label2id"); it != obj.end()) {
    if (!it->is_null()) {
      if (!it->is_object()) return Error("expected an object {\"label\": id, ...}", path, 0, "label2id");
      for (auto e = it->begin(); e != it->end(); ++e) {
        if (!e.value().is_number_integer())
          return Error("label id must be an integer, got " + jsonSummary(e.value()), path, 0,
                       "label2id." + e.key());
        c.label2id[e.key()] = e.value().get<std::int64_t>();
      }
    }
    obj.erase(it);
  }
  if (auto it = obj.find("num_labels"); it != obj.end()) {
    if (!it->is_number_integer() || it->get<std::int64_t>() < 1 ||
        it->get<std::int64_t>() > EncoderLimits::kLabels)
      return Error("expected an integer between 1 and " + std::to_string(EncoderLimits::kLabels) + ", got " +
                       jsonSummary(*it),
                   path, 0, "num_labels");
    c.numLabelsIfNoMap = it->get<std::int64_t>();
    obj.erase(it);
  }
  return {};
}

}  // namespace

const std::vector<std::string>& ModelConfig::supportedModelTypes() {
  static const std::vector<std::string> types{"bert", "roberta", "distilbert", "electra", "deberta-v2"};
  return types;
}

ModelConfig ModelConfig::defaultsFor(const std::string& modelType) {
  ModelConfig c;
  c.modelType = modelType;
  if (modelType == "roberta") {
    c.vocabSize = 50265;
    c.padTokenId = 1;
  } else if (modelType == "distilbert") {
    c.numHiddenLayers = 6;
    c.typeVocabSize = 0;
    c.positionEmbeddingType = "absolute";
  } else if (modelType == "electra") {
    c.embeddingSize = 128;
    c.hiddenSize = 256;
    c.numAttentionHeads = 4;
    c.intermediateSize = 1024;
  } else if (modelType == "deberta-v2") {
    // DebertaV2Config(); its relative-attention keys stay in `extra` (EncoderConfig reads them).
    c.vocabSize = 128100;
    c.hiddenSize = 1536;
    c.numHiddenLayers = 24;
    c.numAttentionHeads = 24;
    c.intermediateSize = 6144;
    c.typeVocabSize = 0;
    c.layerNormEps = 1e-7;
  }
  return c;
}

Result<ModelConfig> ModelConfig::load(const std::string& path) {
  if (Status s = requireRegularFile(path); !s) return s.error();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error("cannot open the model configuration", path);
  std::stringstream text;
  text << in.rdbuf();
  return parse(text.str(), path);
}

Result<ModelConfig> ModelConfig::parse(const std::string& jsonText, const std::string& path) {
  auto parsed = parseJson(jsonText, path);
  if (!parsed) return parsed.error();
  json obj = std::move(*parsed);
  if (!obj.is_object()) return Error("config.json must hold a JSON object", path);

  std::vector<std::string> architectures;
  if (auto it = obj.find("architectures"); it != obj.end()) {
    if (!it->is_null()) {
      if (!it->is_array()) return Error("expected a list of class names", path, 0, "architectures");
      for (const auto& a : *it) {
        if (!a.is_string()) return Error("expected a list of class names", path, 0, "architectures");
        architectures.push_back(a.get<std::string>());
      }
    }
    obj.erase(it);
  }
  std::string modelType;
  if (auto it = obj.find("model_type"); it != obj.end()) {
    if (!it->is_string()) return Error("expected a string, got " + jsonSummary(*it), path, 0, "model_type");
    modelType = it->get<std::string>();
    obj.erase(it);
  } else if (!architectures.empty()) {
    modelType = typeFromArchitecture(architectures.front());
  }
  if (modelType.empty())
    return Error("model_type is missing (and architectures does not name a supported family); supported: " +
                     supportedList(),
                 path, 0, "model_type");
  const auto& supported = supportedModelTypes();
  if (std::find(supported.begin(), supported.end(), modelType) == supported.end())
    return Error("model_type '" + modelType + "' is not supported; supported: " + supportedList(), path, 0,
                 "model_type");

  ModelConfig c = defaultsFor(modelType);
  c.architectures = std::move(architectures);
  using L = EncoderLimits;
  KeyReader r(obj, path);
  r.integer("vocab_size", c.vocabSize, 1, L::kVocabSize);
  r.integer("max_position_embeddings", c.maxPositionEmbeddings, 1, L::kPositions);
  r.integer("pad_token_id", c.padTokenId, 0, L::kVocabSize);
  r.number("initializer_range", c.initializerRange);
  r.boolean("tie_word_embeddings", c.tieWordEmbeddings);
  if (modelType == "distilbert") {
    r.integer(r.has("dim") ? "dim" : "hidden_size", c.hiddenSize, 1, L::kHiddenSize);
    r.integer(r.has("n_layers") ? "n_layers" : "num_hidden_layers", c.numHiddenLayers, 1, L::kLayers);
    r.integer(r.has("n_heads") ? "n_heads" : "num_attention_heads", c.numAttentionHeads, 1, L::kHiddenSize);
    r.integer("hidden_dim", c.intermediateSize, 1, L::kIntermediateSize);
    r.string("activation", c.hiddenAct);
    r.number("dropout", c.hiddenDropoutProb);
    r.number("attention_dropout", c.attentionProbsDropoutProb);
    r.number("seq_classif_dropout", c.seqClassifDropout);
    r.number("qa_dropout", c.qaDropout);
    r.boolean("sinusoidal_pos_embds", c.sinusoidalPosEmbds);
  } else {
    r.integer("hidden_size", c.hiddenSize, 1, L::kHiddenSize);
    r.integer("num_hidden_layers", c.numHiddenLayers, 1, L::kLayers);
    r.integer("num_attention_heads", c.numAttentionHeads, 1, L::kHiddenSize);
    r.integer("intermediate_size", c.intermediateSize, 1, L::kIntermediateSize);
    r.string("hidden_act", c.hiddenAct);
    // BERT, RoBERTa and ELECTRA look up a segment row for every token (id 0 at least); DeBERTa-v2 has
    // no segment table at 0.
    const bool deberta = modelType == "deberta-v2";
    r.integer("type_vocab_size", c.typeVocabSize, deberta ? 0 : 1, L::kTypeVocabSize);
    r.number("layer_norm_eps", c.layerNormEps);
    // DeBERTa's config has neither key: left in `extra`, so a file that has them keeps them as written.
    if (!deberta) r.string("position_embedding_type", c.positionEmbeddingType);
    r.number("hidden_dropout_prob", c.hiddenDropoutProb);
    r.number("attention_probs_dropout_prob", c.attentionProbsDropoutProb);
    if (!deberta) r.optionalNumber("classifier_dropout", c.classifierDropout);
    if (modelType == "electra" || deberta) r.integer("embedding_size", c.embeddingSize, 1, L::kHiddenSize);
  }
  if (r.has("dtype")) {
    c.dtypeKeyV5 = true;
    r.string("dtype", c.torchDtype);
  }
  r.string("torch_dtype", c.torchDtype);
  r.string("transformers_version", c.transformersVersion);
  if (r.error()) return *r.error();
  if (Status s = readLabels(obj, c, path); !s) return s.error();

  if (c.hiddenSize % c.numAttentionHeads != 0)
    return Error("hidden size " + std::to_string(c.hiddenSize) +
                     " is not a multiple of the number of heads " + std::to_string(c.numAttentionHeads),
                 path, 0, modelType == "distilbert" ? "n_heads" : "num_attention_heads");
  if (auto activation =
          activationFromName(c.hiddenAct, modelType == "distilbert" ? "activation" : "hidden_act");
      !activation) {
    Error e = activation.error();
    e.file = path;
    return e;
  }
  if (c.padTokenId >= c.vocabSize)
    return Error("pad_token_id " + std::to_string(c.padTokenId) + " is outside the vocabulary (" +
                     std::to_string(c.vocabSize) + ")",
                 path, 0, "pad_token_id");

  for (auto it = obj.begin(); it != obj.end(); ++it) c.extra[it.key()] = it.value().dump();
  return c;
}

std::int64_t ModelConfig::numLabels() const {
  return id2label.empty() ? numLabelsIfNoMap : static_cast<std::int64_t>(id2label.size());
}

std::vector<std::string> ModelConfig::labels() const {
  std::vector<std::string> out;
  if (!id2label.empty()) {
    for (const auto& [id, name] : id2label) out.push_back(name);
  } else {
    for (std::int64_t i = 0; i < numLabelsIfNoMap; ++i) out.push_back("LABEL_" + std::to_string(i));
  }
  return out;
}

void ModelConfig::setLabels(const std::vector<std::string>& names) {
  id2label.clear();
  label2id.clear();
  for (std::size_t i = 0; i < names.size(); ++i) {
    id2label[static_cast<std::int64_t>(i)] = names[i];
    label2id[names[i]] = static_cast<std::int64_t>(i);
  }
  numLabelsIfNoMap = static_cast<std::int64_t>(names.size());
}

std::string ModelConfig::toJsonText() const {
  json obj = json::object();
  for (const auto& [key, text] : extra) obj[key] = json::parse(text, nullptr, /*allow_exceptions=*/false);
  obj["model_type"] = modelType;
  if (!architectures.empty()) obj["architectures"] = architectures;
  obj["vocab_size"] = vocabSize;
  obj["max_position_embeddings"] = maxPositionEmbeddings;
  obj["pad_token_id"] = padTokenId;
  obj["initializer_range"] = initializerRange;
  obj["tie_word_embeddings"] = tieWordEmbeddings;
  if (modelType == "distilbert") {
    obj["dim"] = hiddenSize;
    obj["n_layers"] = numHiddenLayers;
    obj["n_heads"] = numAttentionHeads;
    obj["hidden_dim"] = intermediateSize;
    obj["activation"] = hiddenAct;
    obj["dropout"] = hiddenDropoutProb;
    obj["attention_dropout"] = attentionProbsDropoutProb;
    obj["seq_classif_dropout"] = seqClassifDropout;
    obj["qa_dropout"] = qaDropout;
    obj["sinusoidal_pos_embds"] = sinusoidalPosEmbds;
  } else {
    obj["hidden_size"] = hiddenSize;
    obj["num_hidden_layers"] = numHiddenLayers;
    obj["num_attention_heads"] = numAttentionHeads;
    obj["intermediate_size"] = intermediateSize;
    obj["hidden_act"] = hiddenAct;
    obj["type_vocab_size"] = typeVocabSize;
    obj["layer_norm_eps"] = layerNormEps;
    obj["hidden_dropout_prob"] = hiddenDropoutProb;
    obj["attention_probs_dropout_prob"] = attentionProbsDropoutProb;
    if (modelType == "deberta-v2") {
      if (embeddingSize > 0) obj["embedding_size"] = embeddingSize;
    } else {
      obj["position_embedding_type"] = positionEmbeddingType;
      obj["classifier_dropout"] = classifierDropout ? json(*classifierDropout) : json(nullptr);
    }
    if (modelType == "electra") obj["embedding_size"] = embeddingWidth();
  }
  // transformers leaves the two generic labels out; anything else must be written for the head's size.
  if (!id2label.empty() || numLabelsIfNoMap != 2) {
    json i2l = json::object();
    json l2i = json::object();
    const auto names = labels();
    for (std::size_t i = 0; i < names.size(); ++i) {
      i2l[std::to_string(i)] = names[i];
      l2i[names[i]] = static_cast<std::int64_t>(i);
    }
    obj["id2label"] = std::move(i2l);
    obj["label2id"] = label2id.empty() ? std::move(l2i) : json(label2id);
  }
  obj[dtypeKeyV5 ? "dtype" : "torch_dtype"] = torchDtype.empty() ? json(nullptr) : json(torchDtype);
  if (!transformersVersion.empty()) obj["transformers_version"] = transformersVersion;
  return obj.dump(2) + "\n";
}

Status ModelConfig::save(const std::string& path) const {
  const std::string text = toJsonText();
  return AtomicFile::write(path, [&](std::ostream& out) { out << text; });
}

}  // namespace quarry::model
