#pragma once
// Reading a Hugging Face model folder (config.json + model.safetensors or pytorch_model.bin, possibly
// sharded) into a ModelConfig and a StateDict, with the names normalised the way transformers does
// on load.

#include <string>
#include <vector>

#include "common/Error.h"
#include "model/checkpoint/ModelConfig.h"
#include "model/checkpoint/StateDict.h"

namespace quarry::model {

struct Checkpoint {
  ModelConfig config;              // config.json
  StateDict weights;               // normalised names, architecture prefix kept, no position_ids buffer
  std::string weightsFile;         // the file read (the index file for a sharded checkpoint)
  std::vector<std::string> notes;  // renamed legacy names, converted dtypes, skipped entries
};

struct CheckpointReadOptions {
  bool floatsToFloat32 = true;  // convert F16/BF16/F64 tensors to F32 (the engine computes in F32)
};

class CheckpointReader {
 public:
  // Reads `folder`. Prefers model.safetensors, then model.safetensors.index.json, then pytorch_model.bin,
  // then pytorch_model.bin.index.json. Errors name the path: not a folder, no config.json, no weights,
  // an unreadable weights file, an unsupported model_type.
  static Result<Checkpoint> read(const std::string& folder, const CheckpointReadOptions& options = {});

  // One weights file, by its name: *.safetensors, *.bin / *.pt / *.pth, or a sharded *.index.json.
  // Names are returned exactly as stored (no normalisation). `notes` (may be null) receives remarks.
  static Result<StateDict> readWeightsFile(const std::string& path,
                                           std::vector<std::string>* notes = nullptr);

  // transformers' rename of early TF-converted names: a final "gamma" -> "weight", "beta" -> "bias".
  static std::string normaliseLegacyName(const std::string& name);
};

// Shorthand for CheckpointReader::read.
inline Result<Checkpoint> readCheckpoint(const std::string& folder,
                                         const CheckpointReadOptions& options = {}) {
  return CheckpointReader::read(folder, options);
}

}  // namespace quarry::model
