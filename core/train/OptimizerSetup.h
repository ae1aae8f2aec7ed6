#pragma once
// Which parameters a training run optimises and how: the task model's parameter groups (train/TaskModel.h)
// less what stays fixed (a LoRA model's base, freeze_embeddings, freeze_layers), each with its base
// learning rate (learning_rate, head_learning_rate, layer_decay from the top layer down) and weight decay,
// in the order FusedAdamW and the checkpoints of last/ number them; and, with unfreeze_every, when each
// group starts to train (gradual unfreezing: the head and the top encoder layer first, one more layer below
// every N steps or epochs, the embeddings last).

#include <cstdint>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

#include "common/Error.h"
#include "model/optim/FusedAdamW.h"
#include "train/TaskModel.h"
#include "train/TrainConfig.h"

namespace quarry::train {

struct OptimizedGroup {
  std::string name;                    // the model's group name ("layer.1.no_decay", "head", "crf.no_decay")
  int layer = 0;                       // 0 embeddings, 1..L encoder layers, L+1 the head
  std::vector<std::string> names;      // of `parameters`
  std::vector<at::Tensor> parameters;  // the trained ones (a LoRA base's tensors are left out)
  double baseRate = 0;                 // learning rate before the schedule's factor
  double weightDecay = 0;              // decoupled; 0 for biases and LayerNorm weights
  int64_t unfreezeAt = 0;              // gradual unfreezing: the first step or epoch it trains in; 0 = always
};

class OptimizerSetup {
 public:
  // The groups of `model` for `config`, the permanently frozen ones' parameters set to requires_grad false.
  // Refuses unfreeze_every for a model that is not a transformer (field "unfreeze_every").
  static Result<OptimizerSetup> create(TaskModel& model, const TrainConfig& config);

  const std::vector<OptimizedGroup>& groups() const { return m_groups; }
  // One AdamW group per group, same order, at the base rates.
  std::vector<model::AdamWGroup> adamwGroups() const;
  // Every optimised parameter, group by group.
  const std::vector<at::Tensor>& parameters() const { return m_all; }
  int64_t parameterCount() const;
  // The head's layer (L + 1 for a transformer of L layers).
  int topLayer() const { return m_top; }

  // Whether `group` trains in the optimizer step about to be taken at (step, epoch): always without gradual
  // unfreezing.
  bool trains(size_t group, int64_t step, int epoch) const;
  // Sets requires_grad of every group's parameters to trains(group, step, epoch), so that a group frozen for
  // now gets no gradient (and costs no backward pass) and FusedAdamW leaves it and its moments untouched.
  // Returns the names of the groups that started to train.
  std::vector<std::string> applyUnfreezing(int64_t step, int epoch);

 private:
  std::vector<OptimizedGroup> m_groups;
  std::vector<at::Tensor> m_all;
  int m_top = 0;
  bool m_bySteps = false;
};

}  // namespace quarry::train
