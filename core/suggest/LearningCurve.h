#pragma once
// Learning curves of simulated active learning (jobs/ActiveLearningSimulation.h): per strategy and seed
// the dev score after each round against the units labelled so far, summarised per strategy over its seeds
// (mean with a min..max band per round), the labelled share at which each strategy first reaches a
// fraction (95%, 99%) of the full-data score, the annotation effort that share costs, and whether it beats
// the random baseline round by round.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace quarry::suggest {

// One round of one curve: the model trained on what was labelled by then, scored on dev.
struct CurvePoint {
  int32_t round = 0;           // 0 = the seed set
  int64_t labelledUnits = 0;   // sentences or documents labelled so far
  double labelledShare = 0;    // labelledUnits / the pool's units, 0..1
  int64_t labelledTokens = 0;  // words in them: the annotation effort
  double score = 0;            // the primary dev figure (micro F1, ...), 0..1
};

// One strategy under one seed.
struct StrategyCurve {
  std::string strategy;  // "random", "entropy", "mnlp", ...
  uint64_t seed = 0;
  std::vector<CurvePoint> points;  // in round order
};

// One round of a strategy over its seeds (rounds are matched by number).
struct CurveBand {
  int32_t round = 0;
  double labelledShare = 0;    // mean over the seeds
  double labelledUnits = 0;    // mean
  double labelledTokens = 0;   // mean
  double mean = 0, low = 0, high = 0;  // the score's mean, minimum, maximum over the seeds
  int32_t seeds = 0;           // curves that reached this round
};

struct StrategySummary {
  std::string strategy;
  std::vector<CurveBand> bands;  // in round order
  // The first round whose mean score reaches the fraction of the full-data score: its mean labelled share
  // and tokens; empty when none does (or there is no full-data score).
  std::optional<double> shareAt95, shareAt99;
  std::optional<double> tokensAt95, tokensAt99;
  // Rounds (present for both) where this strategy's mean is above the random baseline's, and the rounds
  // compared; both 0 for random itself or when there is no random curve.
  int32_t roundsAboveRandom = 0, roundsCompared = 0;
  // The first round from which the mean stays above random's in every later compared round; -1 = never.
  int32_t aboveRandomFrom = -1;
};

struct LearningCurveSummary {
  // The model trained on the whole pool: with several seeds, the mean of their scores, so that it is measured
  // as the curves are (a mean over seeds); -1 = not known.
  double fullScore = -1;
  // The full-data score of each seed that trained one, in seed order (the table prints their range); may be
  // empty where only the mean is known.
  std::vector<double> fullScores;
  std::string metric;        // "micro_f1"
  std::string unit;          // "sentences" or "documents"
  int64_t poolUnits = 0;
  int64_t poolTokens = 0;
  std::vector<StrategySummary> strategies;  // in the order strategies first appear among the curves
};

// The summary of `curves` (any order; several seeds per strategy).
LearningCurveSummary summarizeCurves(const std::vector<StrategyCurve>& curves, double fullScore,
                                     const std::string& metric, const std::string& unit, int64_t poolUnits,
                                     int64_t poolTokens);

// The effort of `tokens` words at `wordsPerHour` (an annotator's reading and marking pace), in hours.
double annotationHours(double tokens, double wordsPerHour);

// The summary as a self-contained SVG chart: x the labelled share (0..max share of any point), y the score;
// one coloured line per strategy through its means with a translucent min..max band, dashed horizontal lines
// at 95% and 99% of the full-data score (when known), axis ticks and labels, a legend, and `title` on top.
// Text is escaped for XML.
std::string learningCurveSvg(const LearningCurveSummary& summary, const std::string& title);

// A plain-text table: one row per strategy and round (share, units, tokens, mean, low..high), then per strategy
// the shares at 95% / 99% of full and the rounds above random.
std::string learningCurveTable(const LearningCurveSummary& summary);

}  // namespace quarry::suggest
