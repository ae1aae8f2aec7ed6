#pragma once
// Stacks relation arcs drawn above one text line at different heights so that none overlaps another.

#include <QVector>
#include <QtGlobal>

namespace quarry::ui {

struct ArcInterval {
  qreal left = 0;   // leftmost x the arc (with its label) covers
  qreal right = 0;  // rightmost x
};

class ArcRouter {
 public:
  // One lane per interval, in input order; lane 0 is nearest the text. Intervals closer than
  // `padding` to each other never share a lane. Narrow arcs are placed first, so an arc that spans
  // another is drawn above it, as with brackets. `laneCount` (optional) receives max lane + 1.
  static QVector<int> assign(const QVector<ArcInterval>& intervals, qreal padding = 4,
                             int* laneCount = nullptr);
};

}  // namespace quarry::ui
