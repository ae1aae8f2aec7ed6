#include "train/RareLabelOversampling.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace quarry::train {

std::vector<int> oversamplingCopies(const std::vector<std::vector<int32_t>>& unitLabels, int32_t labelCount,
                                    double power) {
  std::vector<int> copies(unitLabels.size(), 0);
  if (power <= 0 || labelCount <= 0) return copies;
  std::vector<int64_t> units(static_cast<size_t>(labelCount), 0);  // units holding each label
  for (const auto& labels : unitLabels)
    for (int32_t l : std::set<int32_t>(labels.begin(), labels.end()))
      if (l >= 0 && l < labelCount) ++units[static_cast<size_t>(l)];
  const int64_t most = *std::max_element(units.begin(), units.end());
  for (size_t u = 0; u < unitLabels.size(); ++u) {
    int64_t rarest = 0;
    for (int32_t l : unitLabels[u])
      if (l >= 0 && l < labelCount && (rarest == 0 || units[static_cast<size_t>(l)] < rarest))
        rarest = units[static_cast<size_t>(l)];
    if (rarest == 0) continue;
    const double times = std::pow(static_cast<double>(most) / static_cast<double>(rarest), power);
    copies[u] = std::clamp(static_cast<int>(std::lround(times)), 1, kMaxOversampling) - 1;
  }
  return copies;
}

}  // namespace quarry::train
