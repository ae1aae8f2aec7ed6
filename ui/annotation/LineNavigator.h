#pragma once
// Caret movement by what is on screen: to the start or end of a laid-out line, a line up or down, to
// a height in the document (Page Up/Down), and the caret's place in content coordinates (block tops
// from the layout cache, no margins). Positions are UTF-16 indices of the whole text; blocks are laid
// out on demand.

#include <QtGlobal>

namespace quarry::ui {

class AnnotationIndex;
class LineLayoutCache;

class LineNavigator {
 public:
  LineNavigator(const AnnotationIndex& index, LineLayoutCache& cache) : m_index(index), m_cache(cache) {}

  struct Caret {
    qreal x = 0;      // from the text's left edge
    int roomTop = 0;  // top of the line's room (its arcs and type chips), content y
    int textTop = 0;  // top of the glyphs, content y
    int bottom = 0;   // bottom of the line's room, content y
  };
  Caret caretAt(int pos);
  int lineStart(int pos);
  // The end of the line; on a wrapped line, before the space the line breaks at.
  int lineEnd(int pos);
  // `lines` lines down (up when negative), nearest to x; the text's start or end past either end.
  int verticalMove(int pos, int lines, qreal x);
  // The position on the line at content height y, nearest to x.
  int positionAt(int contentY, qreal x);

 private:
  struct LineRef {
    int block = -1;
    int line = 0;
  };
  LineRef lineOf(int pos);
  int lineCount(int block);

  const AnnotationIndex& m_index;
  LineLayoutCache& m_cache;
};

}  // namespace quarry::ui
