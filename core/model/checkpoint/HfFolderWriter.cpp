#include "model/checkpoint/HfFolderWriter.h"

#include <filesystem>
#include <set>

#include "model/checkpoint/AtomicFolder.h"
#include "model/checkpoint/SafetensorsFile.h"

namespace quarry::model {
namespace fs = std::filesystem;

Status HfFolderWriter::writeInto(const std::filesystem::path& dir, const ModelConfig& config, const StateDict& weights,
                                 const std::vector<std::string>& tokenizerFiles) {
  std::error_code ec;
  if (weights.empty()) return Error("there are no weights to save", dir.string());
  // Check the inputs before anything is written.
  std::set<std::string> names{"config.json", "model.safetensors"};
  for (const auto& file : tokenizerFiles) {
    if (!fs::is_regular_file(file, ec)) return Error("tokenizer file not found", file);
    const std::string name = fs::path(file).filename().string();
    if (!names.insert(name).second) return Error("two files would be saved as '" + name + "'", file);
  }
  ModelConfig toWrite = config;
  if (toWrite.transformersVersion.empty()) toWrite.transformersVersion = kTransformersVersion;
  if (Status s = toWrite.save((dir / "config.json").string()); !s) return s;
  if (Status s = SafetensorsFile::write((dir / "model.safetensors").string(), weights); !s) return s;
  for (const auto& file : tokenizerFiles) {
    fs::copy_file(file, dir / fs::path(file).filename(), fs::copy_options::overwrite_existing, ec);
    if (ec) return Error("cannot copy: " + ec.message(), file);
  }
  return {};
}

Status HfFolderWriter::save(const std::string& folder, const ModelConfig& config, const StateDict& weights,
                            const std::vector<std::string>& tokenizerFiles) {
  if (weights.empty()) return Error("there are no weights to save", folder);
  return AtomicFolder::write(folder, [&](const fs::path& dir) { return writeInto(dir, config, weights, tokenizerFiles); });
}

}  // namespace quarry::model
