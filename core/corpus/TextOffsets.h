#pragma once
// Converts between Unicode code point offsets (what Quarry stores) and QString (UTF-16) indices.

#include <QString>
#include <QVector>

namespace quarry {

class TextOffsets {
 public:
  explicit TextOffsets(const QString& text);

  int codePointCount() const { return m_codePoints; }
  // UTF-16 index of code point `cp` (0..codePointCount()); -1 when out of range.
  int toUtf16(int cp) const;
  // Code point offset of UTF-16 index `u` (0..text.size()); an index inside a surrogate pair maps to
  // the pair's code point. -1 when out of range.
  int toCodePoint(int u) const;
  // The substring between two code point offsets.
  QString slice(const QString& text, int cpStart, int cpEnd) const;
  bool isBmpOnly() const { return m_surrogateCpStarts.isEmpty(); }

  // Code point count of a string.
  static int codePointLength(const QString& s);

 private:
  int m_codePoints = 0;
  int m_utf16Length = 0;
  // Code point offsets at which a surrogate pair starts, ascending. Empty for BMP-only text,
  // so the common case costs nothing.
  QVector<int> m_surrogateCpStarts;
};

}  // namespace quarry
