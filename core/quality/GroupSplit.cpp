#include "quality/GroupSplit.h"

#include <algorithm>
#include <random>

namespace quarry::quality {

std::vector<std::string> groupAwareSplit(int32_t count, const std::vector<std::vector<int32_t>>& groups,
                                         const std::vector<SplitShare>& shares, uint64_t seed) {
  std::vector<std::string> out(static_cast<size_t>(std::max(0, count)));
  if (count <= 0 || shares.empty()) return out;
  std::vector<std::vector<int32_t>> units;
  std::vector<char> placed(static_cast<size_t>(count), 0);
  for (const std::vector<int32_t>& group : groups) {
    std::vector<int32_t> unit;
    for (int32_t d : group)
      if (d >= 0 && d < count && !placed[static_cast<size_t>(d)]) {
        placed[static_cast<size_t>(d)] = 1;
        unit.push_back(d);
      }
    if (!unit.empty()) units.push_back(std::move(unit));
  }
  for (int32_t d = 0; d < count; ++d)
    if (!placed[static_cast<size_t>(d)]) units.push_back({d});

  // Fisher–Yates with the engine's own draw (std::shuffle's use of the generator is not specified).
  std::mt19937_64 random(seed);
  for (size_t i = units.size(); i > 1; --i) std::swap(units[i - 1], units[static_cast<size_t>(random() % i)]);
  std::stable_sort(units.begin(), units.end(),
                   [](const std::vector<int32_t>& a, const std::vector<int32_t>& b) { return a.size() > b.size(); });

  double total = 0.0;
  for (const SplitShare& s : shares) total += std::max(0.0, s.fraction);
  std::vector<double> target(shares.size()), assigned(shares.size(), 0.0);
  for (size_t s = 0; s < shares.size(); ++s)
    target[s] = total > 0.0 ? std::max(0.0, shares[s].fraction) / total * count : 0.0;
  for (const std::vector<int32_t>& unit : units) {
    size_t best = 0;
    for (size_t s = 1; s < shares.size(); ++s)
      if (target[s] - assigned[s] > target[best] - assigned[best]) best = s;
    assigned[best] += static_cast<double>(unit.size());
    for (int32_t d : unit) out[static_cast<size_t>(d)] = shares[best].split;
  }
  return out;
}

}  // namespace quarry::quality
