#pragma once
// One task's side of a training run, for the Trainer: it owns the task's training and dev data, builds or
// reloads the task model, featurizes the data for it, and scores a model on dev to a MetricReport. The
// Trainer owns everything else (optimiser, schedule, batching, evaluation cadence, early stopping, best/
// and last/, resume, cancellation, time limit, the run record), identically for every task.

#include <memory>
#include <string>

#include <ATen/core/Tensor.h>
#include <nlohmann/json.hpp>

#include "common/Error.h"
#include "train/MetricReport.h"
#include "train/TaskModel.h"
#include "train/TrainConfig.h"

namespace quarry::train {

class TrainingTask {
 public:
  virtual ~TrainingTask() = default;
  // "ner", "relation", "qa", "classify".
  virtual std::string name() const = 0;
  // A new model for `config` (from a checkpoint folder, random, or from scratch), shaped for the labels
  // found in the training data.
  virtual Result<std::unique_ptr<TaskModel>> createModel(const TrainConfig& config) = 0;
  // A model folder written by TaskModel::save (resume, rescoring the best model).
  virtual Result<std::unique_ptr<TaskModel>> loadModel(const std::string& folder) = 0;
  // The training items for `model`; dev items, or null when there is no dev data.
  virtual Result<std::unique_ptr<TaskInputs>> featurizeTrain(TaskModel& model) = 0;
  virtual Result<std::unique_ptr<TaskInputs>> featurizeDev(TaskModel& model) = 0;
  // "balanced" class weights over the model's classes from the training labels (inverse frequency),
  // undefined when config.classWeights is "none" or the task has no softmax over classes.
  virtual at::Tensor classWeights(const TrainConfig& config, TaskModel& model) = 0;
  // Scores `model` (in eval mode, without gradients) on the dev items `featurizeDev` made.
  virtual Result<MetricReport> evaluate(TaskModel& model, const TaskInputs& dev, int batchSize) = 0;
  // A short hash of the training and dev data: a resume on other data is refused.
  virtual std::string dataFingerprint() const = 0;
  // Distillation: the teacher's soft targets over the training units, made while featurizing the training
  // data (featurizeTrain) when the config names a teacher; null otherwise.
  virtual const TeacherTargets* teacherTargets() const { return nullptr; }
  // What the run record says about the data ({"train_documents": n, "entity_types": [...], ...}).
  virtual nlohmann::json dataRecord() const = 0;
};

}  // namespace quarry::train
