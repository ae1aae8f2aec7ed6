#include "train/Distillation.h"

#include <algorithm>

#include <ATen/TensorOperators.h>
#include <ATen/ops/clamp.h>
#include <ATen/ops/exp.h>
#include <ATen/ops/from_blob.h>
#include <ATen/ops/log.h>
#include <ATen/ops/log_sigmoid.h>
#include <ATen/ops/log_softmax.h>
#include <ATen/ops/logit.h>
#include <ATen/ops/sigmoid.h>
#include <ATen/ops/softmax.h>
#include <ATen/ops/sum.h>

namespace quarry::train {

at::Tensor distillationLoss(const at::Tensor& logits, const at::Tensor& teacher, double temperature,
                            bool multiLabel) {
  if (logits.size(0) == 0) return logits.sum() * 0.0;
  const double t = temperature > 0 ? temperature : 1.0;
  const at::Tensor student = logits.to(at::kFloat) / t;
  const at::Tensor p = teacher.to(at::kFloat).clamp(1e-7, 1.0 - 1e-7);
  if (multiLabel) {
    // Each class: the teacher's p softened to sigmoid(logit(p) / T) against sigmoid(student / T).
    const at::Tensor pT = at::sigmoid(at::logit(p) / t);
    const at::Tensor kl = pT * (at::log(pT) - at::log_sigmoid(student)) +
                          (1 - pT) * (at::log(1 - pT) - at::log_sigmoid(-student));
    return kl.mean() * (t * t);
  }
  // p^(1/T) renormalised = softmax(log p / T).
  const at::Tensor logPT = at::log_softmax(at::log(p) / t, -1);
  const at::Tensor kl = (at::exp(logPT) * (logPT - at::log_softmax(student, -1))).sum(-1);
  return kl.mean() * (t * t);
}

at::Tensor blendWithTeacher(const at::Tensor& gold, const at::Tensor& soft, double alpha) {
  if (!gold.defined()) return soft * alpha;
  return gold * (1.0 - alpha) + soft * alpha;
}

at::Tensor teacherRows(const TeacherTargets& teacher, const std::vector<const float*>& rows, const at::Device& device) {
  std::vector<float> flat;
  flat.reserve(rows.size() * static_cast<size_t>(teacher.classes));
  for (const float* row : rows) flat.insert(flat.end(), row, row + teacher.classes);
  return at::from_blob(flat.data(), {static_cast<int64_t>(rows.size()), teacher.classes}, at::kFloat)
      .clone()
      .to(device);
}

Result<std::vector<int32_t>> mapTeacherClasses(const std::vector<std::string>& teacherClasses,
                                               const std::vector<std::string>& studentClasses,
                                               const std::string& teacherFolder) {
  std::vector<int32_t> map;
  for (const std::string& name : studentClasses) {
    auto at = std::find(teacherClasses.begin(), teacherClasses.end(), name);
    if (at == teacherClasses.end())
      return Error("the teacher has no class \"" + name + "\" that the student learns: distil from a teacher trained on the same labels",
                   teacherFolder, 0, "teacher_folder");
    map.push_back(static_cast<int32_t>(at - teacherClasses.begin()));
  }
  for (const std::string& name : teacherClasses)
    if (std::find(studentClasses.begin(), studentClasses.end(), name) == studentClasses.end())
      return Error("the teacher predicts \"" + name + "\", which the student's training data does not have", teacherFolder,
                   0, "teacher_folder");
  return map;
}

Status setUpTeacher(const TrainConfig& config, bool hasUnlabelled, TeacherTargets& targets) {
  if (hasUnlabelled && config.teacherFolder.empty())
    return Error("unlabelled documents train only with a teacher to label them (teacher_folder)", "", 0, "unlabelled");
  targets.teacherFolder = config.teacherFolder;
  targets.temperature = config.distillTemperature;
  targets.alpha = config.distillAlpha;
  return {};
}

c10::Device deviceOf(TaskModel& model) {
  const std::vector<at::Tensor> parameters = model.module().parameters();
  return parameters.empty() ? c10::Device(c10::kCPU) : parameters.front().device();
}

Error teacherLoadError(Error loaded) {
  loaded.message = "the teacher cannot be loaded: " + loaded.message;
  if (loaded.field.empty()) loaded.field = "teacher_folder";
  return loaded;
}

void appendMappedRow(const float* teacherRow, const std::vector<int32_t>& map, std::vector<float>& out) {
  for (int32_t from : map) out.push_back(teacherRow[from]);
}

}  // namespace quarry::train
