#pragma once
// From plain documents to what taggers are trained on: sentences cut into words with a tag per word.
// Gold spans that flat word tags cannot hold (misaligned, overlapping, outside the text) are reported,
// never dropped silently.

#include <string>
#include <vector>

#include "text/SentenceSplitter.h"
#include "train/ner/NerExample.h"
#include "train/ner/TagSet.h"

namespace quarry::train {

struct NerDataOptions {
  TagEncoding encoding = TagEncoding::IOB2;  // tag scheme of SentenceExample::tags
  bool splitSentences = true;                // split documents into sentences (false: one sentence each)
  text::SentenceSplitOptions sentenceRules;  // how sentences are split, when splitSentences
  bool widenMisaligned = true;               // misaligned mention: widen to words (true) or drop; reported
  int maxSentenceWords = 0;                  // 0 = no limit, else cut longer sentences outside entities
};

struct NerData {
  TagSet tags;                             // the tag vocabulary SentenceExample::tags index
  std::vector<SentenceExample> sentences;  // in document order, then text order
  std::vector<MisalignedSpan> misaligned;  // every gold mention not trained as annotated, with why
  int overlapping = 0;                     // of those, mentions dropped for overlapping a kept one
  std::vector<std::string> warnings;       // other things a person should know (ignored types, long entities)
};

// Builds tagged sentences. Per document:
//  - words come from text::splitWords over the whole text;
//  - a mention whose offsets are outside the text, empty, or on whitespace only is reported and dropped;
//  - a mention whose start or end is not a word boundary is reported (nearest = the smallest word-aligned
//    span covering it, reason e.g. "starts inside the word 'APC2related'") and widened to that span or
//    dropped per widenMisaligned;
//  - of overlapping or nested mentions (after widening) the longer is kept (ties: the one starting first,
//    then the one listed first), the other reported with reason "overlaps ..." and counted in `overlapping`;
//  - sentences come from text::splitSentences with the kept mentions protected, so none is cut; with
//    maxSentenceWords, longer sentences are cut at word boundaries outside entities (an entity longer
//    than the limit stays whole and is warned about).
// entityTypes: the tag set's types; empty = every type seen in the documents. Mentions of other types are
// ignored with a warning. Sentences without words are dropped. The result depends only on the input.
NerData buildNerData(const std::vector<document::AnnotatedDocument>& docs, const std::vector<std::string>& entityTypes,
                     const NerDataOptions& options);

// Sentences for prediction: the same sentences and words, no tags (mentions, when present, are only
// protected from sentence cuts).
std::vector<SentenceExample> buildUnlabelledSentences(const std::vector<document::AnnotatedDocument>& docs,
                                                      const NerDataOptions& options);

}  // namespace quarry::train
