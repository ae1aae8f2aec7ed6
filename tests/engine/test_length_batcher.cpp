// LengthBucketBatcher: every index exactly once, limits kept, determinism in (seed, epoch), different
// orders across epochs, little padding, original order without shuffle, a pinned reference order.

#include <algorithm>
#include <numeric>
#include <vector>

#include "NerTestSupport.h"
#include "train/LengthBucketBatcher.h"

using namespace quarry::train;
using quarry::test::expectEq;
using quarry::test::expectTrue;
using Batches = std::vector<std::vector<int32_t>>;

namespace {

std::vector<int32_t> lengthsOf(size_t n) {
  std::vector<int32_t> v(n);
  uint64_t x = 12345;
  for (auto& l : v) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    l = 3 + static_cast<int32_t>((x >> 33) % 120);
  }
  return v;
}

bool coversOnce(const Batches& b, size_t n) {
  std::vector<int> seen(n, 0);
  for (const auto& batch : b)
    for (int32_t i : batch) {
      if (i < 0 || static_cast<size_t>(i) >= n) return false;
      ++seen[static_cast<size_t>(i)];
    }
  return std::all_of(seen.begin(), seen.end(), [](int c) { return c == 1; });
}

int64_t padded(const Batches& b, const std::vector<int32_t>& lengths) {
  int64_t total = 0;
  for (const auto& batch : b) {
    int32_t longest = 0;
    for (int32_t i : batch) longest = std::max(longest, lengths[static_cast<size_t>(i)]);
    total += static_cast<int64_t>(longest) * static_cast<int64_t>(batch.size());
  }
  return total;
}

}  // namespace

int main() {
  const auto lengths = lengthsOf(5000);
  const auto a = makeBatches(lengths, 32, 0, 42, 0, true);
  expectTrue(coversOnce(a, lengths.size()), "every index exactly once");
  expectEq(a.size(), 157u, "ceil(5000 / 32) batches");
  expectTrue(std::all_of(a.begin(), a.end(), [](const auto& b) { return b.size() <= 32; }), "item limit");
  expectTrue(a == makeBatches(lengths, 32, 0, 42, 0, true), "same seed and epoch: same batches");
  expectTrue(a != makeBatches(lengths, 32, 0, 42, 1, true), "another epoch: other batches");
  expectTrue(a != makeBatches(lengths, 32, 0, 43, 0, true), "another seed: other batches");
  const int64_t total = std::accumulate(lengths.begin(), lengths.end(), int64_t{0});
  const auto plain = makeBatches(lengths, 32, 0, 42, 0, false);
  expectTrue(padded(a, lengths) < total * 11 / 10, "bucketed batches carry under 10% padding");
  expectTrue(padded(plain, lengths) > total * 3 / 2, "unsorted batches carry much more");
  // Batch order is shuffled too: the first batches are not the shortest ones of the first chunk.
  bool sortedOrder = true;
  for (size_t i = 1; i < 10; ++i) sortedOrder = sortedOrder && lengths[a[i][0]] >= lengths[a[i - 1][0]];
  expectTrue(!sortedOrder, "batch order shuffled");

  expectTrue(coversOnce(plain, lengths.size()), "no shuffle: every index once");
  std::vector<int32_t> flat;
  for (const auto& b : plain) flat.insert(flat.end(), b.begin(), b.end());
  std::vector<int32_t> identity(lengths.size());
  std::iota(identity.begin(), identity.end(), 0);
  expectTrue(flat == identity, "no shuffle: original order");

  const auto tok = makeBatches(lengths, 64, 1000, 7, 3, true);
  expectTrue(coversOnce(tok, lengths.size()), "token limit: every index once");
  bool tokensOk = true;
  for (const auto& b : tok) {
    int32_t longest = 0;
    for (int32_t i : b) longest = std::max(longest, lengths[static_cast<size_t>(i)]);
    tokensOk = tokensOk && b.size() <= 64 &&
               (static_cast<int64_t>(longest) * static_cast<int64_t>(b.size()) <= 1000);
  }
  expectTrue(tokensOk, "padded tokens within the limit");
  expectEq(makeBatches({5, 2000, 5}, 8, 100, 1, 0, false), Batches{{0}, {1}, {2}},
           "an item over the token limit is a batch of its own");
  expectEq(makeBatches({}, 8, 0, 1, 0, true), Batches{}, "no items");
  expectEq(makeBatches({1, 2, 3}, 0, 0, 1, 0, false), Batches{{0, 1, 2}}, "no limits: one batch");

  // Pinned: the same indexes on every platform and standard library.
  expectEq(
      makeBatches({4, 1, 3, 1, 5, 9, 2, 6, 5, 3}, 3, 0, 2024, 1, true),
      // Lengths sorted 1 1 2 | 3 3 4 | 5 5 6 | 9 in one chunk; ties and batch order from the seeded draws.
      Batches{{2, 9, 0}, {3, 1, 6}, {5}, {8, 4, 7}}, "reference batches for seed 2024, epoch 1");
  return quarry::test::finish("test_length_batcher");
}
