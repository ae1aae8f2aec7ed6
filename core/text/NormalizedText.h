#pragma once
// Code points after normalisation, each remembering the original code point it came from, so that
// pieces cut from normalised text map back to the original characters.

#include <cstdint>
#include <string>
#include <vector>

namespace quarry::text {

struct NormalizedText {
  std::vector<char32_t> cps;    // normalised code points
  std::vector<int32_t> origin;  // index of the original code point of each (same length)

  void push(char32_t cp, int32_t from) {
    cps.push_back(cp);
    origin.push_back(from);
  }
  size_t size() const { return cps.size(); }
  bool empty() const { return cps.empty(); }
  std::string utf8() const;
};

}  // namespace quarry::text
