#include "model/HfFolderWriter.h"

#include <filesystem>
#include <set>

#include "model/AtomicFile.h"
#include "model/SafetensorsFile.h"

namespace quarry::model {
namespace fs = std::filesystem;

namespace {

// Removes a temporary folder unless released: every early return below cleans up after itself.
class TempFolder {
 public:
  explicit TempFolder(fs::path path) : m_path(std::move(path)) {}
  ~TempFolder() {
    if (!m_path.empty()) {
      std::error_code ec;
      fs::remove_all(m_path, ec);
    }
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const fs::path& path() const { return m_path; }
  void release() { m_path.clear(); }

 private:
  fs::path m_path;
};

}  // namespace

Status HfFolderWriter::save(const std::string& folder, const ModelConfig& config, const StateDict& weights,
                            const std::vector<std::string>& tokenizerFiles) {
  std::error_code ec;
  fs::path target = fs::path(folder);
  if (target.has_filename() == false) target = target.parent_path();  // "out/" -> "out"
  if (fs::exists(target, ec) && !fs::is_directory(target, ec))
    return Error("exists and is not a folder", target.string());
  if (weights.empty()) return Error("there are no weights to save", target.string());

  // Check the inputs before anything is written.
  std::set<std::string> names{"config.json", "model.safetensors"};
  for (const auto& file : tokenizerFiles) {
    if (!fs::is_regular_file(file, ec)) return Error("tokenizer file not found", file);
    const std::string name = fs::path(file).filename().string();
    if (!names.insert(name).second) return Error("two files would be saved as '" + name + "'", file);
  }

  const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  fs::create_directories(parent, ec);
  if (ec) return Error("cannot create the folder: " + ec.message(), parent.string());
  TempFolder temp(AtomicFile::siblingName(target.string(), "saving"));
  fs::create_directory(temp.path(), ec);
  if (ec) return Error("cannot create a folder here: " + ec.message(), temp.path().string());

  ModelConfig toWrite = config;
  if (toWrite.transformersVersion.empty()) toWrite.transformersVersion = kTransformersVersion;
  if (Status s = toWrite.save((temp.path() / "config.json").string()); !s) return s;
  if (Status s = SafetensorsFile::write((temp.path() / "model.safetensors").string(), weights); !s) return s;
  for (const auto& file : tokenizerFiles) {
    fs::copy_file(file, temp.path() / fs::path(file).filename(), fs::copy_options::overwrite_existing, ec);
    if (ec) return Error("cannot copy: " + ec.message(), file);
  }

  // Swap the finished folder in; an old one is moved aside first and deleted only once the new one is in.
  std::string old;
  if (fs::exists(target, ec)) {
    old = AtomicFile::siblingName(target.string(), "old");
    fs::rename(target, old, ec);
    if (ec) return Error("cannot move the existing folder aside: " + ec.message(), target.string());
  }
  fs::rename(temp.path(), target, ec);
  if (ec) {
    std::error_code ignored;
    if (!old.empty()) fs::rename(old, target, ignored);
    return Error("cannot move the saved folder into place: " + ec.message(), target.string());
  }
  temp.release();
  if (!old.empty()) fs::remove_all(old, ec);
  return {};
}

}  // namespace quarry::model
