#pragma once
// Shared by the engine parser harnesses: a private scratch folder for parsers that take a path, quiet
// logging and one CPU thread (libFuzzer runs millions of inputs; neither log lines nor thread pools help).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <unistd.h>

#include "common/Log.h"

namespace quarry::fuzz {

// A folder of this process, removed at exit; harnesses write the input there under the file name the
// parser expects.
inline const std::filesystem::path& scratch() {
  static const std::filesystem::path dir = [] {
    quarry::log::LogOptions quiet;
    quiet.level = "off";
    quarry::log::init(quiet);
    const auto d = std::filesystem::temp_directory_path() / ("quarry-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(
          std::filesystem::temp_directory_path() / ("quarry-fuzz-" + std::to_string(::getpid())), ec);
    });
    return d;
  }();
  return dir;
}

inline void writeFile(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A fresh copy of the model folder `base` at scratch()/name, with `file` in it replaced by `bytes`: how the
// model folder harnesses feed one damaged file to a loader.
inline std::filesystem::path copyWithFile(const std::filesystem::path& base, const std::string& name,
                                          const std::string& file, std::string_view bytes) {
  const std::filesystem::path folder = scratch() / name;
  std::filesystem::remove_all(folder);
  std::filesystem::copy(base, folder, std::filesystem::copy_options::recursive);
  writeFile(folder / file, bytes);
  return folder;
}

// With QUARRY_FUZZ_VERBOSE set, says whether the parser accepted the input (and why not): for checking
// that seeds are valid files, which is where fuzzing starts from.
template <typename R>
void note(const R& result) {
  static const bool verbose = std::getenv("QUARRY_FUZZ_VERBOSE") != nullptr;
  if (!verbose) return;
  std::fprintf(stderr, "  %s\n",
               result.ok() ? "accepted" : ("refused: " + result.error().toString()).c_str());
}

// Splits an input into `n` parts: each of the first n-1 parts is preceded by its length in two bytes
// (little-endian, clamped to what is left); the last part is the rest. Lets one input carry several files.
inline std::vector<std::string_view> splitInput(const std::uint8_t* data, std::size_t size, int n) {
  std::vector<std::string_view> parts;
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  for (int i = 0; i + 1 < n; ++i) {
    std::size_t length = 0;
    if (rest.size() >= 2) {
      length = static_cast<unsigned char>(rest[0]) |
               (static_cast<std::size_t>(static_cast<unsigned char>(rest[1])) << 8);
      rest.remove_prefix(2);
    } else {
      rest = {};
    }
    length = std::min(length, rest.size());
    parts.push_back(rest.substr(0, length));
    rest.remove_prefix(length);
  }
  parts.push_back(rest);
  return parts;
}

}  // namespace quarry::fuzz
