#include "train/ner/TransformerTagger.h"

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
#include "model/checkpoint/SafetensorsFile.h"
#include "model/kernels/HostToDevice.h"
#include "train/Distillation.h"
#include "train/DocumentEmbeddings.h"
#include "train/ModuleWeights.h"
#include "train/TokenLoss.h"
#include "train/TransformerBatch.h"
#include "train/TransformerFolder.h"
#include "train/TransformerSetup.h"
#include "train/ner/SubwordFeatures.h"
#include "train/ner/TaggerMath.h"

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

}  // namespace

TransformerTagger::TransformerTagger(TagSet tags, TransformerTaggerSettings settings)
    : m_tags(std::move(tags)),
      m_settings(settings),
      m_root(std::make_shared<torch::nn::Module>("NerTagger")) {}

std::string TransformerTagger::describe() const {
  return m_config.modelType + " " + std::to_string(m_config.numHiddenLayers) + "x" +
         std::to_string(m_config.hiddenSize) + (m_crf ? " + CRF" : "") + " (" + m_tokenizer->kind() + ")";
}

Result<std::unique_ptr<TransformerTagger>> TransformerTagger::create(const TrainConfig& config,
                                                                     const TagSet& tags) {
  return build(config, tags, false);
}

Result<std::unique_ptr<TransformerTagger>> TransformerTagger::build(const TrainConfig& config,
                                                                    const TagSet& tags, bool sameTags) {
  TransformerTaggerSettings settings{config.maxLength, config.stride, config.crf};
  std::unique_ptr<TransformerTagger> t(new TransformerTagger(tags, settings));
  std::vector<std::string> labelNames;
  for (int32_t i = 0; i < static_cast<int32_t>(tags.size()); ++i) labelNames.push_back(tags.name(i));

  TransformerSetup setup;
  setup.task = model::Task::TokenClassification;
  setup.labels = labelNames;
  setup.classSuffix = "ForTokenClassification";
  setup.taskFile = kNerModelFile;
  setup.sameLabels = sameTags;
  auto parts = buildTransformer(config, setup);
  if (!parts) return parts.error();
  t->m_config = std::move(parts->config);
  t->m_tokenizer = std::move(parts->tokenizer);
  t->m_tokenizerFiles = std::move(parts->tokenizerFiles);
  t->m_loraBase = std::move(parts->loraBase);
  t->m_model = parts->model;
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
  TrainConfig config;
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

StagedBatch TransformerTagger::stage(const TaskInputs& base, const std::vector<int32_t>& items,
                                     const StageShape& shape) const {
  const auto& inputs = static_cast<const TransformerInputs&>(base);
  // Columns past the window would have no position embedding: a wider shape is cut to the window.
  const int64_t cols = std::min<int64_t>(shape.cols, m_settings.maxLength);
  const TransformerBatch batch = stagedTransformerBatch(
      inputs.windows, items, m_tokenizer->specialTokens().padId.value_or(0), shape.rows, cols);
  std::vector<const std::vector<int64_t>*> labelRows;
  for (int32_t i : items) labelRows.push_back(&inputs.windows[static_cast<size_t>(i)].labels);
  const std::vector<int64_t> none;
  labelRows.resize(static_cast<size_t>(batch.rows), &none);  // padding rows: no label
  StagedBatch staged;
  staged.items = items;
  staged.rows = batch.rows;
  staged.cols = batch.cols;
  staged.tensors = {batch.ids, batch.mask, batch.types, paddedRows(labelRows, batch.cols, -100, c10::kCPU)};
  if (m_crf) {
    const LabelledPositions positions = labelledPositions(labelRows, batch.cols);
    staged.tensors.insert(staged.tensors.end(), {positions.index, positions.tags, positions.mask});
  }
  return staged;
}

at::Tensor TransformerTagger::stagedLoss(const StagedBatch& batch, const LossOptions& options) {
  const std::vector<at::Tensor>& t = batch.tensors;
  model::ForwardOptions fo;
  fo.hiddenStates = false;
  const at::Tensor logits = m_model->forward(t[0], t[1], t[2], fo).logits;
  const int64_t classes = logits.size(2);
  if (!m_crf)
    return tokenLoss(logits.reshape({-1, classes}), t[3].reshape({-1}), options.classWeights,
                     options.focalGamma);
  LabelledPositions positions;
  positions.index = t[4];
  positions.tags = t[5];
  positions.mask = t[6];
  positions.rows = t[5].defined() ? t[5].size(0) : 0;
  positions.width = t[5].defined() ? t[5].size(1) : 0;
  WordEmissions e = gatherLabelledPositions(logits, positions);
  if (e.rows == 0) return logits.sum() * 0.0;
  return m_crf->negativeLogLikelihood(e.emissions, e.tags, e.mask);
}

at::Tensor TransformerTagger::loss(const TaskInputs& inputs, const std::vector<int32_t>& items,
                                   const LossOptions& options) {
  StagedBatch batch = stage(inputs, items, StageShape{});
  const bool labelled = [&] {
    for (int32_t i : items)
      for (int64_t label :
           static_cast<const TransformerInputs&>(inputs).windows[static_cast<size_t>(i)].labels)
        if (label != -100) return true;
    return false;
  }();
  batch.toDevice(m_device);
  if (!options.teacher) return stagedLoss(batch, options);
  // Distillation: the gold loss over the labelled words (none in unlabelled sentences), blended with the
  // teacher's soft targets at the first sub-token of every word a window owns (with a CRF: on its emissions).
  at::Tensor gold;
  model::ForwardOptions fo;
  fo.hiddenStates = false;
  const at::Tensor logits = m_model->forward(batch.tensors[0], batch.tensors[1], batch.tensors[2], fo).logits;
  const int64_t classes = logits.size(2);
  if (labelled) {
    if (!m_crf) {
      gold = tokenLoss(logits.reshape({-1, classes}), batch.tensors[3].reshape({-1}), options.classWeights,
                       options.focalGamma);
    } else {
      LabelledPositions positions;
      positions.index = batch.tensors[4];
      positions.tags = batch.tensors[5];
      positions.mask = batch.tensors[6];
      positions.rows = batch.tensors[5].size(0);
      positions.width = batch.tensors[5].size(1);
      gold = m_crf->negativeLogLikelihood(gatherLabelledPositions(logits, positions).emissions,
                                          positions.tags, positions.mask);
    }
  }
  const auto& windows = static_cast<const TransformerInputs&>(inputs).windows;
  const TeacherTargets& teacher = *options.teacher;
  const int64_t cols = logits.size(1);
  std::vector<int64_t> positions;
  std::vector<const float*> rows;
  for (size_t r = 0; r < items.size(); ++r) {
    const SubwordWindow& w = windows[static_cast<size_t>(items[r])];
    const std::vector<float>& unit = teacher.units[static_cast<size_t>(w.sentence)];
    for (size_t p = 0; p < w.ids.size(); ++p) {
      const int32_t word = w.wordIndex[p];
      if (word < 0 || !w.firstOfWord[p] || !w.owns[static_cast<size_t>(word)]) continue;
      if (static_cast<size_t>((word + 1) * classes) > unit.size()) continue;
      positions.push_back(static_cast<int64_t>(r) * cols + static_cast<int64_t>(p));
      rows.push_back(unit.data() + word * classes);
    }
  }
  const at::Tensor index = model::hostToDevice(
      at::from_blob(positions.data(), {static_cast<int64_t>(positions.size())}, at::kLong).clone(),
      logits.device());
  const at::Tensor soft = distillationLoss(logits.reshape({-1, classes}).index_select(0, index),
                                           teacherRows(teacher, rows, logits.device()), teacher.temperature, false);
  return blendWithTeacher(gold, soft, teacher.alpha);
}

std::vector<SentenceTags> TransformerTagger::predict(const TaggerInputs& base, int batchSize,
                                                     bool distributions) {
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
      const TransformerBatch batch =
          transformerBatch(inputs.windows, items, m_tokenizer->specialTokens().padId.value_or(0), m_device);
      model::ForwardOptions fo;
      fo.hiddenStates = false;
      at::Tensor logits = m_model->forward(batch.ids, batch.mask, batch.types, fo)
                              .logits.to(at::kCPU)
                              .to(at::kFloat)
                              .contiguous();
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
  if (m_crf) return decodeWithCrf(*m_crf, scores, classes, distributions);
  return decodeWithSoftmax(scores, classes, distributions);
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
  if (m_crf) out.merge(moduleWeights(*m_crf, "crf."));
  return out;
}

Status TransformerTagger::loadWeights(const model::StateDict& weights) {
  model::StateDict encoder;
  for (const auto& [name, tensor] : weights)
    if (name.rfind("crf.", 0) != 0) encoder[name] = tensor;
  model::LoadReport report;
  if (Status s = m_model->loadStateDict(encoder, report); !s) return s;
  if (!report.missing.empty())
    return Error("weights missing: " + report.missing.front(), "", 0, report.missing.front());
  return m_crf ? loadModuleWeights(*m_crf, weights, "crf.") : Status{};
}

Status TransformerTagger::loadCrf(const model::StateDict& crf) { return loadModuleWeights(*m_crf, crf); }

Status TransformerTagger::save(const std::string& folder) {
  return model::AtomicFolder::write(folder, [&](const fs::path& dir) -> Status {
    if (Status s = writeTransformerFolder(dir, m_config, *m_model, m_tokenizerFiles, m_loraBase); !s) return s;
    if (m_crf) {
      model::StateDict crf;
      for (const auto& [name, tensor] : moduleWeights(*m_crf)) crf[name] = tensor.detach().to(at::kCPU);
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

std::vector<std::vector<float>> TransformerTagger::documentEmbeddings(const std::vector<std::string>& texts,
                                                                      int batchSize) {
  return transformerDocumentEmbeddings(*m_model, *m_tokenizer, texts, m_settings.maxLength, batchSize,
                                       m_device);
}

}  // namespace quarry::train
