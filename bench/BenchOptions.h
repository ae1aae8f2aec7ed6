#pragma once
// What the training benches read from their command lines beside their own options: --set key=value,
// a training option override (a JSON value, or a bare word as a string), repeatable.

#include <string>

#include <nlohmann/json.hpp>

namespace bench {

// Adds "key=value" to `overrides`.
inline void addOverride(nlohmann::json& overrides, const std::string& assignment) {
  const size_t eq = assignment.find('=');
  const std::string key = assignment.substr(0, eq);
  const std::string value = eq == std::string::npos ? std::string() : assignment.substr(eq + 1);
  try {
    overrides[key] = nlohmann::json::parse(value);
  } catch (const nlohmann::json::exception&) {
    overrides[key] = value;
  }
}

}  // namespace bench
