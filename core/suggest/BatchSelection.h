#pragma once
// Which unlabelled units (sentences or documents) an active learner labels next: the batch selection of
// every strategy, shared by the workbench's queue and the simulated annotator
// (jobs/ActiveLearningSimulation).
//
// Strategies, each over the pool's units:
//  - random: a seeded uniform draw without replacement (the baseline); a Fisher-Yates shuffle driven by
//    std::mt19937_64(seed), its draws turned into indexes by hand, so every platform picks the same;
//  - least_confidence, margin, entropy: the unit's score under UncertaintyScores.h (its decisions combined
//    by the unit's own aggregation: NER the mean over words), most uncertain first;
//  - mnlp: maximum normalised log-probability (Shen et al., ICLR 2018): the unit's best labelling scored by
//    its log-probability divided by its length, (1/n) ln P(y* | x) over the unit's n words. The tagger gives
//    ln P(y* | x) (PoolUnit::sequenceLogProbability: with a CRF the Viterbi path's score less the
//    log-partition, summed over the unit's sentences); where a unit has none (NaN), (1/n) sum_i ln p1_i, the
//    mean log of each decision's top probability, which is the same for a softmax tagger. Reported as
//    1 - exp(MNLP), the complement of the per-word geometric mean of the labelling's probability, in 0..1 and
//    ordered as MNLP's uncertainty (-MNLP) is; a decision's p1 <= 0 counts as 1e-12;
//  - diversity: the pool clustered by the units' embeddings (DiversitySampling.h, k = batch size) and each
//    cluster's most uncertain unit by `diversityScore`; units without an embedding are clustered as the
//    zero vector (one cluster of them all).
// Ties keep pool order; a unit without decisions scores 0 and ranks last. The batch never holds a unit
// twice; asking for more than the pool gives the whole pool in that order.

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "common/Error.h"
#include "suggest/UncertaintyScores.h"

namespace quarry::suggest {

enum class SelectionStrategy { Random, LeastConfidence, Margin, Entropy, Mnlp, Diversity };

// "random", "least_confidence", "margin", "entropy", "mnlp", "diversity".
std::string selectionStrategyName(SelectionStrategy strategy);
// The strategy of that name; an Error naming the field "strategy" (and the names known) otherwise.
Result<SelectionStrategy> selectionStrategyFromName(const std::string& name);
// Every strategy, in the order above.
std::vector<SelectionStrategy> allSelectionStrategies();

// One unit of the pool as the model saw it.
struct PoolUnit {
  std::vector<UncertainDecision> decisions;  // per word (NER), per label (classification), ...
  UncertaintyAggregation aggregation = UncertaintyAggregation::Mean;
  std::vector<float> embedding;  // diversity: the unit as the model reads it; empty = none
  // mnlp: ln P of the model's labelling of the unit (NER: its sentences' tag sequences); NaN = not given.
  double sequenceLogProbability = std::nan("");
};

struct SelectionOptions {
  SelectionStrategy strategy = SelectionStrategy::Entropy;
  int32_t batchSize = 10;
  uint64_t seed = 42;  // random's draw, diversity's k-means++ seeding
  UncertaintyStrategy diversityScore = UncertaintyStrategy::Entropy;
};

// MNLP's score of one unit's decisions and, where known (not NaN), its labelling's log-probability (above); 0
// without decisions.
double mnlpUncertainty(const std::vector<UncertainDecision>& decisions,
                       double sequenceLogProbability = std::nan(""));

// A unit's score under a scoring strategy (least_confidence, margin, entropy, mnlp); random and diversity
// score as entropy.
double unitUncertainty(const PoolUnit& unit, SelectionStrategy strategy);

// The batch: indexes into `pool`, in the order chosen (most uncertain first; random: the draw's order).
// Errors as DiversitySampling's (field "embeddings" when the units' embeddings differ in dimension), and
// (field "batchSize") when batchSize < 0.
Result<std::vector<int32_t>> selectBatch(const std::vector<PoolUnit>& pool, const SelectionOptions& options);

// The first `count` indexes of 0..n-1 in the seeded random order described above (count > n: all n).
std::vector<int32_t> randomSample(int32_t n, int32_t count, uint64_t seed);

}  // namespace quarry::suggest
