#include "quality/NearDuplicateFinder.h"

#include <xxhash.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "quality/TextFingerprint.h"

namespace quarry::quality {

NearDuplicateFinder::NearDuplicateFinder(const NearDuplicateOptions& options)
    : m_options(options),
      m_hasher(options.permutations, options.seed),
      m_bands(lshBands(options.threshold, options.permutations)) {}

int32_t NearDuplicateFinder::add(std::string_view text) {
  const int32_t index = size();
  const std::vector<HashedWord> words = hashedWords(text);
  m_words.push_back(static_cast<int32_t>(words.size()));
  if (words.empty() || static_cast<int>(words.size()) < m_options.minWords) {
    m_groupOf.push_back(-1);
    return index;
  }
  const uint64_t sequence = sequenceHash(words);
  // Texts group by their sequence hash (a collision of two 64-bit hashes is not guarded against).
  auto [slot, isNew] = m_groupIndex.try_emplace(sequence, static_cast<int32_t>(m_groups.size()));
  const int32_t group = slot->second;
  if (isNew) {
    Group g;
    g.shingles = shingles(words, m_options.shingleWords);
    g.signature = m_hasher.signature(g.shingles);
    m_groups.push_back(std::move(g));
  }
  m_groups[static_cast<size_t>(group)].members.push_back(index);
  m_groupOf.push_back(group);
  return index;
}

std::vector<SimilarPair> NearDuplicateFinder::pairs(const std::function<bool(int32_t, int32_t)>& wanted) const {
  std::vector<SimilarPair> out;
  auto emit = [&](const Group& a, const Group& b, double similarity, bool identical) {
    for (int32_t x : a.members)
      for (int32_t y : b.members) {
        if (&a == &b && y <= x) continue;
        const int32_t first = std::min(x, y), second = std::max(x, y);
        if (wanted && !wanted(first, second)) continue;
        out.push_back({first, second, similarity, identical});
      }
  };
  for (const Group& g : m_groups)
    if (g.members.size() > 1) emit(g, g, 1.0, true);

  // Banding over the groups' signatures.
  const int rows = m_bands.rows;
  std::unordered_set<uint64_t> seen;
  std::vector<std::pair<uint64_t, int32_t>> keys(m_groups.size());
  m_lastCandidates = 0;
  for (int band = 0; band < m_bands.bands; ++band) {
    for (size_t g = 0; g < m_groups.size(); ++g)
      keys[g] = {XXH3_64bits(m_groups[g].signature.data() + band * rows, rows * sizeof(uint32_t)),
                 static_cast<int32_t>(g)};
    std::sort(keys.begin(), keys.end());
    for (size_t s = 0; s < keys.size();) {
      size_t e = s + 1;
      while (e < keys.size() && keys[e].first == keys[s].first) ++e;
      for (size_t i = s; i < e; ++i)
        for (size_t j = i + 1; j < e; ++j) {
          const uint64_t a = static_cast<uint64_t>(keys[i].second), b = static_cast<uint64_t>(keys[j].second);
          const uint64_t key = std::min(a, b) << 32 | std::max(a, b);
          if (!seen.insert(key).second) continue;
          ++m_lastCandidates;
          const Group& ga = m_groups[static_cast<size_t>(std::min(a, b))];
          const Group& gb = m_groups[static_cast<size_t>(std::max(a, b))];
          if (wanted) {
            bool any = false;
            for (int32_t x : ga.members) {
              for (int32_t y : gb.members)
                if (wanted(std::min(x, y), std::max(x, y))) {
                  any = true;
                  break;
                }
              if (any) break;
            }
            if (!any) continue;
          }
          const double similarity = jaccard(ga.shingles, gb.shingles);
          if (similarity >= m_options.threshold) emit(ga, gb, similarity, false);
        }
      s = e;
    }
  }
  std::sort(out.begin(), out.end(), [](const SimilarPair& x, const SimilarPair& y) {
    return x.first != y.first ? x.first < y.first : x.second < y.second;
  });
  return out;
}

}  // namespace quarry::quality
