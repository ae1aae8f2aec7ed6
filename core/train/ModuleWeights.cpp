#include "train/ModuleWeights.h"

#include <ATen/ops/empty.h>
#include <c10/core/GradMode.h>

#include "model/checkpoint/AtomicFolder.h"
#include "model/checkpoint/SafetensorsFile.h"

namespace quarry::train {

model::StateDict moduleWeights(const torch::nn::Module& root, const std::string& prefix) {
  model::StateDict out;
  for (const auto& p : root.named_parameters()) out[prefix + p.key()] = p.value();
  return out;
}

Status loadModuleWeights(torch::nn::Module& root, const model::StateDict& weights, const std::string& prefix) {
  at::NoGradGuard noGrad;
  for (auto& p : root.named_parameters()) {
    const std::string name = prefix + p.key();
    auto it = weights.find(name);
    if (it == weights.end()) return Error("tensor missing", "", 0, name);
    if (auto why = model::storedTensorMismatch(it->second, p.value())) return Error(*why, "", 0, name);
    p.value().copy_(it->second);
  }
  return {};
}

std::vector<model::ParameterGroup> decayGroups(torch::nn::Module& root, const std::string& name, int layer,
                                               const std::function<bool(const std::string&)>& noDecay) {
  model::ParameterGroup decay{name, layer, true, {}, {}};
  model::ParameterGroup kept{name + ".no_decay", layer, false, {}, {}};
  for (const auto& p : root.named_parameters()) {
    model::ParameterGroup& g = noDecay(p.key()) ? kept : decay;
    g.names.push_back(p.key());
    g.parameters.push_back(p.value());
  }
  return {decay, kept};
}

void fillSeeded(at::Tensor& t, double bound, bool normal, at::Generator& generator) {
  at::NoGradGuard noGrad;
  at::Tensor v = at::empty(t.sizes(), at::kFloat);
  if (normal)
    v.normal_(0, bound, generator);
  else
    v.uniform_(-bound, bound, generator);
  t.copy_(v);
}

Status writeWeightsFolder(const std::string& folder, const model::StateDict& weights,
                          const std::function<Status(const std::filesystem::path& dir)>& writeRest) {
  model::StateDict cpu;
  for (const auto& [name, tensor] : weights) cpu[name] = tensor.detach().to(at::kCPU).contiguous();
  return model::AtomicFolder::write(folder, [&](const std::filesystem::path& dir) -> Status {
    if (Status s = model::SafetensorsFile::write((dir / kModuleWeightsFile).string(), cpu); !s) return s;
    return writeRest(dir);
  });
}

}  // namespace quarry::train
