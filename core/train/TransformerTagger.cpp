#include "train/TransformerTagger.h"

#include <algorithm>
#include <filesystem>
#include <numeric>
#include <set>

#include <ATen/ops/from_blob.h>
#include <ATen/ops/log_softmax.h>
#include <ATen/ops/softmax.h>
#include <ATen/ops/zeros.h>
#include <nlohmann/json.hpp>

#include "common/JsonReader.h"
#include "common/Log.h"
#include "model/checkpoint/AtomicFolder.h"
#include "model/checkpoint/CheckpointFit.h"
#include "model/checkpoint/CheckpointReader.h"
#include "model/checkpoint/HfFolderWriter.h"
#include "model/checkpoint/SafetensorsFile.h"
#include "text/TokenizerFactory.h"
#include "train/SubwordFeatures.h"
#include "train/TaggerMath.h"
#include "train/TokenLoss.h"

namespace quarry::train {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

class TransformerInputs : public TaggerInputs {
 public:
  std::vector<SubwordWindow> windows;
  std::vector<int32_t> wordCounts;  // per sentence
  size_t itemCount() const override { return windows.size(); }
  std::vector<int32_t> itemLengths() const override {
    std::vector<int32_t> out;
    out.reserve(windows.size());
    for (const SubwordWindow& w : windows) out.push_back(static_cast<int32_t>(w.ids.size()));
    return out;
  }
  size_t sentenceCount() const override { return wordCounts.size(); }
};

const char* classNameFor(const std::string& modelType) {
  if (modelType == "roberta") return "RobertaForTokenClassification";
  if (modelType == "distilbert") return "DistilBertForTokenClassification";
  if (modelType == "electra") return "ElectraForTokenClassification";
  return "BertForTokenClassification";
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
  if (config.architecture != model::Architecture::DistilBert &&
      tokenizer.typeIdLimit() > config.typeVocabSize)
    return Error("the tokenizer gives token type ids up to " + std::to_string(tokenizer.typeIdLimit() - 1) +
                     " but the model has " + std::to_string(config.typeVocabSize) + " segment rows",
                 configFile, 0, "type_vocab_size");
  return {};
}

at::Tensor int64Tensor(std::vector<int64_t>& data, int64_t rows, int64_t cols) {
  return at::from_blob(data.data(), {rows, cols}, at::TensorOptions().dtype(at::kLong)).clone();
}

}  // namespace

TransformerTagger::TransformerTagger(TagSet tags, TransformerTaggerSettings settings)
    : m_tags(std::move(tags)),
      m_settings(settings),
      m_root(std::make_shared<torch::nn::Module>("NerTagger")) {}

std::string TransformerTagger::describe() const {
  return m_config.modelType + " " + std::to_string(m_config.numHiddenLayers) + "x" +
         std::to_string(m_config.hiddenSize) + (m_crf ? " + CRF" : "") + " (" + m_tokenizer->kind() + ")";
}

Result<std::unique_ptr<TransformerTagger>> TransformerTagger::create(const NerTrainConfig& config,
                                                                     const TagSet& tags) {
  return build(config, tags, false);
}

Result<std::unique_ptr<TransformerTagger>> TransformerTagger::build(const NerTrainConfig& config,
                                                                    const TagSet& tags, bool sameTags) {
  TransformerTaggerSettings settings{config.maxLength, config.stride, config.crf};
  std::unique_ptr<TransformerTagger> t(new TransformerTagger(tags, settings));
  std::vector<std::string> labelNames;
  for (int32_t i = 0; i < static_cast<int32_t>(tags.size()); ++i) labelNames.push_back(tags.name(i));

  model::StateDict pretrained;
  std::string source, weightsFile;
  // A folder Quarry wrote (it has quarry_ner.json) holds every tensor of its model: one missing is damage,
  // not a head for transformers to initialise.
  const bool complete = sameTags || (!config.modelFolder.empty() &&
                                     fs::is_regular_file(fs::path(config.modelFolder) / kNerModelFile));
  if (!config.modelFolder.empty()) {
    auto checkpoint = model::readCheckpoint(config.modelFolder);
    if (!checkpoint) return checkpoint.error();
    t->m_config = checkpoint->config;
    pretrained = std::move(checkpoint->weights);
    weightsFile = checkpoint->weightsFile;
    auto tokenizer = text::loadTokenizer(config.modelFolder);
    if (!tokenizer) return tokenizer.error();
    t->m_tokenizer = std::move(tokenizer.value());
    t->m_tokenizerFiles = tokenizerFilesIn(config.modelFolder);
    source = (fs::path(config.modelFolder) / "config.json").string();
  } else {
    if (config.tokenizerFolder.empty())
      return Error(
          "a transformer without model_folder needs tokenizer_folder (the tokenizer of the random encoder)",
          "", 0, "tokenizer_folder");
    auto tokenizer = text::loadTokenizer(config.tokenizerFolder);
    if (!tokenizer) return tokenizer.error();
    t->m_tokenizer = std::move(tokenizer.value());
    t->m_tokenizerFiles = tokenizerFilesIn(config.tokenizerFolder);
    model::ModelConfig mc = model::ModelConfig::defaultsFor("bert");
    mc.vocabSize = t->m_tokenizer->idLimit();
    mc.typeVocabSize = std::max<int64_t>(mc.typeVocabSize, t->m_tokenizer->typeIdLimit());
    mc.hiddenSize = config.randomHidden;
    mc.numHiddenLayers = config.randomLayers;
    mc.numAttentionHeads = config.randomHeads;
    mc.intermediateSize = config.randomIntermediate;
    mc.maxPositionEmbeddings = std::max<int64_t>(512, config.maxLength);
    if (auto pad = t->m_tokenizer->specialTokens().padId) mc.padTokenId = *pad;
    t->m_config = mc;
    source = "random encoder";
  }
  t->m_config.setLabels(labelNames);
  t->m_config.architectures = {classNameFor(t->m_config.modelType)};
  auto encoderConfig = encoderConfigOf(t->m_config, source);
  if (!encoderConfig) return encoderConfig.error();
  if (Status s = checkTokenizerFits(*t->m_tokenizer, *encoderConfig, t->m_tokenizerFiles, source); !s)
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
  model::TransformerModelOptions options;
  options.task = model::Task::TokenClassification;
  options.seed = config.seed;
  auto created = model::TransformerModelImpl::create(encoderConfig.value(), options);
  if (!created) return created.error();
  t->m_model = model::TransformerModel(created.value());
  if (!pretrained.empty()) {
    // A checkpoint fine-tuned on other labels keeps its encoder; its classifier is replaced. A folder Quarry
    // wrote has the classifier of its own tags: one of another size is damage, reported below.
    const model::StateDict own = t->m_model->stateDict();
    std::set<std::string> replaced;
    for (auto it = pretrained.begin(); it != pretrained.end() && !sameTags;) {
      auto mine = own.find(it->first);
      if (mine != own.end() && mine->second.sizes() != it->second.sizes() &&
          it->first.rfind("classifier", 0) == 0) {
        log::get("train")->info("replacing {} ({} labels in the checkpoint)", it->first, it->second.size(0));
        replaced.insert(it->first);
        it = pretrained.erase(it);
      } else {
        ++it;
      }
    }
    model::LoadReport report;
    if (Status s = t->m_model->loadStateDict(pretrained, report); !s)
      return Error(s.error().message, weightsFile, 0, s.error().field);
    std::vector<std::string> lacking;
    for (const std::string& m : report.missing)
      if (!replaced.count(m)) lacking.push_back(m);
    if (complete && !lacking.empty())
      return Error("tensor missing (" + std::to_string(lacking.size()) + " in all); the folder is incomplete",
                   weightsFile, 0, lacking.front());
    if (complete && !report.unexpected.empty())
      return Error("not a tensor of this model (" + std::to_string(report.unexpected.size()) +
                       " in all); the weights do not belong to config.json",
                   weightsFile, 0, report.unexpected.front());
    for (const std::string& m : report.missing) log::get("train")->info("newly initialised: {}", m);
    for (const std::string& u : report.unexpected)
      log::get("train")->debug("not used from the checkpoint: {}", u);
  }
  t->m_root->register_module("model", t->m_model.ptr());
  if (settings.crf) {
    t->m_crf = model::Crf(static_cast<int64_t>(tags.size()));
    t->m_crf->reset(config.seed);
    t->m_crf->setAllowed(tags.allowedTransitions(), tags.allowedStart(), tags.allowedEnd());
    t->m_root->register_module("crf", t->m_crf.ptr());
  }
  return t;
}

Result<std::unique_ptr<TransformerTagger>> TransformerTagger::load(const std::string& folder,
                                                                   const NerModelFile& file) {
  NerTrainConfig config;
  config.kind = ModelKind::Transformer;
  config.modelFolder = folder;
  const JsonFields meta(file.meta, (fs::path(folder) / kNerModelFile).string());
  auto maxLength = meta.integer("max_length", 128, 8, 1'000'000);
  if (!maxLength) return maxLength.error();
  auto stride = meta.integer("stride", 32, 0, *maxLength / 2 - 1);
  if (!stride) return stride.error();
  auto crf = meta.boolean("crf", false);
  if (!crf) return crf.error();
  config.maxLength = static_cast<int>(*maxLength);
  config.stride = static_cast<int>(*stride);
  config.crf = *crf;
  auto tagger = build(config, file.tags, true);
  if (!tagger) return tagger.error();
  if (config.crf) {
    const std::string crfPath = (fs::path(folder) / "crf.safetensors").string();
    auto crfWeights = model::SafetensorsFile::read(crfPath);
    if (!crfWeights) return crfWeights.error();
    if (Status s = tagger.value()->loadCrf(crfWeights->tensors); !s)
      return Error(s.error().message, crfPath, 0, s.error().field);
  }
  return tagger;
}

std::unique_ptr<TaggerInputs> TransformerTagger::featurize(
    const std::vector<SentenceExample>& sentences) const {
  auto inputs = std::make_unique<TransformerInputs>();
  int noTokens = 0;
  inputs->windows =
      buildSubwordWindows(sentences, *m_tokenizer, m_settings.maxLength, m_settings.stride, &noTokens);
  if (noTokens > 0)
    log::get("train")->warn("{} words give no token with this tokenizer; they are predicted O", noTokens);
  inputs->wordCounts.reserve(sentences.size());
  for (const SentenceExample& s : sentences)
    inputs->wordCounts.push_back(static_cast<int32_t>(s.words.size()));
  return inputs;
}

at::Tensor TransformerTagger::windowLogits(const TaggerInputs& base, const std::vector<int32_t>& items,
                                           at::Tensor* labels) {
  const auto& inputs = static_cast<const TransformerInputs&>(base);
  size_t longest = 1;
  for (int32_t i : items) longest = std::max(longest, inputs.windows[static_cast<size_t>(i)].ids.size());
  const int64_t rows = static_cast<int64_t>(items.size());
  const int64_t cols = static_cast<int64_t>(longest);
  const int64_t pad = m_tokenizer->specialTokens().padId.value_or(0);
  std::vector<int64_t> ids(static_cast<size_t>(rows * cols), pad), mask(ids.size(), 0), types(ids.size(), 0),
      lab(ids.size(), -100);
  for (int64_t r = 0; r < rows; ++r) {
    const SubwordWindow& w = inputs.windows[static_cast<size_t>(items[static_cast<size_t>(r)])];
    for (size_t p = 0; p < w.ids.size(); ++p) {
      const size_t at = static_cast<size_t>(r * cols) + p;
      ids[at] = w.ids[p];
      mask[at] = 1;
      types[at] = p < w.typeIds.size() ? w.typeIds[p] : 0;
      lab[at] = p < w.labels.size() ? w.labels[p] : -100;
    }
  }
  at::Tensor idT = int64Tensor(ids, rows, cols).to(m_device);
  at::Tensor maskT = int64Tensor(mask, rows, cols).to(m_device);
  at::Tensor typeT = int64Tensor(types, rows, cols).to(m_device);
  if (labels) *labels = int64Tensor(lab, rows, cols).to(m_device);
  model::ForwardOptions fo;
  fo.hiddenStates = false;
  return m_model->forward(idT, maskT, typeT, fo).logits;
}

at::Tensor TransformerTagger::loss(const TaggerInputs& inputs, const std::vector<int32_t>& items,
                                   const LossOptions& options) {
  at::Tensor labels;
  at::Tensor logits = windowLogits(inputs, items, &labels);
  const int64_t classes = logits.size(2);
  if (!m_crf)
    return tokenLoss(logits.reshape({-1, classes}), labels.reshape({-1}), options.classWeights,
                     options.focalGamma);
  WordEmissions e = gatherLabelledPositions(logits, labels);
  if (e.rows == 0) return logits.sum() * 0.0;
  return m_crf->negativeLogLikelihood(e.emissions, e.tags, e.mask);
}

std::vector<SentenceTags> TransformerTagger::predict(const TaggerInputs& base, int batchSize) {
  const auto& inputs = static_cast<const TransformerInputs&>(base);
  const int64_t classes = static_cast<int64_t>(m_tags.size());
  // Per sentence, per word: the raw scores from the owning window (rows of `classes` floats).
  std::vector<std::vector<float>> scores(inputs.wordCounts.size());
  for (size_t s = 0; s < scores.size(); ++s) {
    scores[s].assign(static_cast<size_t>(inputs.wordCounts[s] * classes), -20.0f);
    for (int32_t w = 0; w < inputs.wordCounts[s]; ++w)
      scores[s][static_cast<size_t>(w * classes)] = 0.0f;  // "O" for words without a token
  }
  std::vector<int32_t> order(inputs.windows.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    return inputs.windows[static_cast<size_t>(a)].ids.size() <
           inputs.windows[static_cast<size_t>(b)].ids.size();
  });
  const bool wasTraining = m_root->is_training();
  m_root->eval();
  {
    at::NoGradGuard noGrad;
    for (size_t begin = 0; begin < order.size(); begin += static_cast<size_t>(batchSize)) {
      std::vector<int32_t> items(order.begin() + static_cast<std::ptrdiff_t>(begin),
                                 order.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                     order.size(), begin + static_cast<size_t>(batchSize))));
      at::Tensor logits = windowLogits(inputs, items, nullptr).to(at::kCPU).contiguous();
      const float* data = logits.data_ptr<float>();
      const int64_t cols = logits.size(1);
      for (size_t r = 0; r < items.size(); ++r) {
        const SubwordWindow& w = inputs.windows[static_cast<size_t>(items[r])];
        std::vector<float>& target = scores[static_cast<size_t>(w.sentence)];
        for (size_t p = 0; p < w.ids.size(); ++p) {
          const int32_t word = w.wordIndex[p];
          if (word < 0 || !w.firstOfWord[p] || !w.owns[static_cast<size_t>(word)]) continue;
          std::copy_n(data + (static_cast<int64_t>(r) * cols + static_cast<int64_t>(p)) * classes, classes,
                      target.begin() + static_cast<std::ptrdiff_t>(word * classes));
        }
      }
    }
  }
  if (wasTraining) m_root->train();
  if (m_crf) return decodeWithCrf(*m_crf, scores, classes);
  return decodeWithSoftmax(scores, classes);
}

std::vector<model::ParameterGroup> TransformerTagger::parameterGroups() {
  std::vector<model::ParameterGroup> groups = m_model->parameterGroups();
  if (m_crf) {
    model::ParameterGroup crf;
    crf.name = "crf.no_decay";
    crf.layer = static_cast<int>(m_config.numHiddenLayers) + 1;
    crf.decay = false;
    for (const auto& p : m_crf->named_parameters()) {
      crf.names.push_back("crf." + p.key());
      crf.parameters.push_back(p.value());
    }
    groups.push_back(crf);
  }
  return groups;
}

model::StateDict TransformerTagger::weights() const {
  model::StateDict out = m_model->stateDict();
  if (m_crf)
    for (const auto& p : m_crf->named_parameters()) out["crf." + p.key()] = p.value();
  return out;
}

Status TransformerTagger::loadWeights(const model::StateDict& weights) {
  model::StateDict encoder, crf;
  for (const auto& [name, tensor] : weights) {
    if (name.rfind("crf.", 0) == 0)
      crf[name.substr(4)] = tensor;
    else
      encoder[name] = tensor;
  }
  model::LoadReport report;
  if (Status s = m_model->loadStateDict(encoder, report); !s) return s;
  if (!report.missing.empty())
    return Error("weights missing: " + report.missing.front(), "", 0, report.missing.front());
  return m_crf ? loadCrf(crf) : Status{};
}

Status TransformerTagger::loadCrf(const model::StateDict& crf) {
  at::NoGradGuard noGrad;
  for (auto& p : m_crf->named_parameters()) {
    auto it = crf.find(p.key());
    if (it == crf.end()) return Error("CRF weights missing", "", 0, "crf." + p.key());
    if (auto why = model::storedTensorMismatch(it->second, p.value()))
      return Error(*why, "", 0, "crf." + p.key());
    p.value().copy_(it->second);
  }
  return {};
}

Status TransformerTagger::save(const std::string& folder) {
  model::StateDict cpu;
  for (const auto& [name, tensor] : m_model->stateDict()) cpu[name] = tensor.detach().to(at::kCPU);
  return model::AtomicFolder::write(folder, [&](const fs::path& dir) -> Status {
    if (Status s = model::HfFolderWriter::writeInto(dir, m_config, cpu, m_tokenizerFiles); !s) return s;
    if (m_crf) {
      model::StateDict crf;
      for (const auto& p : m_crf->named_parameters()) crf[p.key()] = p.value().detach().to(at::kCPU);
      if (Status s = model::SafetensorsFile::write((dir / "crf.safetensors").string(), crf); !s) return s;
    }
    return writeNerModelFile(dir,
                             {{"kind", modelKindName(ModelKind::Transformer)},
                              {"max_length", m_settings.maxLength},
                              {"stride", m_settings.stride},
                              {"crf", static_cast<bool>(m_crf)}},
                             m_tags);
  });
}

void TransformerTagger::to(const c10::Device& device) {
  m_device = device;
  m_root->to(device);
}

}  // namespace quarry::train
