#include "quality/MinHash.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace quarry::quality {

MinHasher::MinHasher(int permutations, uint64_t seed) {
  const size_t n = static_cast<size_t>(std::max(1, permutations));
  std::mt19937_64 random(seed);
  m_a.resize(n);
  m_b.resize(n);
  for (size_t i = 0; i < n; ++i) {
    m_a[i] = random() | 1u;
    m_b[i] = random();
  }
}

std::vector<uint32_t> MinHasher::signature(const std::vector<uint64_t>& values) const {
  std::vector<uint32_t> out(m_a.size());
  signature(values, out.data());
  return out;
}

void MinHasher::signature(const std::vector<uint64_t>& values, uint32_t* out) const {
  const size_t n = m_a.size();
  std::vector<uint64_t> minimum(n, std::numeric_limits<uint64_t>::max());
  // Values outer, permutations inner: the inner loop is a vectorisable multiply-add-min.
  for (uint64_t value : values) {
    // MurmurHash3's fmix64.
    uint64_t x = value;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    const uint64_t* a = m_a.data();
    const uint64_t* b = m_b.data();
    uint64_t* m = minimum.data();
    for (size_t i = 0; i < n; ++i) {
      const uint64_t h = a[i] * x + b[i];
      m[i] = h < m[i] ? h : m[i];
    }
  }
  for (size_t i = 0; i < n; ++i) out[i] = static_cast<uint32_t>(minimum[i] >> 32);
}

double estimatedJaccard(const uint32_t* a, const uint32_t* b, int length) {
  if (length <= 0) return 0.0;
  int same = 0;
  for (int i = 0; i < length; ++i) same += a[i] == b[i] ? 1 : 0;
  return static_cast<double>(same) / length;
}

double candidateProbability(double similarity, const LshBands& bands) {
  return 1.0 - std::pow(1.0 - std::pow(similarity, bands.rows), bands.bands);
}

namespace {

// The integral of f over [from, to] by the midpoint rule (the S-curves are smooth; 200 steps is plenty).
template <typename F>
double integrate(F f, double from, double to) {
  const int steps = 200;
  if (to <= from) return 0.0;
  const double h = (to - from) / steps;
  double sum = 0.0;
  for (int i = 0; i < steps; ++i) sum += f(from + (i + 0.5) * h);
  return sum * h;
}

}  // namespace

LshBands lshBands(double threshold, int permutations, double minRecall) {
  threshold = std::clamp(threshold, 0.0, 1.0);
  LshBands best, closest;
  bool found = false;
  for (int b = 1; b <= permutations; ++b) {
    const int maxRows = permutations / b;
    for (int r = 1; r <= maxRows; ++r) {
      LshBands candidate{b, r, 0.0, 0.0};
      candidate.recallAtThreshold = candidateProbability(threshold, candidate);
      candidate.falsePositiveArea =
          integrate([&](double s) { return candidateProbability(s, candidate); }, 0.0, threshold);
      if (candidate.recallAtThreshold >= minRecall) {
        if (!found || candidate.falsePositiveArea < best.falsePositiveArea) best = candidate;
        found = true;
      } else if (candidate.recallAtThreshold > closest.recallAtThreshold) {
        closest = candidate;
      }
    }
  }
  return found ? best : closest;
}

}  // namespace quarry::quality
