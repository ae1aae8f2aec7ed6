#include "annotation/LineNavigator.h"

#include <QTextLayout>
#include <algorithm>

#include "annotation/AnnotationIndex.h"
#include "annotation/LineLayoutCache.h"

namespace quarry::ui {

int LineNavigator::lineCount(int block) { return std::max(1, int(m_cache.layout(block).text.lineCount())); }

LineNavigator::LineRef LineNavigator::lineOf(int pos) {
  LineRef ref;
  ref.block = m_index.blockAt(pos);
  if (ref.block < 0) return ref;
  const BlockLayout& layout = m_cache.layout(ref.block);
  const int local = std::clamp(pos - m_index.blocks()[ref.block].start, 0, int(layout.text.text().size()));
  const QTextLine line = layout.text.lineForTextPosition(local);
  ref.line = line.isValid() ? line.lineNumber() : std::max(0, int(layout.text.lineCount()) - 1);
  return ref;
}

LineNavigator::Caret LineNavigator::caretAt(int pos) {
  Caret c;
  const LineRef ref = lineOf(pos);
  if (ref.block < 0) return c;
  const BlockLayout& layout = m_cache.layout(ref.block);
  const int top = m_cache.blockTop(ref.block);
  if (layout.lines.isEmpty()) {
    c.roomTop = c.textTop = top;
    c.bottom = top + layout.height;
    return c;
  }
  const LinePlacement& lp = layout.lines[ref.line];
  c.x = layout.text.lineAt(ref.line).cursorToX(pos - m_index.blocks()[ref.block].start);
  c.roomTop = top + int(lp.top);
  c.textTop = top + int(lp.textTop);
  c.bottom = top + int(lp.bottom);
  return c;
}

int LineNavigator::lineStart(int pos) {
  const LineRef ref = lineOf(pos);
  if (ref.block < 0) return pos;
  const BlockLayout& layout = m_cache.layout(ref.block);
  if (layout.lines.isEmpty()) return m_index.blocks()[ref.block].start;
  return m_index.blocks()[ref.block].start + layout.lines[ref.line].textStart;
}

int LineNavigator::lineEnd(int pos) {
  const LineRef ref = lineOf(pos);
  if (ref.block < 0) return pos;
  const BlockLayout& layout = m_cache.layout(ref.block);
  const int start = m_index.blocks()[ref.block].start;
  if (layout.lines.isEmpty()) return start;
  int end = layout.lines[ref.line].textEnd;
  // A wrapped line ends in the space it breaks at; the caret after it would show on the next line.
  if (ref.line + 1 < layout.lines.size() && end > layout.lines[ref.line].textStart &&
      layout.text.text().at(end - 1).isSpace())
    --end;
  return start + end;
}

int LineNavigator::verticalMove(int pos, int lines, qreal x) {
  LineRef ref = lineOf(pos);
  if (ref.block < 0) return pos;
  const int blocks = int(m_index.blocks().size());
  int block = ref.block, line = ref.line + lines;
  while (line < 0) {
    if (--block < 0) return 0;
    line += lineCount(block);
  }
  while (line >= lineCount(block)) {
    line -= lineCount(block);
    if (++block >= blocks) return int(m_index.text().size());
  }
  const BlockLayout& layout = m_cache.layout(block);
  const int start = m_index.blocks()[block].start;
  if (layout.lines.isEmpty()) return start;
  return start + layout.text.lineAt(line).xToCursor(x);
}

int LineNavigator::positionAt(int contentY, qreal x) {
  if (m_cache.blockCount() == 0) return 0;
  const int block = m_cache.blockAtY(std::max(0, contentY));
  const BlockLayout& layout = m_cache.layout(block);
  const int start = m_index.blocks()[block].start;
  const int line = layout.lineAtY(contentY - m_cache.blockTop(block));
  if (line < 0) return start;
  return start + layout.text.lineAt(line).xToCursor(x);
}

}  // namespace quarry::ui
