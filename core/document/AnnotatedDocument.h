#pragma once
// What the engine takes, for every task: a plain annotated document (no database, no Qt, no torch).
// core/jobs builds these from store rows; the formats' corpora and the benches build them from files.
//
// OFFSETS: every start/end counts Unicode code points of the document's UTF-8 `text`, end exclusive,
// as everywhere in Quarry (core/corpus/Document.h).

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace quarry::document {

// One annotated entity: a contiguous span of a document's text with its type.
struct EntityMention {
  EntityMention() = default;
  EntityMention(int32_t s, int32_t e, std::string t, std::string concept = {})
      : start(s), end(e), type(std::move(t)), conceptId(std::move(concept)) {}

  int32_t start = 0;      // first code point
  int32_t end = 0;        // one past the last code point
  std::string type;       // entity type name ("Disease")
  std::string conceptId;  // normalised identifier when annotated ("MESH:D003920"); document-level
                          // relations (BC5CDR CID) are scored on these. Not part of equality.
  bool operator==(const EntityMention& o) const { return start == o.start && end == o.end && type == o.type; }
};

// A relation between two mentions of the same document, by their index in `entities`.
struct RelationMention {
  int32_t head = 0;   // index into AnnotatedDocument::entities (Arg1)
  int32_t tail = 0;   // index into AnnotatedDocument::entities (Arg2)
  std::string type;   // relation type name ("CID", "Cause-Effect"); direction is head -> tail
  bool operator==(const RelationMention& o) const { return head == o.head && tail == o.tail && type == o.type; }
};

// A relation between two concepts anywhere in the document (BC5CDR's chemical-induced disease pairs),
// by EntityMention::conceptId.
struct ConceptRelation {
  std::string headConcept;
  std::string tailConcept;
  std::string type;
  bool operator==(const ConceptRelation& o) const {
    return headConcept == o.headConcept && tailConcept == o.tailConcept && type == o.type;
  }
};

// An answer span of a question.
struct AnswerSpan {
  int32_t start = 0;
  int32_t end = 0;
  bool operator==(const AnswerSpan& o) const { return start == o.start && end == o.end; }
};

// One question asked of the document with its gold answers. No answers = the text does not answer it
// (SQuAD 2.0's impossible questions); several = every place the answer occurs (or several annotators'
// answers, scored by the maximum over them as SQuAD does).
struct QuestionAnswers {
  std::string id;        // stable question id ("56be4db0acb8001400a502ec", "EFFECTIVE_DATE#2")
  std::string field;     // the project's QA field the question phrases; may be empty
  std::string question;  // UTF-8
  std::vector<AnswerSpan> answers;
};

// A document as the engine sees it. A task reads what it needs and ignores the rest.
struct AnnotatedDocument {
  AnnotatedDocument() = default;
  AnnotatedDocument(std::string documentId, std::string documentText, std::vector<EntityMention> mentions = {})
      : id(std::move(documentId)), text(std::move(documentText)), entities(std::move(mentions)) {}

  std::string id;                          // stable name used in reports ("ncbi-train-12", a store row id)
  std::string text;                        // UTF-8
  std::vector<EntityMention> entities;     // gold mentions; empty for unlabelled text
  std::vector<RelationMention> relations;  // between entities
  std::vector<ConceptRelation> conceptRelations;
  std::vector<QuestionAnswers> questions;
  std::vector<std::string> labels;         // document categories (one for single-label tasks)
};

}  // namespace quarry::document
