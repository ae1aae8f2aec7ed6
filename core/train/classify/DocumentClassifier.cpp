#include "train/classify/DocumentClassifier.h"

#include <algorithm>
#include <cmath>

#include <ATen/ops/from_blob.h>

#include "common/JsonReader.h"
#include "model/kernels/HostToDevice.h"
#include "train/Distillation.h"
#include "train/TaskModelFile.h"
#include "train/TokenLoss.h"
#include "train/classify/NgramClassifier.h"
#include "train/classify/TransformerClassifier.h"

namespace quarry::train {

std::vector<int32_t> DocumentClassifier::decide(const std::vector<float>& probabilities) const {
  std::vector<int32_t> out;
  if (probabilities.empty()) return out;
  if (!multiLabel()) {
    out.push_back(static_cast<int32_t>(std::max_element(probabilities.begin(), probabilities.end()) -
                                       probabilities.begin()));
    return out;
  }
  const std::vector<float>& t = thresholds();
  for (size_t i = 0; i < probabilities.size(); ++i)
    if (probabilities[i] >= (i < t.size() ? t[i] : 0.5f)) out.push_back(static_cast<int32_t>(i));
  return out;
}

std::vector<float> tuneThresholds(const std::vector<std::vector<float>>& probabilities,
                                  const std::vector<std::vector<int32_t>>& gold, size_t labelCount) {
  std::vector<float> out(labelCount, 0.5f);
  for (size_t label = 0; label < labelCount; ++label) {
    int64_t positives = 0;
    for (const auto& g : gold) positives += std::count(g.begin(), g.end(), static_cast<int32_t>(label)) > 0;
    if (positives == 0) continue;
    double bestF1 = -1;
    for (int step = 1; step <= 19; ++step) {
      const float threshold = 0.05f * static_cast<float>(step);
      int64_t tp = 0, predicted = 0;
      for (size_t i = 0; i < probabilities.size() && i < gold.size(); ++i) {
        if (label >= probabilities[i].size() || probabilities[i][label] < threshold) continue;
        ++predicted;
        tp += std::count(gold[i].begin(), gold[i].end(), static_cast<int32_t>(label)) > 0;
      }
      const double f1 = predicted + positives > 0 ? 2.0 * static_cast<double>(tp) / static_cast<double>(predicted + positives) : 0.0;
      const bool nearer = std::fabs(threshold - 0.5f) < std::fabs(out[label] - 0.5f);
      if (f1 > bestF1 + 1e-12 || (std::fabs(f1 - bestF1) <= 1e-12 && nearer)) {
        bestF1 = f1;
        out[label] = threshold;
      }
    }
  }
  return out;
}

namespace {

at::Tensor goldLoss(const at::Tensor& logits, const std::vector<const std::vector<int32_t>*>& rowLabels,
                    bool multiLabel, const LossOptions& options) {
  const int64_t rows = static_cast<int64_t>(rowLabels.size()), classes = logits.size(1);
  if (multiLabel) {
    std::vector<float> targets(static_cast<size_t>(rows * classes), 0.0f);
    for (size_t r = 0; r < rowLabels.size(); ++r)
      for (int32_t l : *rowLabels[r]) targets[r * static_cast<size_t>(classes) + static_cast<size_t>(l)] = 1.0f;
    const at::Tensor t = model::hostToDevice(
        at::from_blob(targets.data(), {rows, classes}, at::kFloat).clone(), logits.device());
    return multiLabelLoss(logits, t, options.classWeights, options.focalGamma);
  }
  std::vector<int64_t> labels;
  bool any = false;
  for (const std::vector<int32_t>* l : rowLabels) {
    labels.push_back(l->empty() ? -100 : l->front());
    any = any || !l->empty();
  }
  if (!any) return logits.sum() * 0.0;
  const at::Tensor t =
      model::hostToDevice(at::from_blob(labels.data(), {rows}, at::kLong).clone(), logits.device());
  return tokenLoss(logits, t, options.classWeights, options.focalGamma);
}

}  // namespace

at::Tensor classificationLoss(const at::Tensor& logits, const std::vector<const std::vector<int32_t>*>& rowLabels,
                              const std::vector<int32_t>& rowExamples, bool multiLabel, const LossOptions& options) {
  if (!options.teacher) return goldLoss(logits, rowLabels, multiLabel, options);
  const TeacherTargets& teacher = *options.teacher;
  std::vector<int64_t> goldRows;
  std::vector<const std::vector<int32_t>*> goldLabels;
  std::vector<const float*> soft;
  for (size_t r = 0; r < rowLabels.size(); ++r) {
    const auto example = static_cast<size_t>(rowExamples[r]);
    if (!teacher.unlabelled[example]) {
      goldRows.push_back(static_cast<int64_t>(r));
      goldLabels.push_back(rowLabels[r]);
    }
    soft.push_back(teacher.units[example].data());
  }
  at::Tensor gold;
  if (!goldRows.empty()) {
    const at::Tensor pick = model::hostToDevice(
        at::from_blob(goldRows.data(), {static_cast<int64_t>(goldRows.size())}, at::kLong).clone(),
        logits.device());
    gold = goldLoss(logits.index_select(0, pick), goldLabels, multiLabel, options);
  }
  return blendWithTeacher(gold,
                          distillationLoss(logits, teacherRows(teacher, soft, logits.device()), teacher.temperature, multiLabel),
                          teacher.alpha);
}

Result<std::vector<float>> readThresholds(const JsonFields& meta, size_t labelCount, bool multiLabel) {
  std::vector<float> thresholds;
  if (!multiLabel) return thresholds;
  const nlohmann::json* t = meta.find("thresholds");
  if (!t || !t->is_array() || t->size() != labelCount)
    return meta.error("thresholds", "expected one threshold per label (" + std::to_string(labelCount) + ")");
  for (const nlohmann::json& v : *t) {
    if (!v.is_number() || !(v.get<double>() >= 0 && v.get<double>() <= 1))
      return meta.error("thresholds", "expected numbers between 0 and 1, got " + jsonSummary(v));
    thresholds.push_back(v.get<float>());
  }
  return thresholds;
}

Result<std::unique_ptr<DocumentClassifier>> createDocumentClassifier(const TrainConfig& config,
                                                                     const std::vector<std::string>& labels,
                                                                     bool multiLabel,
                                                                     const std::vector<ClassifyExample>& train) {
  if (config.kind == ModelKind::FromScratch) {
    auto c = NgramClassifier::create(config, labels, multiLabel, train);
    if (!c) return c.error();
    return std::unique_ptr<DocumentClassifier>(std::move(c.value()));
  }
  auto c = TransformerClassifier::create(config, labels, multiLabel);
  if (!c) return c.error();
  return std::unique_ptr<DocumentClassifier>(std::move(c.value()));
}

Result<std::unique_ptr<DocumentClassifier>> loadDocumentClassifier(const std::string& folder) {
  auto file = readTaskModelFile(folder, "classify");
  if (!file) return file.error();
  if (file->kind == "ngram") {
    auto c = NgramClassifier::load(folder, file.value());
    if (!c) return c.error();
    return std::unique_ptr<DocumentClassifier>(std::move(c.value()));
  }
  if (file->kind == "transformer") {
    auto c = TransformerClassifier::load(folder, file.value());
    if (!c) return c.error();
    return std::unique_ptr<DocumentClassifier>(std::move(c.value()));
  }
  return Error("unknown model kind \"" + file->kind + "\" (expected ngram or transformer)", file->path, 0, "kind");
}

}  // namespace quarry::train
