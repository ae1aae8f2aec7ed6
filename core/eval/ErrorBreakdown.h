#pragma once
// What kind of mistakes a tagger makes, per entity type, with examples in their context.
//
// MATCHING, per document (gold and predictions are first deduplicated on (start, end, type) and sorted
// by start, end, type; a prediction listed twice keeps its first confidence):
//  1. correct: a prediction with the gold mention's start, end and type.
//  2. wrong boundary: among the remaining, gold and prediction of the same type that overlap (share at
//     least one code point). Pairs are taken by largest overlap first (ties: earlier gold, then
//     earlier prediction); each gold and each prediction is used once.
//  3. wrong type (same start and end) or wrong type and boundary: among what is still left,
//     overlapping pairs of different types, taken by largest overlap first, same boundaries before
//     others at equal overlap, then earlier gold, earlier prediction.
//  4. missed: a gold mention left without a prediction (it overlaps none, or only predictions already
//     matched to other gold). spurious: a prediction left without gold.
// So every gold mention is exactly one of correct, wrong type, wrong boundary, wrong type and
// boundary, or missed; and every prediction is either matched to one gold mention or spurious.
// Counts go to the gold mention's type, or the prediction's type for spurious ones.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "document/AnnotatedDocument.h"
#include "document/Predictions.h"

namespace quarry::eval {

// The `kind` of an ErrorExample.
inline constexpr const char* kWrongType = "wrong_type";
inline constexpr const char* kWrongBoundary = "wrong_boundary";
inline constexpr const char* kWrongTypeAndBoundary = "wrong_type_and_boundary";
inline constexpr const char* kMissed = "missed";
inline constexpr const char* kSpurious = "spurious";

struct ErrorCounts {
  int64_t correct = 0;               // same start, end and type
  int64_t wrongType = 0;             // same start and end, other type
  int64_t wrongBoundary = 0;         // same type, overlapping, other start or end
  int64_t wrongTypeAndBoundary = 0;  // overlapping, other type and other start or end
  int64_t missed = 0;                // gold left without a prediction
  int64_t spurious = 0;              // prediction left without gold

  int64_t gold() const { return correct + wrongType + wrongBoundary + wrongTypeAndBoundary + missed; }
  nlohmann::json toJson() const;
};

struct ErrorExample {
  std::string documentId;                         // document::AnnotatedDocument::id
  std::string kind;                               // kWrongType, kWrongBoundary, ... (never "correct")
  std::optional<document::EntityMention> gold;       // absent for spurious
  std::optional<document::EntityMention> predicted;  // absent for missed
  double confidence = -1;                         // the prediction's confidence; -1 for missed
  std::string context;  // spanContext() of the gold mention (of the prediction for spurious), ±40 code points
};

struct ErrorBreakdown {
  std::map<std::string, ErrorCounts> perType;                 // by type name
  ErrorCounts total;                                          // summed over types
  std::map<std::string, std::vector<ErrorExample>> examples;  // by kind; document order, then text order

  // {"per_type": {type: counts}, "total": counts, "examples": {kind: [example, ...]}}
  nlohmann::json toJson() const;
  // One row per type and a total row: correct, wrong type, wrong boundary, both, missed, spurious.
  std::string formatTable() const;
};

// Compares each document's predictions with its gold entities (see MATCHING above) and keeps at most
// maxExamplesPerKind examples of each kind (the first ones in document order).
// Throws std::invalid_argument when the two lists differ in length (a programming error).
ErrorBreakdown analyzeErrors(const std::vector<document::AnnotatedDocument>& goldDocs,
                             const std::vector<std::vector<document::PredictedEntity>>& predicted,
                             size_t maxExamplesPerKind = 20);

}  // namespace quarry::eval
