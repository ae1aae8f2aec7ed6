#include "train/qa/TransformerQa.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>

#include <ATen/ops/from_blob.h>
#include <nlohmann/json.hpp>

#include "common/JsonReader.h"
#include "model/checkpoint/AtomicFolder.h"
#include "model/checkpoint/HfFolderWriter.h"
#include "train/TokenLoss.h"
#include "train/TransformerSetup.h"

namespace quarry::train {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// quarry_task.json's "labels" of a QA model: the two outputs of qa_outputs.
const std::vector<std::string> kQaOutputs = {"start", "end"};

at::Tensor int64Tensor(std::vector<int64_t>& data, int64_t rows, int64_t cols) {
  return at::from_blob(data.data(), {rows, cols}, at::TensorOptions().dtype(at::kLong)).clone();
}

}  // namespace

QaModelSettings qaSettingsOf(const TrainConfig& config) {
  QaModelSettings s;
  s.maxLength = config.maxLength;
  s.stride = config.stride;
  s.maxAnswerLength = config.maxAnswerLength;
  s.topKWindows = config.topKWindows;
  s.noAnswer = config.noAnswer;
  s.noAnswerThreshold = config.nullThreshold;
  s.multiSpanThreshold = config.multiSpanThreshold;
  return s;
}

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
  setup.sameLabels = reload;
  setup.headPrefix = "qa_outputs";
  auto parts = buildTransformer(config, setup);
  if (!parts) return parts.error();
  q->m_config = std::move(parts->config);
  q->m_tokenizer = std::move(parts->tokenizer);
  q->m_tokenizerFiles = std::move(parts->tokenizerFiles);
  q->m_model = parts->model;
  return q;
}

QaAnswerRule TransformerQa::answerRule() const {
  QaAnswerRule rule;
  rule.allowNoAnswer = m_settings.noAnswer != "never";
  rule.noAnswerThreshold = m_settings.noAnswerThreshold;
  rule.multiSpanThreshold = m_settings.multiSpanThreshold;
  return rule;
}

QaDecodeOptions TransformerQa::decodeOptions() const {
  QaDecodeOptions o;
  o.maxAnswerLength = m_settings.maxAnswerLength;
  return o;
}

std::unique_ptr<QaInputs> TransformerQa::featurize(const std::vector<document::AnnotatedDocument>& documents,
                                                   std::vector<QaExample> examples, bool training) const {
  QaWindowOptions options;
  options.maxLength = m_settings.maxLength;
  options.stride = m_settings.stride;
  options.topK = training ? 0 : m_settings.topKWindows;
  return QaWindowBuilder(*m_tokenizer, options).build(documents, std::move(examples));
}

std::pair<at::Tensor, at::Tensor> TransformerQa::forward(const QaInputs& inputs, const std::vector<int32_t>& items) {
  size_t longest = 1;
  for (int32_t i : items) longest = std::max(longest, inputs.windows[static_cast<size_t>(i)].ids.size());
  const int64_t rows = static_cast<int64_t>(items.size());
  const int64_t cols = static_cast<int64_t>(longest);
  const int64_t pad = m_tokenizer->specialTokens().padId.value_or(0);
  std::vector<int64_t> ids(static_cast<size_t>(rows * cols), pad), mask(ids.size(), 0), types(ids.size(), 0);
  for (int64_t r = 0; r < rows; ++r) {
    const QaWindow& w = inputs.windows[static_cast<size_t>(items[static_cast<size_t>(r)])];
    for (size_t p = 0; p < w.ids.size(); ++p) {
      const size_t at = static_cast<size_t>(r * cols) + p;
      ids[at] = w.ids[p];
      mask[at] = 1;
      types[at] = p < w.typeIds.size() ? w.typeIds[p] : 0;
    }
  }
  const at::Tensor maskTensor = int64Tensor(mask, rows, cols).to(m_device);
  model::ForwardOptions fo;
  fo.hiddenStates = false;
  model::ModelOutput out = m_model->forward(int64Tensor(ids, rows, cols).to(m_device), maskTensor,
                                            int64Tensor(types, rows, cols).to(m_device), fo);
  // Padding can never be an answer's start or end.
  const at::Tensor padding = maskTensor.eq(0);
  return {out.startLogits.masked_fill(padding, -1e4), out.endLogits.masked_fill(padding, -1e4)};
}

at::Tensor TransformerQa::loss(const TaskInputs& base, const std::vector<int32_t>& items, const LossOptions& options) {
  const auto& inputs = static_cast<const QaInputs&>(base);
  std::vector<int64_t> starts, ends;
  for (int32_t i : items) {
    starts.push_back(inputs.windows[static_cast<size_t>(i)].startTarget);
    ends.push_back(inputs.windows[static_cast<size_t>(i)].endTarget);
  }
  const auto [startLogits, endLogits] = forward(inputs, items);
  const int64_t rows = static_cast<int64_t>(items.size());
  const at::Tensor startTargets = at::from_blob(starts.data(), {rows}, at::kLong).clone().to(m_device);
  const at::Tensor endTargets = at::from_blob(ends.data(), {rows}, at::kLong).clone().to(m_device);
  return (tokenLoss(startLogits, startTargets, {}, options.focalGamma) +
          tokenLoss(endLogits, endTargets, {}, options.focalGamma)) /
         2.0;
}

std::vector<QaWindowLogits> TransformerQa::windowLogits(const QaInputs& inputs, int batchSize) {
  std::vector<QaWindowLogits> out(inputs.windows.size());
  std::vector<int32_t> order;
  for (size_t w = 0; w < inputs.windows.size(); ++w)
    if (inputs.windows[w].read) order.push_back(static_cast<int32_t>(w));
  std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    return inputs.windows[static_cast<size_t>(a)].ids.size() < inputs.windows[static_cast<size_t>(b)].ids.size();
  });
  const bool wasTraining = m_model->is_training();
  m_model->eval();
  {
    at::NoGradGuard noGrad;
    const size_t step = static_cast<size_t>(std::max(1, batchSize));
    for (size_t begin = 0; begin < order.size(); begin += step) {
      const std::vector<int32_t> items(order.begin() + static_cast<std::ptrdiff_t>(begin),
                                       order.begin() + static_cast<std::ptrdiff_t>(std::min(order.size(), begin + step)));
      auto [startLogits, endLogits] = forward(inputs, items);
      const at::Tensor s = startLogits.to(at::kCPU).to(at::kFloat).contiguous();
      const at::Tensor e = endLogits.to(at::kCPU).to(at::kFloat).contiguous();
      const int64_t cols = s.size(1);
      for (size_t r = 0; r < items.size(); ++r) {
        const size_t length = inputs.windows[static_cast<size_t>(items[r])].ids.size();
        const float* sRow = s.data_ptr<float>() + static_cast<int64_t>(r) * cols;
        const float* eRow = e.data_ptr<float>() + static_cast<int64_t>(r) * cols;
        QaWindowLogits& target = out[static_cast<size_t>(items[r])];
        target.start.assign(sRow, sRow + length);
        target.end.assign(eRow, eRow + length);
      }
    }
  }
  if (wasTraining) m_model->train();
  return out;
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
  model::StateDict cpu;
  for (const auto& [name, tensor] : m_model->stateDict()) cpu[name] = tensor.detach().to(at::kCPU);
  return model::AtomicFolder::write(folder, [&](const fs::path& dir) -> Status {
    if (Status s = model::HfFolderWriter::writeInto(dir, m_config, cpu, m_tokenizerFiles); !s) return s;
    const json meta = {{"max_length", m_settings.maxLength},
                       {"stride", m_settings.stride},
                       {"max_answer_length", m_settings.maxAnswerLength},
                       {"top_k_windows", m_settings.topKWindows},
                       {"no_answer", m_settings.noAnswer},
                       {"null_threshold", m_settings.noAnswerThreshold},
                       {"multi_span_threshold", m_settings.multiSpanThreshold}};
    return writeTaskModelFile(dir, meta, "qa", "transformer", kQaOutputs);
  });
}

Result<std::unique_ptr<TransformerQa>> TransformerQa::load(const std::string& folder) {
  auto file = readTaskModelFile(folder, "qa");
  if (!file) return file.error();
  if (file->kind != "transformer")
    return Error("unknown model kind \"" + file->kind + "\" (expected transformer)", file->path, 0, "kind");
  if (file->labels != kQaOutputs)
    return Error("expected [\"start\", \"end\"] (the outputs of qa_outputs)", file->path, 0, "labels");
  const JsonFields meta(file->meta, file->path);
  QaModelSettings s;
  auto maxLength = meta.integer("max_length", 384, 8, 65536);
  if (!maxLength) return maxLength.error();
  auto stride = meta.integer("stride", 128, 0, *maxLength / 2 - 1);
  if (!stride) return stride.error();
  auto answerLength = meta.integer("max_answer_length", 30, 1, 65536);
  if (!answerLength) return answerLength.error();
  auto topK = meta.integer("top_k_windows", 0, 0, 1'000'000);
  if (!topK) return topK.error();
  auto noAnswer = meta.string("no_answer", "tune");
  if (!noAnswer) return noAnswer.error();
  if (*noAnswer != "tune" && *noAnswer != "fixed" && *noAnswer != "never")
    return meta.error("no_answer", "expected \"tune\", \"fixed\" or \"never\"");
  auto threshold = meta.number("null_threshold", 0.0);
  if (!threshold) return threshold.error();
  auto multiSpan = meta.number("multi_span_threshold", 0.0, 0.0, 1.0);
  if (!multiSpan) return multiSpan.error();
  s.maxLength = static_cast<int>(*maxLength);
  s.stride = static_cast<int>(*stride);
  s.maxAnswerLength = static_cast<int>(*answerLength);
  s.topKWindows = static_cast<int>(*topK);
  s.noAnswer = *noAnswer;
  s.noAnswerThreshold = *threshold;
  s.multiSpanThreshold = *multiSpan;
  TrainConfig config;
  config.task = "qa";
  config.kind = ModelKind::Transformer;
  config.modelFolder = folder;
  config.maxLength = s.maxLength;
  return build(config, s, true);
}

void TransformerQa::to(const c10::Device& device) {
  m_device = device;
  m_model->to(device);
}

}  // namespace quarry::train
