#include "suggest/BatchSelection.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "suggest/DiversitySampling.h"

namespace quarry::suggest {
namespace {

constexpr SelectionStrategy kStrategies[] = {SelectionStrategy::Random,  SelectionStrategy::LeastConfidence,
                                             SelectionStrategy::Margin,  SelectionStrategy::Entropy,
                                             SelectionStrategy::Mnlp,    SelectionStrategy::Diversity};

UncertaintyStrategy scoringOf(SelectionStrategy strategy) {
  switch (strategy) {
    case SelectionStrategy::LeastConfidence:
      return UncertaintyStrategy::LeastConfidence;
    case SelectionStrategy::Margin:
      return UncertaintyStrategy::Margin;
    default:
      return UncertaintyStrategy::Entropy;
  }
}

// The first `count` of `order` (all of it when count is larger).
std::vector<int32_t> firstOf(std::vector<int32_t> order, int32_t count) {
  if (static_cast<size_t>(count) < order.size()) order.resize(static_cast<size_t>(count));
  return order;
}

// A unit's score under one of UncertaintyScores.h's strategies, by its own aggregation.
double scoreUnder(const PoolUnit& unit, UncertaintyStrategy strategy) {
  UncertaintyOptions options;
  options.strategy = strategy;
  options.aggregation = unit.aggregation;
  return documentUncertainty(unit.decisions, options).score;
}

}  // namespace

std::string selectionStrategyName(SelectionStrategy strategy) {
  switch (strategy) {
    case SelectionStrategy::Random:
      return "random";
    case SelectionStrategy::LeastConfidence:
      return "least_confidence";
    case SelectionStrategy::Margin:
      return "margin";
    case SelectionStrategy::Entropy:
      return "entropy";
    case SelectionStrategy::Mnlp:
      return "mnlp";
    case SelectionStrategy::Diversity:
      return "diversity";
  }
  return "entropy";
}

Result<SelectionStrategy> selectionStrategyFromName(const std::string& name) {
  std::string known;
  for (SelectionStrategy s : kStrategies) {
    if (selectionStrategyName(s) == name) return s;
    known += (known.empty() ? "" : ", ") + selectionStrategyName(s);
  }
  return Error("unknown strategy \"" + name + "\" (known: " + known + ")", "", 0, "strategy");
}

std::vector<SelectionStrategy> allSelectionStrategies() { return {std::begin(kStrategies), std::end(kStrategies)}; }

double mnlpUncertainty(const std::vector<UncertainDecision>& decisions, double sequenceLogProbability) {
  if (decisions.empty()) return 0.0;
  double logSum = 0.0;
  if (!std::isnan(sequenceLogProbability)) {
    logSum = std::min(sequenceLogProbability, 0.0);
  } else {
    for (const UncertainDecision& d : decisions) {
      double top = 0.0;
      for (double p : d.probabilities) top = std::max(top, p);
      logSum += std::log(std::clamp(top, 1e-12, 1.0));
    }
  }
  const double meanLog = logSum / static_cast<double>(decisions.size());
  return std::clamp(1.0 - std::exp(meanLog), 0.0, 1.0);
}

double unitUncertainty(const PoolUnit& unit, SelectionStrategy strategy) {
  if (strategy == SelectionStrategy::Mnlp)
    return mnlpUncertainty(unit.decisions, unit.sequenceLogProbability);
  return scoreUnder(unit, scoringOf(strategy));
}

std::vector<int32_t> randomSample(int32_t n, int32_t count, uint64_t seed) {
  std::vector<int32_t> order(static_cast<size_t>(std::max(n, 0)));
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 engine(seed);
  // Fisher-Yates from the back; each draw a double in [0, 1) from the engine's top 53 bits.
  for (size_t i = order.size(); i > 1; --i) {
    const double u = static_cast<double>(engine() >> 11) * 0x1.0p-53;
    const size_t j = std::min(i - 1, static_cast<size_t>(u * static_cast<double>(i)));
    std::swap(order[i - 1], order[j]);
  }
  return firstOf(std::move(order), count);
}

Result<std::vector<int32_t>> selectBatch(const std::vector<PoolUnit>& pool, const SelectionOptions& options) {
  if (options.batchSize < 0)
    return Error("the batch size must not be negative (" + std::to_string(options.batchSize) + ")", "", 0,
                 "batchSize");
  const auto n = static_cast<int32_t>(pool.size());
  if (options.batchSize == 0 || n == 0) return std::vector<int32_t>{};
  if (options.strategy == SelectionStrategy::Random) return randomSample(n, options.batchSize, options.seed);
  if (options.strategy == SelectionStrategy::Diversity) {
    size_t dimensions = 0;
    for (const PoolUnit& u : pool) dimensions = std::max(dimensions, u.embedding.size());
    std::vector<std::vector<float>> embeddings;
    std::vector<double> scores;
    embeddings.reserve(pool.size());
    scores.reserve(pool.size());
    for (const PoolUnit& u : pool) {
      if (!u.embedding.empty() && u.embedding.size() != dimensions)
        return Error("the units' embeddings differ in dimension (" + std::to_string(u.embedding.size()) + " and " +
                         std::to_string(dimensions) + ")",
                     "", 0, "embeddings");
      embeddings.push_back(u.embedding.empty() ? std::vector<float>(dimensions, 0.0f) : u.embedding);
      scores.push_back(scoreUnder(u, options.diversityScore));
    }
    if (dimensions == 0)  // nothing to cluster by: one cluster would give one unit; rank by score instead
      return firstOf(rankByUncertainty(scores), options.batchSize);
    DiversityOptions diversity;
    diversity.batchSize = std::min(options.batchSize, n);
    diversity.seed = options.seed;
    auto picks = diverseBatch(embeddings, scores, diversity);
    if (!picks) return picks.error();
    std::vector<int32_t> batch;
    batch.reserve(picks->size());
    for (const BatchPick& p : picks.value()) batch.push_back(p.document);
    // Fewer distinct points than wanted: the batch is topped up by score from the units left.
    if (static_cast<int32_t>(batch.size()) < diversity.batchSize) {
      std::vector<char> taken(pool.size(), 0);
      for (int32_t b : batch) taken[static_cast<size_t>(b)] = 1;
      for (int32_t i : rankByUncertainty(scores)) {
        if (static_cast<int32_t>(batch.size()) >= diversity.batchSize) break;
        if (!taken[static_cast<size_t>(i)]) batch.push_back(i);
      }
    }
    return batch;
  }
  std::vector<double> scores;
  scores.reserve(pool.size());
  for (const PoolUnit& u : pool) scores.push_back(unitUncertainty(u, options.strategy));
  return firstOf(rankByUncertainty(scores), options.batchSize);
}

}  // namespace quarry::suggest
