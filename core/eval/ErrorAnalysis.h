#pragma once
// Where a model errs, for every task, in one shape a person reads (the workbench's error view, its HTML
// and CSV reports): per-type precision/recall/F1, a confusion matrix whose last row and column are
// "none" (no entity, no relation, no answer, no label), the count of each kind of error, and every error
// with the document, the gold and predicted spans and their context. Two analyses of the same documents
// compare error by error: what the second model fixed and what it broke.
//
// Per task (gold and predicted are first deduplicated):
//  - ner: eval/ErrorBreakdown.h's matching. Kinds wrong_type, wrong_boundary, wrong_type_and_boundary,
//    missed, spurious. Scores are strict (same start, end and type). The matrix counts matched pairs by
//    type (so a wrong boundary of the right type sits on the diagonal), missed gold in the "none" column
//    and spurious predictions in the "none" row.
//  - relation: eval/RelationMetrics.h's scores and errors between the gold mentions (or concepts). Kinds
//    wrong_type, wrong_direction, missed, spurious. The matrix counts argument pairs (unordered) by the
//    gold and predicted type of the pair.
//  - qa: per question, its first predicted answer against the gold answers. Kinds partial_overlap (shares
//    text with a gold answer, not exactly), wrong_answer (shares none), missed (no answer given where the
//    gold has one), spurious (an answer where the gold has none). Rows per QA field: gold = answerable
//    questions, predicted = questions answered, true positives = exact answers. The matrix is answer/none.
//  - classify: per document, its gold labels against the predicted ones. Kinds wrong_label (one gold and one
//    predicted label, different), missed (a gold label not predicted), spurious (a label predicted, not
//    gold). The matrix counts wrong_label as (gold, predicted), the rest against "none".

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "document/AnnotatedDocument.h"
#include "document/Predictions.h"
#include "document/RelationSchema.h"
#include "eval/EntityScores.h"

namespace quarry::eval {

// One mistake of a model.
struct AnalysedError {
  size_t document = 0;        // index into the analysed documents
  std::string documentId;     // document::AnnotatedDocument::id
  std::string kind;           // see above
  std::string goldType;       // entity or relation type, QA field, label; empty = none
  std::string predictedType;  // empty = none
  // Code point offsets of what the error is about in the document text; -1 when there is none (a label,
  // a missed or spurious side, a concept relation). Relations: from the head's start to the tail's end.
  int32_t goldStart = -1, goldEnd = -1;
  int32_t predictedStart = -1, predictedEnd = -1;
  std::string goldText;       // the gold span's text (relations "head → tail"; QA: the gold answers, " | ")
  std::string predictedText;  // the same for the prediction
  std::string item;           // QA: the question; relations: the argument keys; else empty
  std::string context;        // spanContext() around the gold side (the predicted side for spurious)
  double confidence = -1;     // the prediction's confidence; -1 when nothing was predicted

  // Identifies the same mistake in another analysis of the same documents (kind, document, both sides).
  std::string key() const;
};

struct ErrorAnalysis {
  std::string task;  // "ner", "relation", "qa", "classify"
  size_t documents = 0;
  std::vector<std::string> types;  // rows of perType, in order
  std::vector<EntityScores> perType;
  EntityScores micro;
  // confusion[g][p]: rows gold, columns predicted, over matrixLabels (types, then "none" last).
  std::vector<std::string> matrixLabels;
  std::vector<std::vector<int64_t>> confusion;
  std::vector<std::string> kinds;         // the task's error kinds, in the order to show them
  std::map<std::string, int64_t> counts;  // errors per kind (every kind of `kinds` present)
  std::vector<AnalysedError> errors;      // in document order, then text order

  int64_t errorCount() const { return static_cast<int64_t>(errors.size()); }
  nlohmann::json toJson() const;
};

// The error kinds' names as a person reads them ("wrong type", "partial overlap").
std::string errorKindTitle(const std::string& kind);

ErrorAnalysis analyseNerErrors(const std::vector<document::AnnotatedDocument>& gold,
                               const std::vector<document::DocumentPrediction>& predicted,
                               const std::vector<std::string>& types);
// `mentions[d]`: the entity list the relation model's head/tail indexes point into for document d (the gold
// entities when it read those). `specs`: the relation types with their direction (unknown types: directed).
ErrorAnalysis analyseRelationErrors(const std::vector<document::AnnotatedDocument>& gold,
                                    const std::vector<document::DocumentPrediction>& predicted,
                                    const std::vector<std::vector<document::EntityMention>>& mentions,
                                    const std::vector<document::RelationTypeSpec>& specs);
ErrorAnalysis analyseQaErrors(const std::vector<document::AnnotatedDocument>& gold,
                              const std::vector<document::DocumentPrediction>& predicted);
ErrorAnalysis analyseClassificationErrors(const std::vector<document::AnnotatedDocument>& gold,
                                          const std::vector<document::DocumentPrediction>& predicted,
                                          const std::vector<std::string>& labels);

// What changed from one analysis to another of the same documents: errors only the first has (fixed by the
// second model) and errors only the second has (broken), each in document order.
struct ErrorDifference {
  std::vector<AnalysedError> fixed;
  std::vector<AnalysedError> broken;
  size_t common = 0;  // errors both make
};
ErrorDifference compareErrors(const ErrorAnalysis& before, const ErrorAnalysis& after);

}  // namespace quarry::eval
