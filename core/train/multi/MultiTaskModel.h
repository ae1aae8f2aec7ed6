#pragma once
// Several task models (NER, classification, relations, QA) over one transformer encoder: each task keeps
// its own head (and its own pooler), the embeddings and encoder layers are one set of modules and tensors
// (model::TransformerModelImpl::shareBodyOf), so every task's loss trains them. The Trainer sees one
// TaskModel: the loss of a batch is the tasks' losses over their own items, weighted by their share of
// the batch; the parameter groups hold each shared tensor once.
//
// Saved as one model folder per task (<folder>/<task>/, each a complete folder of its task that the task's
// loader, the CLI and transformers read on their own: the per-task export) and quarry_task.json (task
// "multi", "tasks"). Reloading shares the encoder again.

#include <memory>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>
#include <torch/nn/module.h>

#include "common/Error.h"
#include "train/TaskModel.h"

namespace quarry::train {

// Items of several tasks: each task's own inputs and, in order, which task's item each item is (a task's
// items may appear more than once: task_temperature repeats a small task's).
class MultiTaskInputs : public TaskInputs {
 public:
  std::vector<std::unique_ptr<TaskInputs>> tasks;  // null where a task has no items (dev)
  std::vector<std::pair<int32_t, int32_t>> items;  // (task, the task's item)
  size_t itemCount() const override { return items.size(); }
  std::vector<int32_t> itemLengths() const override;
};

class MultiTaskModel : public TaskModel {
 public:
  // Takes the task models (in the order of `names`) and makes them share the first one's encoder. Errors
  // name what cannot be shared (a from-scratch model, encoders of other shapes or vocabularies).
  static Result<std::unique_ptr<MultiTaskModel>> create(std::vector<std::string> names,
                                                        std::vector<std::unique_ptr<TaskModel>> models);

  const std::vector<std::string>& names() const { return m_names; }
  TaskModel& model(size_t task) { return *m_models.at(task); }
  // Class weights of task `task`'s softmax (TrainingTask::classWeights), used by its loss.
  void setClassWeights(size_t task, at::Tensor weights) { m_classWeights.at(task) = std::move(weights); }

  std::string describe() const override;
  bool isTransformer() const override { return true; }
  at::Tensor loss(const TaskInputs& inputs, const std::vector<int32_t>& items,
                  const LossOptions& options) override;
  torch::nn::Module& module() override { return *m_root; }
  // Every task's groups, each shared tensor in the first task's group only; head groups named
  // "<task>.head".
  std::vector<model::ParameterGroup> parameterGroups() override;
  // "<task>/<name>" for each task's tensors (the shared ones under every task).
  model::StateDict weights() const override;
  Status loadWeights(const model::StateDict& weights) override;
  Status save(const std::string& folder) override;
  void to(const c10::Device& device) override;
  std::vector<std::vector<float>> documentEmbeddings(const std::vector<std::string>& texts,
                                                     int batchSize) override {
    return m_models.front()->documentEmbeddings(texts, batchSize);
  }
  model::TransformerModelImpl* transformerModel() override { return m_models.front()->transformerModel(); }
  // Every task's body (they share their layers, each runs them itself).
  bool setGradientCheckpointing(bool on) override {
    bool all = true;
    for (auto& m : m_models) all = m->setGradientCheckpointing(on) && all;
    return all;
  }

 private:
  MultiTaskModel() = default;

  std::vector<std::string> m_names;
  std::vector<std::unique_ptr<TaskModel>> m_models;
  std::vector<at::Tensor> m_classWeights;
  std::shared_ptr<torch::nn::Module> m_root;
};

}  // namespace quarry::train
