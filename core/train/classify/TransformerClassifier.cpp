#include "train/classify/TransformerClassifier.h"

#include <algorithm>
#include <filesystem>
#include <numeric>

#include <ATen/ops/from_blob.h>
#include <ATen/ops/sigmoid.h>
#include <ATen/ops/softmax.h>
#include <nlohmann/json.hpp>

#include "train/DocumentEmbeddings.h"
#include "train/TransformerBatch.h"
#include "common/JsonReader.h"
#include "model/checkpoint/AtomicFolder.h"
#include "train/TransformerFolder.h"
#include "train/TransformerSetup.h"

namespace quarry::train {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct DocumentWindow {
  int32_t example = 0;
  std::vector<int64_t> ids;
  std::vector<int64_t> typeIds;
};

class WindowInputs : public ClassifierInputs {
 public:
  std::vector<DocumentWindow> windows;
  std::vector<std::vector<int32_t>> labels;  // per example
  size_t itemCount() const override { return windows.size(); }
  size_t exampleCount() const override { return labels.size(); }
  std::vector<int32_t> itemLengths() const override {
    std::vector<int32_t> out;
    out.reserve(windows.size());
    for (const DocumentWindow& w : windows) out.push_back(static_cast<int32_t>(w.ids.size()));
    return out;
  }
};

}  // namespace

Result<std::unique_ptr<TransformerClassifier>> TransformerClassifier::create(const TrainConfig& config,
                                                                             std::vector<std::string> labels,
                                                                             bool multiLabel) {
  return build(config, std::move(labels), multiLabel, false);
}

Result<std::unique_ptr<TransformerClassifier>> TransformerClassifier::build(const TrainConfig& config,
                                                                            std::vector<std::string> labels,
                                                                            bool multiLabel, bool sameLabels) {
  if (labels.empty()) return Error("no labels to classify into", "", 0, "labels");
  std::unique_ptr<TransformerClassifier> c(new TransformerClassifier());
  c->m_labels = std::move(labels);
  c->m_multiLabel = multiLabel;
  if (multiLabel) c->m_thresholds.assign(c->m_labels.size(), 0.5f);
  c->m_settings = {config.maxLength, config.stride, config.windowPooling == "mean"};
  TransformerSetup setup;
  setup.task = model::Task::SequenceClassification;
  setup.labels = c->m_labels;
  setup.classSuffix = "ForSequenceClassification";
  setup.taskFile = kTaskModelFileName;
  setup.taskName = "classify";
  setup.sameLabels = sameLabels;
  auto parts = buildTransformer(config, setup);
  if (!parts) return parts.error();
  c->m_config = std::move(parts->config);
  c->m_config.extra["problem_type"] =
      multiLabel ? "\"multi_label_classification\"" : "\"single_label_classification\"";
  c->m_tokenizer = std::move(parts->tokenizer);
  c->m_tokenizerFiles = std::move(parts->tokenizerFiles);
  c->m_loraBase = std::move(parts->loraBase);
  c->m_model = parts->model;
  return c;
}

std::unique_ptr<ClassifierInputs> TransformerClassifier::featurize(const std::vector<ClassifyExample>& examples) const {
  auto inputs = std::make_unique<WindowInputs>();
  for (size_t e = 0; e < examples.size(); ++e) {
    inputs->labels.push_back(examples[e].labels);
    for (const text::Encoding& w : m_tokenizer->windows(examples[e].text, m_settings.maxLength, m_settings.stride)) {
      DocumentWindow window;
      window.example = static_cast<int32_t>(e);
      window.ids.assign(w.ids.begin(), w.ids.end());
      window.typeIds.assign(w.typeIds.begin(), w.typeIds.end());
      inputs->windows.push_back(std::move(window));
    }
  }
  return inputs;
}

at::Tensor TransformerClassifier::windowLogits(const TaskInputs& base, const std::vector<int32_t>& items) {
  const auto& inputs = static_cast<const WindowInputs&>(base);
  const TransformerBatch batch =
      transformerBatch(inputs.windows, items, m_tokenizer->specialTokens().padId.value_or(0), m_device);
  model::ForwardOptions fo;
  fo.hiddenStates = false;
  return m_model->forward(batch.ids, batch.mask, batch.types, fo).logits;
}

at::Tensor TransformerClassifier::loss(const TaskInputs& base, const std::vector<int32_t>& items,
                                       const LossOptions& options) {
  const auto& inputs = static_cast<const WindowInputs&>(base);
  // Every window carries its document's labels.
  std::vector<const std::vector<int32_t>*> rowLabels;
  std::vector<int32_t> rowExamples;
  for (int32_t i : items) {
    rowExamples.push_back(static_cast<int32_t>(inputs.windows[static_cast<size_t>(i)].example));
    rowLabels.push_back(&inputs.labels[static_cast<size_t>(rowExamples.back())]);
  }
  return classificationLoss(windowLogits(base, items), rowLabels, rowExamples, m_multiLabel, options);
}

std::vector<std::vector<float>> TransformerClassifier::predict(const ClassifierInputs& base, int batchSize) {
  const auto& inputs = static_cast<const WindowInputs&>(base);
  const size_t classes = m_labels.size();
  std::vector<std::vector<float>> pooled(inputs.exampleCount(), std::vector<float>(classes, 0.0f));
  std::vector<int32_t> windowsOf(inputs.exampleCount(), 0);
  std::vector<int32_t> order(inputs.windows.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    return inputs.windows[static_cast<size_t>(a)].ids.size() < inputs.windows[static_cast<size_t>(b)].ids.size();
  });
  const bool wasTraining = m_model->is_training();
  m_model->eval();
  {
    at::NoGradGuard noGrad;
    const size_t step = static_cast<size_t>(std::max(1, batchSize));
    for (size_t begin = 0; begin < order.size(); begin += step) {
      std::vector<int32_t> items(order.begin() + static_cast<std::ptrdiff_t>(begin),
                                 order.begin() + static_cast<std::ptrdiff_t>(std::min(order.size(), begin + step)));
      at::Tensor logits = windowLogits(inputs, items).to(at::kCPU).to(at::kFloat).contiguous();
      const float* data = logits.data_ptr<float>();
      for (size_t r = 0; r < items.size(); ++r) {
        const auto example = static_cast<size_t>(inputs.windows[static_cast<size_t>(items[r])].example);
        const float* row = data + r * classes;
        std::vector<float>& target = pooled[example];
        for (size_t c = 0; c < classes; ++c)
          target[c] = m_settings.meanPooling ? target[c] + row[c]
                      : windowsOf[example] == 0 ? row[c]
                                                : std::max(target[c], row[c]);
        ++windowsOf[example];
      }
    }
  }
  if (wasTraining) m_model->train();
  std::vector<std::vector<float>> out;
  out.reserve(pooled.size());
  for (size_t e = 0; e < pooled.size(); ++e) {
    std::vector<float> logits = pooled[e];
    if (m_settings.meanPooling && windowsOf[e] > 0)
      for (float& v : logits) v /= static_cast<float>(windowsOf[e]);
    at::Tensor t = at::from_blob(logits.data(), {static_cast<int64_t>(classes)}, at::kFloat);
    at::Tensor p = (m_multiLabel ? at::sigmoid(t) : at::softmax(t, 0)).contiguous();
    out.emplace_back(p.data_ptr<float>(), p.data_ptr<float>() + classes);
  }
  return out;
}

std::string TransformerClassifier::describe() const {
  return m_config.modelType + " " + std::to_string(m_config.numHiddenLayers) + "x" +
         std::to_string(m_config.hiddenSize) + " (" + m_tokenizer->kind() + ", " +
         (m_multiLabel ? "multi-label" : "single-label") + ")";
}

Status TransformerClassifier::loadWeights(const model::StateDict& weights) {
  model::LoadReport report;
  if (Status s = m_model->loadStateDict(weights, report); !s) return s;
  if (!report.missing.empty()) return Error("weights missing: " + report.missing.front(), "", 0, report.missing.front());
  return {};
}

Status TransformerClassifier::save(const std::string& folder) {
  return model::AtomicFolder::write(folder, [&](const fs::path& dir) -> Status {
    if (Status s = writeTransformerFolder(dir, m_config, *m_model, m_tokenizerFiles, m_loraBase); !s) return s;
    json meta = {{"max_length", m_settings.maxLength},
                 {"stride", m_settings.stride},
                 {"window_pooling", m_settings.meanPooling ? "mean" : "max"},
                 {"multi_label", m_multiLabel},
                 {"thresholds", m_thresholds}};
    return writeTaskModelFile(dir, meta, "classify", "transformer", m_labels);
  });
}

Result<std::unique_ptr<TransformerClassifier>> TransformerClassifier::load(const std::string& folder,
                                                                           const TaskModelFile& file) {
  const JsonFields meta(file.meta, file.path);
  TrainConfig config;
  config.task = "classify";
  config.kind = ModelKind::Transformer;
  config.modelFolder = folder;
  auto maxLength = meta.integer("max_length", 128, 8, 1'000'000);
  if (!maxLength) return maxLength.error();
  auto stride = meta.integer("stride", 32, 0, *maxLength / 2 - 1);
  if (!stride) return stride.error();
  auto pooling = meta.string("window_pooling", "max");
  if (!pooling) return pooling.error();
  if (*pooling != "max" && *pooling != "mean") return meta.error("window_pooling", "expected \"max\" or \"mean\"");
  auto multi = meta.boolean("multi_label", false);
  if (!multi) return multi.error();
  config.maxLength = static_cast<int>(*maxLength);
  config.stride = static_cast<int>(*stride);
  config.windowPooling = *pooling;
  auto c = build(config, file.labels, *multi, true);
  if (!c) return c.error();
  auto thresholds = readThresholds(meta, file.labels.size(), *multi);
  if (!thresholds) return thresholds.error();
  if (*multi) c.value()->m_thresholds = std::move(thresholds.value());
  return c;
}

void TransformerClassifier::to(const c10::Device& device) {
  m_device = device;
  m_model->to(device);
}

std::vector<std::vector<float>> TransformerClassifier::documentEmbeddings(
    const std::vector<std::string>& texts, int batchSize) {
  return transformerDocumentEmbeddings(*m_model, *m_tokenizer, texts, m_settings.maxLength, batchSize,
                                       m_device);
}

}  // namespace quarry::train
