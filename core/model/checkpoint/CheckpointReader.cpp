#include "model/checkpoint/CheckpointReader.h"

#include <filesystem>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/FileCheck.h"
#include "common/JsonReader.h"

#include "model/checkpoint/PytorchBinFile.h"
#include "model/checkpoint/SafetensorsFile.h"

namespace quarry::model {
namespace fs = std::filesystem;
namespace {

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool isPositionIdsBuffer(const std::string& name) {
  return name == "position_ids" || endsWith(name, ".position_ids");
}

Result<StateDict> readSingleFile(const std::string& path, std::vector<std::string>* notes) {
  if (endsWith(path, ".safetensors")) {
    auto content = SafetensorsFile::read(path);
    if (!content) return content.error();
    return std::move(content->tensors);
  }
  auto content = PytorchBinFile::read(path);
  if (!content) return content.error();
  if (notes) notes->insert(notes->end(), content->notes.begin(), content->notes.end());
  return std::move(content->tensors);
}

// {"metadata": {...}, "weight_map": {tensor name: shard file name}}: every shard is read once, and each
// listed tensor must be found in the shard the map names.
Result<StateDict> readSharded(const std::string& indexPath, std::vector<std::string>* notes) {
  auto parsed = readJsonFile(indexPath);
  if (!parsed) return parsed.error();
  nlohmann::json& index = *parsed;
  if (!index.is_object() || !index.contains("weight_map") || !index["weight_map"].is_object())
    return Error("expected an object {tensor name: shard file}", indexPath, 0, "weight_map");
  std::map<std::string, std::vector<std::string>> byShard;
  for (auto it = index["weight_map"].begin(); it != index["weight_map"].end(); ++it) {
    if (!it.value().is_string())
      return Error("expected the shard's file name, got " + jsonSummary(it.value()), indexPath, 0,
                   "weight_map." + it.key());
    const std::string shard = it.value().get<std::string>();
    // Shards live beside the index; a path would let a downloaded index read any file.
    if (shard.empty() || shard.find('/') != std::string::npos || shard.find('\\') != std::string::npos ||
        shard == "." || shard == "..")
      return Error("shard " + jsonSummary(shard) + " is not a file name in the model folder", indexPath, 0,
                   "weight_map." + it.key());
    byShard[shard].push_back(it.key());
  }
  if (byShard.empty()) return Error("the index lists no tensors", indexPath, 0, "weight_map");

  const fs::path folder = fs::path(indexPath).parent_path();
  StateDict all;
  for (const auto& [shard, names] : byShard) {
    auto tensors = readSingleFile((folder / shard).string(), notes);
    if (!tensors) return tensors.error();
    const std::set<std::string> listed(names.begin(), names.end());
    for (const auto& name : names)
      if (!tensors->count(name))
        return Error("tensor is listed in shard '" + shard + "' but that file does not hold it", indexPath, 0,
                     "weight_map." + name);
    for (auto& [name, tensor] : *tensors) {
      if (!listed.count(name) && notes)
        notes->push_back(shard + ": '" + name + "' is not listed in the index; loaded anyway");
      all[name] = std::move(tensor);
    }
  }
  return all;
}

}  // namespace

std::string CheckpointReader::normaliseLegacyName(const std::string& name) {
  if (name == "gamma") return "weight";
  if (name == "beta") return "bias";
  if (endsWith(name, ".gamma")) return name.substr(0, name.size() - 5) + "weight";
  if (endsWith(name, ".beta")) return name.substr(0, name.size() - 4) + "bias";
  return name;
}

Result<StateDict> CheckpointReader::readWeightsFile(const std::string& path,
                                                    std::vector<std::string>* notes) {
  if (Status s = requireRegularFile(path); !s) return s.error();
  if (endsWith(path, ".index.json")) return readSharded(path, notes);
  return readSingleFile(path, notes);
}

Result<Checkpoint> CheckpointReader::read(const std::string& folder, const CheckpointReadOptions& options) {
  std::error_code ec;
  const fs::path dir(folder);
  if (!fs::exists(dir, ec)) return Error("no such folder", folder);
  if (!fs::is_directory(dir, ec))
    return Error("this is a file; choose the model folder that holds config.json and the weights", folder);
  const fs::path configPath = dir / "config.json";
  if (Status s = requireRegularFile(configPath, "not a model folder: config.json is missing"); !s) return s.error();

  auto config = ModelConfig::load(configPath.string());
  if (!config) return config.error();

  Checkpoint cp;
  cp.config = std::move(*config);
  for (const char* candidate : {"model.safetensors", "model.safetensors.index.json", "pytorch_model.bin",
                                "pytorch_model.bin.index.json"}) {
    if (fs::is_regular_file(dir / candidate, ec)) {
      cp.weightsFile = (dir / candidate).string();
      break;
    }
  }
  if (cp.weightsFile.empty()) {
    std::string hint;
    for (const char* other : {"tf_model.h5", "flax_model.msgpack", "model.ckpt.index"})
      if (fs::exists(dir / other, ec))
        hint = std::string("; it holds ") + other + ", which Quarry cannot read";
    return Error(
        "no weights: expected model.safetensors or pytorch_model.bin (or a sharded *.index.json)" + hint,
        folder);
  }

  auto weights = readWeightsFile(cp.weightsFile, &cp.notes);
  if (!weights) return weights.error();

  int renamed = 0;
  std::map<std::string, int> converted;
  for (auto& [storedName, tensor] : *weights) {
    if (isPositionIdsBuffer(storedName)) continue;  // a buffer the encoders recompute, not a parameter
    std::string name = normaliseLegacyName(storedName);
    if (name != storedName) {
      ++renamed;
      if (weights->count(name))
        return Error("holds both '" + storedName + "' and '" + name + "'", cp.weightsFile, 0, storedName);
    }
    if (options.floatsToFloat32 && tensor.is_floating_point() && tensor.scalar_type() != at::kFloat) {
      converted[c10::toString(tensor.scalar_type())]++;
      tensor = tensor.to(at::kFloat);
    }
    cp.weights[name] = std::move(tensor);
  }
  for (const auto& [from, count] : converted)
    cp.notes.push_back("converted " + std::to_string(count) + " tensors from " + from + " to Float");
  if (renamed > 0)
    cp.notes.push_back("renamed " + std::to_string(renamed) +
                       " legacy LayerNorm names (gamma/beta -> weight/bias) as transformers does");
  return cp;
}

}  // namespace quarry::model
