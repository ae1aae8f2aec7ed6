#include "model/adapters/LoraModel.h"

#include <algorithm>

#include <ATen/core/grad_mode.h>

namespace quarry::model {

namespace {

bool endsWith(const std::string& s, const std::string& p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

std::string headModuleOf(const TransformerModelImpl& model, const std::string& name) {
  std::string rest = name.rfind(model.namePrefix(), 0) == 0 ? name.substr(model.namePrefix().size()) : name;
  return rest.substr(0, rest.find('.'));
}

}  // namespace

// A parameter outside the body (the head's), or of a BERT pooler. A bare encoder has no head.
bool isLoraHeadParameter(const TransformerModelImpl& model, const std::string& name) {
  const std::string& prefix = model.namePrefix();
  if (prefix.empty() || isAdapterTensorName(name)) return false;
  return name.rfind(prefix, 0) != 0 || name.rfind(prefix + "pooler.", 0) == 0;
}

std::vector<LoraLinearImpl*> loraLayers(const TransformerModelImpl& model) {
  std::vector<LoraLinearImpl*> out;
  for (const auto& item : model.named_modules(std::string(), /*include_self=*/false))
    if (auto* lora = dynamic_cast<LoraLinearImpl*>(item.value().get())) out.push_back(lora);
  return out;
}

bool isLoraTensorName(const std::string& name) {
  return endsWith(name, ".lora_A.weight") || endsWith(name, ".lora_B.weight");
}

bool isAdapterTensorName(const std::string& name) {
  return isLoraTensorName(name) || name == kPrefixTensorName;
}

std::vector<std::string> loraHeadModules(const TransformerModelImpl& model) {
  std::vector<std::string> out;
  for (const auto& [name, tensor] : model.namedParameters())
    if (isLoraHeadParameter(model, name)) {
      const std::string module = headModuleOf(model, name);
      if (std::find(out.begin(), out.end(), module) == out.end()) out.push_back(module);
    }
  return out;
}

void freezeForAdapters(TransformerModelImpl& model) {
  for (auto& [name, tensor] : model.namedParameters())
    tensor.requires_grad_(isAdapterTensorName(name) || isLoraHeadParameter(model, name));
}

StateDict mergedStateDict(const TransformerModelImpl& model) {
  StateDict out;
  for (const auto& [name, tensor] : model.stateDict())
    if (!isAdapterTensorName(name)) out[name] = tensor.detach().to(at::kCPU);
  for (LoraLinearImpl* layer : loraLayers(model)) {
    const std::string key = layer->path() + ".weight";
    auto it = out.find(key);
    if (it != out.end()) it->second = layer->mergedWeight().to(at::kCPU);
  }
  return out;
}

StateDict loraBaseTensors(const StateDict& weights) {
  StateDict out;
  for (const auto& [name, tensor] : weights) {
    if (!endsWith(name, ".lora_A.weight")) continue;
    const std::string path = name.substr(0, name.size() - std::string(".lora_A.weight").size());
    for (const char* suffix : {".weight", ".bias"}) {
      auto it = weights.find(path + suffix);
      if (it != weights.end()) out[it->first] = it->second.detach().to(at::kCPU);
    }
  }
  return out;
}

}  // namespace quarry::model
