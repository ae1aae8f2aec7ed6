#pragma once
// Writing a file so that a failure (a full disk, a crash, an exception) leaves the old file or nothing,
// never half a file: write a temporary sibling, flush it, then rename it over the target. Plain C++ in
// core/common, so that every engine folder (core/text writes tokenizer folders) can use it.

#include <functional>
#include <ostream>
#include <string>

#include "common/Error.h"

namespace quarry {

class AtomicFile {
 public:
  // Calls `produce` with a binary stream on a temporary file beside `path`, then renames it to
  // `path`. On any failure (stream error, exception from `produce`) the temporary file is removed and
  // `path` is untouched.
  static Status write(const std::string& path, const std::function<void(std::ostream&)>& produce);

  // A name beside `path` that does not exist yet: "<path>.<tag>-<random>".
  static std::string siblingName(const std::string& path, const std::string& tag);
};

}  // namespace quarry
