// core/suggest: uncertainty scores on hand-computed distributions, k-means batches on hand-placed points,
// confidence bands and dev-set thresholds worked by hand, and the gazetteer's matching rules.

#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "EngineCheck.h"
#include "suggest/ConfidenceBands.h"
#include "suggest/DiversitySampling.h"
#include "suggest/GazetteerSuggester.h"
#include "suggest/GuidelineExamples.h"
#include "suggest/UncertaintyScores.h"

using namespace quarry::suggest;
using quarry::document::AnnotatedDocument;
using quarry::document::EntityMention;

namespace {

bool near(double a, double b, double tolerance = 1e-9) { return std::fabs(a - b) <= tolerance; }

// EXPECT for strings, printing both sides when they differ.
void expectText(const std::string& actual, const std::string& expected, const std::string& what) {
  if (actual != expected) std::printf("  expected: %s\n  actual:   %s\n", expected.c_str(), actual.c_str());
  EXPECT(actual == expected, what);
}

std::string joined(const std::vector<int32_t>& v) {
  std::string out;
  for (const int32_t x : v) out += (out.empty() ? "" : ",") + std::to_string(x);
  return out;
}

// ---------------------------------------------------------------- UncertaintyScores

void decisionScores() {
  const auto lc = UncertaintyStrategy::LeastConfidence;
  const auto margin = UncertaintyStrategy::Margin;
  const auto entropy = UncertaintyStrategy::Entropy;
  EXPECT(near(decisionUncertainty({0.5, 0.5}, entropy), 1.0), "entropy of [0.5, 0.5] is 1");
  EXPECT(near(decisionUncertainty({1.0, 0.0}, entropy), 0.0), "entropy of [1, 0] is 0");
  EXPECT(near(decisionUncertainty({1.0 / 3, 1.0 / 3, 1.0 / 3}, entropy), 1.0),
         "uniform over 3 has entropy 1");
  // -(0.7 ln 0.7 + 0.2 ln 0.2 + 0.1 ln 0.1) / ln 3
  EXPECT(near(decisionUncertainty({0.7, 0.2, 0.1}, entropy), 0.7298466991620974, 1e-12),
         "entropy of [0.7, 0.2, 0.1] normalised by ln 3");
  EXPECT(near(decisionUncertainty({1.0}, entropy), 0.0), "one choice: entropy 0");

  EXPECT(near(decisionUncertainty({0.6, 0.3, 0.1}, lc), 0.4), "least confidence of [0.6, 0.3, 0.1] is 0.4");
  EXPECT(near(decisionUncertainty({0.6, 0.3, 0.1}, margin), 0.7), "margin score of [0.6, 0.3, 0.1] is 0.7");
  EXPECT(near(decisionUncertainty({0.1, 0.3, 0.6}, margin), 0.7), "margin reads the top two in any order");
  EXPECT(near(decisionUncertainty({0.5, 0.5}, margin), 1.0), "a tie at the top: margin score 1");
  EXPECT(near(decisionUncertainty({1.0}, margin), 0.0), "one choice: margin against p2 = 0");
  EXPECT(near(decisionUncertainty({0.9, 0.1}, lc), 0.1), "least confidence of [0.9, 0.1]");
  EXPECT(decisionUncertainty({}, entropy) == 0.0 && decisionUncertainty({}, margin) == 0.0 &&
             decisionUncertainty({}, lc) == 0.0,
         "no choices: nothing uncertain");
  // Distributions that sum past 1: 1 - 1.2 and 1 - 1.1 are clamped up to 0; -3 * 0.37 ln 0.37 / ln 3 = 1.0046
  // down to 1.
  EXPECT(decisionUncertainty({1.2, 0.1}, lc) == 0.0 && decisionUncertainty({1.2, 0.1}, margin) == 0.0,
         "scores under 0 are clamped to 0");
  EXPECT(decisionUncertainty({0.37, 0.37, 0.37}, entropy) == 1.0, "entropy over 1 is clamped to 1");
}

void documentScores() {
  // NER: one decision per token. Token entropies 1, 0, 0, 1: sequence entropy 2 over 4 tokens = 0.5.
  const std::vector<UncertainDecision> tokens = {
      {{0.5, 0.5}, 1}, {{1.0, 0.0}, 1}, {{1.0, 0.0}, 1}, {{0.5, 0.5}, 1}};
  const DocumentUncertainty ner =
      documentUncertainty(tokens, {UncertaintyStrategy::Entropy, UncertaintyAggregation::Mean});
  EXPECT(near(ner.score, 0.5), "NER sequence entropy normalised by length: 2 / 4");
  EXPECT(ner.decision == 0, "the most uncertain token drives the reason, the first on ties");
  expectText(ner.reason,
             "mean entropy 0.50 over length 4; decision 0: entropy 1.00 (top p=0.50, margin 0.00)",
             "the reason of a mean");

  // Lengths weight the mean: a word of 3 tokens with entropy 1 and one of 1 token with entropy 0.
  const std::vector<UncertainDecision> words = {{{0.5, 0.5}, 3}, {{1.0, 0.0}, 1}};
  EXPECT(near(documentUncertainty(words, {UncertaintyStrategy::Entropy, UncertaintyAggregation::Mean}).score,
              0.75),
         "mean weighted by length: 3 * 1 / 4");
  EXPECT(near(documentUncertainty(words, {UncertaintyStrategy::Entropy, UncertaintyAggregation::Max}).score,
              1.0),
         "max ignores lengths");

  const std::vector<UncertainDecision> labels = {{{0.9, 0.1}, 1}, {{0.41, 0.38, 0.21}, 1}, {{0.7, 0.3}, 1}};
  const DocumentUncertainty worst =
      documentUncertainty(labels, {UncertaintyStrategy::LeastConfidence, UncertaintyAggregation::Max});
  EXPECT(near(worst.score, 0.59), "max least confidence: 1 - 0.41");
  EXPECT(worst.decision == 1 && near(worst.topProbability, 0.41) && near(worst.secondProbability, 0.38),
         "the decision behind a max and its top two");
  expectText(worst.reason, "decision 1: least confidence 0.59 (top p=0.41, margin 0.03)",
             "the reason of a max");
  const DocumentUncertainty meanMargin =
      documentUncertainty(labels, {UncertaintyStrategy::Margin, UncertaintyAggregation::Mean});
  // Margin scores 0.2, 0.97, 0.6: mean 1.77 / 3.
  EXPECT(near(meanMargin.score, 1.77 / 3), "mean margin score over decisions of length 1");

  const DocumentUncertainty none = documentUncertainty({}, {});
  EXPECT(none.score == 0.0 && none.decision == -1, "a document without decisions scores 0");
  const DocumentUncertainty weightless = documentUncertainty({{{0.5, 0.5}, 0}}, {});
  EXPECT(weightless.score == 0.0 && weightless.decision == 0, "lengths summing to 0: mean 0");
}

void ranking() {
  expectText(joined(rankByUncertainty(std::vector<double>{0.2, 0.9, 0.2, 0.5})), "1,3,0,2",
             "most uncertain first, ties in document order");
  const double nan = std::numeric_limits<double>::quiet_NaN();
  expectText(joined(rankByUncertainty(std::vector<double>{nan, 0.1, 0.0, nan, 0.3})), "4,1,2,0,3",
             "NaN ranks last");
  std::vector<DocumentUncertainty> docs(3);
  docs[0].score = 0.1;
  docs[1].score = 0.1;
  docs[2].score = 0.4;
  expectText(joined(rankByUncertainty(docs)), "2,0,1", "ranking documents by their scores");
  EXPECT(rankByUncertainty(std::vector<double>{}).empty(), "no documents, no ranking");
  // Enough documents for an unstable sort to reorder ties (std::sort leaves insertion sort past 16).
  std::vector<double> many;
  for (int i = 0; i < 100; ++i) many.push_back((i * 7) % 3 / 2.0);
  const std::vector<int32_t> order = rankByUncertainty(many);
  bool stable = order.size() == many.size();
  for (size_t i = 1; stable && i < order.size(); ++i) {
    const double before = many[order[i - 1]];
    const double after = many[order[i]];
    stable = before > after || (before == after && order[i - 1] < order[i]);
  }
  EXPECT(stable, "100 documents in three score groups: by score, ties in document order");
}

// ---------------------------------------------------------------- DiversitySampling

std::string picked(const std::vector<BatchPick>& batch) {
  std::vector<int32_t> docs;
  for (const BatchPick& p : batch) docs.push_back(p.document);
  return joined(docs);
}

void twoClusters() {
  // Two directions, at different lengths: only after scaling to unit length do (10, -1) and (1, 0.1) agree.
  const std::vector<std::vector<float>> points = {{1, 0.1f}, {10, -1}, {5, 0}, {0.1f, 1}, {-0.2f, 2}};
  const std::vector<double> scores = {0.2, 0.8, 0.5, 0.3, 0.6};
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    DiversityOptions options;
    options.batchSize = 2;
    options.seed = seed;
    const auto batch = diverseBatch(points, scores, options);
    EXPECT(batch.ok(), "two clusters: a batch");
    if (!batch.ok()) continue;
    expectText(picked(*batch), "1,4",
               "two clusters, seed " + std::to_string(seed) + ": the most uncertain of each");
    if (batch->size() == 2) {
      EXPECT((*batch)[0].clusterSize == 3 && (*batch)[1].clusterSize == 2, "cluster sizes");
      EXPECT((*batch)[0].cluster != (*batch)[1].cluster, "one pick per cluster");
      EXPECT(near((*batch)[0].score, 0.8) && near((*batch)[1].score, 0.6), "picks carry their scores");
      expectText(
          (*batch)[0].reason,
          "most uncertain of cluster " + std::to_string((*batch)[0].cluster + 1) + " of 2 (3 documents)",
          "the reason names the cluster and its size");
    }
  }
}

void fewPoints() {
  DiversityOptions options;
  options.batchSize = 5;
  // k >= n: every document its own cluster, ordered by score, ties by document.
  const auto all = diverseBatch({{1, 0}, {0, 1}, {-1, 0}}, {0.1, 0.7, 0.1}, options);
  EXPECT(all.ok(), "k >= n: a batch");
  if (all.ok()) {
    expectText(picked(*all), "1,0,2", "k >= n: every document, by score then document order");
    EXPECT(all->size() == 3 && (*all)[2].clusterSize == 1, "k >= n: clusters of one");
  }
  // Duplicates (also after scaling: (2, 0) is (1, 0)): three distinct points only, so three clusters.
  options.batchSize = 4;
  const auto dup = diverseBatch({{1, 0}, {2, 0}, {0, 1}, {1, 0}, {0, 3}, {-1, 1}},
                                {0.1, 0.4, 0.2, 0.9, 0.3, 0.05}, options);
  EXPECT(dup.ok(), "duplicates: a batch");
  if (dup.ok()) {
    expectText(picked(*dup), "3,4,5", "duplicates: one cluster per distinct point");
    EXPECT(dup->size() == 3 && (*dup)[0].clusterSize == 3 && (*dup)[1].clusterSize == 2,
           "duplicates share a cluster");
  }
  // All the same: one cluster; equal scores pick the first document.
  const auto same = diverseBatch({{0.5f, 0.5f}, {1, 1}, {2, 2}}, {0.3, 0.3, 0.1}, options);
  EXPECT(same.ok() && picked(*same) == "0", "identical points: one pick, the first of equal scores");
  const auto empty = diverseBatch({}, {}, options);
  EXPECT(empty.ok() && empty->empty(), "no documents, an empty batch");
}

void reproducible() {
  // 60 points on a spiral, clustered twice with one seed: the same clusters.
  std::vector<std::vector<float>> points;
  for (int i = 0; i < 60; ++i) {
    points.push_back({std::cos(i * 0.7f), std::sin(i * 0.7f), static_cast<float>(i % 7) / 7.0f});
  }
  DiversityOptions options;
  options.batchSize = 6;
  options.seed = 7;
  const auto a = kMeansClusters(points, options);
  const auto b = kMeansClusters(points, options);
  EXPECT(a.ok() && b.ok() && *a == *b, "one seed, the same clusters");
  if (a.ok()) {
    std::vector<int> sizes(6, 0);
    bool inRange = true;
    for (const int32_t c : *a) {
      inRange = inRange && c >= 0 && c < 6;
      if (inRange) ++sizes[c];
    }
    EXPECT(inRange, "6 clusters numbered 0..5");
    bool noneEmpty = inRange;
    for (const int s : sizes) noneEmpty = noneEmpty && s > 0;
    EXPECT(noneEmpty, "no cluster left empty");
  }
}

void diversityErrors() {
  DiversityOptions options;
  options.batchSize = 0;
  const auto zero = diverseBatch({{1, 0}}, {0.5}, options);
  EXPECT(!zero.ok() && zero.error().field == "batchSize", "batch size 0 is an error");
  options.batchSize = 2;
  const auto dims = diverseBatch({{1, 0}, {1, 0, 0}}, {0.5, 0.5}, options);
  EXPECT(!dims.ok() && dims.error().field == "embeddings", "embeddings of different dimensions");
  const auto infinite = kMeansClusters({{1, std::numeric_limits<float>::infinity()}}, options);
  EXPECT(!infinite.ok() && infinite.error().field == "embeddings", "an embedding that is not finite");
  const auto count = diverseBatch({{1, 0}, {0, 1}}, {0.5}, options);
  EXPECT(!count.ok() && count.error().field == "scores", "fewer scores than embeddings");
  const auto nan = diverseBatch({{1, 0}}, {std::numeric_limits<double>::quiet_NaN()}, options);
  EXPECT(!nan.ok() && nan.error().field == "scores", "a score that is not finite");
}

// ---------------------------------------------------------------- ConfidenceBands

void bands() {
  const auto made = ConfidenceBands::create(0.5, 0.9);
  EXPECT(made.ok(), "bands 0.5 / 0.9");
  if (!made.ok()) return;
  const ConfidenceBands& b = *made;
  EXPECT(b.bandOf(0.9) == ConfidenceBand::AutoAccept, "confidence == high: auto-accept");
  EXPECT(b.bandOf(1.0) == ConfidenceBand::AutoAccept, "1.0: auto-accept");
  EXPECT(b.bandOf(0.89) == ConfidenceBand::Review, "just under high: review");
  EXPECT(b.bandOf(0.5) == ConfidenceBand::Review, "confidence == low: review");
  EXPECT(b.bandOf(0.49) == ConfidenceBand::Escalate, "under low: escalate");
  EXPECT(b.bandOf(std::numeric_limits<double>::quiet_NaN()) == ConfidenceBand::Escalate, "NaN: escalate");
  const BandCounts c = b.count(std::vector<double>{0.95, 0.9, 0.7, 0.5, 0.2, 0.0});
  EXPECT(c.autoAccept == 2 && c.review == 2 && c.escalate == 2, "counting per band");
  std::vector<quarry::document::PredictedEntity> entities(3);
  entities[0].confidence = 0.99;
  entities[1].confidence = 0.6;
  entities[2].confidence = 0.6;
  const BandCounts e = b.count(entities);
  EXPECT(e.autoAccept == 1 && e.review == 2 && e.escalate == 0, "counting predicted entities");

  EXPECT(!ConfidenceBands::create(0.9, 0.5).ok(), "low above high is an error");
  EXPECT(!ConfidenceBands::create(-0.1, 0.5).ok(), "low under 0 is an error");
  EXPECT(!ConfidenceBands::create(0.5, 1.1).ok(), "high above 1 is an error");
  const auto flat = ConfidenceBands::create(0.7, 0.7);
  EXPECT(flat.ok() && flat->bandOf(0.7) == ConfidenceBand::AutoAccept &&
             flat->bandOf(0.69) == ConfidenceBand::Escalate,
         "low == high: no review band");
}

void thresholds() {
  // Sorted by confidence: precision of {c >= t} at each t, worked by hand:
  //   0.95 1/1  0.9 2/2  0.85 3/3  0.8 3/4  0.7 5/6  0.6 5/7  0.5 5/8  0.4 6/9  0.3 6/10
  const std::vector<ScoredPrediction> dev = {{0.7, true},  {0.95, true}, {0.3, false}, {0.85, true},
                                             {0.6, false}, {0.8, false}, {0.9, true},  {0.4, true},
                                             {0.7, true},  {0.5, false}};
  const PrecisionThreshold p80 = thresholdForPrecision(dev, 0.8);
  EXPECT(p80.found && p80.threshold == 0.7, "target 0.8: 0.7 (5/6), below the 0.8 that misses (3/4)");
  EXPECT(near(p80.precision, 5.0 / 6) && near(p80.coverage, 0.6) && p80.kept == 6 && p80.correct == 5 &&
             p80.total == 10,
         "target 0.8: precision 5/6, coverage 6/10");
  expectText(p80.message, "threshold 0.70 keeps 6 of 10 (coverage 0.60) at precision 0.83",
             "the threshold's message");
  const PrecisionThreshold p95 = thresholdForPrecision(dev, 0.95);
  EXPECT(p95.found && p95.threshold == 0.85 && p95.precision == 1.0 && near(p95.coverage, 0.3),
         "target 0.95: 0.85 (3/3), coverage 0.3");
  const PrecisionThreshold p60 = thresholdForPrecision(dev, 0.6);
  EXPECT(p60.found && p60.threshold == 0.3 && p60.coverage == 1.0,
         "target 0.6 reached exactly by all 10 (6/10)");
  const PrecisionThreshold p65 = thresholdForPrecision(dev, 0.65);
  EXPECT(p65.found && p65.threshold == 0.4 && near(p65.coverage, 0.9), "target 0.65: 0.4 (6/9)");

  // Ties: the three at 0.8 are kept or dropped together; two of them right cannot be kept without the wrong
  // one.
  const std::vector<ScoredPrediction> tied = {
      {0.9, true}, {0.8, true}, {0.8, false}, {0.8, true}, {0.7, false}};
  const PrecisionThreshold t90 = thresholdForPrecision(tied, 0.9);
  EXPECT(t90.found && t90.threshold == 0.9 && t90.kept == 1 && near(t90.coverage, 0.2),
         "ties: target 0.9 stays at 0.9 (0.8 keeps 3/4)");
  const PrecisionThreshold t75 = thresholdForPrecision(tied, 0.75);
  EXPECT(t75.found && t75.threshold == 0.8 && t75.kept == 4 && near(t75.precision, 0.75),
         "ties: target 0.75 takes all of 0.8 (3/4)");

  const PrecisionThreshold never = thresholdForPrecision({{0.9, false}, {0.5, true}, {0.4, false}}, 0.9);
  EXPECT(!never.found, "no threshold reaches the target");
  EXPECT(never.message.find("no threshold reaches precision 0.90") != std::string::npos,
         "and the result says so");
  EXPECT(!thresholdForPrecision({}, 0.9).found, "no dev predictions: nothing found");
  EXPECT(!thresholdForPrecision(dev, 0.0).found && !thresholdForPrecision(dev, 1.5).found,
         "targets outside (0, 1]");
  const PrecisionThreshold withNan =
      thresholdForPrecision({{std::numeric_limits<double>::quiet_NaN(), true}, {0.6, true}}, 0.9);
  EXPECT(withNan.found && withNan.threshold == 0.6 && withNan.kept == 1 && near(withNan.coverage, 0.5),
         "a NaN confidence is never kept but counts in the coverage");
}

// ---------------------------------------------------------------- GuidelineExamples, GazetteerSuggester

std::string spans(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += "<" + s + ">";
  return out;
}

void bracketParsing() {
  expectText(spans(bracketedSpans("adults with [type 2 diabetes mellitus] on stable therapy")),
             "<type 2 diabetes mellitus>", "one bracketed span");
  expectText(spans(bracketedSpans("[DKA] and [ hyperglycaemic  crisis ]")), "<DKA><hyperglycaemic  crisis>",
             "two spans, trimmed");
  expectText(spans(bracketedSpans("no brackets at all")), "", "text without brackets marks nothing");
  expectText(spans(bracketedSpans("[a [b] c]")), "<b>", "an open span restarts at '['");
  expectText(spans(bracketedSpans("stray ] here, [y] and [unclosed")), "<y>",
             "unmatched brackets mark nothing");
  expectText(spans(bracketedSpans("[] [   ] [é]")), "<é>", "empty spans are skipped");
}

// A gazetteer of (surface, type) occurrences, added in order.
GazetteerSuggester gazetteerOf(const std::vector<std::pair<std::string, std::string>>& labelled) {
  GazetteerSuggester g;
  for (const auto& [surface, type] : labelled) g.addSurface(surface, type);
  return g;
}

// "start-end type exact|folded confidence" per match.
std::string describe(const std::vector<GazetteerMatch>& matches) {
  std::string out;
  for (const GazetteerMatch& m : matches) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%s%d-%d %s %s %.3f", out.empty() ? "" : "; ", m.start, m.end,
                  m.type.c_str(), m.exactCase ? "exact" : "folded", m.confidence);
    out += buf;
  }
  return out;
}

void gazetteerMatching() {
  const GazetteerSuggester g = gazetteerOf({{"type 2 diabetes", "Disease"},
                                            {"diabetes", "Disease"},
                                            {"type 2 diabetes mellitus", "Disease"},
                                            {"DKA", "Disease"},
                                            {"cancer", "Disease"}});
  EXPECT(g.surfaceCount() == 5, "five surfaces");
  // Longest first: "type 2 diabetes mellitus" [12, 36) over the shorter ones inside it.
  expectText(describe(g.suggest("adults with type 2 diabetes mellitus and diabetes.")),
             "12-36 Disease exact 1.000; 41-49 Disease exact 1.000", "longest first");
  // Case folding: exact 1.0, folded 0.5 (share 1).
  expectText(describe(g.suggest("dka or DKA or Type 2 Diabetes")),
             "0-3 Disease folded 0.500; 7-10 Disease exact 1.000; 14-29 Disease folded 0.500",
             "case folding");
  // Word boundaries: not inside DKAX, xDKA, 2DKA, cancers; a hyphen or the text's end is a boundary.
  expectText(describe(g.suggest("DKAX xDKA 2DKA cancers DKA-related cancer")),
             "23-26 Disease exact 1.000; 35-41 Disease exact 1.000", "word boundaries");
  // Code point offsets: "é 🙂 DKA" is é, space, 🙂, space, then DKA at code point 4 (byte 8).
  expectText(describe(g.suggest("é 🙂 DKA")), "4-7 Disease exact 1.000", "code point offsets");
  // A letter (é) or a combining mark (U+0301) next to the match is no boundary.
  expectText(describe(g.suggest("éDKA DKA\u0301")), "", "letters and marks are word characters");
  // Whitespace runs count as one space.
  expectText(describe(g.suggest("type 2\n\n diabetes")), "0-17 Disease exact 1.000", "whitespace runs");
}

void gazetteerEqualLengthAndOverlaps() {
  const GazetteerSuggester g =
      gazetteerOf({{"alpha beta", "A"}, {"beta gamma", "B"}, {"beta gamma delta", "C"}, {"gamma", "D"}});
  // Equal length: leftmost. "alpha beta" [0, 10) wins over "beta gamma" [6, 16); "gamma" is inside the
  // latter.
  expectText(describe(g.suggest("alpha beta gamma")), "0-10 A exact 1.000; 11-16 D exact 1.000",
             "equal length: the leftmost");
  // A longer match wins even when it starts later.
  expectText(describe(g.suggest("alpha beta gamma delta")), "6-22 C exact 1.000", "the longer match wins");

  const GazetteerSuggester d =
      gazetteerOf({{"type 2 diabetes mellitus", "Disease"}, {"diabetes mellitus", "Disease"}});
  // The existing annotation on "type 2" drops the long match; the shorter one after it still comes.
  const std::string text = "type 2 diabetes mellitus";
  expectText(describe(d.suggest(text, {EntityMention(0, 6, "Other")})), "7-24 Disease exact 1.000",
             "matches overlapping an existing annotation are skipped");
  expectText(describe(d.suggest(text, {EntityMention(10, 11, "Other")})), "",
             "one shared code point overlaps");
  expectText(describe(d.suggest(text, {EntityMention(24, 30, "Other"), EntityMention(-3, 0, "Other")})),
             "0-24 Disease exact 1.000", "annotations touching the match do not overlap it");
}

void gazetteerVotes() {
  const GazetteerSuggester g = gazetteerOf({{"cold", "Symptom"},
                                            {"cold", "Disease"},
                                            {"cold", "Symptom"},
                                            {"MS", "Disease"},
                                            {"MS", "Drug"},
                                            {"Cold", "Disease"},
                                            {"Cold", "Disease"},
                                            {"Cold", "Disease"}});
  const std::vector<GazetteerMatch> m = g.suggest("cold, MS, COLD, Cold");
  // cold: Symptom 2 of 3 -> 0.5 + 0.5 * 2/3. MS: a tie, the first seen (Disease) -> 0.75.
  // COLD (folded): cold and Cold together, Disease 4 of 6 -> 0.5 * 4/6. Cold: Disease 3 of 3 -> 1.
  expectText(describe(m),
             "0-4 Symptom exact 0.833; 6-8 Disease exact 0.750; 10-14 Disease folded 0.333; 16-20 Disease "
             "exact 1.000",
             "type votes and confidence");
  EXPECT(
      m.size() == 4 && m[0].typeVotes == 2 && m[0].allVotes == 3 && m[2].typeVotes == 4 && m[2].allVotes == 6,
      "vote counts");

  // A folded tie goes to the type seen first over all the surfaces.
  const GazetteerSuggester tie = gazetteerOf({{"Ab", "X"}, {"aB", "Y"}});
  expectText(describe(tie.suggest("AB")), "0-2 X folded 0.250", "folded tie: the first seen");
  // B's first vote (on "aB") precedes A's, though "Ab", the surface made first, saw A before B: B wins.
  const GazetteerSuggester firstSeen =
      gazetteerOf({{"Ab", "C"}, {"aB", "B"}, {"Ab", "A"}, {"Ab", "B"}, {"Ab", "A"}});
  expectText(describe(firstSeen.suggest("AB")), "0-2 B folded 0.200",
             "folded tie: first seen over all surfaces");

  // Non-ASCII case folding keeps code point offsets; the surface is trimmed.
  const GazetteerSuggester n = gazetteerOf({{" Ñandú ", "Bird"}});
  expectText(describe(n.suggest("el ñandú y el Ñandú")), "3-8 Bird folded 0.500; 14-19 Bird exact 1.000",
             "non-ASCII case folding");

  const GazetteerSuggester junk = gazetteerOf({{"--", "X"}, {"   ", "X"}, {"word", ""}});
  EXPECT(junk.surfaceCount() == 0 && junk.suggest("-- word").empty(),
         "surfaces without letters or type are ignored");
}

void gazetteerSources() {
  GazetteerSuggester g;
  g.addGuidelineExample("adults with [type 2 diabetes mellitus] on stable therapy", "Disease");
  g.addGuidelineExample("no brackets in this one", "Disease");
  g.addGuidelineExample("[metformin] or [insulin]", "Drug");
  EXPECT(g.surfaceCount() == 3, "guideline examples: the bracketed spans only");

  // Labels by code points: the é before them shifts bytes, not code points.
  AnnotatedDocument doc("d1", "Café sells aspirin and ibuprofen.",
                        {EntityMention(11, 18, "Drug"), EntityMention(23, 32, "Drug"),
                         EntityMention(30, 99, "Bad"), EntityMention(5, 5, "Empty")});
  g.addDocument(doc);
  EXPECT(g.surfaceCount() == 5, "a document's mentions, those outside the text or empty skipped");
  expectText(
      describe(g.suggest("Ibuprofen with metformin; type 2 diabetes mellitus; aspirin")),
      "0-9 Drug folded 0.500; 15-24 Drug exact 1.000; 26-50 Disease exact 1.000; 52-59 Drug exact 1.000",
      "suggestions from guidelines and documents");
  EXPECT(GazetteerSuggester().suggest("anything").empty(), "an empty gazetteer suggests nothing");
}

}  // namespace

int main() {
  decisionScores();
  documentScores();
  ranking();
  twoClusters();
  fewPoints();
  reproducible();
  diversityErrors();
  bands();
  thresholds();
  bracketParsing();
  gazetteerMatching();
  gazetteerEqualLengthAndOverlaps();
  gazetteerVotes();
  gazetteerSources();
  if (quarry::test::g_failures) std::fprintf(stderr, "%d failure(s)\n", quarry::test::g_failures);
  std::printf("%s\n", quarry::test::g_failures == 0 ? "PASS" : "FAILED");
  return quarry::test::g_failures ? 1 : 0;
}
