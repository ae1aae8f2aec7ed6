#pragma once
// Active learning's uncertainty of each predicted document (suggest/UncertaintyScores.h), as a prediction
// job gathers it per task and stores it: one prediction row per document of kind "uncertainty", which the
// suggestion views never read (they read "entity" rows), and jobs/ActiveLearningQueue.h ranks.
//
// The decisions per task:
//  - ner: one per word, its distribution over tags (CRF marginals or softmax, SentenceTags::distributions),
//    combined by Mean: the sequence entropy normalised by length. Least confidence and margin are the mean
//    over words too, so a long document is not ranked high by a single unsure word; Max is the alternative
//    (the most uncertain word decides), a matter of changing wordDecisions' aggregation.
//  - classify: single-label, one decision, the label distribution; multi-label, one binary decision
//    [p, 1 - p] per label, combined by Max.
//  - relation: one decision per candidate pair the model read, its distribution over no relation and the
//    types (a pair it nearly related counts as much as one it related), and [c, 1 - c] per document-level
//    relation; Max.
//  - qa: one binary decision [c, 1 - c] per question, c the best answer's confidence (no-answer verdicts
//    included: the rest of the mass goes to every other answer), Max.
// All before minConfidence drops any prediction: the model's doubt is in what it nearly left out too.

#include <QJsonObject>
#include <QString>
#include <cmath>
#include <vector>

#include "store/StoreTypes.h"
#include "suggest/UncertaintyScores.h"

namespace quarry::jobs {

// The kind of the prediction rows holding a document's uncertainty.
inline constexpr const char* kUncertaintyKind = "uncertainty";

// One document's decisions and how they combine into its score.
struct DocumentDecisions {
  std::vector<suggest::UncertainDecision> decisions;
  suggest::UncertaintyAggregation aggregation = suggest::UncertaintyAggregation::Max;
  // The document as the model reads it (train::TaskModel::documentEmbeddings, unit length), which the
  // diversity strategy clusters; empty when the model gives none.
  std::vector<float> embedding;
  // NER: ln P of the predicted tag sequences, summed over the document's sentences (MNLP's numerator,
  // suggest/BatchSelection.h); NaN for the other tasks.
  double sequenceLogProbability = std::nan("");
};

// NER: one decision of length 1 per word, Mean, and the tag sequences' log-probability (NaN: not known, MNLP
// then reads the words' top probabilities).
DocumentDecisions wordDecisions(std::vector<std::vector<float>> wordDistributions,
                                double sequenceLogProbability = std::nan(""));
// Classification: the label distribution (single-label), or [q, 1 - q] per label (multi-label); Max. q is
// the label's probability measured from its decision threshold (DocumentClassifier::thresholds, tuned on
// dev): 0..threshold maps linearly onto 0..0.5 and threshold..1 onto 0.5..1, so the most uncertain
// probability is the one the model decides at, not 0.5. No threshold for a label (or none given): 0.5.
DocumentDecisions labelDecisions(const std::vector<float>& probabilities, bool multiLabel,
                                 const std::vector<float>& thresholds = {});
// Relations and QA: [c, 1 - c] per confidence; Max.
DocumentDecisions confidenceDecisions(const std::vector<double>& confidences);

// The payload key (and queue strategy name) of each strategy: "least_confidence", "margin", "entropy".
QString strategyKey(suggest::UncertaintyStrategy strategy);

// A document's scores under every strategy as the store keeps them: kind "uncertainty", payload
// {least_confidence, margin, entropy, mnlp (0..1, higher = more uncertain; suggest/BatchSelection.h),
// decisions (how many), aggregation ("mean" or "max"), reason_least_confidence, reason_margin, reason_entropy,
// reason_mnlp, and when the model gave one
// embedding: its numbers, each rounded to 4 decimals}, confidence = 1 - entropy
// (how sure the model is by the default strategy, so sorting by confidence ascending ranks as entropy does).
Prediction uncertaintyPrediction(qint64 runId, qint64 documentId, const DocumentDecisions& document);

// The embedding an uncertainty row holds; empty when it holds none (or holds something else there).
std::vector<float> storedEmbedding(const QJsonObject& payload);

}  // namespace quarry::jobs
