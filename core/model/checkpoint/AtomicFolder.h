#pragma once
// Writing a folder so that a failure leaves the old folder or nothing, never half a folder: the files
// are produced in a temporary sibling, which is then swapped in (the old folder is moved aside first and
// deleted only once the new one is in place; on a failed swap it is put back).

#include <filesystem>
#include <functional>
#include <string>

#include "common/Error.h"

namespace quarry::model {

class AtomicFolder {
 public:
  // Calls `produce` with an empty temporary folder beside `folder` and, when it succeeds, replaces
  // `folder` (created with its parents if needed) by it. When `produce` fails, or the swap does, the
  // temporary folder is removed and `folder` is as it was. Errors name the path concerned.
  static Status write(const std::string& folder, const std::function<Status(const std::filesystem::path&)>& produce);
};

}  // namespace quarry::model
