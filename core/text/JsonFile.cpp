#include "text/JsonFile.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <limits>

namespace quarry::text {

Result<nlohmann::json> readJsonFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error("cannot open the file", file.string());
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is 1-based and points at the last character read.
    const size_t at = std::min<size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
    const long line =
        1 + static_cast<long>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
    return Error(std::string("malformed JSON: ") + e.what(), file.string(), line);
  }
}

}  // namespace quarry::text

namespace quarry::text::jsonfield {

Result<bool> getBool(const nlohmann::json& j, const char* key, bool fallback, const std::string& file) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return fallback;
  if (!it->is_boolean()) return Error("expected true or false", file, 0, key);
  return it->get<bool>();
}

Result<std::optional<bool>> getOptionalBool(const nlohmann::json& j, const char* key,
                                            const std::string& file) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::optional<bool>();
  if (!it->is_boolean()) return Error("expected true, false or null", file, 0, key);
  return std::optional<bool>(it->get<bool>());
}

Result<long long> getInt(const nlohmann::json& j, const char* key, long long fallback,
                         const std::string& file) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return fallback;
  if (it->is_number_integer()) return it->get<long long>();
  if (it->is_number_float()) {
    const double d = it->get<double>();
    return d > 9e18 ? std::numeric_limits<long long>::max() : static_cast<long long>(d);
  }
  return Error("expected a number", file, 0, key);
}

Result<std::string> getTokenString(const nlohmann::json& j, const char* key, const std::string& fallback,
                                   const std::string& file) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return fallback;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_object()) {
    auto c = it->find("content");
    if (c != it->end() && c->is_string()) return c->get<std::string>();
  }
  return Error("expected a token string or an object with \"content\"", file, 0, key);
}

bool tokenLstrip(const nlohmann::json& j, const char* key, bool fallback) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_object()) return fallback;
  auto l = it->find("lstrip");
  return (l != it->end() && l->is_boolean()) ? l->get<bool>() : fallback;
}

}  // namespace quarry::text::jsonfield
