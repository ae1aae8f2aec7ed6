#include "train/qa/QaModel.h"

#include <algorithm>

#include <ATen/ops/from_blob.h>
#include <nlohmann/json.hpp>

#include "common/JsonReader.h"
#include "model/kernels/HostToDevice.h"
#include "train/TaskModelFile.h"
#include "train/TokenLoss.h"
#include "train/qa/BiLstmQaReader.h"
#include "train/qa/TransformerQa.h"

namespace quarry::train {
using nlohmann::json;

json QaModelSettings::toJson() const {
  return {{"max_length", maxLength},
          {"stride", stride},
          {"max_answer_length", maxAnswerLength},
          {"top_k_windows", topKWindows},
          {"no_answer", noAnswer},
          {"null_threshold", noAnswerThreshold},
          {"multi_span_threshold", multiSpanThreshold}};
}

Result<QaModelSettings> QaModelSettings::fromJson(const json& metaJson, const std::string& path) {
  const JsonFields meta(metaJson, path);
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
  QaModelSettings s;
  s.maxLength = static_cast<int>(*maxLength);
  s.stride = static_cast<int>(*stride);
  s.maxAnswerLength = static_cast<int>(*answerLength);
  s.topKWindows = static_cast<int>(*topK);
  s.noAnswer = *noAnswer;
  s.noAnswerThreshold = *threshold;
  s.multiSpanThreshold = *multiSpan;
  return s;
}

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

QaAnswerRule QaModel::answerRule() const {
  QaAnswerRule rule;
  rule.allowNoAnswer = m_settings.noAnswer != "never";
  rule.noAnswerThreshold = m_settings.noAnswerThreshold;
  rule.multiSpanThreshold = m_settings.multiSpanThreshold;
  return rule;
}

QaDecodeOptions QaModel::decodeOptions() const {
  QaDecodeOptions o;
  o.maxAnswerLength = m_settings.maxAnswerLength;
  return o;
}

QaWindowOptions QaModel::windowOptions(bool training) const {
  QaWindowOptions o;
  o.maxLength = m_settings.maxLength;
  o.stride = m_settings.stride;
  o.topK = training ? 0 : m_settings.topKWindows;
  return o;
}

at::Tensor QaModel::loss(const TaskInputs& base, const std::vector<int32_t>& items, const LossOptions& options) {
  const auto& inputs = static_cast<const QaInputs&>(base);
  std::vector<int64_t> starts, ends;
  for (int32_t i : items) {
    starts.push_back(inputs.windows[static_cast<size_t>(i)].startTarget);
    ends.push_back(inputs.windows[static_cast<size_t>(i)].endTarget);
  }
  const auto [startLogits, endLogits] = forward(inputs, items);
  const int64_t rows = static_cast<int64_t>(items.size());
  const at::Tensor startTargets =
      model::hostToDevice(at::from_blob(starts.data(), {rows}, at::kLong).clone(), device());
  const at::Tensor endTargets =
      model::hostToDevice(at::from_blob(ends.data(), {rows}, at::kLong).clone(), device());
  return (tokenLoss(startLogits, startTargets, {}, options.focalGamma) +
          tokenLoss(endLogits, endTargets, {}, options.focalGamma)) /
         2.0;
}

std::vector<QaWindowLogits> QaModel::windowLogits(const QaInputs& inputs, int batchSize) {
  std::vector<QaWindowLogits> out(inputs.windows.size());
  std::vector<int32_t> order;
  for (size_t w = 0; w < inputs.windows.size(); ++w)
    if (inputs.windows[w].read) order.push_back(static_cast<int32_t>(w));
  std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    return inputs.windows[static_cast<size_t>(a)].ids.size() < inputs.windows[static_cast<size_t>(b)].ids.size();
  });
  torch::nn::Module& m = module();
  const bool wasTraining = m.is_training();
  m.eval();
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
  if (wasTraining) m.train();
  return out;
}

Result<std::unique_ptr<QaModel>> createQaModel(const TrainConfig& config,
                                               const std::vector<document::AnnotatedDocument>& train) {
  if (config.kind == ModelKind::Transformer) {
    auto q = TransformerQa::create(config);
    if (!q) return q.error();
    return std::unique_ptr<QaModel>(std::move(q.value()));
  }
  auto r = BiLstmQaReader::create(config, train);
  if (!r) return r.error();
  return std::unique_ptr<QaModel>(std::move(r.value()));
}

Result<std::unique_ptr<QaModel>> loadQaModel(const std::string& folder) {
  auto file = readTaskModelFile(folder, "qa");
  if (!file) return file.error();
  if (file->kind == "transformer") {
    auto q = TransformerQa::load(folder, file.value());
    if (!q) return q.error();
    return std::unique_ptr<QaModel>(std::move(q.value()));
  }
  if (file->kind == BiLstmQaReader::kKind) {
    auto r = BiLstmQaReader::load(folder, file.value());
    if (!r) return r.error();
    return std::unique_ptr<QaModel>(std::move(r.value()));
  }
  return Error("unknown model kind \"" + file->kind + "\" (expected transformer or " + BiLstmQaReader::kKind + ")",
               file->path, 0, "kind");
}

}  // namespace quarry::train
