#include "suggest/GuidelineExamples.h"

namespace quarry::suggest {

namespace {

std::string_view trimAscii(std::string_view s) {
  constexpr std::string_view kSpace = " \t\n\r\f\v";
  const size_t first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

}  // namespace

std::vector<std::string> bracketedSpans(std::string_view example) {
  // '[' and ']' are ASCII, so never part of a multi-byte UTF-8 sequence: bytes can be scanned directly.
  std::vector<std::string> spans;
  size_t open = std::string_view::npos;
  for (size_t i = 0; i < example.size(); ++i) {
    if (example[i] == '[') {
      open = i + 1;
    } else if (example[i] == ']' && open != std::string_view::npos) {
      const std::string_view span = trimAscii(example.substr(open, i - open));
      if (!span.empty()) spans.emplace_back(span);
      open = std::string_view::npos;
    }
  }
  return spans;
}

}  // namespace quarry::suggest
