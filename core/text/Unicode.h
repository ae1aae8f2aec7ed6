#pragma once
// Code point level helpers shared by the tokenizers. Character classes follow what Python's
// `unicodedata` / `str` methods report, because the reference tokenizers are Python code.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quarry::text::unicode {

// A UTF-8 string split into code points. Invalid byte sequences become U+FFFD, one per maximal
// invalid subpart (what Python's errors="replace" does), so every byte belongs to exactly one entry.
struct DecodedText {
  std::vector<char32_t> cps;        // code points
  std::vector<uint32_t> byteStart;  // byte offset of cps[i]; size cps.size() + 1 (last = byte length)

  // Index of the code point that holds byte `b` (b == byte length gives cps.size()).
  int32_t charOfByte(uint32_t b) const;
  // The bytes of code points [start, end) of `utf8` (the text this was decoded from), the range clamped
  // to the text.
  std::string_view slice(std::string_view utf8, int32_t start, int32_t end) const;
};

DecodedText decodeUtf8(std::string_view text);

// Whether `bytes` is well-formed UTF-8 (what Python's strict decode accepts).
bool isValidUtf8(std::string_view bytes);

// Decodes bytes as Python's bytes.decode("utf-8", errors="replace") does.
std::string repairUtf8(std::string_view bytes);

void appendUtf8(std::string& out, char32_t cp);
std::string toUtf8(const std::vector<char32_t>& cps);
std::string toUtf8(const char32_t* cps, size_t n);

// Two-letter Unicode general category ("Lu", "Mn", "Zs", ...).
const char* category(char32_t cp);
bool isLetter(char32_t cp);       // \p{L}
bool isNumber(char32_t cp);       // \p{N}
bool isMark(char32_t cp);         // Mn only (what BERT's accent stripping removes)
bool isPythonSpace(char32_t cp);  // str.isspace(): what str.split() / str.strip() split on
bool isWhiteSpace(char32_t cp);   // the Unicode White_Space property (regex \s)

// BERT's _is_whitespace / _is_control / _is_punctuation / _is_chinese_char.
bool isBertWhitespace(char32_t cp);
bool isBertControl(char32_t cp);
bool isBertPunctuation(char32_t cp);
bool isCjkIdeograph(char32_t cp);

// Python str.lower() of the one-character string {cp}: full case mapping, so U+0130 gives two code
// points. Appends to `out`.
void lowerChar(char32_t cp, std::vector<char32_t>& out);

// Python str.lower() of a whole string, including the Final_Sigma rule. `origin` (same length as
// `cps`) is carried along so every produced code point keeps the origin of the one it came from.
void lowerString(std::vector<char32_t>& cps, std::vector<int32_t>& origin);

// Canonical decomposition (NFD) of one code point, appended to `out`.
void decomposeChar(char32_t cp, std::vector<char32_t>& out);

}  // namespace quarry::text::unicode
