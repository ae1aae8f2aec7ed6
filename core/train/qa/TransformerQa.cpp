#include "train/qa/TransformerQa.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>

#include <ATen/ops/from_blob.h>
#include <nlohmann/json.hpp>

#include "train/DocumentEmbeddings.h"
#include "train/TransformerBatch.h"
#include "model/checkpoint/AtomicFolder.h"
#include "train/TransformerFolder.h"
#include "train/TransformerSetup.h"

namespace quarry::train {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// quarry_task.json's "labels" of a QA model: the two outputs of qa_outputs.
const std::vector<std::string> kQaOutputs = {"start", "end"};

}  // namespace

Result<std::unique_ptr<TransformerQa>> TransformerQa::create(const TrainConfig& config) {
  return build(config, qaSettingsOf(config), false);
}

Result<std::unique_ptr<TransformerQa>> TransformerQa::build(const TrainConfig& config, QaModelSettings settings,
                                                            bool reload) {
  if (config.kind != ModelKind::Transformer)
    return Error("extractive QA needs a transformer: --model FOLDER or --random-encoder TOKENIZER_FOLDER", "", 0,
                 "model");
  std::unique_ptr<TransformerQa> q(new TransformerQa());
  q->m_settings = std::move(settings);
  TransformerSetup setup;
  setup.task = model::Task::QuestionAnswering;
  setup.classSuffix = "ForQuestionAnswering";
  // qa_outputs has num_labels rows: transformers' default pair, whatever labels a checkpoint had.
  setup.labels = {"LABEL_0", "LABEL_1"};
  setup.taskFile = kTaskModelFileName;
  setup.taskName = "qa";
  setup.sameLabels = reload;
  setup.headPrefix = "qa_outputs";
  auto parts = buildTransformer(config, setup);
  if (!parts) return parts.error();
  q->m_config = std::move(parts->config);
  q->m_tokenizer = std::move(parts->tokenizer);
  q->m_tokenizerFiles = std::move(parts->tokenizerFiles);
  q->m_loraBase = std::move(parts->loraBase);
  q->m_model = parts->model;
  return q;
}

std::unique_ptr<QaInputs> TransformerQa::featurize(const std::vector<document::AnnotatedDocument>& documents,
                                                   std::vector<QaExample> examples, bool training) const {
  return QaWindowBuilder(TokenizerQaLayout(*m_tokenizer), windowOptions(training)).build(documents, std::move(examples));
}

std::pair<at::Tensor, at::Tensor> TransformerQa::forward(const QaInputs& inputs, const std::vector<int32_t>& items) {
  const TransformerBatch batch =
      transformerBatch(inputs.windows, items, m_tokenizer->specialTokens().padId.value_or(0), m_device);
  model::ForwardOptions fo;
  fo.hiddenStates = false;
  model::ModelOutput out = m_model->forward(batch.ids, batch.mask, batch.types, fo);
  // Padding can never be an answer's start or end.
  const at::Tensor padding = batch.mask.eq(0);
  return {out.startLogits.masked_fill(padding, -1e4), out.endLogits.masked_fill(padding, -1e4)};
}

std::string TransformerQa::describe() const {
  return m_config.modelType + " " + std::to_string(m_config.numHiddenLayers) + "x" +
         std::to_string(m_config.hiddenSize) + " + QA head (" + m_tokenizer->kind() + ")";
}

Status TransformerQa::loadWeights(const model::StateDict& weights) {
  model::LoadReport report;
  if (Status s = m_model->loadStateDict(weights, report); !s) return s;
  if (!report.missing.empty()) return Error("weights missing: " + report.missing.front(), "", 0, report.missing.front());
  return {};
}

Status TransformerQa::save(const std::string& folder) {
  return model::AtomicFolder::write(folder, [&](const fs::path& dir) -> Status {
    if (Status s = writeTransformerFolder(dir, m_config, *m_model, m_tokenizerFiles, m_loraBase); !s) return s;
    return writeTaskModelFile(dir, m_settings.toJson(), "qa", "transformer", kQaOutputs);
  });
}

Result<std::unique_ptr<TransformerQa>> TransformerQa::load(const std::string& folder) {
  auto file = readTaskModelFile(folder, "qa");
  if (!file) return file.error();
  return load(folder, file.value());
}

Result<std::unique_ptr<TransformerQa>> TransformerQa::load(const std::string& folder, const TaskModelFile& file) {
  if (file.kind != "transformer")
    return Error("unknown model kind \"" + file.kind + "\" (expected transformer)", file.path, 0, "kind");
  if (file.labels != kQaOutputs)
    return Error("expected [\"start\", \"end\"] (the outputs of qa_outputs)", file.path, 0, "labels");
  auto s = QaModelSettings::fromJson(file.meta, file.path);
  if (!s) return s.error();
  TrainConfig config;
  config.task = "qa";
  config.kind = ModelKind::Transformer;
  config.modelFolder = folder;
  config.maxLength = s->maxLength;
  return build(config, s.value(), true);
}

void TransformerQa::to(const c10::Device& device) {
  m_device = device;
  m_model->to(device);
}

std::vector<std::vector<float>> TransformerQa::documentEmbeddings(const std::vector<std::string>& texts,
                                                                  int batchSize) {
  return transformerDocumentEmbeddings(*m_model, *m_tokenizer, texts, m_settings.maxLength, batchSize,
                                       m_device);
}

}  // namespace quarry::train
