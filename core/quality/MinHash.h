#pragma once
// MinHash signatures and the banding (locality-sensitive hashing) that finds near-duplicate candidates
// without comparing every pair (Broder 1997; Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets",
// ch. 3).
//
// A signature holds, for each of `permutations` hash functions h_i(x) = (a_i m(x) + b_i) mod 2^64 (a_i odd,
// drawn from the seed; m is MurmurHash3's 64-bit finaliser, a bijection that spreads structured values), the
// high 32 bits of the minimum over a set's values: two sets agree at one position
// with probability ≈ their Jaccard similarity. Banding cuts the signature into b bands of r rows; two sets
// become candidates when all rows of some band agree, which happens with probability 1 - (1 - s^r)^b for
// similarity s — an S-curve whose steep part sits near the threshold that `lshBands` aims at.

#include <cstdint>
#include <vector>

namespace quarry::quality {

class MinHasher {
 public:
  MinHasher(int permutations, uint64_t seed);
  int permutations() const { return static_cast<int>(m_a.size()); }
  // The signature of a set of 64-bit values (any order, duplicates allowed). An empty set gives all
  // positions 0xFFFFFFFF.
  std::vector<uint32_t> signature(const std::vector<uint64_t>& values) const;
  // The same, written to `out` (permutations() values).
  void signature(const std::vector<uint64_t>& values, uint32_t* out) const;

 private:
  std::vector<uint64_t> m_a;
  std::vector<uint64_t> m_b;
};

// The share of positions where two signatures of equal length agree: an estimate of Jaccard similarity.
double estimatedJaccard(const uint32_t* a, const uint32_t* b, int length);

// Bands × rows for a similarity threshold: of the pairs (b, r) with b·r <= permutations that propose a pair
// at the threshold with probability >= minRecall (pairs above it more often), the one whose S-curve has
// the least area below the threshold (the fewest false candidates to re-check); when none reaches
// minRecall, the one that comes closest. Candidates are re-checked by exact Jaccard, so a false candidate
// costs time, a missed pair a leak.
struct LshBands {
  int bands = 0;
  int rows = 0;
  double falsePositiveArea = 0.0;  // integral of the candidate probability over [0, threshold)
  double recallAtThreshold = 0.0;
};
LshBands lshBands(double threshold, int permutations, double minRecall = 0.98);

// The probability that a pair of similarity s becomes a candidate under `bands`.
double candidateProbability(double similarity, const LshBands& bands);

}  // namespace quarry::quality
