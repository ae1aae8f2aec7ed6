#include "train/multi/MultiTaskModel.h"

#include <filesystem>
#include <set>

#include <ATen/ops/zeros.h>

#include "model/checkpoint/AtomicFolder.h"
#include "model/encoder/TransformerModel.h"
#include "train/TaskModelFile.h"
#include "train/TrainConfig.h"

namespace quarry::train {
namespace fs = std::filesystem;

std::vector<int32_t> MultiTaskInputs::itemLengths() const {
  std::vector<std::vector<int32_t>> lengths;
  for (const auto& t : tasks) lengths.push_back(t ? t->itemLengths() : std::vector<int32_t>());
  std::vector<int32_t> out;
  out.reserve(items.size());
  for (const auto& [task, item] : items)
    out.push_back(lengths[static_cast<size_t>(task)][static_cast<size_t>(item)]);
  return out;
}

Result<std::unique_ptr<MultiTaskModel>> MultiTaskModel::create(
    std::vector<std::string> names, std::vector<std::unique_ptr<TaskModel>> models) {
  if (models.empty() || names.size() != models.size())
    return Error("a multi-task model needs one model per task", "", 0, "tasks");
  model::TransformerModelImpl* first = models.front()->transformerModel();
  for (size_t t = 0; t < models.size(); ++t) {
    model::TransformerModelImpl* own = models[t]->transformerModel();
    if (!own)
      return Error("multi-task training shares a transformer encoder; the " + names[t] + " model is " +
                       models[t]->describe(),
                   "", 0, "model");
    if (t == 0) continue;
    if (own->config().vocabSize != first->config().vocabSize)
      return Error(
          "the " + names[t] + " model's vocabulary (" + std::to_string(own->config().vocabSize) +
              " tokens) differs from the " + names[0] + " model's (" +
              std::to_string(first->config().vocabSize) +
              "): relation extraction's entity markers add tokens; beside other tasks train relations "
              "with relation_input \"pair\"",
          "", 0, "tasks");
    if (Status s = own->shareBodyOf(*first); !s) return s.error();
  }
  std::unique_ptr<MultiTaskModel> m(new MultiTaskModel());
  m->m_root = std::make_shared<torch::nn::Module>("MultiTask");
  for (size_t t = 0; t < models.size(); ++t) {
    // The shared modules appear under every task; parameter lists are deduplicated where they are used.
    m->m_root->register_module(names[t],
                               std::shared_ptr<torch::nn::Module>(&models[t]->module(), [](auto*) {}));
  }
  m->m_names = std::move(names);
  m->m_models = std::move(models);
  m->m_classWeights.resize(m->m_models.size());
  return m;
}

std::string MultiTaskModel::describe() const {
  std::string out = "multi-task on one encoder:";
  for (size_t t = 0; t < m_models.size(); ++t)
    out += (t ? "; " : " ") + m_names[t] + " " + m_models[t]->describe();
  return out;
}

at::Tensor MultiTaskModel::loss(const TaskInputs& base, const std::vector<int32_t>& items,
                                const LossOptions& options) {
  const auto& inputs = static_cast<const MultiTaskInputs&>(base);
  std::vector<std::vector<int32_t>> byTask(m_models.size());
  for (int32_t i : items) {
    const auto& [task, item] = inputs.items.at(static_cast<size_t>(i));
    byTask[static_cast<size_t>(task)].push_back(item);
  }
  at::Tensor total;
  for (size_t t = 0; t < m_models.size(); ++t) {
    if (byTask[t].empty() || !inputs.tasks[t]) continue;
    LossOptions own = options;
    own.classWeights = m_classWeights[t];
    own.teacher = nullptr;
    // Each task's mean loss weighted by its share of the batch: the batch's mean over its items.
    const at::Tensor l = m_models[t]->loss(*inputs.tasks[t], byTask[t], own) *
                         (static_cast<double>(byTask[t].size()) / static_cast<double>(items.size()));
    total = total.defined() ? total + l : l;
  }
  return total.defined() ? total : at::zeros({}, at::kFloat);
}

std::vector<model::ParameterGroup> MultiTaskModel::parameterGroups() {
  std::vector<model::ParameterGroup> out;
  std::set<const void*> seen;
  for (size_t t = 0; t < m_models.size(); ++t)
    for (model::ParameterGroup g : m_models[t]->parameterGroups()) {
      model::ParameterGroup kept;
      kept.layer = g.layer;
      kept.decay = g.decay;
      for (size_t i = 0; i < g.parameters.size(); ++i)
        if (seen.insert(g.parameters[i].unsafeGetTensorImpl()).second) {
          kept.parameters.push_back(g.parameters[i]);
          kept.names.push_back(m_names[t] + "/" + (i < g.names.size() ? g.names[i] : std::string()));
        }
      if (kept.parameters.empty()) continue;
      // The shared blocks keep their names; a task's own (its head) is named after the task.
      kept.name = t == 0 && g.name.rfind("head", 0) != 0 ? g.name : m_names[t] + "." + g.name;
      out.push_back(std::move(kept));
    }
  return out;
}

model::StateDict MultiTaskModel::weights() const {
  model::StateDict all;
  for (size_t t = 0; t < m_models.size(); ++t)
    for (const auto& [name, tensor] : m_models[t]->weights()) all[m_names[t] + "/" + name] = tensor;
  return all;
}

Status MultiTaskModel::loadWeights(const model::StateDict& weights) {
  std::vector<model::StateDict> parts(m_models.size());
  for (const auto& [name, tensor] : weights) {
    const size_t slash = name.find('/');
    bool placed = false;
    for (size_t t = 0; t < m_names.size() && slash != std::string::npos; ++t)
      if (name.compare(0, slash, m_names[t]) == 0) {
        parts[t][name.substr(slash + 1)] = tensor;
        placed = true;
      }
    if (!placed) return Error("not a tensor of this multi-task model", "", 0, name);
  }
  for (size_t t = 0; t < m_models.size(); ++t)
    if (Status s = m_models[t]->loadWeights(parts[t]); !s) return s;
  return {};
}

Status MultiTaskModel::save(const std::string& folder) {
  return model::AtomicFolder::write(folder, [&](const fs::path& dir) -> Status {
    for (size_t t = 0; t < m_models.size(); ++t)
      if (Status s = m_models[t]->save((dir / m_names[t]).string()); !s) return s;
    return writeTaskModelFile(dir, {{"tasks", m_names}}, kMultiTaskName, "transformer", m_names);
  });
}

void MultiTaskModel::to(const c10::Device& device) {
  for (auto& m : m_models) m->to(device);
}

}  // namespace quarry::train
