#include "annotation/ArcRouter.h"

#include <algorithm>
#include <numeric>

namespace quarry::ui {

QVector<int> ArcRouter::assign(const QVector<ArcInterval>& intervals, qreal padding, int* laneCount) {
  const int n = int(intervals.size());
  QVector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  auto width = [&](int i) { return intervals[i].right - intervals[i].left; };
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    if (width(a) != width(b)) return width(a) < width(b);
    return intervals[a].left < intervals[b].left;
  });
  QVector<QVector<int>> placed;  // per lane, the intervals in it
  QVector<int> lanes(n, 0);
  for (int i : order) {
    const ArcInterval& a = intervals[i];
    int lane = 0;
    for (; lane < placed.size(); ++lane) {
      const bool clash = std::any_of(placed[lane].cbegin(), placed[lane].cend(), [&](int j) {
        const ArcInterval& b = intervals[j];
        return a.left < b.right + padding && b.left < a.right + padding;
      });
      if (!clash) break;
    }
    if (lane == placed.size()) placed.push_back({});
    placed[lane].push_back(i);
    lanes[i] = lane;
  }
  if (laneCount) *laneCount = int(placed.size());
  return lanes;
}

}  // namespace quarry::ui
