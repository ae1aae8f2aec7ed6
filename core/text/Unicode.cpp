#include "text/Unicode.h"

#include <algorithm>

#include <utf8proc.h>

namespace quarry::text::unicode {

namespace {

// Length of the valid UTF-8 sequence at `i`, or minus the length of its maximal invalid subpart.
int sequenceAt(const unsigned char* s, size_t n, size_t i, char32_t& cp) {
  const unsigned char b0 = s[i];
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  int len = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return -1;
  }
  for (int k = 1; k < len; ++k) {
    if (i + k >= n) return -k;
    const unsigned char b = s[i + k];
    const unsigned char l = (k == 1) ? lo : 0x80;
    const unsigned char h = (k == 1) ? hi : 0xBF;
    if (b < l || b > h) return -k;
    cp = (cp << 6) | (b & 0x3F);
  }
  return len;
}

bool inRanges(char32_t cp, std::initializer_list<std::pair<char32_t, char32_t>> ranges) {
  for (const auto& r : ranges)
    if (cp >= r.first && cp <= r.second) return true;
  return false;
}

// Python's Cased and Case_Ignorable properties, as used by its Final_Sigma rule.
bool isCased(char32_t cp) {
  const auto c = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL || c == UTF8PROC_CATEGORY_LT ||
         utf8proc_islower(static_cast<utf8proc_int32_t>(cp)) ||
         utf8proc_isupper(static_cast<utf8proc_int32_t>(cp));
}

bool isCaseIgnorable(char32_t cp) {
  const auto c = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  if (c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_ME || c == UTF8PROC_CATEGORY_CF ||
      c == UTF8PROC_CATEGORY_LM || c == UTF8PROC_CATEGORY_SK)
    return true;
  // Word_Break MidLetter, MidNumLet, Single_Quote.
  switch (cp) {
    case 0x27:
    case 0x2E:
    case 0x3A:
    case 0xB7:
    case 0x387:
    case 0x55F:
    case 0x5F4:
    case 0x2018:
    case 0x2019:
    case 0x2024:
    case 0x2027:
    case 0xFE13:
    case 0xFE52:
    case 0xFE55:
    case 0xFF07:
    case 0xFF0E:
    case 0xFF1A:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string_view DecodedText::slice(std::string_view utf8, int32_t start, int32_t end) const {
  const auto n = static_cast<int32_t>(cps.size());
  start = std::clamp(start, 0, n);
  end = std::clamp(end, start, n);
  return utf8.substr(byteStart[static_cast<size_t>(start)], byteStart[static_cast<size_t>(end)] - byteStart[static_cast<size_t>(start)]);
}

int32_t DecodedText::charOfByte(uint32_t b) const {
  auto it = std::upper_bound(byteStart.begin(), byteStart.end(), b);
  return static_cast<int32_t>(it - byteStart.begin()) - 1;
}

DecodedText decodeUtf8(std::string_view text) {
  DecodedText out;
  out.cps.reserve(text.size());
  out.byteStart.reserve(text.size() + 1);
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    char32_t cp = 0;
    const int len = sequenceAt(s, n, i, cp);
    out.byteStart.push_back(static_cast<uint32_t>(i));
    if (len > 0) {
      out.cps.push_back(cp);
      i += static_cast<size_t>(len);
    } else {
      out.cps.push_back(0xFFFD);
      i += static_cast<size_t>(-len);
    }
  }
  out.byteStart.push_back(static_cast<uint32_t>(n));
  return out;
}

bool isValidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  for (size_t i = 0; i < n;) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    const int len = sequenceAt(s, n, i, cp);
    if (len <= 0) return false;
    i += static_cast<size_t>(len);
  }
  return true;
}

std::string repairUtf8(std::string_view bytes) {
  const auto decoded = decodeUtf8(bytes);
  return toUtf8(decoded.cps);
}

void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string toUtf8(const char32_t* cps, size_t n) {
  std::string out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) appendUtf8(out, cps[i]);
  return out;
}

std::string toUtf8(const std::vector<char32_t>& cps) { return toUtf8(cps.data(), cps.size()); }

const char* category(char32_t cp) { return utf8proc_category_string(static_cast<utf8proc_int32_t>(cp)); }

bool isLetter(char32_t cp) {
  const auto c = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool isNumber(char32_t cp) {
  const auto c = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO;
}

bool isMark(char32_t cp) {
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_MN;
}

bool isWhiteSpace(char32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

bool isPythonSpace(char32_t cp) {
  // Python: bidirectional class WS, B or S, or category Zs; adds U+001C..U+001F to White_Space.
  return isWhiteSpace(cp) || (cp >= 0x1C && cp <= 0x1F);
}

bool isBertWhitespace(char32_t cp) {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') return true;
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_ZS;
}

bool isBertControl(char32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\r') return false;
  const auto c = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  // Unassigned code points are Cn in Python too.
  return c == UTF8PROC_CATEGORY_CC || c == UTF8PROC_CATEGORY_CF || c == UTF8PROC_CATEGORY_CS ||
         c == UTF8PROC_CATEGORY_CO || c == UTF8PROC_CATEGORY_CN;
}

bool isBertPunctuation(char32_t cp) {
  if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126))
    return true;
  const auto c = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO;
}

bool isCjkIdeograph(char32_t cp) {
  return inRanges(cp, {{0x4E00, 0x9FFF},
                       {0x3400, 0x4DBF},
                       {0x20000, 0x2A6DF},
                       {0x2A700, 0x2B73F},
                       {0x2B740, 0x2B81F},
                       {0x2B820, 0x2CEAF},
                       {0xF900, 0xFAFF},
                       {0x2F800, 0x2FA1F}});
}

void lowerChar(char32_t cp, std::vector<char32_t>& out) {
  // The one unconditional multi-character lowercase mapping of SpecialCasing.txt.
  if (cp == 0x130) {
    out.push_back(U'i');
    out.push_back(0x307);
    return;
  }
  out.push_back(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))));
}

void lowerString(std::vector<char32_t>& cps, std::vector<int32_t>& origin) {
  std::vector<char32_t> out;
  std::vector<int32_t> outOrigin;
  out.reserve(cps.size() + 4);
  outOrigin.reserve(cps.size() + 4);
  const size_t n = cps.size();
  for (size_t i = 0; i < n; ++i) {
    const size_t before = out.size();
    if (cps[i] == 0x3A3) {
      // Python's handle_capital_sigma: \p{cased}\p{case-ignorable}* U+03A3 !(\p{case-ignorable}* \p{cased})
      size_t j = i;
      bool cased = false;
      while (j > 0) {
        --j;
        if (!isCaseIgnorable(cps[j])) {
          cased = isCased(cps[j]);
          break;
        }
      }
      bool finalSigma = cased;
      if (finalSigma) {
        for (size_t k = i + 1; k < n; ++k) {
          if (!isCaseIgnorable(cps[k])) {
            finalSigma = !isCased(cps[k]);
            break;
          }
        }
      }
      out.push_back(finalSigma ? 0x3C2 : 0x3C3);
    } else {
      lowerChar(cps[i], out);
    }
    for (size_t k = before; k < out.size(); ++k) outOrigin.push_back(origin[i]);
  }
  cps.swap(out);
  origin.swap(outOrigin);
}

void decomposeChar(char32_t cp, std::vector<char32_t>& out) {
  utf8proc_int32_t buf[8];
  int last = 0;
  const auto n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), buf, 8,
                                         static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE), &last);
  if (n <= 0 || n > 8) {
    out.push_back(cp);
    return;
  }
  for (utf8proc_ssize_t k = 0; k < n; ++k) out.push_back(static_cast<char32_t>(buf[k]));
}

}  // namespace quarry::text::unicode
