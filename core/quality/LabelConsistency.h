#pragma once
// Inconsistent labels: the same text labelled differently in different places, the usual sign of an
// unclear guideline.
//
// Entities. A surface is a mention's text case-folded with whitespace collapsed (TextFingerprint.h
// surfaceKey). Each occurrence of a surface is labelled with the type it was annotated with, or "none"
// where the surface appears unannotated as a whole word (a repeat on word boundaries that overlaps no
// annotation, found as the gazetteer of core/suggest finds them) written as some annotated occurrence was,
// but for the case of its first letter: "Breast cancer" repeats "breast cancer", but "was" does not repeat
// the syndrome "WAS" nor "as" Angelman syndrome's "AS". The documents given are taken
// as annotated for every kind the corpus annotates at all: pass only the documents whose annotation is
// finished when others are still being labelled. A surface is inconsistent when its occurrences carry more than one label.
//
// Relations. A pair of argument surfaces (head, tail) is labelled at each place both are mentioned within
// one sentence: with the relation's type, the type followed by
// " (reversed)" when annotated tail to head, or "none". Concept-level relations (BC5CDR's chemical-induced
// disease pairs) are compared by concept ids the same way, per document: "none" where both concepts are
// mentioned and not related.
//
// Categories. Documents with identical word sequences are labelled with their set of categories (joined
// by " + ", "none" for no category).
//
// Each finding counts its labels and orders them most frequent first; its disagreement is the number of
// occurrences that do not carry the most frequent label, and findings are ordered by disagreement, then
// by occurrences (both descending), then by key.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "document/AnnotatedDocument.h"

namespace quarry::quality {

struct ConsistencyOptions {
  int minSurfaceLength = 2;  // surfaces of fewer code points (after folding) are not compared
  bool unannotated = true;   // count unannotated whole-word repeats as "none"
};

// Where a finding's text occurs, with the label it carries there.
struct LabelledOccurrence {
  int32_t document = 0;  // index of the input document
  int32_t start = 0;     // code points: the mention (entities), the head (relations), the document (categories)
  int32_t end = 0;
  int32_t tailStart = -1;  // relations: the tail mention; else -1
  int32_t tailEnd = -1;
  std::string label;       // type, "none", relation type, "T (reversed)", category set
};

struct ConsistencyFinding {
  enum class Kind { Entity, Relation, Category };
  Kind kind = Kind::Entity;
  std::string key;  // the surface; "head ⇄ tail" surfaces or concept ids; the folded text (categories)
  std::vector<std::pair<std::string, int64_t>> labels;  // label -> occurrences, most first
  std::vector<LabelledOccurrence> occurrences;          // in input order
  int64_t disagreement = 0;                             // occurrences not carrying labels[0].first

  // The labels other than "none" (types, relation types or categories involved), for their guidelines.
  std::vector<std::string> labelledTypes() const;
};

struct ConsistencyReport {
  std::vector<ConsistencyFinding> entities;
  std::vector<ConsistencyFinding> relations;
  std::vector<ConsistencyFinding> categories;
  int64_t surfacesCompared = 0;   // distinct entity surfaces
  int64_t pairsCompared = 0;      // distinct relation argument pairs (mention and concept level)
  int64_t textsCompared = 0;      // distinct document texts with another document of the same words
  // Entity findings with more than one annotated type (as opposed to annotated/unannotated only).
  int64_t typeConflicts = 0;
};

// "entity", "relation" or "category": how reports, the store's quality_decisions and the CLI name a kind.
const char* kindName(ConsistencyFinding::Kind kind);

ConsistencyReport checkConsistency(const std::vector<document::AnnotatedDocument>& documents,
                                   const ConsistencyOptions& options = {});

}  // namespace quarry::quality
