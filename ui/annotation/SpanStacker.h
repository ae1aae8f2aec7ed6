#pragma once
// Assigns stacking lanes to overlapping intervals so nested and overlapping spans stay visible: each
// lane is one bar drawn below the text line.

#include <QVector>

namespace quarry::ui {

struct StackInterval {
  int start = 0;  // inclusive
  int end = 0;    // exclusive; an empty interval is treated as one unit long
};

class SpanStacker {
 public:
  // One lane per interval, in input order. Two intervals that share a position never share a lane.
  // Of intervals starting together the longer gets the lower lane, so an enclosing span sits nearest
  // the text and each nesting level goes one lane further down. `laneCount` (optional) receives
  // max lane + 1 (0 for no intervals).
  static QVector<int> assign(const QVector<StackInterval>& intervals, int* laneCount = nullptr);
};

}  // namespace quarry::ui
