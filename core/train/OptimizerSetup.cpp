#include "train/OptimizerSetup.h"

#include <algorithm>
#include <cmath>

namespace quarry::train {

Result<OptimizerSetup> OptimizerSetup::create(TaskModel& model, const TrainConfig& config) {
  if (config.unfreezeEvery > 0 && !model.isTransformer())
    return Error("gradual unfreezing trains a transformer's layers top down; " + model.describe() +
                     " has none (set unfreeze_every to 0)",
                 "", 0, "unfreeze_every");
  OptimizerSetup setup;
  setup.m_bySteps = config.unfreezeUnit == "steps";
  std::vector<model::ParameterGroup> groups = model.parameterGroups();
  for (const auto& g : groups) setup.m_top = std::max(setup.m_top, g.layer);
  const int top = setup.m_top;
  const double lr = config.effectiveLearningRate();
  for (model::ParameterGroup& g : groups) {
    // Parameters the model keeps fixed itself (a LoRA model's base) stay out of the optimizer; the groups'
    // layer numbers, and so the head and the layer-wise rates, are those of the whole model.
    OptimizedGroup out;
    for (size_t i = 0; i < g.parameters.size(); ++i)
      if (g.parameters[i].requires_grad()) {
        out.names.push_back(i < g.names.size() ? g.names[i] : std::string());
        out.parameters.push_back(g.parameters[i]);
      }
    if (out.parameters.empty()) continue;
    const bool isCrf = g.name.rfind("crf", 0) == 0;
    const bool isHead = g.layer == top;
    const bool frozen =
        model.isTransformer() && !isHead &&
        ((g.layer == 0 && config.freezeEmbeddings) || (g.layer >= 1 && g.layer <= config.freezeLayers) ||
         (g.layer == 0 && config.freezeLayers > 0 && config.freezeEmbeddings));
    if (frozen) {
      for (at::Tensor& p : out.parameters) p.requires_grad_(false);
      continue;
    }
    double rate = lr;
    if (isHead) rate = config.effectiveHeadLearningRate();
    if (isCrf && model.isTransformer() && config.headLearningRate <= 0) rate = std::min(1e-2, lr * 100);
    if (!isHead && config.layerDecay < 1.0) rate = lr * std::pow(config.layerDecay, top - g.layer);
    out.name = g.name;
    out.layer = g.layer;
    out.baseRate = rate;
    out.weightDecay = g.decay ? config.weightDecay : 0.0;
    // The top encoder layer (top - 1) trains from the start, each one below N units later.
    if (config.unfreezeEvery > 0 && !isHead)
      out.unfreezeAt = static_cast<int64_t>(top - 1 - g.layer) * config.unfreezeEvery;
    for (const at::Tensor& p : out.parameters) setup.m_all.push_back(p);
    setup.m_groups.push_back(std::move(out));
  }
  return setup;
}

std::vector<model::AdamWGroup> OptimizerSetup::adamwGroups() const {
  std::vector<model::AdamWGroup> out;
  for (const OptimizedGroup& g : m_groups) {
    model::AdamWGroup group;
    group.parameters = g.parameters;
    group.options.lr = g.baseRate;
    group.options.weightDecay = g.weightDecay;
    out.push_back(std::move(group));
  }
  return out;
}

int64_t OptimizerSetup::parameterCount() const {
  int64_t count = 0;
  for (const at::Tensor& p : m_all) count += p.numel();
  return count;
}

bool OptimizerSetup::trains(size_t group, int64_t step, int epoch) const {
  return (m_bySteps ? step : static_cast<int64_t>(epoch)) >= m_groups.at(group).unfreezeAt;
}

std::vector<std::string> OptimizerSetup::applyUnfreezing(int64_t step, int epoch) {
  std::vector<std::string> started;
  for (size_t g = 0; g < m_groups.size(); ++g) {
    const bool on = trains(g, step, epoch);
    for (at::Tensor& p : m_groups[g].parameters) {
      if (p.requires_grad() == on) continue;
      p.requires_grad_(on);
      if (on && (started.empty() || started.back() != m_groups[g].name)) started.push_back(m_groups[g].name);
    }
  }
  return started;
}

}  // namespace quarry::train
