#pragma once
// What lies under a point of one laid-out block: spans (chips, bars and text), relation arcs, QA answers.
// Points are block-local, as in BlockLayout.

#include <QPointF>
#include <QVector>

namespace quarry::ui {

class AnnotationIndex;
struct BlockLayout;

class AnnotationHitTester {
 public:
  // Spans under `p`: the span whose chip or bar is under it first, then those whose text is under it,
  // innermost (fewest characters) first. AnnotationIndex span indices.
  static QVector<int> spansAt(const AnnotationIndex& index, const BlockLayout& layout, QPointF p);
  // The arc under `p`: a label beats a horizontal stroke beats a leg; among equals the lowest lane
  // (legs of arcs sharing an end coincide). AnnotationIndex link index or -1.
  static int linkAt(const BlockLayout& layout, QPointF p);
  // The QA answer whose box or tag is under `p`; AnnotationIndex answer index or -1.
  static int answerAt(const BlockLayout& layout, QPointF p);
};

}  // namespace quarry::ui
