#include "train/NerTrainConfig.h"

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>

#include <nlohmann/json.hpp>

#include "common/JsonReader.h"

namespace quarry::train {
namespace {

using Json = nlohmann::json;

struct Option {
  const char* key;
  const char* help;
  std::function<Json(const NerTrainConfig&)> get;
  std::function<Status(NerTrainConfig&, const Json&, const std::string&)> set;
};

template <typename T>
Option field(const char* key, T NerTrainConfig::*member, const char* help) {
  Option o;
  o.key = key;
  o.help = help;
  o.get = [member](const NerTrainConfig& c) { return Json(c.*member); };
  o.set = [member, key](NerTrainConfig& c, const Json& v, const std::string& source) -> Status {
    bool typeOk = false;
    if constexpr (std::is_same_v<T, bool>)
      typeOk = v.is_boolean();
    else if constexpr (std::is_same_v<T, std::string>)
      typeOk = v.is_string();
    else if constexpr (std::is_floating_point_v<T>)
      typeOk = v.is_number();
    else if constexpr (std::is_unsigned_v<T>)
      typeOk = v.is_number_unsigned() || (v.is_number_integer() && v.get<int64_t>() >= 0);
    else
      typeOk = v.is_number_integer() && !(v.is_number_unsigned() && v.get<uint64_t>() > INT64_MAX) &&
               v.get<int64_t>() >= std::numeric_limits<T>::min() &&
               v.get<int64_t>() <= std::numeric_limits<T>::max();
    if (!typeOk)
      return Error("wrong type: expected " +
                       std::string(std::is_same_v<T, bool>          ? "true or false"
                                   : std::is_same_v<T, std::string> ? "a string"
                                   : std::is_floating_point_v<T>    ? "a number"
                                                                    : "an integer") +
                       ", got " + jsonSummary(v),
                   source, 0, key);
    c.*member = v.get<T>();
    return {};
  };
  return o;
}

const std::vector<Option>& options() {
  static const std::vector<Option> all = [] {
    std::vector<Option> o;
    Option kind;
    kind.key = "model";
    kind.help = "\"bilstm-crf\" (from scratch, no checkpoint needed) or \"transformer\"";
    kind.get = [](const NerTrainConfig& c) { return Json(modelKindName(c.kind)); };
    kind.set = [](NerTrainConfig& c, const Json& v, const std::string& source) -> Status {
      if (v == "bilstm-crf")
        c.kind = ModelKind::BiLstmCrf;
      else if (v == "transformer")
        c.kind = ModelKind::Transformer;
      else
        return Error("expected \"bilstm-crf\" or \"transformer\", got " + jsonSummary(v), source, 0, "model");
      return {};
    };
    o.push_back(kind);
    o.push_back(
        field("model_folder", &NerTrainConfig::modelFolder,
              "transformer: Hugging Face folder to fine-tune; empty = a randomly initialised encoder"));
    o.push_back(field("tokenizer_folder", &NerTrainConfig::tokenizerFolder,
                      "transformer with a random encoder: folder with the tokenizer files"));
    o.push_back(field("random_layers", &NerTrainConfig::randomLayers, "random encoder: number of layers"));
    o.push_back(field("random_hidden", &NerTrainConfig::randomHidden, "random encoder: hidden size"));
    o.push_back(field("random_heads", &NerTrainConfig::randomHeads, "random encoder: attention heads"));
    o.push_back(field("random_intermediate", &NerTrainConfig::randomIntermediate,
                      "random encoder: feed-forward size"));
    o.push_back(field("crf", &NerTrainConfig::crf, "transformer: add a CRF layer over the linear head"));
    o.push_back(field("tag_encoding", &NerTrainConfig::tagEncoding, "\"iob2\" or \"bioes\""));
    o.push_back(field("max_length", &NerTrainConfig::maxLength,
                      "transformer: tokens per window, special tokens included"));
    o.push_back(field("stride", &NerTrainConfig::stride,
                      "transformer: overlap in tokens between windows of a long sentence"));
    o.push_back(field("word_dim", &NerTrainConfig::wordDim, "bilstm-crf: word embedding width"));
    o.push_back(field("char_dim", &NerTrainConfig::charDim, "bilstm-crf: character embedding width"));
    o.push_back(field("char_filters", &NerTrainConfig::charFilters, "bilstm-crf: character CNN filters"));
    o.push_back(field("lstm_hidden", &NerTrainConfig::lstmHidden, "bilstm-crf: LSTM units per direction"));
    o.push_back(
        field("dropout", &NerTrainConfig::dropout, "bilstm-crf: dropout on embeddings and LSTM output"));
    o.push_back(field("min_word_count", &NerTrainConfig::minWordCount,
                      "bilstm-crf: rarer training words become <unk>"));
    o.push_back(field("epochs", &NerTrainConfig::epochs, "passes over the training data at most"));
    o.push_back(field("max_steps", &NerTrainConfig::maxSteps, "optimizer steps at most; 0 = epochs decide"));
    o.push_back(field("time_limit_seconds", &NerTrainConfig::timeLimitSeconds,
                      "stop after this many seconds keeping the best checkpoint; 0 = no limit"));
    o.push_back(field("batch_size", &NerTrainConfig::batchSize, "sentences (or windows) per batch"));
    o.push_back(field("max_batch_tokens", &NerTrainConfig::maxBatchTokens,
                      "cap on a batch's padded tokens; 0 = none"));
    o.push_back(
        field("gradient_accumulation", &NerTrainConfig::gradientAccumulation, "batches per optimizer step"));
    o.push_back(field("learning_rate", &NerTrainConfig::learningRate,
                      "0 = default (bilstm-crf 2e-3, pre-trained transformer 5e-5, random encoder 1e-3)"));
    o.push_back(field("head_learning_rate", &NerTrainConfig::headLearningRate,
                      "learning rate of the head and CRF; 0 = learning_rate (x100 for a transformer's CRF)"));
    o.push_back(field("layer_decay", &NerTrainConfig::layerDecay,
                      "layer-wise learning-rate decay from the top layer down; 1 = none"));
    o.push_back(field("weight_decay", &NerTrainConfig::weightDecay,
                      "decoupled weight decay; never on biases and LayerNorm weights"));
    o.push_back(
        field("warmup_ratio", &NerTrainConfig::warmupRatio, "share of the steps with a linear warm-up"));
    o.push_back(field("schedule", &NerTrainConfig::schedule,
                      "\"linear\" (decay to 0 after warm-up) or \"constant\""));
    o.push_back(field("max_grad_norm", &NerTrainConfig::maxGradNorm,
                      "gradient clipping by total L2 norm; 0 = none (bilstm-crf uses at least 5)"));
    o.push_back(field("class_weights", &NerTrainConfig::classWeights,
                      "\"none\" or \"balanced\" (inverse tag frequency; softmax heads)"));
    o.push_back(field("focal_gamma", &NerTrainConfig::focalGamma,
                      "focal loss gamma for softmax heads; 0 = cross-entropy"));
    o.push_back(field("freeze_embeddings", &NerTrainConfig::freezeEmbeddings,
                      "transformer: keep the embeddings fixed"));
    o.push_back(field("freeze_layers", &NerTrainConfig::freezeLayers,
                      "transformer: keep the lowest k encoder layers fixed"));
    o.push_back(field("eval_every_steps", &NerTrainConfig::evalEverySteps,
                      "evaluate on dev every N optimizer steps; 0 = every epoch"));
    o.push_back(field("patience", &NerTrainConfig::patience,
                      "stop after this many evaluations without a better dev F1; 0 = never"));
    o.push_back(field("seed", &NerTrainConfig::seed, "seed of data order, initialisation and dropout"));
    o.push_back(field("threads", &NerTrainConfig::threads, "CPU threads; 0 = all cores"));
    o.push_back(field("device", &NerTrainConfig::device, "\"cpu\" or \"cuda[:N]\""));
    return o;
  }();
  return all;
}

}  // namespace

const char* modelKindName(ModelKind kind) {
  return kind == ModelKind::BiLstmCrf ? "bilstm-crf" : "transformer";
}

double NerTrainConfig::effectiveLearningRate() const {
  if (learningRate > 0) return learningRate;
  if (kind == ModelKind::BiLstmCrf) return 2e-3;
  return modelFolder.empty() ? 1e-3 : 5e-5;
}

double NerTrainConfig::effectiveHeadLearningRate() const {
  if (headLearningRate > 0) return headLearningRate;
  return effectiveLearningRate();
}

double NerTrainConfig::effectiveMaxGradNorm() const {
  if (kind == ModelKind::BiLstmCrf && maxGradNorm > 0 && maxGradNorm < 5.0) return 5.0;
  return maxGradNorm;
}

Json NerTrainConfig::toJson() const {
  Json j = Json::object();
  for (const Option& o : options()) j[o.key] = o.get(*this);
  return j;
}

Result<NerTrainConfig> NerTrainConfig::fromJson(const Json& json, const std::string& source) {
  if (!json.is_object()) return Error("a training configuration must be a JSON object", source);
  NerTrainConfig c;
  for (auto it = json.begin(); it != json.end(); ++it) {
    const Option* found = nullptr;
    for (const Option& o : options())
      if (it.key() == o.key) found = &o;
    if (!found) return Error("unknown option (see quarry-cli train --help-config)", source, 0, it.key());
    if (Status s = found->set(c, it.value(), source); !s) return s.error();
  }
  auto check = [&](bool ok, const char* key, const std::string& what) -> Status {
    if (!ok) return Error(what, source, 0, key);
    return {};
  };
  for (const Status& s :
       {check(c.tagEncoding == "iob2" || c.tagEncoding == "bio" || c.tagEncoding == "bioes" ||
                  c.tagEncoding == "iobes",
              "tag_encoding", "expected \"iob2\" or \"bioes\""),
        check(c.schedule == "linear" || c.schedule == "constant", "schedule",
              "expected \"linear\" or \"constant\""),
        check(c.classWeights == "none" || c.classWeights == "balanced", "class_weights",
              "expected \"none\" or \"balanced\""),
        check(c.batchSize > 0, "batch_size", "must be at least 1"),
        check(c.gradientAccumulation > 0, "gradient_accumulation", "must be at least 1"),
        check(c.epochs > 0, "epochs", "must be at least 1"),
        check(c.maxLength >= 8, "max_length", "must be at least 8"),
        check(c.stride >= 0 && c.stride < c.maxLength / 2, "stride", "must be between 0 and max_length / 2"),
        check(c.dropout >= 0 && c.dropout < 1, "dropout", "must be in [0, 1)"),
        check(c.warmupRatio >= 0 && c.warmupRatio < 1, "warmup_ratio", "must be in [0, 1)"),
        check(c.layerDecay > 0 && c.layerDecay <= 1, "layer_decay", "must be in (0, 1]"),
        check(c.randomHidden > 0 && c.randomHeads > 0 && c.randomHidden % c.randomHeads == 0, "random_heads",
              "random_hidden must be a multiple of random_heads"),
        // Sizes far above any useful tagger: they only keep a typo from allocating the machine away.
        check(c.randomLayers >= 1 && c.randomLayers <= 64, "random_layers", "must be between 1 and 64"),
        check(c.randomHidden <= 8192, "random_hidden", "must be between 1 and 8192"),
        check(c.randomIntermediate >= 1 && c.randomIntermediate <= 32768, "random_intermediate",
              "must be between 1 and 32768"),
        check(c.maxLength <= 65536, "max_length", "must be at most 65536"),
        check(c.wordDim >= 1 && c.wordDim <= 4096, "word_dim", "must be between 1 and 4096"),
        check(c.charDim >= 1 && c.charDim <= 1024, "char_dim", "must be between 1 and 1024"),
        check(c.charFilters >= 1 && c.charFilters <= 4096, "char_filters", "must be between 1 and 4096"),
        check(c.lstmHidden >= 1 && c.lstmHidden <= 8192, "lstm_hidden", "must be between 1 and 8192"),
        check(c.minWordCount >= 0, "min_word_count", "must not be negative"),
        check(c.maxSteps >= 0, "max_steps", "must not be negative"),
        check(c.maxBatchTokens >= 0, "max_batch_tokens", "must not be negative"),
        check(c.freezeLayers >= 0, "freeze_layers", "must not be negative"),
        check(c.evalEverySteps >= 0, "eval_every_steps", "must not be negative"),
        check(c.patience >= 0, "patience", "must not be negative"),
        check(c.threads >= 0 && c.threads <= 1024, "threads", "must be between 0 and 1024"),
        check(std::isfinite(c.learningRate) && c.learningRate >= 0 && std::isfinite(c.headLearningRate) &&
                  c.headLearningRate >= 0,
              "learning_rate", "learning rates must be finite and not negative"),
        check(c.weightDecay >= 0 && c.maxGradNorm >= 0 && c.focalGamma >= 0 && c.timeLimitSeconds >= 0,
              "weight_decay",
              "weight_decay, max_grad_norm, focal_gamma and time_limit_seconds must not be negative"),
        check(c.device == "cpu" || c.device.rfind("cuda", 0) == 0, "device",
              "expected \"cpu\" or \"cuda[:N]\"")})
    if (!s) return s.error();
  return c;
}

std::vector<std::pair<std::string, std::string>> NerTrainConfig::describe() {
  std::vector<std::pair<std::string, std::string>> out;
  const NerTrainConfig defaults;
  for (const Option& o : options())
    out.emplace_back(std::string(o.key) + " = " + o.get(defaults).dump(), o.help);
  return out;
}

}  // namespace quarry::train
