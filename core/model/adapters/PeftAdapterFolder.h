#pragma once
// A LoRA adapter in PEFT's folder layout (what PeftModel.save_pretrained writes and PeftModel.from_pretrained
// reads): adapter_config.json (peft_type "LORA", r, lora_alpha, lora_dropout, target_modules, bias,
// task_type, base_model_name_or_path, modules_to_save, ...) and adapter_model.safetensors with PEFT's key
// names, the module path under "base_model.model." without the adapter name:
//   base_model.model.bert.encoder.layer.0.attention.self.query.lora_A.weight   [r, in]
//   base_model.model.bert.encoder.layer.0.attention.self.query.lora_B.weight   [out, r]
//   base_model.model.classifier.weight                                          (modules_to_save, whole)
// and a prefix-tuning adapter in PEFT's layout: adapter_config.json (peft_type "PREFIX_TUNING",
// num_virtual_tokens, token_dim, num_layers, num_attention_heads, num_transformer_submodules 1,
// prefix_projection false, task_type, base_model_name_or_path, modules_to_save) and
// adapter_model.safetensors holding "prompt_embeddings" [num_virtual_tokens, num_layers * 2 * token_dim]
// (model/encoder/PrefixEncoder.h's table) and the modules trained whole under "base_model." (prompt
// learning wraps the transformers model directly: base_model.classifier.weight).

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

// The peft_type adapter_config.json of `folder` names ("LORA", "PREFIX_TUNING", ...); errors name the file.
Result<std::string> peftTypeOf(const std::string& folder);

struct PeftPrefixConfig {
  int64_t length = 0;     // num_virtual_tokens
  int64_t layers = 0;     // num_layers
  int64_t tokenDim = 0;   // token_dim (the hidden size)
  std::string taskType;   // as PeftAdapterConfig's
  std::string baseModel;  // base_model_name_or_path
  std::vector<std::string> modulesToSave;
};

// Writes the prefix-tuning adapter of `model` (which has a prefix encoder) into `dir` (created).
Status writePeftPrefixAdapter(const std::filesystem::path& dir, const TransformerModelImpl& model,
                              const std::string& baseModel);

// Reads a PREFIX_TUNING adapter_config.json; prefix_projection (the MLP-reparametrised prefix) and
// encoder-decoder layouts are refused by field.
Result<PeftPrefixConfig> readPeftPrefixConfig(const std::string& folder);

// Copies a prefix-tuning adapter's prompt_embeddings into `model`'s prefix encoder (made with its
// num_virtual_tokens) and its modules_to_save tensors into the model. Shapes that differ and keys the model
// lacks are Errors naming the file and key; nothing is copied then.
Status loadPrefixAdapter(TransformerModelImpl& model, const std::string& folder);

// Reads adapter_config.json of `folder`. Errors name the file and the field; settings Quarry does not
// implement (DoRA, biases, per-layer ranks, ...) are refused by field rather than ignored.
Result<PeftAdapterConfig> readPeftAdapterConfig(const std::string& folder);

// Copies the adapter of `folder` (PEFT's or Quarry's) into `model`, which must have been made with the
// adapter's options (loraLinearFactory(readPeftAdapterConfig(folder)->options)) over its base: every LoRA
// layer's lora_A / lora_B and the modules_to_save tensors present. Keys the model lacks, LoRA layers the
// file lacks and shapes that differ are Errors naming the file and the key; nothing is copied then.
Status loadLoraAdapter(TransformerModelImpl& model, const std::string& folder);

}  // namespace quarry::model
