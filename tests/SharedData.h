#pragma once
// Where the shared corpora and fixtures are: $QUARRY_SHARED_DIR, else ../shared beside the checkout.
// Plain C++ so that engine tests (no Qt) use it too.

#include <cstdlib>
#include <filesystem>
#include <string>

namespace quarry::test {

inline std::filesystem::path sharedDir() {
  if (const char* env = std::getenv("QUARRY_SHARED_DIR"); env && *env) return env;
  return std::filesystem::path(QUARRY_TEST_SOURCE_DIR) / ".." / "shared";
}

inline std::filesystem::path datasetsDir() { return sharedDir() / "datasets"; }
inline std::filesystem::path fixturesDir() { return sharedDir() / "fixtures"; }

}  // namespace quarry::test
