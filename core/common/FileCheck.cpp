#include "common/FileCheck.h"

namespace quarry {

Status requireRegularFile(const std::filesystem::path& path, const std::string& missing) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (status.type() == fs::file_type::regular) return {};
  if (status.type() == fs::file_type::not_found || status.type() == fs::file_type::none)
    return Error(missing, path.string());
  if (status.type() == fs::file_type::directory) return Error("is a folder, not a file", path.string());
  if (ec) return Error("cannot read: " + ec.message(), path.string());
  return Error("is not a regular file (a device, pipe or socket)", path.string());
}

}  // namespace quarry
