#include "eval/SpanContext.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace quarry::eval {

namespace {

size_t sequenceLength(unsigned char lead) {
  if (lead < 0xC0) {
    return 1;  // ASCII, or a stray continuation byte counted alone
  }
  if (lead < 0xE0) {
    return 2;
  }
  return lead < 0xF0 ? 3 : 4;
}

// Byte offset of each requested code point offset (ascending), found in one pass.
template <size_t N>
std::array<size_t, N> byteOffsets(std::string_view text, const std::array<int32_t, N>& cps) {
  std::array<size_t, N> out{};
  size_t byte = 0;
  int32_t cp = 0;
  for (size_t k = 0; k < N; ++k) {
    while (cp < cps[k] && byte < text.size()) {
      size_t len = sequenceLength(static_cast<unsigned char>(text[byte]));
      // A truncated or broken sequence: take its lead byte alone.
      for (size_t i = 1; i < len; ++i) {
        if (byte + i >= text.size() || (static_cast<unsigned char>(text[byte + i]) & 0xC0) != 0x80) {
          len = 1;
          break;
        }
      }
      byte += len;
      ++cp;
    }
    out[k] = byte;
  }
  return out;
}

void appendOneLine(std::string& out, std::string_view part) {
  for (const char c : part) {
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
}

}  // namespace

std::string spanContext(std::string_view text, int32_t start, int32_t end, int32_t radius) {
  start = std::max(start, 0);
  end = std::max(end, start);
  radius = std::max(radius, 0);
  const int32_t from = start > radius ? start - radius : 0;
  const int32_t to = end > INT32_MAX - radius ? INT32_MAX : end + radius;
  const auto b = byteOffsets<4>(text, {from, start, end, to});
  std::string out;
  out.reserve(b[3] - b[0] + 4);
  appendOneLine(out, text.substr(b[0], b[1] - b[0]));
  out += "[[";
  appendOneLine(out, text.substr(b[1], b[2] - b[1]));
  out += "]]";
  appendOneLine(out, text.substr(b[2], b[3] - b[2]));
  return out;
}

}  // namespace quarry::eval
