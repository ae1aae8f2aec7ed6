#pragma once
// The safetensors format (https://github.com/huggingface/safetensors): an 8-byte little-endian header
// length N, N bytes of JSON {name: {dtype, shape, data_offsets}, "__metadata__": {str: str}}, then the raw
// little-endian row-major tensor bytes. Read strictly: a file that the reference implementation would
// refuse is refused here too, with an Error naming the file, the tensor and the field.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/Error.h"
#include "model/checkpoint/StateDict.h"

namespace quarry::model {

struct SafetensorsContent {
  StateDict tensors;                            // owned CPU tensors, dtype and shape as stored
  std::map<std::string, std::string> metadata;  // the optional "__metadata__" object
};

class SafetensorsFile {
 public:
  // The header may not be larger than this (the reference implementation's limit).
  static constexpr std::uint64_t kMaxHeaderBytes = 100u * 1000u * 1000u;

  // Reads and validates the whole file. Tensors are copied out of a read-only mapping, so the file
  // may be replaced or deleted afterwards.
  static Result<SafetensorsContent> read(const std::string& path);

  // The same checks on bytes already in memory; `path` only names the source in error messages.
  static Result<SafetensorsContent> parse(const char* data, std::size_t size, const std::string& path);

  // Writes `tensors` (CPU or not, any layout; converted to contiguous CPU) in the layout transformers
  // writes: tensors ordered by element size (largest first) then name, so each starts at a multiple of
  // its element size; the header padded with spaces so the data starts at a multiple of 8. Written to a
  // temporary file beside `path` and renamed over it, so `path` is either the old file or the complete
  // new one. Fails (writing nothing) on a dtype safetensors cannot hold.
  static Status write(const std::string& path, const StateDict& tensors,
                      const std::map<std::string, std::string>& metadata = {{"format", "pt"}});

  // The safetensors dtype tag ("F32", "BF16", ...) of a tensor, or "" when safetensors has none.
  static std::string dtypeTag(const at::Tensor& tensor);
};

}  // namespace quarry::model
