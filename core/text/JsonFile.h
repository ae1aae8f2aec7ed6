#pragma once
// Reading a JSON file into nlohmann::json with errors that name the file and the line.

#include <filesystem>

#include <nlohmann/json.hpp>

#include "common/Error.h"

namespace quarry::text {

Result<nlohmann::json> readJsonFile(const std::filesystem::path& file);

}  // namespace quarry::text
