#pragma once
// Uncertainty sampling for active learning: how unsure a model is about a document, from the probability
// distributions of the decisions it made there (a token's tag, a document's label, a relation's type), so
// the documents it is least sure of are annotated next.
//
// Per decision, with p1 >= p2 the two largest probabilities of a distribution over K choices:
//   least confidence  1 - p1
//   margin            1 - (p1 - p2)          (p2 = 0 when K = 1)
//   entropy           -sum p ln p / ln K      (0 when K <= 1; terms with p <= 0 add nothing)
// Every score lies in 0..1, 1 the most uncertain; results are clamped to 0..1, since distributions only
// sum to about 1. Distributions are not renormalised.
//
// Per document:
//   Max   the largest decision score (its first decision on ties)
//   Mean  sum_i length_i * score_i / sum_i length_i: with one decision per token, the mean over tokens,
//         i.e. NER's sequence entropy normalised by length (sum over tokens / tokens); with length 1 per
//         decision, the plain mean over decisions.
// A document without decisions (or whose lengths sum to 0 under Mean) scores 0: the model decided nothing
// there, so there is nothing it is unsure of; such documents rank last.

#include <cstdint>
#include <string>
#include <vector>

namespace quarry::suggest {

enum class UncertaintyStrategy { LeastConfidence, Margin, Entropy };
enum class UncertaintyAggregation { Max, Mean };

// One decision of the model in a document.
struct UncertainDecision {
  std::vector<double> probabilities;  // one per choice, summing to about 1
  double length = 1.0;                // its weight under Mean: the tokens it covers (NER: 1 per token)
};

struct UncertaintyOptions {
  UncertaintyStrategy strategy = UncertaintyStrategy::Entropy;        // the per-decision score
  UncertaintyAggregation aggregation = UncertaintyAggregation::Mean;  // how a document's decisions combine
};

// A document's score and why.
struct DocumentUncertainty {
  double score = 0.0;              // 0..1, higher = more uncertain
  int32_t decision = -1;           // index of the decision that drove it: the most uncertain one (first on
                                   // ties); -1 when the document has no decisions
  double decisionScore = 0.0;      // that decision's own score
  double topProbability = 0.0;     // its p1
  double secondProbability = 0.0;  // its p2
  std::string reason;  // for the review queue: "decision 3: entropy 0.97 (top p=0.41, margin 0.03)",
                       // "mean entropy 0.31 over length 12; decision 3: entropy 0.97 (...)",
                       // "no decisions"
};

// One decision's score under `strategy`.
double decisionUncertainty(const std::vector<double>& probabilities, UncertaintyStrategy strategy);

// A document's score from its decisions.
DocumentUncertainty documentUncertainty(const std::vector<UncertainDecision>& decisions,
                                        const UncertaintyOptions& options);

// Indexes of the documents, most uncertain first; equal scores keep document order (a stable sort). NaN
// scores rank last.
std::vector<int32_t> rankByUncertainty(const std::vector<double>& scores);
std::vector<int32_t> rankByUncertainty(const std::vector<DocumentUncertainty>& documents);

}  // namespace quarry::suggest
