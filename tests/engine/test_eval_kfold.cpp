// stratifiedKFold(): fold balance overall and per stratum, stratification by the rarest type,
// determinism across runs and standard libraries, and the errors for k.

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "EvalTestSupport.h"
#include "eval/KFold.h"

using quarry::eval::stratifiedKFold;
using Types = std::vector<std::vector<std::string>>;

namespace {

std::string joined(const std::vector<int>& v) {
  std::string out;
  for (const int x : v) {
    out += std::to_string(x);
  }
  return out;
}

// Fold sizes over the documents selected by `in`.
std::vector<int> foldSizes(const std::vector<int>& folds, int k, const std::vector<bool>& in) {
  std::vector<int> sizes(k, 0);
  for (size_t d = 0; d < folds.size(); ++d) {
    if (in[d]) {
      ++sizes.at(folds[d]);
    }
  }
  return sizes;
}

int spread(const std::vector<int>& sizes) {
  return *std::max_element(sizes.begin(), sizes.end()) - *std::min_element(sizes.begin(), sizes.end());
}

// 5 documents with RARE (and COMMON), 25 with COMMON only, 10 without entities, interleaved.
Types corpus() {
  Types docs;
  for (int i = 0; i < 40; ++i) {
    if (i % 8 == 0) {
      docs.push_back({"COMMON", "RARE", "COMMON"});
    } else if (i % 4 == 1) {
      docs.push_back({});
    } else {
      docs.push_back({"COMMON"});
    }
  }
  return docs;
}

void stratification() {
  const Types docs = corpus();
  // 5 RARE documents (i % 8 == 0), 10 empty ones (i % 4 == 1), 25 COMMON-only.
  std::vector<bool> rare(docs.size()), none(docs.size()), common(docs.size()), all(docs.size(), true);
  for (size_t d = 0; d < docs.size(); ++d) {
    rare[d] = d % 8 == 0;
    none[d] = d % 4 == 1;
    common[d] = !rare[d] && !none[d];
  }
  const auto result = stratifiedKFold(docs, 5, 42);
  EVAL_TRUE(result.ok());
  if (!result.ok()) {
    return;
  }
  const std::vector<int>& folds = *result;
  EVAL_EQ(folds.size(), docs.size());
  // Every stratum size is a multiple of 5, so each fold gets exactly 1 RARE, 5 COMMON, 2 empty: 8 each.
  // A RARE document counts in the RARE stratum although it also has COMMON (its rarest type).
  EVAL_EQ(joined(foldSizes(folds, 5, rare)), std::string("11111"));
  EVAL_EQ(joined(foldSizes(folds, 5, common)), std::string("55555"));
  EVAL_EQ(joined(foldSizes(folds, 5, none)), std::string("22222"));
  EVAL_EQ(joined(foldSizes(folds, 5, all)), std::string("88888"));
}

void balanceUneven() {
  // 23 documents in strata of 7 (A), 9 (B) and 7 (none), k = 3 and k = 5: every fold size within 1 of
  // the others, overall and per stratum, for many seeds.
  Types docs;
  std::vector<bool> a, b, none;
  for (int i = 0; i < 23; ++i) {
    const int s = i % 3 == 0 ? 0 : (i < 17 ? 1 : 2);
    docs.push_back(s == 0   ? std::vector<std::string>{"A", "B"}
                   : s == 1 ? std::vector<std::string>{"B"}
                            : std::vector<std::string>{});
    a.push_back(s == 0);
    b.push_back(s == 1);
    none.push_back(s == 2);
  }
  const std::vector<bool> all(docs.size(), true);
  for (const int k : {3, 5, 23}) {
    for (uint64_t seed = 0; seed < 50; ++seed) {
      const auto r = stratifiedKFold(docs, k, seed);
      if (!r.ok()) {
        EVAL_TRUE(r.ok());
        return;
      }
      for (const int f : *r) {
        EVAL_TRUE(f >= 0 && f < k);
      }
      EVAL_TRUE(spread(foldSizes(*r, k, all)) <= 1);
      EVAL_TRUE(spread(foldSizes(*r, k, a)) <= 1);
      EVAL_TRUE(spread(foldSizes(*r, k, b)) <= 1);
      EVAL_TRUE(spread(foldSizes(*r, k, none)) <= 1);
    }
  }
}

void determinism() {
  const Types docs = corpus();
  const auto first = stratifiedKFold(docs, 4, 7);
  const auto again = stratifiedKFold(docs, 4, 7);
  const auto other = stratifiedKFold(docs, 4, 8);
  EVAL_TRUE(first.ok() && again.ok() && other.ok());
  if (!first.ok() || !again.ok() || !other.ok()) {
    return;
  }
  EVAL_EQ(joined(*first), joined(*again));
  EVAL_TRUE(joined(*first) != joined(*other));
  // std::mt19937_64 is fully specified by the standard (its 10000th output from the default seed is
  // 9981545732273789042), and the shuffle uses nothing else, so this assignment is the same with every
  // standard library. The value was also reproduced by an independent Python model of the algorithm in
  // eval/KFold.h (MT19937-64 written out); a change here changes users' folds.
  std::mt19937_64 engine;
  engine.discard(9999);
  EVAL_EQ(engine(), 9981545732273789042ULL);
  EVAL_EQ(joined(*first), std::string("0101303202113220303103201332122021312310"));
}

void errors() {
  const Types docs = {{"A"}, {"B"}, {}};
  for (const int k : {-1, 0, 1, 4}) {
    const auto r = stratifiedKFold(docs, k, 1);
    EVAL_TRUE(!r.ok());
    if (!r.ok()) {
      EVAL_EQ(r.error().field, std::string("k"));
      EVAL_TRUE(r.error().message.find(std::to_string(k)) != std::string::npos);
    }
  }
  EVAL_TRUE(!stratifiedKFold({}, 2, 1).ok());
  // k equal to the number of documents puts each document in its own fold.
  const auto r = stratifiedKFold(docs, 3, 1);
  EVAL_TRUE(r.ok());
  if (r.ok()) {
    std::vector<int> sorted = *r;
    std::sort(sorted.begin(), sorted.end());
    EVAL_EQ(joined(sorted), std::string("012"));
  }
}

}  // namespace

int main() {
  stratification();
  balanceUneven();
  determinism();
  errors();
  return quarry::evaltest::finish("test_eval_kfold");
}
