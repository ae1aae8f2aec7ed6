#include "train/WarmStart.h"

#include <map>

#include <torch/csrc/autograd/grad_mode.h>

namespace quarry::train {
namespace {

// Every parameter and buffer of `module` by its dotted name.
std::map<std::string, at::Tensor> namedTensors(torch::nn::Module& module) {
  std::map<std::string, at::Tensor> out;
  for (const auto& p : module.named_parameters(true)) out.emplace(p.key(), p.value());
  for (const auto& b : module.named_buffers(true)) out.emplace(b.key(), b.value());
  return out;
}

}  // namespace

Result<WarmStartReport> warmStart(TrainingTask& task, TaskModel& model, const std::string& folder) {
  auto loaded = task.loadModel(folder);
  if (!loaded) {
    Error e = loaded.error();
    if (e.field.empty()) e.field = "warm_start_folder";
    return e;
  }
  const std::map<std::string, at::Tensor> source = namedTensors(loaded.value()->module());
  WarmStartReport report;
  torch::NoGradGuard noGrad;
  for (auto& [name, target] : namedTensors(model.module())) {
    auto it = source.find(name);
    if (it == source.end() || !it->second.sizes().equals(target.sizes()) ||
        it->second.scalar_type() != target.scalar_type()) {
      report.kept.push_back(name);
      continue;
    }
    target.copy_(it->second);
    ++report.copiedTensors;
    report.copiedElements += target.numel();
  }
  if (report.copiedTensors == 0)
    return Error("nothing in this model has the shape of the model being trained: it cannot warm-start it", folder,
                 0, "warm_start_folder");
  return report;
}

}  // namespace quarry::train
