#pragma once
// What the NER engine takes and gives: plain documents with entity mentions (no database, no Qt).
//
// OFFSETS: every start/end counts Unicode code points of the document's UTF-8 `text`, end exclusive,
// as everywhere in Quarry (core/corpus/Document.h).

#include <cstdint>
#include <string>
#include <vector>

#include "text/Encoding.h"

namespace quarry::train {

// One annotated entity: a contiguous span of a document's text with its type.
struct EntityMention {
  int32_t start = 0;  // first code point
  int32_t end = 0;    // one past the last code point
  std::string type;   // entity type name ("Disease")
  bool operator==(const EntityMention& o) const { return start == o.start && end == o.end && type == o.type; }
};

// A document as the engine sees it.
struct NerDocument {
  std::string id;                        // stable name used in reports ("ncbi-train-12", a store row id)
  std::string text;                      // UTF-8
  std::vector<EntityMention> entities;   // gold mentions; empty for unlabelled text
};

// A predicted entity with the model's confidence in it.
struct PredictedEntity {
  int32_t start = 0;        // code points into the document text
  int32_t end = 0;
  std::string type;
  double confidence = 0.0;  // 0..1, see NerPredictor for how it is computed
};

// One sentence cut into words, the unit both model kinds are trained on. Words are the units labels
// are assigned to (the first sub-token of a word carries the word's label).
struct SentenceExample {
  int32_t document = 0;                  // index into the NerDocument list it came from
  text::Span span;                       // the sentence, code points into the document text
  std::vector<std::string> words;        // each word's text (UTF-8)
  std::vector<text::Span> wordSpans;     // each word, code points into the DOCUMENT text
  std::vector<int32_t> tags;             // a TagSet id per word; empty when unlabelled
};

// A gold span that cannot be expressed on word (or sub-token) boundaries. It is reported, never dropped
// silently: training sees it widened to the nearest boundaries only when the policy says so.
struct MisalignedSpan {
  int32_t document = 0;        // index into the NerDocument list
  std::string documentId;      // NerDocument::id
  EntityMention mention;       // as annotated
  text::Span nearest;          // the smallest word-aligned span covering it (code points)
  std::string reason;          // "starts inside word 'APC2-related'", "crosses a sentence boundary", ...
};

}  // namespace quarry::train
