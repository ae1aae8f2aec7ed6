#pragma once
// Saving a model as a Hugging Face folder that transformers' from_pretrained (and readCheckpoint) loads:
// config.json, model.safetensors and the tokenizer's files.

#include <filesystem>
#include <string>
#include <vector>

#include "common/Error.h"
#include "model/checkpoint/ModelConfig.h"
#include "model/checkpoint/StateDict.h"

namespace quarry::model {

class HfFolderWriter {
 public:
  // The transformers release whose config.json format is written when the config names none.
  static constexpr const char* kTransformersVersion = "4.28.1";

  // Writes `folder` (created, or replaced as a whole if it exists): config.json (architectures,
  // model_type, labels, transformers_version), model.safetensors (every tensor of `weights` under its
  // name, F32/F16/BF16/I64 as given) and a copy of each file in `tokenizerFiles` (vocab.txt,
  // merges.txt, vocab.json, tokenizer.json, tokenizer_config.json, special_tokens_map.json, ...),
  // keeping its file name. Everything is written into a temporary sibling folder first and renamed into
  // place, so a failure leaves `folder` as it was.
  static Status save(const std::string& folder, const ModelConfig& config, const StateDict& weights,
                     const std::vector<std::string>& tokenizerFiles = {});
  // The same files written into `dir`, an existing folder (e.g. AtomicFolder's staging folder, so that
  // callers can add their own files before it is swapped in).
  static Status writeInto(const std::filesystem::path& dir, const ModelConfig& config, const StateDict& weights,
                          const std::vector<std::string>& tokenizerFiles = {});
};

// Shorthand for HfFolderWriter::save.
inline Status saveHfFolder(const std::string& folder, const ModelConfig& config, const StateDict& weights,
                           const std::vector<std::string>& tokenizerFiles = {}) {
  return HfFolderWriter::save(folder, config, weights, tokenizerFiles);
}

}  // namespace quarry::model
