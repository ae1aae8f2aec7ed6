#include "corpus/TextOffsets.h"

#include <algorithm>

namespace quarry {

TextOffsets::TextOffsets(const QString& text) : m_utf16Length(int(text.size())) {
  int cp = 0;
  for (int i = 0; i < text.size(); ++i, ++cp) {
    if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
      m_surrogateCpStarts.push_back(cp);
      ++i;
    }
  }
  m_codePoints = cp;
}

int TextOffsets::toUtf16(int cp) const {
  if (cp < 0 || cp > m_codePoints) return -1;
  // Every surrogate pair before `cp` adds one extra UTF-16 unit.
  auto before = std::lower_bound(m_surrogateCpStarts.cbegin(), m_surrogateCpStarts.cend(), cp);
  return cp + int(before - m_surrogateCpStarts.cbegin());
}

int TextOffsets::toCodePoint(int u) const {
  if (u < 0 || u > m_utf16Length) return -1;
  // Binary search over code points: toUtf16 is monotonic.
  int lo = 0, hi = m_codePoints;
  while (lo < hi) {
    int mid = (lo + hi + 1) / 2;
    if (toUtf16(mid) <= u) lo = mid; else hi = mid - 1;
  }
  return lo;
}

QString TextOffsets::slice(const QString& text, int cpStart, int cpEnd) const {
  const int a = toUtf16(cpStart), b = toUtf16(cpEnd);
  if (a < 0 || b < a) return {};
  return text.mid(a, b - a);
}

int TextOffsets::codePointLength(const QString& s) {
  int n = 0;
  for (int i = 0; i < s.size(); ++i, ++n)
    if (s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate()) ++i;
  return n;
}

}  // namespace quarry
