#pragma once
// Drift: do new documents still look like the data a model was trained on? A model silently degrades on
// text unlike its training data; this compares the incoming documents with the training set, with the
// model's held-out (dev) documents as the yardstick of what "like the training data" means.
//
// Features, each as a distribution compared by the population stability index
//   PSI = Σ_bins (a − e) · ln(a / e)   (e: expected shares, a: actual shares)
// on counts smoothed by half a count per bin (Jeffreys), so that an empty bin of a small sample does not
// weigh ln(1e-4) (eight documents leave most of ten bins empty).
// which reads < 0.1 stable, 0.1–0.25 a moderate shift, > 0.25 a major one (the credit-scoring convention).
// A moderate shift is already worth annotating for, so 0.1 is the default threshold. Features:
//   length      words per document, in bins at the training set's deciles (and its range); expected = training.
//   unknown     words unknown to the training vocabulary (case-folded) against known ones; expected = dev
//               (the training set knows all its own words).
//   subtokens   the model tokenizer's unknown token against its other pieces (transformers; none for
//               models without a sub-word vocabulary); expected = training.
//   labels      the model's predicted labels (entity types, categories, relation types, "(answer)") plus
//               one "(none)" per document it predicts nothing for; expected = its predictions on dev.
//   confidence  the model's confidence in each decision (a word's tag, a label, a relation, an answer), in
//               ten bins of 0.1; expected = dev.
//   embedding   each document's cosine distance to the training set's mean embedding (the model's own
//               document embedding), in bins at the training set's deciles; expected = training.
// Each feature is scored for dev too, so the report shows what shift the model's own held-out data has.
// Small samples make PSI noisy: two samples of one distribution, n and m values in k bins, have an expected
// PSI of about (k − 1)(1/n + 1/m) (PSI is a symmetric divergence; twice its estimate is near χ²). Drift is
// flagged when a feature's incoming PSI exceeds the threshold by more than that noise, so 60 documents like
// the training data do not raise a flag that 6,000 unlike them would.
//
// Low confidence: a document whose mean decision confidence is below the dev documents' 10th percentile;
// about 10% of dev-like documents are. The documents to annotate next are the incoming ones least like
// the training data: ranked by the sum of their z-scores (against dev) of embedding distance, unknown-word
// rate and (1 − mean confidence).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quarry::quality {

// One document as a profile sees it.
struct ProfiledDocument {
  std::string_view text;
  std::vector<std::string> labels;  // training: gold labels; dev and incoming: the model's predictions
  std::vector<double> confidences;  // the model's confidence per decision (dev and incoming)
  std::vector<float> embedding;     // the model's document embedding; empty when it gives none
  int64_t subtokens = 0;            // the model tokenizer's pieces of the text (0: not measured)
  int64_t unknownSubtokens = 0;     // of them, the unknown token
};

struct DriftOptions {
  double psiThreshold = 0.1;    // a moderate shift or more
  double lowConfidencePercentile = 0.1;  // of dev documents' mean confidence
  int annotateNext = 20;                 // incoming documents to suggest
};

struct FeatureDrift {
  std::string feature;        // "length", "unknown", "subtokens", "labels", "confidence", "embedding"
  std::string measure;        // what reference/dev/incoming hold ("mean words", "unknown word rate", ...)
  double training = 0.0;      // the measure on the training documents (where it has one; else NaN)
  double dev = 0.0;
  double incoming = 0.0;
  double devPsi = 0.0;        // dev against the expected distribution
  double incomingPsi = 0.0;   // incoming against it
  double noise = 0.0;         // the PSI expected of incoming without any shift, from the sample sizes
  bool flagged = false;       // incomingPsi - noise > threshold
  bool available = true;      // false: the model gives no such figure (no embedding, no confidence)
  bool major = false;         // incomingPsi - noise > 0.25 as well
};

struct DocumentDrift {
  int32_t document = 0;  // index into the incoming documents
  double meanConfidence = 0.0;
  double embeddingDistance = 0.0;
  double unknownWordRate = 0.0;
  double score = 0.0;     // the sum of z-scores; higher = less like the training data
  bool lowConfidence = false;
};

struct DriftReport {
  std::vector<FeatureDrift> features;
  bool drift = false;                  // some feature flagged
  double lowConfidenceThreshold = 0.0;  // dev's percentile of mean confidence
  double lowConfidenceDev = 0.0;        // share of dev documents below it
  double lowConfidenceIncoming = 0.0;   // share of incoming documents below it
  int64_t trainingDocuments = 0, devDocuments = 0, incomingDocuments = 0;
  std::vector<DocumentDrift> annotateNext;  // most unlike the training data first
};

DriftReport checkDrift(const std::vector<ProfiledDocument>& training, const std::vector<ProfiledDocument>& dev,
                       const std::vector<ProfiledDocument>& incoming, const DriftOptions& options = {});

// The population stability index of `actual` against `expected` (shares, or counts: both are normalised),
// each share floored at 1e-4.
double populationStabilityIndex(const std::vector<double>& expected, const std::vector<double>& actual);
// The same on counts with half a count added to every bin of both (what checkDrift scores).
double smoothedStabilityIndex(std::vector<double> expectedCounts, std::vector<double> actualCounts);

// Counts of `values` in the bins of binShares.
std::vector<double> binCounts(const std::vector<double>& values, const std::vector<double>& edges);

// Shares of `values` in the bins cut at `edges` (ascending): bin k holds edges[k-1] <= v < edges[k]; the
// first bin everything below edges[0], the last everything from edges.back() on.
std::vector<double> binShares(const std::vector<double>& values, const std::vector<double>& edges);

// Bin edges for binShares: the smallest value, the distinct deciles above it (10th..90th percentiles, nearest
// rank) and the least double above the largest value, so that values outside the reference's range fall in
// bins of their own (a constant reference still has a "longer" and a "shorter" bin).
std::vector<double> decileEdges(std::vector<double> values);

}  // namespace quarry::quality
