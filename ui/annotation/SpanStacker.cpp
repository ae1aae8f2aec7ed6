#include "annotation/SpanStacker.h"

#include <algorithm>
#include <numeric>

namespace quarry::ui {

QVector<int> SpanStacker::assign(const QVector<StackInterval>& intervals, int* laneCount) {
  const int n = int(intervals.size());
  QVector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  auto endOf = [&](int i) { return std::max(intervals[i].end, intervals[i].start + 1); };
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    if (intervals[a].start != intervals[b].start) return intervals[a].start < intervals[b].start;
    return endOf(a) > endOf(b);
  });
  // Greedy interval partitioning: the first lane whose last interval has ended. Optimal in lane count
  // for intervals sorted by start.
  QVector<int> laneEnds;
  QVector<int> lanes(n, 0);
  for (int i : order) {
    int lane = 0;
    while (lane < laneEnds.size() && laneEnds[lane] > intervals[i].start) ++lane;
    if (lane == laneEnds.size()) laneEnds.push_back(0);
    laneEnds[lane] = endOf(i);
    lanes[i] = lane;
  }
  if (laneCount) *laneCount = int(laneEnds.size());
  return lanes;
}

}  // namespace quarry::ui
