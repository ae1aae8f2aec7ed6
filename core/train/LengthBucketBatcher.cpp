#include "train/LengthBucketBatcher.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <random>

namespace quarry::train {

namespace {

constexpr size_t kBatchesPerChunk = 50;

uint64_t splitMix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// Uniform in [0, bound) by rejection, the same everywhere (std::uniform_int_distribution is not).
uint64_t below(std::mt19937_64& rng, uint64_t bound) {
  const uint64_t limit = std::numeric_limits<uint64_t>::max() - std::numeric_limits<uint64_t>::max() % bound;
  uint64_t r = rng();
  while (r >= limit) r = rng();
  return r % bound;
}

template <typename T>
void fisherYates(std::vector<T>& v, std::mt19937_64& rng) {
  for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[static_cast<size_t>(below(rng, i))]);
}

// Packs `order` as it comes into batches within the limits.
void pack(const std::vector<int32_t>& order, const std::vector<int32_t>& lengths, int maxItems, int maxTokens,
          std::vector<std::vector<int32_t>>& out) {
  std::vector<int32_t> batch;
  int64_t longest = 0;
  for (int32_t index : order) {
    const int64_t len = std::max<int32_t>(lengths[static_cast<size_t>(index)], 0);
    const int64_t newLongest = std::max(longest, len);
    const bool full = (maxItems > 0 && static_cast<int64_t>(batch.size()) >= maxItems) ||
                      (maxTokens > 0 && newLongest * static_cast<int64_t>(batch.size() + 1) > maxTokens);
    if (!batch.empty() && full) {
      out.push_back(std::move(batch));
      batch.clear();
      longest = 0;
    }
    batch.push_back(index);
    longest = std::max(longest, len);
  }
  if (!batch.empty()) out.push_back(std::move(batch));
}

}  // namespace

std::vector<std::vector<int32_t>> makeBatches(const std::vector<int32_t>& lengths, int maxBatchItems,
                                              int maxBatchTokens, uint64_t seed, int epoch, bool shuffle) {
  std::vector<int32_t> order(lengths.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<std::vector<int32_t>> batches;
  if (!shuffle) {
    pack(order, lengths, maxBatchItems, maxBatchTokens, batches);
    return batches;
  }
  std::mt19937_64 rng(splitMix64(seed ^ splitMix64(static_cast<uint64_t>(static_cast<int64_t>(epoch)))));
  fisherYates(order, rng);
  const size_t chunk =
      maxBatchItems > 0 ? kBatchesPerChunk * static_cast<size_t>(maxBatchItems) : order.size();
  for (size_t begin = 0; begin < order.size(); begin += chunk) {
    std::vector<int32_t> part(
        order.begin() + static_cast<std::ptrdiff_t>(begin),
        order.begin() + static_cast<std::ptrdiff_t>(std::min(order.size(), begin + chunk)));
    // Stable: equal lengths keep their random order.
    std::stable_sort(part.begin(), part.end(), [&lengths](int32_t a, int32_t b) {
      return lengths[static_cast<size_t>(a)] < lengths[static_cast<size_t>(b)];
    });
    pack(part, lengths, maxBatchItems, maxBatchTokens, batches);
  }
  fisherYates(batches, rng);
  return batches;
}

}  // namespace quarry::train
