#include "quality/TextFingerprint.h"

#include <xxhash.h>

#include <algorithm>

#include "text/Unicode.h"

namespace quarry::quality {

namespace unicode = quarry::text::unicode;

namespace {

bool isWordChar(char32_t cp) {
  if (cp < 0x80) return (cp >= U'0' && cp <= U'9') || ((cp | 0x20) >= U'a' && (cp | 0x20) <= U'z');
  return unicode::isLetter(cp) || unicode::isNumber(cp) || unicode::category(cp)[0] == 'M';
}

}  // namespace

std::vector<HashedWord> hashedWords(std::string_view utf8) {
  const unicode::DecodedText decoded = unicode::decodeUtf8(utf8);
  const std::vector<char32_t>& cps = decoded.cps;
  std::vector<HashedWord> words;
  std::vector<char32_t> lowered;
  std::string bytes;
  size_t i = 0;
  while (i < cps.size()) {
    if (!isWordChar(cps[i])) {
      ++i;
      continue;
    }
    const size_t start = i;
    lowered.clear();
    while (i < cps.size() && isWordChar(cps[i])) {
      const char32_t cp = cps[i];
      if (cp < 0x80) {
        lowered.push_back((cp >= U'A' && cp <= U'Z') ? cp + 32 : cp);
      } else {
        unicode::lowerChar(cp, lowered);
      }
      ++i;
    }
    bytes.clear();
    for (char32_t cp : lowered) unicode::appendUtf8(bytes, cp);
    words.push_back({XXH3_64bits(bytes.data(), bytes.size()), static_cast<int32_t>(start), static_cast<int32_t>(i)});
  }
  return words;
}

uint64_t sequenceHash(const HashedWord* words, size_t count) {
  if (count == 0) return 0;
  std::vector<uint64_t> hashes(count);
  for (size_t i = 0; i < count; ++i) hashes[i] = words[i].hash;
  return XXH3_64bits(hashes.data(), hashes.size() * sizeof(uint64_t));
}

std::vector<uint64_t> shingles(const std::vector<HashedWord>& words, int width) {
  std::vector<uint64_t> out;
  if (words.empty()) return out;
  const size_t w = static_cast<size_t>(std::max(1, width));
  if (words.size() <= w) {
    out.push_back(sequenceHash(words));
    return out;
  }
  out.reserve(words.size() - w + 1);
  uint64_t window[64];
  const size_t cap = std::min<size_t>(w, 64);
  for (size_t s = 0; s + w <= words.size(); ++s) {
    for (size_t k = 0; k < cap; ++k) window[k] = words[s + k].hash;
    out.push_back(XXH3_64bits(window, cap * sizeof(uint64_t)));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 1.0;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

std::string surfaceKey(std::string_view utf8, int32_t start, int32_t end) {
  return surfaceKey(unicode::decodeUtf8(utf8).cps, start, end);
}

std::vector<char32_t> collapsedSpan(const std::vector<char32_t>& text, int32_t start, int32_t end) {
  const int32_t n = static_cast<int32_t>(text.size());
  start = std::clamp(start, 0, n);
  end = std::clamp(end, start, n);
  std::vector<char32_t> cps;
  bool pendingSpace = false;
  for (int32_t i = start; i < end; ++i) {
    const char32_t cp = text[static_cast<size_t>(i)];
    if (unicode::isPythonSpace(cp)) {
      pendingSpace = !cps.empty();
      continue;
    }
    if (pendingSpace) cps.push_back(U' ');
    pendingSpace = false;
    cps.push_back(cp);
  }
  return cps;
}

std::string surfaceKey(const std::vector<char32_t>& text, int32_t start, int32_t end) {
  std::vector<char32_t> cps = collapsedSpan(text, start, end);
  std::vector<int32_t> origin(cps.size(), 0);
  unicode::lowerString(cps, origin);
  return unicode::toUtf8(cps);
}

}  // namespace quarry::quality
