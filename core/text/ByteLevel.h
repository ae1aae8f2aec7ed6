#pragma once
// GPT-2's byte-level pieces: the byte <-> printable-character map and the pre-tokenisation regex
//   's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
// implemented by hand over code points.

#include <array>
#include <string>
#include <utility>
#include <vector>

namespace quarry::text::bytelevel {

// The printable character standing for each byte (bytes_to_unicode), as UTF-8.
const std::array<std::string, 256>& byteToUnicode();
// The byte a printable character stands for, or -1.
int unicodeToByte(char32_t cp);

// Pre-tokens of cps[begin, end) as [start, end) code point ranges covering the whole range.
std::vector<std::pair<int32_t, int32_t>> preTokenize(const std::vector<char32_t>& cps, int32_t begin,
                                                     int32_t end);

}  // namespace quarry::text::bytelevel
