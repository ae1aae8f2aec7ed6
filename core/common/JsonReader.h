#pragma once
// The one way the engine reads JSON it did not write in this process (model configs, tokenizer files,
// quarry_ner.json, training state, training configs): parsing with a bounded nesting depth, so that
// nothing recursive (copying, comparing, dumping, destroying) ever runs on a hostile value; short typed
// summaries of values for messages; typed field reads whose errors name the file and the field's path
// ("added_tokens[0].rstrip").

#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/Error.h"

namespace quarry {

// The deepest nesting of arrays and objects accepted. The files Quarry reads nest a few levels.
inline constexpr int kMaxJsonDepth = 64;

struct JsonParseOptions {
  int maxDepth = kMaxJsonDepth;      // arrays/objects nested deeper are an Error, found while parsing
  bool rejectDuplicateKeys = false;  // a key twice in one object is an Error (nlohmann keeps the last)
};

// Parses `text`. Errors name `source`, the line where known and the field being read: malformed JSON,
// nesting deeper than options.maxDepth, a number too large for a double, a repeated key.
Result<nlohmann::json> parseJson(std::string_view text, const std::string& source,
                                 const JsonParseOptions& options = {});

// Reads `file` and parses it as parseJson does.
Result<nlohmann::json> readJsonFile(const std::filesystem::path& file, const JsonParseOptions& options = {});

// A short description of a value for messages, never the whole value: true, -3, 0.5, "abc" (strings cut
// at 40 bytes), null, an array of 3 items, an object with 2 keys.
std::string jsonSummary(const nlohmann::json& value);

// "parent.key", or "key" for the top level.
std::string jsonFieldPath(const std::string& parent, std::string_view key);
// "parent[index]".
std::string jsonIndexPath(const std::string& parent, std::size_t index);

// Typed reads of the fields of one JSON value (normally an object; any other value has no fields).
// Absent and null fields give the fallback; a present field of the wrong type or out of range is an
// Error naming the file and the field's path.
class JsonFields {
 public:
  // `path` is where `value` sits in its file ("" for the top level, "added_tokens[0]", ...).
  JsonFields(const nlohmann::json& value, std::string file, std::string path = {});

  const nlohmann::json& value() const { return m_value; }
  const std::string& file() const { return m_file; }
  const std::string& path() const { return m_path; }
  // The path of `key` inside this value.
  std::string pathOf(std::string_view key) const { return jsonFieldPath(m_path, key); }

  // The field, or null when it is absent or null.
  const nlohmann::json* find(const char* key) const;
  // The fields of a nested value (absent: an empty view).
  JsonFields child(const char* key) const;

  Result<bool> boolean(const char* key, bool fallback) const;
  Result<std::optional<bool>> optionalBoolean(const char* key) const;
  // An integer in [min, max]; a number written with a fraction or exponent is refused.
  Result<std::int64_t> integer(const char* key, std::int64_t fallback,
                               std::int64_t min = std::numeric_limits<std::int64_t>::min(),
                               std::int64_t max = std::numeric_limits<std::int64_t>::max()) const;
  // Any finite number in [min, max].
  Result<double> number(const char* key, double fallback, double min = -std::numeric_limits<double>::max(),
                        double max = std::numeric_limits<double>::max()) const;
  Result<std::string> string(const char* key, const std::string& fallback) const;
  // An Error naming this file and the field `key` ("" = this value itself).
  Error error(std::string_view key, const std::string& message) const;

 private:
  const nlohmann::json& m_value;
  std::string m_file;
  std::string m_path;
};

}  // namespace quarry
