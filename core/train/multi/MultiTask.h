#pragma once
// Multi-task training as a task of the Trainer ("multi"): the tasks of config.tasks (two or more of ner,
// classify, relation, qa) built from the same documents, each as its own TrainingTask (its data, labels,
// featurizing and scoring unchanged), trained together as one MultiTaskModel over one shared encoder.
//
// SAMPLING: every task's training items are in the Trainer's batches; with task_temperature T > 1 a task
// of n items is repeated so that its share of the items is proportional to n^(1/T) (a temperature-scaled
// mixture, as in multilingual and multi-task training; T = 1 keeps the data's proportions). A task's items
// are repeated whole times and the remainder drawn by a seeded shuffle.
//
// METRIC: each task is scored on dev by its own evaluation; the primary figure is their mean
// ("mean_primary"), and the history and report carry every task's figures ("ner_f1", ...). Tasks without
// dev data are left out of the mean.

#include <memory>
#include <string>
#include <vector>

#include "common/Error.h"
#include "train/Trainer.h"
#include "train/TrainingTask.h"

namespace quarry::train {

class MultiTask : public TrainingTask {
 public:
  // Each task of request.config.tasks made from the request (config.task set to it). Errors name the
  // task whose data or options fail.
  static Result<std::unique_ptr<MultiTask>> create(const TrainRequest& request);

  std::string name() const override { return kMultiTaskName; }
  Result<std::unique_ptr<TaskModel>> createModel(const TrainConfig& config) override;
  Result<std::unique_ptr<TaskModel>> loadModel(const std::string& folder) override;
  Result<std::unique_ptr<TaskInputs>> featurizeTrain(TaskModel& model) override;
  Result<std::unique_ptr<TaskInputs>> featurizeDev(TaskModel& model) override;
  // Sets every task's own weights on the model (their softmaxes differ) and returns none for the whole.
  at::Tensor classWeights(const TrainConfig& config, TaskModel& model) override;
  Result<MetricReport> evaluate(TaskModel& model, const TaskInputs& dev, int batchSize) override;
  std::string dataFingerprint() const override;
  nlohmann::json dataRecord() const override;

  // How many times each of a task's n items is trained per epoch for the shares n^(1/T) (at least once):
  // the repeat counts of tasks with `counts` items.
  static std::vector<double> repeatFactors(const std::vector<size_t>& counts, double temperature);

 private:
  MultiTask() = default;
  TrainConfig taskConfig(const TrainConfig& config, size_t task) const;

  TrainConfig m_config;
  std::vector<std::string> m_names;
  std::vector<std::unique_ptr<TrainingTask>> m_tasks;
  std::vector<size_t> m_trainItems, m_sampledItems;
};

// The tasks' reports as one (primary: the mean of their primaries).
MetricReport multiTaskMetricReport(const std::vector<std::string>& names,
                                   const std::vector<MetricReport>& reports);

}  // namespace quarry::train
