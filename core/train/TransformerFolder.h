#pragma once
// How a transformer task model's folder holds its weights, LoRA included. Every folder is an ordinary
// Hugging Face folder: a LoRA model's model.safetensors holds the merged weights (W + scaling · B @ A) under
// the plain names, so transformers (and Quarry's predictors) load it as a plain model. Beside them,
// adapter/ holds the adapter alone in PEFT's layout (model/adapters/PeftAdapterFolder.h), which PEFT loads
// onto the base folder it names and Quarry re-imports (loadLoraAdapter).
//
// RESUME. The merged weights cannot give the base back bit for bit (W' - s·B·A rounds), so last/model of a
// LoRA run also holds lora_base.safetensors: the unmerged base weight and bias of the adapted layers, which
// TrainState writes. A folder with it is reloaded as the LoRA model it was (options from adapter/, base
// tensors from lora_base.safetensors, adapters from adapter/, everything else from model.safetensors, which
// holds the frozen rest and the head unmerged), so a resumed run goes on from exactly the same tensors.
// Keeping the base inside last/ rather than reading it again from the run's model_folder keeps last/
// self-contained as before (resume never read model_folder), at the cost of the adapted layers' weights
// once more (for query,value about a seventh of a BERT's); best/ does not carry it and loads merged.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/Error.h"
#include "model/adapters/LoraOptions.h"
#include "model/checkpoint/ModelConfig.h"
#include "model/checkpoint/StateDict.h"
#include "model/encoder/TransformerModel.h"
#include "train/TrainConfig.h"

namespace quarry::train {

inline constexpr const char* kLoraAdapterFolder = "adapter";
inline constexpr const char* kLoraBaseFile = "lora_base.safetensors";

// Writes config.json, model.safetensors (merged when the model has LoRA layers; without the prefix of a
// prefix-tuned model) and the tokenizer files into `dir`; with LoRA or a prefix also adapter/ (PEFT's LORA
// or PREFIX_TUNING layout) naming `loraBase` as its base_model_name_or_path.
//
// PREFIX TUNING. A prefix cannot be merged into the weights: model.safetensors holds the encoder (as it was
// loaded) and the trained head, and adapter/ the prefix and the head. Quarry reloads such a folder as the
// prefix-tuned model it is; transformers needs PEFT to put the prefix on (the folder alone would run
// without it). The prefix is stored exactly, so resuming needs nothing more.
Status writeTransformerFolder(const std::filesystem::path& dir, const model::ModelConfig& config,
                              const model::TransformerModelImpl& model,
                              const std::vector<std::string>& tokenizerFiles, const std::string& loraBase);

// Writes kLoraBaseFile into the model folder `dir` when `weights` (a task model's weights()) have LoRA
// tensors; nothing otherwise.
Status writeLoraBaseFile(const std::filesystem::path& dir, const model::StateDict& weights);

// Where the LoRA of a model built from a TrainConfig comes from.
struct LoraSource {
  std::optional<model::LoraOptions> options;  // none: a plain model
  std::string base;            // the base folder (a saved adapter names it as base_model_name_or_path)
  bool trainingState = false;  // model_folder holds kLoraBaseFile: restoreLoraState after loading it
  // model_folder is a PEFT adapter folder (adapter_config.json, no config.json): the model is built from
  // `base`, then this adapter (and its modules_to_save) put on with loadLoraAdapter.
  std::string adapterFolder;
};

// The folder's own LoRA when config.modelFolder holds a LoRA training state or is a PEFT adapter folder
// (whose base_model_name_or_path is read as a folder, relative ones from the adapter folder first), else
// the config's (lora_rank > 0), else none. Errors name the option or the file and field.
Result<LoraSource> loraSourceFor(const TrainConfig& config);

// Where the prefix of a model built from a TrainConfig comes from.
struct PrefixSource {
  int64_t length = 0;         // 0: no prefix
  std::string base;           // the base folder a saved adapter names
  std::string adapterFolder;  // the prefix to load after the weights (a saved folder's adapter/ or a PEFT
                              // adapter folder); empty = a new prefix
  bool adapterOnly = false;   // model_folder is a PEFT adapter folder: the model is built from `base`
};

// The folder's own prefix when config.modelFolder holds a PREFIX_TUNING adapter/ or is a PEFT prefix
// adapter folder, else the config's (prefix_length > 0, which needs model_folder), else none.
Result<PrefixSource> prefixSourceFor(const TrainConfig& config);

// After model.safetensors of a LoRA training state folder was loaded into `model` (made with its options):
// the unmerged base tensors and the adapters put back.
Status restoreLoraState(model::TransformerModelImpl& model, const std::string& folder);

}  // namespace quarry::train
