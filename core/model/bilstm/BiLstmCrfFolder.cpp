#include "model/bilstm/BiLstmCrfFolder.h"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "common/AtomicFile.h"
#include "common/JsonReader.h"
#include "model/checkpoint/AtomicFolder.h"
#include "model/checkpoint/SafetensorsFile.h"

namespace quarry::model {
namespace fs = std::filesystem;

namespace {

Status writeJson(const fs::path& path, const nlohmann::json& json) {
  return AtomicFile::write(path.string(), [&](std::ostream& out) { out << json.dump(2) << "\n"; });
}

// The sizes the vocabulary and the model fix must agree with the config.
Status checkAgreement(const BiLstmCrfConfig& config, const TaggerVocabulary& vocab, const std::string& file) {
  if (config.wordVocab != vocab.wordCount())
    return Error("is " + std::to_string(config.wordVocab) + " but the vocabulary has " +
                     std::to_string(vocab.wordCount()) + " words",
                 file, 0, "word_vocab_size");
  if (config.charVocab != vocab.charCount())
    return Error("is " + std::to_string(config.charVocab) + " but the vocabulary has " +
                     std::to_string(vocab.charCount()) + " characters",
                 file, 0, "char_vocab_size");
  return {};
}

// Every size of the config against the tensor that shows it, before a model of that config is allocated:
// a config with an absurd word_dim is refused by the tensor it contradicts, not by a failed allocation.
Status checkWeightsFitConfig(const BiLstmCrfConfig& c, const StateDict& weights,
                             const std::string& configFile, const std::string& weightsFile) {
  struct Expectation {
    std::string tensor;
    std::vector<int64_t> shape;
    const char* field;  // the config field the shape is checked for
  };
  const int64_t h = c.lstmHidden;
  const Expectation expected[] = {
      {"word_embedding.weight", {c.wordVocab, c.wordDim}, "word_dim"},
      {"char_embedding.weight", {c.charVocab, c.charDim}, "char_dim"},
      {"char_conv.weight", {c.charFilters, c.charDim, c.charKernel}, "char_filters"},
      {"casing_embedding.weight", {TaggerVocabulary::kNumCasings, c.casingDim}, "casing_dim"},
      {"lstm.weight_hh_l0", {4 * h, h}, "lstm_hidden"},
      {"lstm.weight_ih_l0", {4 * h, c.lstmInput()}, "lstm_hidden"},
      {"emission.weight", {c.numTags, 2 * h}, "num_tags"},
      {"crf.transitions", {c.numTags, c.numTags}, "num_tags"},
  };
  for (const Expectation& e : expected) {
    auto it = weights.find(e.tensor);
    if (it == weights.end() || !it->second.defined())
      return Error("tensor missing", weightsFile, 0, e.tensor);
    if (it->second.sizes().vec() != e.shape)
      return Error("wrong shape " + shapeText(it->second.sizes()) + ": " + configFile + " (" + e.field +
                       ") gives " + shapeText(e.shape),
                   weightsFile, 0, e.tensor);
  }
  int64_t layers = 0;
  while (layers <= c.lstmLayers && weights.count("lstm.weight_ih_l" + std::to_string(layers))) ++layers;
  if (layers != c.lstmLayers)
    return Error("is " + std::to_string(c.lstmLayers) + " but " + weightsFile + " holds " +
                     std::to_string(layers) + " LSTM layers",
                 configFile, 0, "lstm_layers");
  return {};
}

}  // namespace

namespace {

// The config must describe this vocabulary and this model; `file` names the config in errors.
Status checkSavable(const BiLstmCrfConfig& config, const TaggerVocabulary& vocab,
                    const BiLstmCrfTaggerImpl& model, const std::string& file) {
  if (Status s = checkAgreement(config, vocab, file); !s) return s;
  BiLstmCrfConfig sizes = config, modelSizes = model.config();
  sizes.labels.clear();
  modelSizes.labels.clear();
  if (sizes.toJson() != modelSizes.toJson()) return Error("the config does not describe this model", file);
  return {};
}

}  // namespace

Status saveBiLstmCrf(const std::string& folder, const BiLstmCrfConfig& config, const TaggerVocabulary& vocab,
                     BiLstmCrfTaggerImpl& model) {
  fs::path target = fs::path(folder);
  if (!target.has_filename()) target = target.parent_path();  // "out/" -> "out"
  std::error_code ec;
  if (fs::exists(target, ec) && !fs::is_directory(target, ec))
    return Error("exists and is not a folder", target.string());
  if (Status s = checkSavable(config, vocab, model, (target / "config.json").string()); !s) return s;
  return AtomicFolder::write(
      target.string(), [&](const fs::path& dir) { return writeBiLstmCrfInto(dir, config, vocab, model); });
}

Status writeBiLstmCrfInto(const fs::path& dir, const BiLstmCrfConfig& config, const TaggerVocabulary& vocab,
                          BiLstmCrfTaggerImpl& model) {
  if (Status s = checkSavable(config, vocab, model, (dir / "config.json").string()); !s) return s;
  StateDict weights;
  for (const auto& [name, t] : model.stateDict())
    weights[name] = t.is_floating_point() ? t.to(at::kCPU, at::kFloat) : t.to(at::kCPU);
  if (Status s = writeJson(dir / "config.json", config.toJson()); !s) return s;
  if (Status s = writeJson(dir / "vocab.json", vocab.toJson()); !s) return s;
  return SafetensorsFile::write((dir / "model.safetensors").string(), weights,
                                {{"format", "pt"}, {"model_type", BiLstmCrfConfig::kModelType}});
}

Result<LoadedBiLstmCrf> loadBiLstmCrf(const std::string& folder) {
  const fs::path dir(folder);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Error("not a folder", folder);
  const fs::path configPath = dir / "config.json", vocabPath = dir / "vocab.json",
                 weightsPath = dir / "model.safetensors";
  auto configJson = readJsonFile(configPath);
  if (!configJson) return configJson.error();
  auto config = BiLstmCrfConfig::fromJson(*configJson, configPath.string());
  if (!config) return config.error();
  auto vocabJson = readJsonFile(vocabPath);
  if (!vocabJson) return vocabJson.error();
  auto vocab = TaggerVocabulary::fromJson(*vocabJson, vocabPath.string());
  if (!vocab) return vocab.error();
  if (Status s = checkAgreement(*config, *vocab, configPath.string()); !s) return s.error();
  auto content = SafetensorsFile::read(weightsPath.string());
  if (!content) return content.error();
  if (Status s = checkWeightsFitConfig(*config, content->tensors, configPath.string(), weightsPath.string());
      !s)
    return s.error();

  LoadedBiLstmCrf out{*config, std::move(*vocab), BiLstmCrfTagger(*config)};
  if (Status s = out.model->loadStateDict(content->tensors, weightsPath.string()); !s) return s.error();
  out.model->eval();
  return out;
}

}  // namespace quarry::model
