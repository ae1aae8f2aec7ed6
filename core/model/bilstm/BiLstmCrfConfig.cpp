#include "model/bilstm/BiLstmCrfConfig.h"

#include <nlohmann/json.hpp>

namespace quarry::model {

namespace {

Status readInt(const nlohmann::json& j, const char* key, int64_t& out, int64_t minimum, bool required,
               const std::string& file) {
  auto it = j.find(key);
  if (it == j.end()) return required ? Status(Error("missing", file, 0, key)) : Status();
  if (!it->is_number_integer()) return Error("expected an integer", file, 0, key);
  const int64_t v = it->get<int64_t>();
  if (v < minimum)
    return Error("must be at least " + std::to_string(minimum) + " (is " + std::to_string(v) + ")", file, 0,
                 key);
  out = v;
  return {};
}

Status readProbability(const nlohmann::json& j, const char* key, double& out, const std::string& file) {
  auto it = j.find(key);
  if (it == j.end()) return {};
  if (!it->is_number()) return Error("expected a number", file, 0, key);
  const double v = it->get<double>();
  if (!(v >= 0.0 && v < 1.0)) return Error("must be in [0, 1)", file, 0, key);
  out = v;
  return {};
}

}  // namespace

nlohmann::json BiLstmCrfConfig::toJson() const {
  return nlohmann::json{{"model_type", kModelType},     {"word_vocab_size", wordVocab},
                        {"char_vocab_size", charVocab}, {"num_tags", numTags},
                        {"word_dim", wordDim},          {"char_dim", charDim},
                        {"char_filters", charFilters},  {"char_kernel", charKernel},
                        {"casing_dim", casingDim},      {"lstm_hidden", lstmHidden},
                        {"lstm_layers", lstmLayers},    {"dropout", dropout},
                        {"word_dropout", wordDropout},  {"labels", labels}};
}

Result<BiLstmCrfConfig> BiLstmCrfConfig::fromJson(const nlohmann::json& j, const std::string& file) {
  if (!j.is_object()) return Error("expected a JSON object", file);
  auto type = j.find("model_type");
  if (type == j.end() || !type->is_string() || type->get<std::string>() != kModelType)
    return Error(std::string("not a BiLSTM-CRF tagger (model_type must be \"") + kModelType + "\")", file, 0,
                 "model_type");
  BiLstmCrfConfig c;
  struct IntField {
    const char* key;
    int64_t* out;
    int64_t minimum;
    bool required;
  };
  const IntField ints[] = {
      {"word_vocab_size", &c.wordVocab, 2, true}, {"char_vocab_size", &c.charVocab, 2, true},
      {"num_tags", &c.numTags, 1, true},          {"word_dim", &c.wordDim, 1, false},
      {"char_dim", &c.charDim, 1, false},         {"char_filters", &c.charFilters, 1, false},
      {"char_kernel", &c.charKernel, 1, false},   {"casing_dim", &c.casingDim, 1, false},
      {"lstm_hidden", &c.lstmHidden, 1, false},   {"lstm_layers", &c.lstmLayers, 1, false}};
  for (const auto& f : ints)
    if (Status s = readInt(j, f.key, *f.out, f.minimum, f.required, file); !s) return s.error();
  if (c.charKernel % 2 == 0) return Error("must be odd", file, 0, "char_kernel");
  if (Status s = readProbability(j, "dropout", c.dropout, file); !s) return s.error();
  if (Status s = readProbability(j, "word_dropout", c.wordDropout, file); !s) return s.error();
  if (auto it = j.find("labels"); it != j.end()) {
    if (!it->is_array()) return Error("expected an array of strings", file, 0, "labels");
    for (size_t i = 0; i < it->size(); ++i) {
      if (!(*it)[i].is_string())
        return Error("expected a string", file, 0, "labels[" + std::to_string(i) + "]");
      c.labels.push_back((*it)[i].get<std::string>());
    }
    if (!c.labels.empty() && static_cast<int64_t>(c.labels.size()) != c.numTags)
      return Error(std::to_string(c.labels.size()) + " labels for num_tags " + std::to_string(c.numTags),
                   file, 0, "labels");
  }
  return c;
}

}  // namespace quarry::model
