// core/suggest/BatchSelection: the batch each active-learning strategy picks from hand-made pools whose
// scores are worked by hand (least confidence, margin, entropy and MNLP each order the pool differently),
// the seeded random draw, and diversity's one-per-cluster batch.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "EngineCheck.h"
#include "suggest/BatchSelection.h"

using namespace quarry::suggest;

namespace {

bool near(double a, double b, double tolerance = 1e-9) { return std::fabs(a - b) <= tolerance; }

std::string joined(const std::vector<int32_t>& v) {
  std::string out;
  for (const int32_t x : v) out += (out.empty() ? "" : ",") + std::to_string(x);
  return out;
}

void expectBatch(const std::vector<PoolUnit>& pool, SelectionStrategy strategy, int32_t size,
                 const std::string& expected, uint64_t seed = 42) {
  SelectionOptions options;
  options.strategy = strategy;
  options.batchSize = size;
  options.seed = seed;
  auto batch = selectBatch(pool, options);
  EXPECT(batch.ok(), selectionStrategyName(strategy) + ": a batch");
  if (!batch) return;
  const std::string actual = joined(batch.value());
  if (actual != expected) std::printf("  %s: expected %s, got %s\n", selectionStrategyName(strategy).c_str(),
                                      expected.c_str(), actual.c_str());
  EXPECT(actual == expected, selectionStrategyName(strategy) + " picks " + expected);
}

UncertainDecision word(std::vector<double> p) { return {std::move(p), 1.0}; }

// Seven units, one decision per word, combined by Mean (NER's way). Per unit, worked by hand:
//        words                         LC      margin   entropy  MNLP = 1 - geomean(top)
//   u0   [.9 .1] [.9 .1]               0.1     0.2      0.469    0.1
//   u1   [.6 .4]                       0.4     0.8      0.971    0.4
//   u2   [1 0] x3, [.5 .5]             0.125   0.25     0.25     1 - 0.5^(1/4) = 0.1591
//   u3   [.7 .3] [.7 .3]               0.3     0.6      0.881    0.3
//   u4   [.4 .35 .25]                  0.6     0.95     0.983    0.6
//   u5   [.5 .5 0]                     0.5     1.0      0.631    0.5
//   u6   [1 0 ...], [.1 x 10]          0.45    0.5      0.5      1 - 0.1^(1/2) = 0.6838
std::vector<PoolUnit> handMadePool() {
  std::vector<PoolUnit> pool(7);
  pool[0].decisions = {word({0.9, 0.1}), word({0.9, 0.1})};
  pool[1].decisions = {word({0.6, 0.4})};
  pool[2].decisions = {word({1, 0}), word({1, 0}), word({1, 0}), word({0.5, 0.5})};
  pool[3].decisions = {word({0.7, 0.3}), word({0.7, 0.3})};
  pool[4].decisions = {word({0.4, 0.35, 0.25})};
  pool[5].decisions = {word({0.5, 0.5, 0.0})};
  std::vector<double> certain(10, 0.0), uniform(10, 0.1);
  certain[0] = 1.0;
  pool[6].decisions = {word(certain), word(uniform)};
  return pool;
}

void scores() {
  const auto pool = handMadePool();
  EXPECT(near(unitUncertainty(pool[6], SelectionStrategy::LeastConfidence), 0.45), "u6 least confidence 0.45");
  EXPECT(near(unitUncertainty(pool[6], SelectionStrategy::Mnlp), 1.0 - std::sqrt(0.1)), "u6 MNLP 1 - sqrt(0.1)");
  EXPECT(near(unitUncertainty(pool[2], SelectionStrategy::Mnlp), 1.0 - std::pow(0.5, 0.25)), "u2 MNLP");
  EXPECT(near(unitUncertainty(pool[5], SelectionStrategy::Margin), 1.0), "u5 margin 1");
  EXPECT(near(unitUncertainty(pool[4], SelectionStrategy::Entropy),
              -(0.4 * std::log(0.4) + 0.35 * std::log(0.35) + 0.25 * std::log(0.25)) / std::log(3.0)),
         "u4 entropy over three choices");
  EXPECT(near(mnlpUncertainty({}), 0.0), "MNLP without decisions is 0");
  // The tagger's ln P of its labelling, where given, is MNLP's numerator instead of the words' top
  // probabilities: 4 words and ln P = ln(1/16) give a per-word geometric mean of 1/2.
  EXPECT(near(mnlpUncertainty(pool[2].decisions, std::log(1.0 / 16)), 0.5), "MNLP from the sequence's ln P");
  EXPECT(near(mnlpUncertainty({}, -3.0), 0.0), "MNLP without decisions is 0, ln P or not");
  EXPECT(near(mnlpUncertainty(pool[2].decisions, 0.5), 0.0), "a positive ln P (rounding) counts as 0");
  EXPECT(near(mnlpUncertainty({word({0.0, 0.0})}), 1.0 - 1e-12, 1e-15), "a top probability of 0 counts as 1e-12");
  EXPECT(near(unitUncertainty(pool[1], SelectionStrategy::Random), unitUncertainty(pool[1], SelectionStrategy::Entropy)),
         "random scores as entropy");
}

void uncertaintyBatches() {
  const auto pool = handMadePool();
  expectBatch(pool, SelectionStrategy::LeastConfidence, 3, "4,5,6");
  expectBatch(pool, SelectionStrategy::Margin, 3, "5,4,1");
  expectBatch(pool, SelectionStrategy::Entropy, 3, "4,1,3");
  expectBatch(pool, SelectionStrategy::Mnlp, 3, "6,4,5");
  {
    // With a CRF, a path can be far less likely than its words' marginals say: two units whose words look
    // equally sure (top 0.9 each) are ordered by their sequences' ln P; a unit without one reads its words.
    std::vector<PoolUnit> crfPool(3);
    for (PoolUnit& u : crfPool) u.decisions = {word({0.9, 0.1}), word({0.9, 0.1})};
    crfPool[0].sequenceLogProbability = std::log(0.85);
    crfPool[1].sequenceLogProbability = std::log(0.5);
    expectBatch(crfPool, SelectionStrategy::Mnlp, 3, "1,2,0");
    EXPECT(near(unitUncertainty(crfPool[1], SelectionStrategy::Mnlp), 1.0 - std::sqrt(0.5)),
           "u1 MNLP from ln P");
    EXPECT(near(unitUncertainty(crfPool[2], SelectionStrategy::Mnlp), 0.1), "u2 MNLP from its words");
    expectBatch(crfPool, SelectionStrategy::Entropy, 3, "0,1,2");  // the other strategies read the words only
  }
  expectBatch(pool, SelectionStrategy::LeastConfidence, 100, "4,5,6,1,3,2,0");  // more than the pool: all of it
  expectBatch(pool, SelectionStrategy::Mnlp, 0, "");
  // Ties keep pool order; a unit without decisions ranks last.
  std::vector<PoolUnit> ties(4);
  ties[0].decisions = {word({0.5, 0.5})};
  ties[2].decisions = {word({0.5, 0.5})};
  ties[3].decisions = {word({0.8, 0.2})};
  expectBatch(ties, SelectionStrategy::Entropy, 4, "0,2,3,1");
  expectBatch(ties, SelectionStrategy::Mnlp, 4, "0,2,3,1");
  // Max aggregation (classification, relations): the most uncertain decision decides.
  std::vector<PoolUnit> maxPool(2);
  maxPool[0].aggregation = UncertaintyAggregation::Max;
  maxPool[0].decisions = {word({0.99, 0.01}), word({0.55, 0.45})};
  maxPool[1].aggregation = UncertaintyAggregation::Max;
  maxPool[1].decisions = {word({0.7, 0.3})};
  expectBatch(maxPool, SelectionStrategy::LeastConfidence, 1, "0");
}

void randomBatches() {
  const auto a = randomSample(100, 10, 7), b = randomSample(100, 10, 7), c = randomSample(100, 10, 8);
  EXPECT(a == b, "the same seed draws the same batch");
  EXPECT(a != c, "another seed draws another batch");
  EXPECT(std::set<int32_t>(a.begin(), a.end()).size() == 10, "no unit twice");
  EXPECT(std::all_of(a.begin(), a.end(), [](int32_t x) { return x >= 0 && x < 100; }), "indexes in the pool");
  // Pinned: the draw is the same on every platform (mt19937_64's sequence is fixed by the standard, the
  // indexes are made by hand), and selectBatch's random strategy is that draw.
  EXPECT(joined(a) == "69,39,73,50,94,10,90,16,74,67", "the pinned draw of 10 of 100 with seed 7");
  std::vector<PoolUnit> hundred(100);
  expectBatch(hundred, SelectionStrategy::Random, 10, "69,39,73,50,94,10,90,16,74,67", 7);
  const auto all = randomSample(8, 20, 3);
  EXPECT(all.size() == 8 && std::set<int32_t>(all.begin(), all.end()).size() == 8, "more than n: a permutation of all");
  EXPECT(joined(randomSample(10, 10, 1)) != "0,1,2,3,4,5,6,7,8,9", "the draw shuffles");
  // Over many seeds the first pick is spread evenly (no modulo or ordering bias).
  std::vector<int> firsts(4, 0);
  for (uint64_t seed = 0; seed < 4000; ++seed) ++firsts[static_cast<size_t>(randomSample(4, 1, seed)[0])];
  EXPECT(std::all_of(firsts.begin(), firsts.end(), [](int f) { return f > 850 && f < 1150; }),
         "each of 4 units first in about a quarter of 4000 draws");
}

void diversityBatches() {
  // Cluster A along (1, 0): units 0, 1, 2; cluster B along (0, 1): units 3, 4, 5. A holds the two most
  // uncertain units, so entropy picks 0 and 1; diversity picks A's most uncertain (1) and B's (5).
  std::vector<PoolUnit> pool(6);
  const double entropyTop[] = {0.7, 0.6, 0.9, 0.95, 0.97, 0.8};  // top probabilities: lower = more uncertain
  const std::vector<std::vector<float>> embeddings = {{1.0f, 0.05f}, {0.98f, 0.0f}, {1.0f, 0.1f},
                                                      {0.0f, 1.0f},  {0.1f, 1.0f},  {0.05f, 0.97f}};
  for (size_t i = 0; i < pool.size(); ++i) {
    pool[i].decisions = {word({entropyTop[i], 1.0 - entropyTop[i]})};
    pool[i].embedding = embeddings[i];
  }
  expectBatch(pool, SelectionStrategy::Entropy, 2, "1,0");
  expectBatch(pool, SelectionStrategy::Diversity, 2, "1,5");
  // Fewer distinct points than wanted: topped up by score.
  std::vector<PoolUnit> same(3);
  for (size_t i = 0; i < same.size(); ++i) {
    same[i].decisions = {word({0.6 + 0.1 * double(i), 0.4 - 0.1 * double(i)})};
    same[i].embedding = {1.0f, 0.0f};
  }
  expectBatch(same, SelectionStrategy::Diversity, 3, "0,1,2");
  // Without embeddings: by score.
  std::vector<PoolUnit> bare(3);
  for (size_t i = 0; i < bare.size(); ++i) bare[i].decisions = {word({0.9 - 0.1 * double(i), 0.1 + 0.1 * double(i)})};
  expectBatch(bare, SelectionStrategy::Diversity, 2, "2,1");
  // Errors.
  pool[2].embedding = {1.0f, 0.0f, 0.0f};
  SelectionOptions options;
  options.strategy = SelectionStrategy::Diversity;
  options.batchSize = 2;
  auto mismatched = selectBatch(pool, options);
  EXPECT(!mismatched && mismatched.error().field == "embeddings", "embeddings of different dimensions: an error");
  options.batchSize = -1;
  auto negative = selectBatch(pool, options);
  EXPECT(!negative && negative.error().field == "batchSize", "a negative batch size: an error");
}

void names() {
  for (SelectionStrategy s : allSelectionStrategies()) {
    auto back = selectionStrategyFromName(selectionStrategyName(s));
    EXPECT(back && back.value() == s, selectionStrategyName(s) + " round-trips by name");
  }
  auto unknown = selectionStrategyFromName("bald");
  EXPECT(!unknown && unknown.error().field == "strategy" &&
             unknown.error().message.find("mnlp") != std::string::npos,
         "an unknown name is an error listing the known ones");
}

}  // namespace

int main() {
  scores();
  uncertaintyBatches();
  randomBatches();
  diversityBatches();
  names();
  if (quarry::test::g_failures) std::fprintf(stderr, "%d failure(s)\n", quarry::test::g_failures);
  std::printf(quarry::test::g_failures ? "FAILED\n" : "PASS\n");
  return quarry::test::g_failures ? 1 : 0;
}
