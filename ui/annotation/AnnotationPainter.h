#pragma once
// Paints one laid-out block: span underlays, type-name chips or colour bars, discontinuous-span connectors,
// QA boxes and tags, misalignment marks, relation arcs, find matches, selection and the current-item
// highlights.

#include <QColor>
#include <QPair>
#include <QPalette>
#include <QPointF>
#include <QSet>
#include <QVector>

#include "annotation/BlockLayout.h"

class QPainter;

namespace quarry::ui {

class AnnotationIndex;

// A model's suggestion as painted: a dashed outline in its type's colour (thicker when current).
struct SuggestionMark {
  int start = 0;  // UTF-16, global
  int end = 0;
  QColor colour;
  bool current = false;
  QString confidence;  // "0.87", shown small at the end of the suggestion
};

// What the view wants highlighted; indices are AnnotationIndex indices, -1 = none.
struct PaintState {
  int selectionStart = 0;  // UTF-16, global; start == end: no selection
  int selectionEnd = 0;
  int cursor = -1;  // UTF-16 caret, global; -1 hides it
  bool showCursor = false;
  int currentSpan = -1;
  int hoverSpan = -1;
  int currentLink = -1;
  int hoverLink = -1;
  int relationHead = -1;                                    // a relation being drawn starts here
  const QSet<int>* misaligned = nullptr;                    // spans marked as not matching the model's tokens
  const QVector<QPair<int, int>>* searchMatches = nullptr;  // find bar matches, UTF-16, global
  int currentMatch = -1;                                    // index into searchMatches
  const QVector<SuggestionMark>* suggestions = nullptr;     // the model's suggestions
  int currentSuggestedRelation = -1;  // the suggested relation A or X decides (SuggestedRelations.h)
  QPalette palette;
};

class AnnotationPainter {
 public:
  // Paints `layout` (block `block` of `index`) with its top-left corner at `origin`.
  static void paintBlock(QPainter& painter, const AnnotationIndex& index, int block,
                         const BlockLayout& layout, const LayoutMetrics& metrics, QPointF origin,
                         const PaintState& state);
};

}  // namespace quarry::ui
