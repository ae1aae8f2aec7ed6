#pragma once
// Reading a JSON file into nlohmann::json with errors that name the file and the line.

#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/Error.h"

namespace quarry::text {

Result<nlohmann::json> readJsonFile(const std::filesystem::path& file);

}  // namespace quarry::text

namespace quarry::text::jsonfield {

// Typed access to optional fields; a present field of the wrong type is an Error naming file + field.
Result<bool> getBool(const nlohmann::json& j, const char* key, bool fallback, const std::string& file);
Result<std::optional<bool>> getOptionalBool(const nlohmann::json& j, const char* key,
                                            const std::string& file);
Result<long long> getInt(const nlohmann::json& j, const char* key, long long fallback,
                         const std::string& file);
// A string, or an AddedToken object's "content"; null or absent gives `fallback`.
Result<std::string> getTokenString(const nlohmann::json& j, const char* key, const std::string& fallback,
                                   const std::string& file);
// Whether an AddedToken object says lstrip (false for plain strings).
bool tokenLstrip(const nlohmann::json& j, const char* key, bool fallback);

}  // namespace quarry::text::jsonfield
