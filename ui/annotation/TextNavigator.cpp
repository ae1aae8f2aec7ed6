#include "annotation/TextNavigator.h"

#include <QTextBoundaryFinder>
#include <algorithm>

#include "annotation/AnnotationIndex.h"

namespace quarry::ui {

namespace {

constexpr auto kStart = QTextBoundaryFinder::StartOfItem;
constexpr auto kEnd = QTextBoundaryFinder::EndOfItem;

}  // namespace

int TextNavigator::nextWordEnd(int pos) const {
  const int n = int(m_index.text().size());
  for (int b = m_index.blockAt(pos); b >= 0 && b < m_index.blocks().size(); ++b) {
    const auto& block = m_index.blocks()[b];
    if (pos >= block.end) continue;
    const QString text = m_index.blockText(b);
    QTextBoundaryFinder f(QTextBoundaryFinder::Word, text);
    f.setPosition(std::max(0, pos - block.start));
    while (f.toNextBoundary() >= 0)
      if (f.boundaryReasons() & kEnd) return block.start + int(f.position());
    pos = block.end;
  }
  return std::min(pos, n);
}

int TextNavigator::previousWordStart(int pos) const {
  for (int b = m_index.blockAt(pos); b >= 0; --b) {
    const auto& block = m_index.blocks()[b];
    if (pos <= block.start) continue;
    const QString text = m_index.blockText(b);
    QTextBoundaryFinder f(QTextBoundaryFinder::Word, text);
    f.setPosition(std::min(int(text.size()), pos - block.start));
    while (f.toPreviousBoundary() >= 0)
      if (f.boundaryReasons() & kStart) return block.start + int(f.position());
    pos = block.start;
  }
  return std::max(0, pos);
}

int TextNavigator::nextCharacter(int pos) const {
  const int b = m_index.blockAt(pos);
  if (b < 0) return pos;
  const auto& block = m_index.blocks()[b];
  if (pos >= block.end) return b + 1 < m_index.blocks().size() ? m_index.blocks()[b + 1].start : pos;
  QTextBoundaryFinder f(QTextBoundaryFinder::Grapheme, m_index.blockText(b));
  f.setPosition(pos - block.start);
  const qsizetype next = f.toNextBoundary();
  return next < 0 ? block.end : block.start + int(next);
}

int TextNavigator::previousCharacter(int pos) const {
  const int b = m_index.blockAt(pos);
  if (b < 0) return pos;
  const auto& block = m_index.blocks()[b];
  if (pos <= block.start) return b > 0 ? m_index.blocks()[b - 1].end : pos;
  QTextBoundaryFinder f(QTextBoundaryFinder::Grapheme, m_index.blockText(b));
  f.setPosition(std::min(pos, block.end) - block.start);
  const qsizetype prev = f.toPreviousBoundary();
  return prev < 0 ? block.start : block.start + int(prev);
}

bool TextNavigator::wordAt(int pos, int* start, int* end) const {
  const int b = m_index.blockAt(pos);
  if (b < 0) return false;
  const auto& block = m_index.blocks()[b];
  const QString text = m_index.blockText(b);
  const int local = pos - block.start;
  if (local < 0 || local >= text.size()) return false;
  QTextBoundaryFinder f(QTextBoundaryFinder::Word, text);
  f.setPosition(local);
  int s = local;
  if (!(f.isAtBoundary() && (f.boundaryReasons() & kStart))) {
    const qsizetype prev = f.toPreviousBoundary();
    if (prev < 0 || !(f.boundaryReasons() & kStart)) return false;
    s = int(prev);
  }
  f.setPosition(s);
  const qsizetype next = f.toNextBoundary();
  if (next < 0 || !(f.boundaryReasons() & kEnd)) return false;
  // A position just after a word (the space that follows it) is not in that word.
  if (local >= next) return false;
  *start = block.start + s;
  *end = block.start + int(next);
  return true;
}

bool TextNavigator::snapToWords(int* start, int* end) const {
  int a = *start, b = *end;
  if (a > b) std::swap(a, b);
  int ws = 0, we = 0;
  // Start: the word holding it, else the next word start.
  if (wordAt(a, &ws, &we)) {
    a = ws;
  } else {
    const int e = nextWordEnd(a);
    if (!wordAt(std::max(a, e - 1), &ws, &we) || ws >= std::max(b, a + 1)) return false;
    a = ws;
  }
  // End: the word holding its last character, else the previous word end.
  if (b > a && wordAt(b - 1, &ws, &we)) {
    b = we;
  } else {
    const int s = previousWordStart(std::max(b, a + 1));
    if (!wordAt(s, &ws, &we) || we <= a) return false;
    b = we;
  }
  if (b <= a) return false;
  *start = a;
  *end = b;
  return true;
}

}  // namespace quarry::ui
