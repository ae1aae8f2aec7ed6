#include "train/TransformerFolder.h"

#include "model/adapters/LoraModel.h"
#include "model/adapters/PeftAdapterFolder.h"
#include "model/checkpoint/HfFolderWriter.h"
#include "model/checkpoint/SafetensorsFile.h"

namespace quarry::train {
namespace fs = std::filesystem;

Status writeTransformerFolder(const fs::path& dir, const model::ModelConfig& config,
                              const model::TransformerModelImpl& model,
                              const std::vector<std::string>& tokenizerFiles, const std::string& loraBase) {
  if (Status s = model::HfFolderWriter::writeInto(dir, config, model::mergedStateDict(model), tokenizerFiles);
      !s)
    return s;
  if (model.prefixEncoder) return model::writePeftPrefixAdapter(dir / kLoraAdapterFolder, model, loraBase);
  if (model::loraLayers(model).empty()) return {};
  return model::writePeftAdapter(dir / kLoraAdapterFolder, model, loraBase);
}

Status writeLoraBaseFile(const fs::path& dir, const model::StateDict& weights) {
  const model::StateDict base = model::loraBaseTensors(weights);
  if (base.empty()) return {};
  return model::SafetensorsFile::write((dir / kLoraBaseFile).string(), base);
}

namespace {

// A PEFT adapter's base_model_name_or_path as a folder here: absolute, or relative to the adapter folder
// first. PEFT writes whatever the base was loaded from: a folder (absolute, or relative to where it ran) or
// a hub name, which cannot be fetched here.
Result<std::string> adapterBaseFolder(const fs::path& adapterFolder, std::string base) {
  const fs::path besideAdapter = adapterFolder / base;
  if (!base.empty() && fs::path(base).is_relative() && fs::is_directory(besideAdapter))
    base = besideAdapter.lexically_normal().string();
  if (base.empty() || !fs::is_directory(base))
    return Error("the adapter's base model is not a folder here (\"" + base +
                     "\"); put the base model's folder there or edit base_model_name_or_path",
                 (adapterFolder / model::kPeftConfigFile).string(), 0, "base_model_name_or_path");
  return base;
}

bool isPrefixAdapter(const fs::path& adapterFolder) {
  if (!fs::is_regular_file(adapterFolder / model::kPeftConfigFile)) return false;
  auto type = model::peftTypeOf(adapterFolder.string());
  return type && *type == "PREFIX_TUNING";
}

}  // namespace

Result<PrefixSource> prefixSourceFor(const TrainConfig& config) {
  PrefixSource out;
  const fs::path folder = config.modelFolder;
  const bool adapterOnly = !folder.empty() && fs::is_regular_file(folder / model::kPeftConfigFile) &&
                           !fs::is_regular_file(folder / "config.json");
  const fs::path adapterFolder = adapterOnly ? folder : folder / kLoraAdapterFolder;
  if (!folder.empty() && isPrefixAdapter(adapterFolder)) {
    auto adapter = model::readPeftPrefixConfig(adapterFolder.string());
    if (!adapter) return adapter.error();
    out.length = adapter->length;
    out.base = adapter->baseModel;
    out.adapterFolder = adapterFolder.string();
    out.adapterOnly = adapterOnly;
    if (adapterOnly) {
      auto base = adapterBaseFolder(adapterFolder, out.base);
      if (!base) return base.error();
      out.base = base.value();
    }
    return out;
  }
  if (config.prefixLength <= 0) return out;
  if (config.modelFolder.empty())
    return Error(
        "prefix tuning adapts a pre-trained encoder, which stays as it is: give model_folder (a random "
        "encoder would stay random)",
        "", 0, "prefix_length");
  std::error_code ec;
  const fs::path absolute = fs::absolute(config.modelFolder, ec);
  out.base = (ec ? fs::path(config.modelFolder) : absolute).lexically_normal().string();
  out.length = config.prefixLength;
  return out;
}

Result<LoraSource> loraSourceFor(const TrainConfig& config) {
  LoraSource out;
  const fs::path folder = config.modelFolder;
  const bool adapterOnly = !folder.empty() && fs::is_regular_file(folder / model::kPeftConfigFile) &&
                           !fs::is_regular_file(folder / "config.json");
  if (!folder.empty() && (adapterOnly || fs::is_regular_file(folder / kLoraBaseFile))) {
    const fs::path adapterFolder = adapterOnly ? folder : folder / kLoraAdapterFolder;
    auto adapter = model::readPeftAdapterConfig(adapterFolder.string());
    if (!adapter) return adapter.error();
    out.options = adapter->options;
    out.base = adapter->baseModel;
    out.trainingState = !adapterOnly;
    if (!adapterOnly) return out;
    auto base = adapterBaseFolder(adapterFolder, out.base);
    if (!base) return base.error();
    out.base = base.value();
    out.adapterFolder = adapterFolder.string();
    return out;
  }
  if (config.loraRank <= 0) return out;
  if (config.task == kPretrainingTaskName)
    return Error("masked-LM pretraining trains the whole encoder; LoRA is for fine-tuning a task", "", 0,
                 "lora_rank");
  if (config.modelFolder.empty())
    return Error(
        "LoRA adapts a pre-trained encoder, which stays as it is: give model_folder (a random encoder "
        "would stay random)",
        "", 0, "lora_rank");
  auto targets = model::parseLoraTargets(config.loraTargets);
  if (!targets) return targets.error();
  model::LoraOptions options;
  options.rank = config.loraRank;
  options.alpha = config.loraAlpha;
  options.dropout = config.loraDropout;
  options.targets = targets.value();
  if (Status s = options.validate(); !s) return s.error();
  std::error_code ec;
  const fs::path absolute = fs::absolute(config.modelFolder, ec);
  out.base = (ec ? fs::path(config.modelFolder) : absolute).lexically_normal().string();
  out.options = options;
  return out;
}

Status restoreLoraState(model::TransformerModelImpl& model, const std::string& folder) {
  const std::string path = (fs::path(folder) / kLoraBaseFile).string();
  auto base = model::SafetensorsFile::read(path);
  if (!base) return base.error();
  model::LoadReport report;
  if (Status s = model.loadStateDict(base->tensors, report); !s)
    return Error(s.error().message, path, 0, s.error().field);
  if (!report.unexpected.empty())
    return Error("not a tensor of this model", path, 0, report.unexpected.front());
  for (const model::LoraLinearImpl* layer : model::loraLayers(model))
    if (!base->tensors.count(layer->path() + ".weight"))
      return Error("the unmerged base weight of an adapted layer is missing", path, 0,
                   layer->path() + ".weight");
  return model::loadLoraAdapter(model, (fs::path(folder) / kLoraAdapterFolder).string());
}

}  // namespace quarry::train
