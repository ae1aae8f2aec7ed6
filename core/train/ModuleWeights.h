#pragma once
// The weights of a module by parameter name, as the task models without a Hugging Face encoder (the CNN
// relation model, the QA reader, a tagger's CRF) give and take them: one StateDict, one checked copy
// back, the decay / no-decay parameter groups, and the folder with weights.safetensors.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <ATen/core/Generator.h>
#include <torch/nn/module.h>

#include "common/Error.h"
#include "model/checkpoint/StateDict.h"
#include "model/optim/ParameterGroups.h"

namespace quarry::train {

// Every parameter of `root` under prefix + its name.
model::StateDict moduleWeights(const torch::nn::Module& root, const std::string& prefix = {});

// Copies `weights` (prefix + name) into the parameters of `root`; an Error names the tensor missing or
// whose stored shape or type does not fit.
Status loadModuleWeights(torch::nn::Module& root, const model::StateDict& weights, const std::string& prefix = {});

// Two groups at layer `layer`: `name` with weight decay and `name`.no_decay for the parameters
// `noDecay` picks (by name).
std::vector<model::ParameterGroup> decayGroups(torch::nn::Module& root, const std::string& name, int layer,
                                               const std::function<bool(const std::string&)>& noDecay);

// Writes `folder` atomically: weights.safetensors from `weights` (copied to the CPU), then whatever
// `writeRest` writes into the folder being made (vocabularies, quarry_task.json).
Status writeWeightsFolder(const std::string& folder, const model::StateDict& weights,
                          const std::function<Status(const std::filesystem::path& dir)>& writeRest);

// Fills `t` from `generator` (normal with standard deviation `bound`, or uniform in [-bound, bound]): the
// seeded initialisation of the models built from scratch.
void fillSeeded(at::Tensor& t, double bound, bool normal, at::Generator& generator);

// The name the weights have in such a folder.
inline constexpr const char* kModuleWeightsFile = "weights.safetensors";

}  // namespace quarry::train
