#pragma once
// Cursor movement and selection snapping over the view's text: by words (Unicode word boundaries)
// or by characters (grapheme clusters, so a surrogate pair or an accent never splits). Positions are
// UTF-16 indices of the whole text; boundaries are looked up within the block holding a position.

namespace quarry::ui {

class AnnotationIndex;

class TextNavigator {
 public:
  explicit TextNavigator(const AnnotationIndex& index) : m_index(index) {}

  int nextWordEnd(int pos) const;  // end of the word at or after pos (next block when none)
  int previousWordStart(int pos) const;
  int nextCharacter(int pos) const;
  int previousCharacter(int pos) const;
  // [start, end) grown to whole words at both ends; a boundary lying between words moves inward to
  // the nearest word. Returns false (and leaves them) when no word lies in the range.
  bool snapToWords(int* start, int* end) const;
  // The word holding the character at pos, as [start, end) with start <= pos < end; false when that
  // character is not part of a word (a space, punctuation, the end of a block).
  bool wordAt(int pos, int* start, int* end) const;

 private:
  const AnnotationIndex& m_index;
};

}  // namespace quarry::ui
