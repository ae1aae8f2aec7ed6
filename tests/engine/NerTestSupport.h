#pragma once
// Checks shared by the NER data path tests: failures are printed with expected vs actual and counted.

#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "text/Encoding.h"
#include "text/Unicode.h"

namespace quarry::text {
inline void to_json(nlohmann::json& j, const Span& s) { j = nlohmann::json::array({s.start, s.end}); }
}  // namespace quarry::text

namespace quarry::test {

inline int& failures() {
  static int n = 0;
  return n;
}

template <typename A, typename B>
void expectEq(const A& actual, const B& expected, const std::string& what) {
  const nlohmann::json a(actual), e(expected);
  if (a == e) return;
  ++failures();
  std::cout << "FAIL " << what << "\n  expected: " << e.dump() << "\n  actual:   " << a.dump() << "\n";
}

inline void expectTrue(bool ok, const std::string& what) {
  if (ok) return;
  ++failures();
  std::cout << "FAIL " << what << "\n";
}

// The code points [s.start, s.end) of `text`, as UTF-8.
inline std::string substrChars(const std::string& text, text::Span s) {
  const auto d = text::unicode::decodeUtf8(text);
  return text.substr(d.byteStart[static_cast<size_t>(s.start)],
                     d.byteStart[static_cast<size_t>(s.end)] - d.byteStart[static_cast<size_t>(s.start)]);
}

inline int finish(const char* name) {
  if (failures() == 0) {
    std::cout << name << ": all checks passed\n";
    return 0;
  }
  std::cout << name << ": " << failures() << " check(s) failed\n";
  return 1;
}

}  // namespace quarry::test
