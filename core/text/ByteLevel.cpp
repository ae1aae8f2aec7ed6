#include "text/ByteLevel.h"

#include "text/Unicode.h"

namespace quarry::text::bytelevel {

namespace {

struct Tables {
  std::array<std::string, 256> toUnicode;
  std::array<char32_t, 256> cpOfByte{};
  Tables() {
    std::array<bool, 256> printable{};
    for (int b = '!'; b <= '~'; ++b) printable[static_cast<size_t>(b)] = true;
    for (int b = 0xA1; b <= 0xAC; ++b) printable[static_cast<size_t>(b)] = true;
    for (int b = 0xAE; b <= 0xFF; ++b) printable[static_cast<size_t>(b)] = true;
    char32_t next = 256;
    for (size_t b = 0; b < 256; ++b) {
      cpOfByte[b] = printable[b] ? static_cast<char32_t>(b) : next++;
      unicode::appendUtf8(toUnicode[b], cpOfByte[b]);
    }
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

bool isS(char32_t c) { return unicode::isWhiteSpace(c); }
bool isL(char32_t c) { return unicode::isLetter(c); }
bool isN(char32_t c) { return unicode::isNumber(c); }
bool isOther(char32_t c) { return !isS(c) && !isL(c) && !isN(c); }

// Length of a contraction ('s 't 're 've 'm 'll 'd) at i, or 0.
int32_t contraction(const std::vector<char32_t>& cps, int32_t i, int32_t end) {
  if (cps[static_cast<size_t>(i)] != U'\'' || i + 1 >= end) return 0;
  const char32_t a = cps[static_cast<size_t>(i + 1)];
  if (a == U's' || a == U't' || a == U'm' || a == U'd') return 2;
  if (i + 2 >= end) return 0;
  const char32_t b = cps[static_cast<size_t>(i + 2)];
  if ((a == U'r' && b == U'e') || (a == U'v' && b == U'e') || (a == U'l' && b == U'l')) return 3;
  return 0;
}

}  // namespace

const std::array<std::string, 256>& byteToUnicode() { return tables().toUnicode; }

int unicodeToByte(char32_t cp) {
  if (cp < 256 && tables().cpOfByte[cp] == cp) return static_cast<int>(cp);
  if (cp >= 256 && cp < 256 + 68) {
    for (size_t b = 0; b < 256; ++b)
      if (tables().cpOfByte[b] == cp) return static_cast<int>(b);
  }
  return -1;
}

std::vector<std::pair<int32_t, int32_t>> preTokenize(const std::vector<char32_t>& cps, int32_t begin,
                                                     int32_t end) {
  std::vector<std::pair<int32_t, int32_t>> out;
  auto at = [&cps](int32_t k) { return cps[static_cast<size_t>(k)]; };
  int32_t i = begin;
  while (i < end) {
    if (const int32_t c = contraction(cps, i, end)) {
      out.emplace_back(i, i + c);
      i += c;
      continue;
    }
    // ` ?X+` for the three classes: an optional ASCII space, then a run of the class of the next char.
    const int32_t j = (at(i) == U' ' && i + 1 < end) ? i + 1 : i;
    bool (*cls)(char32_t) = nullptr;
    if (isL(at(j)))
      cls = isL;
    else if (isN(at(j)))
      cls = isN;
    else if (isOther(at(j)))
      cls = isOther;
    if (cls) {
      int32_t k = j + 1;
      while (k < end && cls(at(k))) ++k;
      out.emplace_back(i, k);
      i = k;
      continue;
    }
    // Whitespace at i: `\s+(?!\S)` leaves the last space of a run for the next word; `\s+` otherwise.
    int32_t k = i;
    while (k < end && isS(at(k))) ++k;
    if (k < end && k - i >= 2) --k;
    out.emplace_back(i, k);
    i = k;
  }
  return out;
}

}  // namespace quarry::text::bytelevel
