#pragma once
// Which linear layers get a LoRA adapter and how large it is, and the LinearFactory that makes them.
// People name the targets by role (query, key, value, attention_output, intermediate, output); each role
// is the same projection in every encoder family:
//   role              BERT / RoBERTa / ELECTRA     DistilBERT          DeBERTa-v2/v3
//   query             attention.self.query         attention.q_lin     attention.self.query_proj
//   key               attention.self.key           attention.k_lin     attention.self.key_proj
//   value             attention.self.value         attention.v_lin     attention.self.value_proj
//   attention_output  attention.output.dense       attention.out_lin   attention.output.dense
//   intermediate      intermediate.dense           ffn.lin1            intermediate.dense
//   output            output.dense (the layer's)   ffn.lin2            output.dense
// each under an encoder layer ("...layer.<n>."). Heads and poolers are never targets by role. An adapter
// made elsewhere (PEFT) names its targets by module name instead (targetModules / targetPattern).

#include <cstdint>
#include <string>
#include <vector>

#include "common/Error.h"
#include "model/encoder/DenseLayer.h"
#include "model/encoder/EncoderConfig.h"

namespace quarry::model {

// The roles, in the order above.
extern const std::vector<std::string> kLoraTargetRoles;

struct LoraOptions {
  int64_t rank = 8;                                       // r: the adapter's inner width
  double alpha = 16;                                      // lora_alpha: the update is scaled by alpha / r
  double dropout = 0.1;                                   // on the adapter branch's input, training only
  std::vector<std::string> targets = {"query", "value"};  // roles (kLoraTargetRoles)
  // PEFT's target_modules, used instead of `targets` when set: a module is adapted when its path equals
  // a name or ends with "." + name.
  std::vector<std::string> targetModules;
  std::string targetPattern;  // PEFT's target_modules as one string: a regex the whole path must match
  // PEFT's modules_to_save: never adapted (they are trained whole).
  std::vector<std::string> excludedModules;
  bool rsLora = false;  // use_rslora: scale by alpha / sqrt(r)

  double scaling() const;
  // Whether the linear layer at Hugging Face module path `path` gets an adapter.
  bool isTarget(const std::string& path) const;
  // Errors name the option ("lora_rank", "lora_targets", ...).
  Status validate() const;
};

// "query,value" -> {"query", "value"}; unknown or repeated roles are an Error naming lora_targets.
Result<std::vector<std::string>> parseLoraTargets(const std::string& text);

// PEFT's target_modules for `targets` on `architecture`: "query", "q_lin", "query_proj",
// "attention.output.dense", "out_lin", "intermediate.dense", "lin1", "lin2", ... The layer's own output
// (BERT family, DeBERTa) shares its tail "output.dense" with the attention output; without the attention
// output among the targets it is named per layer ("layer.0.output.dense", ...), as PEFT matches names by
// their tail.
std::vector<std::string> peftTargetModules(const std::vector<std::string>& targets, Architecture architecture,
                                           int64_t numLayers);

// Makes a LoraLinearImpl for every target of `options` and asks `base` for every other layer.
LinearFactory loraLinearFactory(const LoraOptions& options, LinearFactory base = defaultLinearFactory());

}  // namespace quarry::model
