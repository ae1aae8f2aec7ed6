#pragma once
// A group-aware split: documents assigned to splits in given proportions, every group of near duplicates
// (LeakageCheck.h) wholly inside one split, so that no split leaks into another.
//
// Units are the groups and the documents in none. They are shuffled (seeded: the same seed, the same
// split, on every machine), then stably ordered largest first, and each goes to the split furthest below
// its target (fraction × documents; ties to the split named first). Placing large groups first keeps
// the proportions within one unit's size of the targets.

#include <cstdint>
#include <string>
#include <vector>

namespace quarry::quality {

struct SplitShare {
  std::string split;
  double fraction = 0.0;  // of all documents; the shares need not sum to 1 (they are normalised)
};

// The split of each of `count` documents. Documents listed in no group are units of their own; a document
// in several groups is taken with the first.
std::vector<std::string> groupAwareSplit(int32_t count, const std::vector<std::vector<int32_t>>& groups,
                                         const std::vector<SplitShare>& shares, uint64_t seed);

}  // namespace quarry::quality
