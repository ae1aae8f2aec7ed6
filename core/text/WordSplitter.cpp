#include "text/WordSplitter.h"

#include <algorithm>

#include <utf8proc.h>

#include "text/Unicode.h"

namespace quarry::text {

namespace {

bool isSeparator(char32_t cp) {
  return unicode::isWhiteSpace(cp) ||
         utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_CC;
}

bool isOwnWord(char32_t cp) {
  const auto c = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return (c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO) ||
         (c >= UTF8PROC_CATEGORY_SM && c <= UTF8PROC_CATEGORY_SO) || unicode::isCjkIdeograph(cp);
}

}  // namespace

std::vector<Span> splitWords(std::u32string_view cps, Span range) {
  const int32_t n = static_cast<int32_t>(cps.size());
  const int32_t begin = std::clamp(range.start, 0, n);
  const int32_t end = std::clamp(range.end, begin, n);
  std::vector<Span> out;
  int32_t wordStart = -1;
  for (int32_t i = begin; i < end; ++i) {
    const char32_t c = cps[static_cast<size_t>(i)];
    if (isSeparator(c)) {
      if (wordStart >= 0) out.push_back({wordStart, i});
      wordStart = -1;
    } else if (isOwnWord(c)) {
      if (wordStart >= 0) out.push_back({wordStart, i});
      out.push_back({i, i + 1});
      wordStart = -1;
    } else if (wordStart < 0) {
      wordStart = i;
    }
  }
  if (wordStart >= 0) out.push_back({wordStart, end});
  return out;
}

std::vector<Span> splitWords(std::string_view utf8, Span range) {
  const auto decoded = unicode::decodeUtf8(utf8);
  return splitWords(std::u32string_view(decoded.cps.data(), decoded.cps.size()), range);
}

}  // namespace quarry::text
