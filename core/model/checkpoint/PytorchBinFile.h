#pragma once
// pytorch_model.bin as transformers writes it: a torch.save zip archive (torch >= 1.6) holding a pickled
// dict of name -> tensor. Read by Quarry's own strict reader (ZipArchive, TorchPickle), never by LibTorch's
// unpickler: every storage record is checked against what data.pkl says of it and every tensor view against
// its storage before a byte is copied. The legacy pre-1.6 format is refused with a message saying how to
// convert it. Written through LibTorch's pickler.

#include <cstddef>
#include <string>
#include <vector>

#include "common/Error.h"
#include "model/checkpoint/StateDict.h"

namespace quarry::model {

struct PytorchBinContent {
  StateDict tensors;               // owned, contiguous CPU tensors (tied tensors come back as copies)
  std::vector<std::string> notes;  // entries skipped because they are not tensors, and similar
};

class PytorchBinFile {
 public:
  // Reads the whole archive. Errors (not a zip, legacy format, truncated, damaged, not a dict of tensors)
  // name the file and, where one is at fault, the tensor; a non-tensor entry is skipped with a note.
  static Result<PytorchBinContent> read(const std::string& path);
  // The same checks on bytes already in memory; `path` only names the source in errors.
  static Result<PytorchBinContent> parse(const char* data, std::size_t size, const std::string& path);

  // Writes `tensors` as a torch.save zip archive of a dict (what torch.load and transformers read),
  // atomically (temporary file, then rename). Each tensor is stored with its own storage.
  static Status write(const std::string& path, const StateDict& tensors);
};

}  // namespace quarry::model
