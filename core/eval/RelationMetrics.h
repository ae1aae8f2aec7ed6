#pragma once
// Relation extraction scores: precision, recall and F1 per relation type, micro and macro over the types,
// and the list of errors (missed, spurious, wrong type, wrong direction).
//
// A relation is a (document, head argument, tail argument, type) tuple. An argument is whatever the caller
// scores on: a mention ("12-18:Chemical", span and entity type, so that with predicted entities a relation
// is right only when both entities are) or a concept id ("D003920", document-level relations as BC5CDR
// scores them). A predicted relation is right when the gold has the same tuple; for a type without a
// direction (directed = false) the two arguments may come in either order. Duplicates count once.
//
// Errors, for reading what the model gets wrong: a wrong prediction whose argument pair the gold relates
// with another type is "wrong-type", with the same type the other way round "wrong-direction", otherwise
// "spurious"; a gold relation whose argument pair nothing predicted is "missed" (one predicted with a
// wrong type or direction is listed once, as that).

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "eval/EntityScores.h"

namespace quarry::eval {

struct RelationInstance {
  std::string document;
  std::string head;  // argument key (mention "start-end:Type" or concept id)
  std::string tail;
  std::string type;
  bool directed = true;
  std::string headText;  // for error lists only
  std::string tailText;
};

struct RelationError {
  std::string kind;  // "missed", "spurious", "wrong-type", "wrong-direction"
  std::string document;
  std::string head, tail;            // as gold has them (missed, wrong-*) or as predicted (spurious)
  std::string headText, tailText;
  std::string goldType;              // empty for spurious
  std::string predictedType;         // empty for missed
};

struct RelationReport {
  std::vector<std::string> types;       // in the order of perType: the given types, then any other seen
  std::vector<EntityScores> perType;    // tp, predicted, support and ratios per type
  EntityScores micro;                   // counts summed over the types
  EntityScores macro;                   // unweighted mean of the per-type ratios over the types with gold
                                        // or predicted relations
  std::vector<RelationError> errors;    // in document order
  int64_t errorCount(const std::string& kind) const;
  nlohmann::json toJson(size_t maxErrors = 50) const;
  std::string formatTable(int digits = 4) const;
  // The first `count` errors, one per line, for `evaluate --errors N`.
  std::string formatErrors(size_t count) const;
};

// `types`: the relation types to report on, in order (others seen are appended).
RelationReport scoreRelations(const std::vector<std::string>& types, const std::vector<RelationInstance>& gold,
                              const std::vector<RelationInstance>& predicted);

}  // namespace quarry::eval
