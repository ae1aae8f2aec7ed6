#include "model/adapters/PeftAdapterFolder.h"

#include <cmath>
#include <map>
#include <set>

#include <ATen/core/grad_mode.h>
#include <nlohmann/json.hpp>

#include "common/AtomicFile.h"
#include "common/JsonReader.h"
#include "model/adapters/LoraModel.h"
#include "model/checkpoint/SafetensorsFile.h"

namespace quarry::model {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kKeyPrefix = "base_model.model.";

// The target_modules of the model's adapted layers: the role names when the layers are exactly those of
// some roles, else every adapted layer's path (PEFT matches a path by equality too).
json targetModulesOf(const TransformerModelImpl& model, const std::vector<LoraLinearImpl*>& layers) {
  std::vector<std::string> roles;
  for (const std::string& role : kLoraTargetRoles) {
    LoraOptions probe;
    probe.targets = {role};
    for (LoraLinearImpl* layer : layers)
      if (probe.isTarget(layer->path())) {
        roles.push_back(role);
        break;
      }
  }
  LoraOptions byRole;
  byRole.targets = roles;
  size_t covered = 0;
  for (LoraLinearImpl* layer : layers) covered += byRole.isTarget(layer->path()) ? 1 : 0;
  // Every encoder layer has each role's projection once, so the count tells whether all were adapted.
  const size_t expected = roles.size() * static_cast<size_t>(model.config().numLayers);
  if (!roles.empty() && covered == layers.size() && layers.size() == expected)
    return peftTargetModules(roles, model.config().architecture, model.config().numLayers);
  json paths = json::array();
  for (LoraLinearImpl* layer : layers) paths.push_back(layer->path());
  return paths;
}

constexpr const char* kPromptKeyPrefix = "base_model.";  // prompt learning: the transformers model itself
constexpr const char* kPromptEmbeddings = "prompt_embeddings";

// A PEFT key without the adapter name PEFT may have left in ("lora_A.default.weight",
// "classifier.modules_to_save.default.weight") and without "base_model.model." (or prompt learning's
// "base_model.").
std::string normalizedKey(std::string key) {
  if (key.rfind(kKeyPrefix, 0) == 0)
    key = key.substr(std::string(kKeyPrefix).size());
  else if (key.rfind(kPromptKeyPrefix, 0) == 0)
    key = key.substr(std::string(kPromptKeyPrefix).size());
  for (const char* adapterName : {".modules_to_save.default.", ".default."})
    for (size_t at = key.find(adapterName); at != std::string::npos; at = key.find(adapterName))
      key.replace(at, std::string(adapterName).size(), ".");
  return key;
}

struct AdapterConfigFile {
  std::string path;  // of adapter_config.json, for errors
  json value;        // an object
};

Result<AdapterConfigFile> readAdapterConfigFile(const std::string& folder) {
  AdapterConfigFile file;
  file.path = (fs::path(folder) / kPeftConfigFile).string();
  if (!fs::is_regular_file(file.path))
    return Error("not a PEFT adapter folder (no adapter_config.json)", file.path);
  auto parsed = readJsonFile(file.path);
  if (!parsed) return parsed.error();
  if (!parsed->is_object()) return JsonFields(*parsed, file.path).error("", "expected a JSON object");
  file.value = std::move(parsed.value());
  return file;
}

// modules_to_save: absent, null or a list of names.
Result<std::vector<std::string>> modulesToSaveOf(const JsonFields& j) {
  std::vector<std::string> out;
  const json* save = j.find("modules_to_save");
  if (!save || save->is_null()) return out;
  if (!save->is_array()) return j.error("modules_to_save", "expected a list of module names");
  for (size_t i = 0; i < save->size(); ++i) {
    if (!(*save)[i].is_string())
      return j.error(jsonIndexPath("modules_to_save", i), "expected a module name");
    out.push_back((*save)[i].get<std::string>());
  }
  return out;
}

// adapter_model.safetensors and adapter_config.json into `dir` (created).
Status writeAdapterFiles(const fs::path& dir, const StateDict& tensors, const json& config) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Error("cannot create the adapter folder: " + ec.message(), dir.string());
  if (Status s = SafetensorsFile::write((dir / kPeftWeightsFile).string(), tensors); !s) return s;
  const std::string text = config.dump(2) + "\n";
  return AtomicFile::write((dir / kPeftConfigFile).string(), [&](std::ostream& o) { o << text; });
}

}  // namespace

std::string peftTaskType(Task task) {
  switch (task) {
    case Task::TokenClassification:
      return "TOKEN_CLS";
    case Task::SequenceClassification:
      return "SEQ_CLS";
    case Task::QuestionAnswering:
      return "QUESTION_ANS";
    case Task::Encoder:
      return "FEATURE_EXTRACTION";
    case Task::MaskedLm:
    case Task::ElectraPreTraining:
      return "";
  }
  return "";
}

Status writePeftAdapter(const fs::path& dir, const TransformerModelImpl& model,
                        const std::string& baseModel) {
  const std::vector<LoraLinearImpl*> layers = loraLayers(model);
  if (layers.empty()) return Error("the model has no LoRA layers to save", dir.string());
  const LoraLinearImpl& first = *layers.front();
  StateDict tensors;
  for (LoraLinearImpl* layer : layers) {
    tensors[kKeyPrefix + layer->path() + ".lora_A.weight"] = layer->loraA.detach().to(at::kCPU);
    tensors[kKeyPrefix + layer->path() + ".lora_B.weight"] = layer->loraB.detach().to(at::kCPU);
  }
  for (const auto& [name, tensor] : model.stateDict())
    if (isLoraHeadParameter(model, name)) tensors[kKeyPrefix + name] = tensor.detach().to(at::kCPU);
  const std::vector<std::string> heads = loraHeadModules(model);
  const std::string taskType = peftTaskType(model.task());
  json config = {{"alpha_pattern", json::object()},
                 {"auto_mapping", nullptr},
                 {"base_model_name_or_path", baseModel},
                 {"bias", "none"},
                 {"fan_in_fan_out", false},
                 {"inference_mode", true},
                 {"init_lora_weights", true},
                 {"layers_pattern", nullptr},
                 {"layers_to_transform", nullptr},
                 {"lora_alpha", first.scaling() * static_cast<double>(first.rank())},
                 {"lora_dropout", first.dropout()},
                 {"modules_to_save", heads.empty() ? json(nullptr) : json(heads)},
                 {"peft_type", "LORA"},
                 {"r", first.rank()},
                 {"rank_pattern", json::object()},
                 {"revision", nullptr},
                 {"target_modules", targetModulesOf(model, layers)},
                 {"task_type", taskType.empty() ? json(nullptr) : json(taskType)},
                 {"use_dora", false},
                 {"use_rslora", false}};
  return writeAdapterFiles(dir, tensors, config);
}

Result<std::string> peftTypeOf(const std::string& folder) {
  auto file = readAdapterConfigFile(folder);
  if (!file) return file.error();
  return JsonFields(file->value, file->path).string("peft_type", "");
}

Status writePeftPrefixAdapter(const fs::path& dir, const TransformerModelImpl& model,
                              const std::string& baseModel) {
  if (!model.prefixEncoder) return Error("the model has no prefix to save", dir.string());
  StateDict tensors;
  tensors[kPromptEmbeddings] = model.prefixEncoder->weight.detach().to(at::kCPU).contiguous();
  for (const auto& [name, tensor] : model.stateDict())
    if (isLoraHeadParameter(model, name)) tensors[kPromptKeyPrefix + name] = tensor.detach().to(at::kCPU);
  const std::vector<std::string> heads = loraHeadModules(model);
  const std::string taskType = peftTaskType(model.task());
  const EncoderConfig& c = model.config();
  json config = {{"auto_mapping", nullptr},
                 {"base_model_name_or_path", baseModel},
                 {"encoder_hidden_size", c.hiddenSize},
                 {"inference_mode", true},
                 {"modules_to_save", heads.empty() ? json(nullptr) : json(heads)},
                 {"num_attention_heads", c.numHeads},
                 {"num_layers", c.numLayers},
                 {"num_transformer_submodules", 1},
                 {"num_virtual_tokens", model.prefixEncoder->length()},
                 {"peft_type", "PREFIX_TUNING"},
                 {"prefix_projection", false},
                 {"revision", nullptr},
                 {"task_type", taskType.empty() ? json(nullptr) : json(taskType)},
                 {"token_dim", c.hiddenSize}};
  return writeAdapterFiles(dir, tensors, config);
}

Result<PeftPrefixConfig> readPeftPrefixConfig(const std::string& folder) {
  auto file = readAdapterConfigFile(folder);
  if (!file) return file.error();
  const JsonFields j(file->value, file->path);
  auto peftType = j.string("peft_type", "");
  if (!peftType) return peftType.error();
  if (*peftType != "PREFIX_TUNING") return j.error("peft_type", "not a prefix-tuning adapter");
  auto length = j.integer("num_virtual_tokens", 0, 1, 4096);
  auto layers = j.integer("num_layers", 0, 1, 1024);
  auto tokenDim = j.integer("token_dim", 0, 1, 1 << 20);
  auto submodules = j.integer("num_transformer_submodules", 1, 1, 2);
  auto projection = j.boolean("prefix_projection", false);
  auto taskType = j.string("task_type", "");
  auto base = j.string("base_model_name_or_path", "");
  for (const Error* e : {length ? nullptr : &length.error(), layers ? nullptr : &layers.error(),
                         tokenDim ? nullptr : &tokenDim.error(), submodules ? nullptr : &submodules.error(),
                         projection ? nullptr : &projection.error(), taskType ? nullptr : &taskType.error(),
                         base ? nullptr : &base.error()})
    if (e) return *e;
  if (*projection)
    return j.error("prefix_projection",
                   "a prefix reparametrised through an MLP is not supported (save it with "
                   "prefix_projection false, which stores the prefix itself)");
  if (*submodules != 1)
    return j.error("num_transformer_submodules", "encoder-decoder prefixes do not occur in encoders");
  PeftPrefixConfig out;
  out.length = *length;
  out.layers = *layers;
  out.tokenDim = *tokenDim;
  out.taskType = *taskType;
  out.baseModel = *base;
  auto modules = modulesToSaveOf(j);
  if (!modules) return modules.error();
  out.modulesToSave = std::move(modules.value());
  return out;
}

Status loadPrefixAdapter(TransformerModelImpl& model, const std::string& folder) {
  const std::string path = (fs::path(folder) / kPeftWeightsFile).string();
  if (!fs::is_regular_file(path)) return Error("the adapter's weights are missing", path);
  if (!model.prefixEncoder) return Error("the model has no prefix to load the adapter into", path);
  auto file = SafetensorsFile::read(path);
  if (!file) return file.error();
  const StateDict own = model.stateDict();
  std::vector<std::pair<at::Tensor, at::Tensor>> copies;  // (destination, source)
  bool prompt = false;
  for (const auto& [key, tensor] : file->tensors) {
    at::Tensor destination;
    if (key == kPromptEmbeddings) {
      destination = model.prefixEncoder->weight;
      prompt = true;
    } else if (const std::string name = normalizedKey(key); own.count(name) && !isAdapterTensorName(name)) {
      destination = own.at(name);  // a module trained whole (modules_to_save)
    } else {
      return Error("not a tensor of this model's prefix or head: the adapter was made for another model",
                   path, 0, key);
    }
    if (auto why = storedTensorMismatch(tensor, destination))
      return Error("the adapter's tensor does not fit the model (" + *why + ")", path, 0, key);
    copies.emplace_back(destination, tensor);
  }
  if (!prompt) return Error("the adapter has no prompt_embeddings", path, 0, kPromptEmbeddings);
  at::NoGradGuard noGrad;
  for (auto& [destination, source] : copies) destination.copy_(source);
  return {};
}

Result<PeftAdapterConfig> readPeftAdapterConfig(const std::string& folder) {
  auto file = readAdapterConfigFile(folder);
  if (!file) return file.error();
  const JsonFields j(file->value, file->path);
  PeftAdapterConfig out;
  auto peftType = j.string("peft_type", "");
  if (!peftType) return peftType.error();
  if (*peftType != "LORA")
    return j.error("peft_type", "only LoRA and prefix-tuning (PREFIX_TUNING) adapters are supported, not \"" +
                                    *peftType + "\"");
  auto rank = j.integer("r", 8, 1, 4096);
  auto alpha = j.number("lora_alpha", 8, 1e-12);
  auto dropout = j.number("lora_dropout", 0, 0, 0.999999);
  auto bias = j.string("bias", "none");
  auto taskType = j.string("task_type", "");
  auto base = j.string("base_model_name_or_path", "");
  auto rsLora = j.boolean("use_rslora", false);
  auto dora = j.boolean("use_dora", false);
  auto fanInFanOut = j.boolean("fan_in_fan_out", false);
  for (const Error* e : {rank ? nullptr : &rank.error(), alpha ? nullptr : &alpha.error(),
                         dropout ? nullptr : &dropout.error(), bias ? nullptr : &bias.error(),
                         taskType ? nullptr : &taskType.error(), base ? nullptr : &base.error(),
                         rsLora ? nullptr : &rsLora.error(), dora ? nullptr : &dora.error(),
                         fanInFanOut ? nullptr : &fanInFanOut.error()})
    if (e) return *e;
  if (*bias != "none")
    return j.error("bias", "adapters that train biases (\"" + *bias + "\") are not supported");
  if (*dora) return j.error("use_dora", "DoRA adapters are not supported");
  if (*fanInFanOut) return j.error("fan_in_fan_out", "transposed (Conv1D) weights do not occur in encoders");
  for (const char* unsupported : {"layers_to_transform", "layers_pattern"})
    if (j.find(unsupported)) return j.error(unsupported, "adapting some layers only is not supported");
  for (const char* pattern : {"rank_pattern", "alpha_pattern"})
    if (const json* p = j.find(pattern); p && !(p->is_object() && p->empty()))
      return j.error(pattern, "per-module ranks and alphas are not supported");
  out.options.rank = *rank;
  out.options.alpha = *alpha;
  out.options.dropout = *dropout;
  out.options.rsLora = *rsLora;
  out.options.targets.clear();
  const json* targets = j.find("target_modules");
  if (targets && targets->is_string()) {
    out.options.targetPattern = targets->get<std::string>();
  } else if (targets && targets->is_array()) {
    for (size_t i = 0; i < targets->size(); ++i) {
      if (!(*targets)[i].is_string())
        return j.error(jsonIndexPath("target_modules", i), "expected a module name");
      out.options.targetModules.push_back((*targets)[i].get<std::string>());
    }
  }
  if (out.options.targetModules.empty() && out.options.targetPattern.empty())
    return j.error("target_modules", "names no module to adapt");
  auto modules = modulesToSaveOf(j);
  if (!modules) return modules.error();
  out.modulesToSave = std::move(modules.value());
  out.options.excludedModules = out.modulesToSave;
  if (Status s = out.options.validate(); !s) return j.error(s.error().field, s.error().message);
  out.taskType = *taskType;
  out.baseModel = *base;
  return out;
}

Status loadLoraAdapter(TransformerModelImpl& model, const std::string& folder) {
  const std::string path = (fs::path(folder) / kPeftWeightsFile).string();
  if (!fs::is_regular_file(path)) return Error("the adapter's weights are missing", path);
  auto file = SafetensorsFile::read(path);
  if (!file) return file.error();
  // The model's tensors by the names an adapter file gives them.
  std::map<std::string, at::Tensor> wanted;  // adapter tensors: all required
  for (LoraLinearImpl* layer : loraLayers(model)) {
    wanted[layer->path() + ".lora_A.weight"] = layer->loraA;
    wanted[layer->path() + ".lora_B.weight"] = layer->loraB;
  }
  if (wanted.empty()) return Error("the model has no LoRA layers to load the adapter into", path);
  const StateDict own = model.stateDict();
  std::vector<std::pair<at::Tensor, at::Tensor>> copies;  // (destination, source)
  std::set<std::string> seen;
  for (const auto& [key, tensor] : file->tensors) {
    const std::string name = normalizedKey(key);
    auto target = wanted.find(name);
    at::Tensor destination;
    if (target != wanted.end()) {
      destination = target->second;
      seen.insert(name);
    } else if (auto plain = own.find(name); plain != own.end() && !isLoraTensorName(name)) {
      destination = plain->second;  // a module trained whole (modules_to_save)
    } else {
      return Error(
          "not a tensor of this model's LoRA layers or head: the adapter was made for another model or "
          "other target modules",
          path, 0, key);
    }
    if (auto why = storedTensorMismatch(tensor, destination))
      return Error("the adapter's tensor does not fit the model (" + *why + ")", path, 0, key);
    copies.emplace_back(destination, tensor);
  }
  for (const auto& [name, tensor] : wanted)
    if (!seen.count(name))
      return Error("the adapter has no tensor for this LoRA layer (" +
                       std::to_string(wanted.size() - seen.size()) + " missing in all)",
                   path, 0, kKeyPrefix + name);
  at::NoGradGuard noGrad;
  for (auto& [destination, source] : copies) destination.copy_(source);
  return {};
}

}  // namespace quarry::model
