#include "annotation/AnnotationHitTester.h"

#include <algorithm>
#include <cmath>

#include "annotation/AnnotationIndex.h"
#include "annotation/BlockLayout.h"

namespace quarry::ui {

QVector<int> AnnotationHitTester::spansAt(const AnnotationIndex& index, const BlockLayout& layout,
                                          QPointF p) {
  QVector<int> found;
  for (const SpanPiece& piece : layout.spans)
    if (piece.barRect.adjusted(0, -1, 0, 1).contains(p) && !found.contains(piece.span))
      found.push_back(piece.span);
  QVector<int> inText;
  for (const SpanPiece& piece : layout.spans)
    if (piece.textRect.contains(p) && !found.contains(piece.span) && !inText.contains(piece.span))
      inText.push_back(piece.span);
  auto length = [&](int s) {
    int n = 0;
    for (const auto& f : index.spans()[s].fragments) n += f.second - f.first;
    return n;
  };
  std::stable_sort(inText.begin(), inText.end(), [&](int a, int b) { return length(a) < length(b); });
  return found + inText;
}

int AnnotationHitTester::linkAt(const BlockLayout& layout, QPointF p) {
  int best = -1, bestRank = 3, bestLane = 0;
  for (const ArcPiece& a : layout.arcs) {
    int rank = 3;
    if (a.labelRect.adjusted(-1, -1, 1, 1).contains(p))
      rank = 0;
    else if (std::abs(p.y() - a.y) <= 3 && p.x() >= a.x1 - 2 && p.x() <= a.x2 + 2)
      rank = 1;
    else if (p.y() >= a.y && ((!a.openLeft && p.y() <= a.footY && std::abs(p.x() - a.x1) <= 3) ||
                              (!a.openRight && p.y() <= a.footY2 && std::abs(p.x() - a.x2) <= 3)))
      rank = 2;
    if (rank < bestRank || (rank == bestRank && rank < 3 && a.lane < bestLane)) {
      best = a.link;
      bestRank = rank;
      bestLane = a.lane;
    }
  }
  return best;
}

int AnnotationHitTester::answerAt(const BlockLayout& layout, QPointF p) {
  for (const AnswerPiece& a : layout.answers)
    if (a.box.contains(p) || a.tagRect.contains(p)) return a.answer;
  return -1;
}

}  // namespace quarry::ui
