#pragma once
// Whether a path the program is about to read is a file it can read, with an error that names the path
// and says what is there instead: nothing, a folder, a device or a pipe.

#include <filesystem>
#include <string>

#include "common/Error.h"

namespace quarry {

// An Error naming `path` unless it is a regular file (a link to one counts): "no such file", "is a
// folder, not a file", "is not a regular file (a device, pipe or socket)". `missing` replaces "no such
// file" where the caller knows better what a missing file means ("not a Quarry NER model folder:
// quarry_ner.json is missing").
Status requireRegularFile(const std::filesystem::path& path, const std::string& missing = "no such file");

}  // namespace quarry
