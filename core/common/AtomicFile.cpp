#include "common/AtomicFile.h"

#include <filesystem>
#include <fstream>
#include <random>

namespace quarry {

std::string AtomicFile::siblingName(const std::string& path, const std::string& tag) {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  std::error_code ec;
  for (;;) {
    std::string candidate = path + "." + tag + "-" + std::to_string(rng() % 1000000000ULL);
    if (!std::filesystem::exists(candidate, ec)) return candidate;
  }
}

Status AtomicFile::write(const std::string& path, const std::function<void(std::ostream&)>& produce) {
  namespace fs = std::filesystem;
  const std::string temp = siblingName(path, "tmp");
  std::error_code ec;
  std::string failure;
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return Error("cannot create a file in this folder", temp);
    try {
      produce(out);
    } catch (const std::exception& e) {
      failure = e.what();
    }
    if (failure.empty()) {
      out.flush();
      if (!out) failure = "writing failed (disk full?)";
    }
  }
  if (failure.empty()) {
    fs::rename(temp, path, ec);
    if (ec) failure = "cannot rename the temporary file into place: " + ec.message();
  }
  if (!failure.empty()) {
    fs::remove(temp, ec);
    return Error(failure, path);
  }
  return {};
}

}  // namespace quarry
