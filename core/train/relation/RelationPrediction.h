#pragma once
// Running a relation model over documents and scoring what it predicts.
//
// Mention level: a candidate's class is the most probable one, or with a threshold t > 0 its most probable
// relation class when that class's probability reaches t. Concept level (document-level relations): a
// candidate's evidence for class c is its log-odds log p(c) - log p(none); a concept pair's score is the
// maximum (or log-sum-exp) of that evidence over its candidates, and the pair is related when
// sigmoid(score) reaches t (0.5 when t = 0).
//
// Scores: relations as eval::RelationMetrics counts them, arguments as mentions ("start-end:Type": with a
// NER model's mentions a relation is right only when both entities are) or concept ids; with gold mentions
// and the SemEval-2010 Task 8 types, also the official macro-F1 over the candidates.

#include <string>
#include <vector>

#include "document/AnnotatedDocument.h"
#include "document/Predictions.h"
#include "eval/RelationMetrics.h"
#include "eval/SemEvalScore.h"
#include "train/MetricReport.h"
#include "train/relation/RelationModel.h"

namespace quarry::train {

struct RelationRun {
  std::vector<RelationCandidate> candidates;          // the pairs read (types the model knows)
  std::vector<std::vector<float>> probabilities;      // per candidate, per class
  std::vector<std::vector<document::PredictedRelation>> relations;  // per document (mention level)
  std::vector<std::vector<document::PredictedConceptRelation>> conceptRelations;  // per document (concept level)
  double seconds = 0;
};

// The candidates of `documents` over `mentions` (gold mentions: labelled) that `model` can read.
std::vector<RelationCandidate> modelCandidates(const RelationModel& model,
                                               const std::vector<document::AnnotatedDocument>& documents,
                                               const std::vector<std::vector<document::EntityMention>>& mentions,
                                               bool labelled);

// Fills run.relations / run.conceptRelations from run.candidates and run.probabilities.
void decideRelations(const RelationModel& model, const std::vector<std::vector<document::EntityMention>>& mentions,
                     size_t documentCount, RelationRun& run);

// Pairs, reads and decides: the whole prediction.
RelationRun runRelationModel(RelationModel& model, const std::vector<document::AnnotatedDocument>& documents,
                             const std::vector<std::vector<document::EntityMention>>& mentions, bool labelled,
                             int batchSize);

// "micro", "macro" or "semeval" for a metric option ("auto": semeval when the types are SemEval-2010 Task 8's).
std::string relationMetricFor(const std::string& option, const RelationClasses& classes, bool conceptLevel);

// The report of a run against the documents' gold relations. `goldMentions`: whether `mentions` are the
// documents' own entities (then the SemEval score over the candidates is possible).
MetricReport relationMetricReport(const RelationModel& model, const std::vector<document::AnnotatedDocument>& documents,
                                  const std::vector<std::vector<document::EntityMention>>& mentions,
                                  const RelationRun& run, const std::string& metric, bool goldMentions);

// A mention as an argument key: "start-end:Type".
std::string mentionKey(const document::EntityMention& m);

}  // namespace quarry::train
