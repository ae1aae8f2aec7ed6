#pragma once
// Running a tagger over documents: predicted spans per document, and the scores against the gold
// mentions — the word-tag level report identical to seqeval/conlleval (what early stopping uses) and
// the strict character-span report (what the workbench shows), with an error breakdown.

#include <vector>

#include "eval/EntityMetrics.h"
#include "eval/ErrorBreakdown.h"
#include "train/ner/NerDataBuilder.h"
#include "train/ner/NerTagger.h"

namespace quarry::train {

struct NerEvaluation {
  eval::EntityReport tagReport;   // seqeval over the words of every sentence (gold tags as trained on)
  eval::EntityReport spanReport;  // strict (start, end, type) against the documents' own mentions
  eval::ErrorBreakdown errors;    // filled when asked for
  std::vector<std::vector<document::PredictedEntity>> predicted;  // per document
  size_t sentences = 0;
  double seconds = 0;             // prediction time
};

// Predicted spans of every document of `data` (built from `documents`).
std::vector<std::vector<document::PredictedEntity>> predictSpans(NerTagger& tagger, const NerData& data, size_t documentCount,
                                                       int batchSize);
// One document's tag distributions for active learning: every word's distribution over tags
// (SentenceTags::distributions), its sentences' words in order, and the sum over its sentences of the
// predicted tag sequence's log-probability (SentenceTags::logProbability).
struct DocumentTagDistributions {
  std::vector<std::vector<float>> words;
  double logProbability = 0;
};
// The same, and per document its tag distributions into `distributions` (resized to documentCount).
std::vector<std::vector<document::PredictedEntity>> predictSpans(
    NerTagger& tagger, const NerData& data, size_t documentCount, int batchSize,
    std::vector<DocumentTagDistributions>& distributions);

// Scores `tagger` on labelled data. `withErrors` fills the error breakdown (slower on big sets).
NerEvaluation evaluateTagger(NerTagger& tagger, const std::vector<document::AnnotatedDocument>& documents, const NerData& data,
                             int batchSize, bool withErrors);

// The seqeval report of predicted tags (one SentenceTags per sentence) against the sentences' own tags.
eval::EntityReport scoreSentenceTags(const TagSet& tags, const std::vector<SentenceExample>& sentences,
                                     const std::vector<SentenceTags>& predicted);

// Tag names per sentence (for seqeval scoring); unlabelled sentences give all "O".
std::vector<std::vector<std::string>> tagNames(const TagSet& tags, const std::vector<SentenceExample>& sentences);

}  // namespace quarry::train
