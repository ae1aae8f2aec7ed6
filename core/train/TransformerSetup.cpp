#include "train/TransformerSetup.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include <ATen/ops/cat.h>
#include <ATen/ops/zeros.h>
#include <c10/core/GradMode.h>
#include <nlohmann/json.hpp>

#include "common/JsonReader.h"
#include "common/Log.h"
#include "model/checkpoint/CheckpointFit.h"
#include "model/checkpoint/CheckpointReader.h"
#include "model/adapters/LoraModel.h"
#include "model/adapters/PeftAdapterFolder.h"
#include "text/TokenizerFactory.h"
#include "train/TaskModelFile.h"
#include "train/TransformerFolder.h"

namespace quarry::train {
namespace fs = std::filesystem;
using nlohmann::json;

std::string architecturePrefix(const std::string& modelType) {
  if (modelType == "roberta") return "Roberta";
  if (modelType == "distilbert") return "DistilBert";
  if (modelType == "electra") return "Electra";
  if (modelType == "deberta-v2") return "DebertaV2";
  return "Bert";
}

std::vector<std::string> tokenizerFilesIn(const std::string& folder) {
  static const char* names[] = {"vocab.txt",
                                "vocab.json",
                                "merges.txt",
                                "tokenizer.json",
                                "tokenizer_config.json",
                                "special_tokens_map.json",
                                "added_tokens.json",
                                "sentencepiece.bpe.model",
                                "spm.model",
                                "spiece.model"};
  std::vector<std::string> out;
  for (const char* n : names)
    if (fs::is_regular_file(fs::path(folder) / n)) out.push_back((fs::path(folder) / n).string());
  return out;
}

namespace {

Result<model::EncoderConfig> encoderConfigOf(const model::ModelConfig& config, const std::string& source) {
  json parsed;
  try {
    parsed = json::parse(config.toJsonText());
  } catch (const json::exception& e) {
    return Error(std::string("config.json cannot be parsed: ") + e.what(), source);
  }
  return model::EncoderConfig::fromJson(parsed, source);
}

// Every id the tokenizer can give must have a row in the word embedding (and every type id a row in the
// segment table), or the first sentence using it fails deep inside LibTorch.
Status checkTokenizerFits(const text::Tokenizer& tokenizer, const model::EncoderConfig& config,
                          const std::vector<std::string>& tokenizerFiles, const std::string& configFile) {
  std::string vocabFile = tokenizerFiles.empty() ? configFile : tokenizerFiles.front();
  for (const std::string& f : tokenizerFiles)
    if (fs::path(f).filename() == "vocab.txt" || fs::path(f).filename() == "vocab.json" ||
        fs::path(f).filename() == "tokenizer.json") {
      vocabFile = f;
      break;
    }
  if (tokenizer.idLimit() > config.vocabSize)
    return Error("the tokenizer gives token ids up to " + std::to_string(tokenizer.idLimit() - 1) +
                     " but the model's word embedding has " + std::to_string(config.vocabSize) +
                     " rows (vocab_size in config.json); the tokenizer does not belong to this model",
                 vocabFile, 0, "vocab_size");
  // DistilBERT has no segment table and DeBERTa-v3 none (type_vocab_size 0): both ignore token types.
  if (config.architecture != model::Architecture::DistilBert && config.typeVocabSize > 0 &&
      tokenizer.typeIdLimit() > config.typeVocabSize)
    return Error("the tokenizer gives token type ids up to " + std::to_string(tokenizer.typeIdLimit() - 1) +
                     " but the model has " + std::to_string(config.typeVocabSize) + " segment rows",
                 configFile, 0, "type_vocab_size");
  return {};
}

// Whether the task file of `folder` names `taskName` (quarry_task.json's "task"; any other task file,
// or no name asked for, counts as the task's own).
bool folderIsOfTask(const std::string& folder, const std::string& taskFile, const std::string& taskName) {
  if (taskName.empty() || taskFile != kTaskModelFileName) return true;
  auto parsed = readJsonFile(fs::path(folder) / taskFile);
  if (!parsed || !parsed->is_object()) return true;  // a damaged file is reported by the task's loader
  auto task = parsed->find("task");
  return task == parsed->end() || !task->is_string() || task->get<std::string>() == taskName;
}

}  // namespace

Result<TransformerParts> buildTransformer(const TrainConfig& requested, const TransformerSetup& setup) {
  auto prefix = prefixSourceFor(requested);
  if (!prefix) return prefix.error();
  // A PEFT adapter folder stands for its base, with the adapter put on once the base's tensors are in.
  TrainConfig config = requested;
  if (prefix->adapterOnly) config.modelFolder = prefix->base;
  auto lora = loraSourceFor(config);
  if (!lora) return lora.error();
  if (!lora->adapterFolder.empty()) config.modelFolder = lora->base;
  if (lora->options && prefix->length > 0)
    return Error("choose LoRA (lora_rank) or prefix tuning (prefix_length), not both", "", 0,
                 "prefix_length");
  TransformerParts parts;
  parts.loraBase = prefix->length > 0 ? prefix->base : lora->base;
  model::StateDict pretrained;
  std::string source, weightsFile;
  // A folder Quarry wrote (it has the task file) holds every tensor of its model: one missing is damage,
  // not a head for transformers to initialise.
  const bool complete =
      setup.sameLabels || (!config.modelFolder.empty() && !setup.taskFile.empty() &&
                           fs::is_regular_file(fs::path(config.modelFolder) / setup.taskFile) &&
                           folderIsOfTask(config.modelFolder, setup.taskFile, setup.taskName));
  if (!config.modelFolder.empty()) {
    auto checkpoint = model::readCheckpoint(config.modelFolder);
    if (!checkpoint) return checkpoint.error();
    parts.config = checkpoint->config;
    pretrained = std::move(checkpoint->weights);
    weightsFile = checkpoint->weightsFile;
    auto tokenizer = text::loadTokenizer(config.modelFolder);
    if (!tokenizer) return tokenizer.error();
    parts.tokenizer = std::move(tokenizer.value());
    parts.tokenizerFiles = tokenizerFilesIn(config.modelFolder);
    source = (fs::path(config.modelFolder) / "config.json").string();
  } else {
    if (config.tokenizerFolder.empty())
      return Error(
          "a transformer without model_folder needs tokenizer_folder (the tokenizer of the random encoder)",
          "", 0, "tokenizer_folder");
    auto tokenizer = text::loadTokenizer(config.tokenizerFolder);
    if (!tokenizer) return tokenizer.error();
    parts.tokenizer = std::move(tokenizer.value());
    parts.tokenizerFiles = tokenizerFilesIn(config.tokenizerFolder);
    model::ModelConfig mc = model::ModelConfig::defaultsFor(setup.randomModelType);
    mc.vocabSize = parts.tokenizer->idLimit();
    mc.typeVocabSize = std::max<int64_t>(mc.typeVocabSize, parts.tokenizer->typeIdLimit());
    mc.hiddenSize = config.randomHidden;
    if (mc.embeddingSize > 0) mc.embeddingSize = config.randomHidden;
    mc.numHiddenLayers = config.randomLayers;
    mc.numAttentionHeads = config.randomHeads;
    mc.intermediateSize = config.randomIntermediate;
    mc.maxPositionEmbeddings = std::max<int64_t>(512, config.maxLength);
    if (auto pad = parts.tokenizer->specialTokens().padId) mc.padTokenId = *pad;
    parts.config = mc;
    source = "random encoder";
  }
  // Room for the added tokens, in the config and in the checkpoint's word embedding (rows filled below).
  parts.addedTokenBase = parts.config.vocabSize;
  const auto added = static_cast<int64_t>(setup.addedTokens.size());
  if (added > 0) {
    parts.config.vocabSize += added;
    for (auto& [name, tensor] : pretrained) {
      const std::string suffix = "embeddings.word_embeddings.weight";
      if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 &&
          tensor.dim() == 2 && tensor.size(0) == parts.addedTokenBase)
        tensor = at::cat({tensor, at::zeros({added, tensor.size(1)}, tensor.options())}, 0);
    }
  }
  if (!setup.labels.empty()) parts.config.setLabels(setup.labels);
  if (!setup.classSuffix.empty())
    parts.config.architectures = {architecturePrefix(parts.config.modelType) + setup.classSuffix};
  auto encoderConfig = encoderConfigOf(parts.config, source);
  if (!encoderConfig) return encoderConfig.error();
  if (Status s = checkTokenizerFits(*parts.tokenizer, *encoderConfig, parts.tokenizerFiles, source); !s)
    return s.error();
  if (!config.modelFolder.empty()) {
    // Before anything of the config's size is allocated.
    model::CheckpointFitOptions fit{source, weightsFile, complete};
    if (Status s = model::checkCheckpointFitsConfig(*encoderConfig, pretrained, fit); !s) return s.error();
  }
  const int64_t positions = encoderConfig->maxPositionEmbeddings -
                            (encoderConfig->architecture == model::Architecture::Roberta ? 2 : 0);
  if (config.maxLength > positions)
    return Error("max_length " + std::to_string(config.maxLength) + " is longer than the model's " +
                     std::to_string(positions) + " positions",
                 source, 0, "max_length");
  if (prefix->length > 0 && config.maxLength + prefix->length > positions)
    return Error("max_length " + std::to_string(config.maxLength) + " and a prefix of " +
                     std::to_string(prefix->length) + " positions need more than the model's " +
                     std::to_string(positions) + " positions",
                 source, 0, "prefix_length");
  model::TransformerModelOptions options;
  options.task = setup.task;
  options.seed = config.seed;
  options.prefixLength = prefix->length;
  if (lora->options) options.linearFactory = model::loraLinearFactory(*lora->options);
  auto created = model::TransformerModelImpl::create(encoderConfig.value(), options);
  if (!created) return created.error();
  parts.model = model::TransformerModel(created.value());
  if (!pretrained.empty()) {
    // A checkpoint fine-tuned on other labels keeps its encoder; its classifier is replaced. A folder Quarry
    // wrote has the classifier of its own tags: one of another size is damage, reported below.
    const model::StateDict own = parts.model->stateDict();
    std::set<std::string> replaced;
    for (auto it = pretrained.begin(); it != pretrained.end() && !setup.sameLabels;) {
      auto mine = own.find(it->first);
      if (mine != own.end() && mine->second.sizes() != it->second.sizes() &&
          !setup.headPrefix.empty() && it->first.rfind(setup.headPrefix, 0) == 0) {
        log::get("train")->info("replacing {} ({} labels in the checkpoint)", it->first, it->second.size(0));
        replaced.insert(it->first);
        it = pretrained.erase(it);
      } else {
        ++it;
      }
    }
    model::LoadReport report;
    if (Status s = parts.model->loadStateDict(pretrained, report); !s)
      return Error(s.error().message, weightsFile, 0, s.error().field);
    std::vector<std::string> lacking;
    for (const std::string& m : report.missing)
      if (!replaced.count(m) && !model::isAdapterTensorName(m)) lacking.push_back(m);
    if (complete && !lacking.empty())
      return Error("tensor missing (" + std::to_string(lacking.size()) + " in all); the folder is incomplete",
                   weightsFile, 0, lacking.front());
    if (complete && !report.unexpected.empty())
      return Error("not a tensor of this model (" + std::to_string(report.unexpected.size()) +
                       " in all); the weights do not belong to config.json",
                   weightsFile, 0, report.unexpected.front());
    for (const std::string& m : report.missing)
      if (!model::isAdapterTensorName(m)) log::get("train")->info("newly initialised: {}", m);
    for (const std::string& u : report.unexpected)
      log::get("train")->debug("not used from the checkpoint: {}", u);
  }
  if (added > 0) {
    at::NoGradGuard noGrad;
    at::Tensor rows = parts.model->wordEmbeddings();
    for (int64_t k = 0; k < added; ++k) {
      const std::vector<int64_t>& sources = setup.addedTokens[static_cast<size_t>(k)];
      at::Tensor value = at::zeros({rows.size(1)}, rows.options());
      int64_t used = 0;
      for (int64_t id : sources)
        if (id >= 0 && id < parts.addedTokenBase) {
          value += rows[id];
          ++used;
        }
      if (used > 0) rows[parts.addedTokenBase + k].copy_(value / static_cast<double>(used));
    }
  }
  if (lora->options) {
    if (lora->trainingState)
      if (Status st = restoreLoraState(*parts.model, config.modelFolder); !st) return st.error();
    if (!lora->adapterFolder.empty())
      if (Status st = model::loadLoraAdapter(*parts.model, lora->adapterFolder); !st) return st.error();
    model::freezeForAdapters(*parts.model);
  }
  if (prefix->length > 0) {
    if (!prefix->adapterFolder.empty())
      if (Status st = model::loadPrefixAdapter(*parts.model, prefix->adapterFolder); !st) return st.error();
    model::freezeForAdapters(*parts.model);
  }
  return parts;
}

}  // namespace quarry::train
