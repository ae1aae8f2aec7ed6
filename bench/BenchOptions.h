#pragma once
// What the training benches read from their command lines beside their own options: --set key=value,
// a training option override (a JSON value, or a bare word as a string), repeatable.

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>

#include <nlohmann/json.hpp>

#include "train/Trainer.h"

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

// A training request for `config` (the bench's options with the --set overrides applied) writing to
// `output`, which is emptied first; the caller adds the documents. A bad option is printed, and nullopt
// returned.
inline std::optional<quarry::train::TrainRequest> trainingRequest(const nlohmann::json& config,
                                                                 const std::string& output) {
  auto parsed = quarry::train::TrainConfig::fromJson(config, "bench options");
  if (!parsed) {
    std::fprintf(stderr, "%s\n", parsed.error().toString().c_str());
    return std::nullopt;
  }
  quarry::train::TrainRequest request;
  request.config = parsed.value();
  request.outputFolder = output;
  std::error_code ec;
  std::filesystem::remove_all(output, ec);
  return request;
}

}  // namespace bench
