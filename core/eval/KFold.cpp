#include "eval/KFold.h"

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <tuple>

namespace quarry::eval {

namespace {

// Uniform in [0, n) without modulo bias: reject the lowest 2^64 mod n values.
uint64_t uniformBelow(std::mt19937_64& engine, uint64_t n) {
  const uint64_t threshold = (0 - n) % n;
  for (;;) {
    const uint64_t r = engine();
    if (r >= threshold) {
      return r % n;
    }
  }
}

void fisherYates(std::vector<size_t>& items, std::mt19937_64& engine) {
  for (size_t i = items.size(); i > 1; --i) {
    const auto j = static_cast<size_t>(uniformBelow(engine, i));
    std::swap(items[i - 1], items[j]);
  }
}

}  // namespace

Result<std::vector<int>> stratifiedKFold(const std::vector<std::vector<std::string>>& typesPerDocument, int k,
                                         uint64_t seed) {
  const size_t n = typesPerDocument.size();
  if (k < 2 || static_cast<size_t>(k) > n) {
    return Error("k-fold needs 2 <= k <= the number of documents (" + std::to_string(n) +
                     "), got k = " + std::to_string(k),
                 std::string(), 0, "k");
  }

  std::map<std::string, size_t> documentFrequency;
  std::vector<std::set<std::string>> distinct(n);
  for (size_t d = 0; d < n; ++d) {
    distinct[d].insert(typesPerDocument[d].begin(), typesPerDocument[d].end());
    for (const std::string& t : distinct[d]) {
      ++documentFrequency[t];
    }
  }

  // Stratum key (frequency, name); documents without a type get a key after every real one.
  using Key = std::tuple<bool, size_t, std::string>;  // (no entity, frequency, type)
  std::map<Key, std::vector<size_t>> strata;
  for (size_t d = 0; d < n; ++d) {
    Key key{true, 0, std::string()};
    for (const std::string& t : distinct[d]) {
      const Key candidate{false, documentFrequency[t], t};
      key = std::min(key, candidate);
    }
    strata[key].push_back(d);
  }

  std::mt19937_64 engine(seed);
  std::vector<int> folds(n, 0);
  size_t position = 0;
  for (auto& entry : strata) {
    std::vector<size_t>& docs = entry.second;
    fisherYates(docs, engine);
    for (const size_t d : docs) {
      folds[d] = static_cast<int>(position % static_cast<size_t>(k));
      ++position;
    }
  }
  return folds;
}

}  // namespace quarry::eval
