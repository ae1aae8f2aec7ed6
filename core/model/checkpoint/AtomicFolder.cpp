#include "model/checkpoint/AtomicFolder.h"

#include "common/AtomicFile.h"

namespace quarry::model {
namespace fs = std::filesystem;

namespace {

// Removes a temporary folder unless released: every early return cleans up after itself.
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

Status AtomicFolder::write(const std::string& folder, const std::function<Status(const fs::path&)>& produce) {
  std::error_code ec;
  fs::path target = fs::path(folder);
  if (!target.has_filename()) target = target.parent_path();  // "out/" -> "out"
  if (fs::exists(target, ec) && !fs::is_directory(target, ec)) return Error("exists and is not a folder", target.string());
  const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  fs::create_directories(parent, ec);
  if (ec) return Error("cannot create the folder: " + ec.message(), parent.string());
  TempFolder temp(AtomicFile::siblingName(target.string(), "saving"));
  fs::create_directory(temp.path(), ec);
  if (ec) return Error("cannot create a folder here: " + ec.message(), temp.path().string());
  if (Status s = produce(temp.path()); !s) return s;

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
