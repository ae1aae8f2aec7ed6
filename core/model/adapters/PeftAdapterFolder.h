#pragma once
// A LoRA adapter in PEFT's folder layout (what PeftModel.save_pretrained writes and PeftModel.from_pretrained
// reads): adapter_config.json (peft_type "LORA", r, lora_alpha, lora_dropout, target_modules, bias,
// task_type, base_model_name_or_path, modules_to_save, ...) and adapter_model.safetensors with PEFT's key
// names, the module path under "base_model.model." without the adapter name:
//   base_model.model.bert.encoder.layer.0.attention.self.query.lora_A.weight   [r, in]
//   base_model.model.bert.encoder.layer.0.attention.self.query.lora_B.weight   [out, r]
//   base_model.model.classifier.weight                                          (modules_to_save, whole)

#include <filesystem>
#include <string>
#include <vector>

#include "common/Error.h"
#include "model/adapters/LoraOptions.h"
#include "model/encoder/TransformerModel.h"

namespace quarry::model {

inline constexpr const char* kPeftConfigFile = "adapter_config.json";
inline constexpr const char* kPeftWeightsFile = "adapter_model.safetensors";

struct PeftAdapterConfig {
  LoraOptions options;    // rank, alpha, dropout, targetModules / targetPattern, rsLora
  std::string taskType;   // "TOKEN_CLS", "SEQ_CLS", "QUESTION_ANS", "FEATURE_EXTRACTION", "" = none
  std::string baseModel;  // base_model_name_or_path
  std::vector<std::string> modulesToSave;  // trained whole ("classifier")
};

// PEFT's task_type for a model's head: TOKEN_CLS, SEQ_CLS, QUESTION_ANS, FEATURE_EXTRACTION (a bare
// encoder), "" for heads PEFT has no type for (masked LM).
std::string peftTaskType(Task task);

// Writes adapter_config.json and adapter_model.safetensors of `model`'s LoRA layers and head into `dir`
// (created). `baseModel` becomes base_model_name_or_path. An Error when the model has no LoRA layer.
Status writePeftAdapter(const std::filesystem::path& dir, const TransformerModelImpl& model,
                        const std::string& baseModel);

// Reads adapter_config.json of `folder`. Errors name the file and the field; settings Quarry does not
// implement (DoRA, biases, per-layer ranks, ...) are refused by field rather than ignored.
Result<PeftAdapterConfig> readPeftAdapterConfig(const std::string& folder);

// Copies the adapter of `folder` (PEFT's or Quarry's) into `model`, which must have been made with the
// adapter's options (loraLinearFactory(readPeftAdapterConfig(folder)->options)) over its base: every LoRA
// layer's lora_A / lora_B and the modules_to_save tensors present. Keys the model lacks, LoRA layers the
// file lacks and shapes that differ are Errors naming the file and the key; nothing is copied then.
Status loadLoraAdapter(TransformerModelImpl& model, const std::string& folder);

}  // namespace quarry::model
