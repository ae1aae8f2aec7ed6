#pragma once
// What NER training cuts documents into: sentences of words (no database, no Qt). The documents
// themselves and the predicted entities are task-neutral (core/document).
//
// OFFSETS: every start/end counts Unicode code points of the document's UTF-8 `text`, end exclusive,
// as everywhere in Quarry (core/corpus/Document.h).

#include <cstdint>
#include <string>
#include <vector>

#include "document/AnnotatedDocument.h"
#include "text/Encoding.h"

namespace quarry::train {

// One sentence cut into words, the unit both model kinds are trained on. Words are the units labels
// are assigned to (the first sub-token of a word carries the word's label).
struct SentenceExample {
  int32_t document = 0;                  // index into the document::AnnotatedDocument list it came from
  text::Span span;                       // the sentence, code points into the document text
  std::vector<std::string> words;        // each word's text (UTF-8)
  std::vector<text::Span> wordSpans;     // each word, code points into the DOCUMENT text
  std::vector<int32_t> tags;             // a TagSet id per word; empty when unlabelled
};

// A gold span that cannot be expressed on word (or sub-token) boundaries. It is reported, never dropped
// silently: training sees it widened to the nearest boundaries only when the policy says so.
struct MisalignedSpan {
  int32_t document = 0;        // index into the document::AnnotatedDocument list
  std::string documentId;      // document::AnnotatedDocument::id
  document::EntityMention mention;       // as annotated
  text::Span nearest;          // the smallest word-aligned span covering it (code points)
  std::string reason;          // "starts inside word 'APC2-related'", "crosses a sentence boundary", ...
};

}  // namespace quarry::train
