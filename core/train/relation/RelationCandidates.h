#pragma once
// The pairs of entity mentions a relation model classifies. A document's mentions (the gold ones when
// training and scoring with gold entities, a NER model's predictions in the end-to-end pipeline) are paired
// in text order (first, second) when
//   - they do not overlap,
//   - some relation type allows their entity types (in either order), and
//   - they lie in the same sentence or at most `windowSentences` sentences apart (< 0: anywhere).
// Each candidate's context is the text of the sentences from the first mention's to the second's.
//
// Labels (gold mentions only): a relation of the document between the two mentions gives its class (with
// the direction, see RelationClasses), none gives class 0. Document-level relations (conceptLevel) label
// a pair by the concept ids of its mentions instead: the pair is positive when some concept of the first
// and some concept of the second ('|' separates several) are related in AnnotatedDocument::conceptRelations.

#include <cstdint>
#include <string>
#include <vector>

#include "document/AnnotatedDocument.h"
#include "train/relation/RelationClasses.h"

namespace quarry::train {

struct RelationCandidateOptions {
  int windowSentences = 0;    // 0: same sentence; n: up to n sentences apart; < 0: the whole document
  bool conceptLevel = false;  // labels from conceptRelations (document-level relations)
};

struct RelationCandidate {
  int32_t document = 0;       // index into the documents
  int32_t first = 0;          // index into the document's mention list; starts before `second`
  int32_t second = 0;
  int32_t label = 0;          // class id (0 = no relation); 0 for unlabelled candidates
  int32_t contextStart = 0;   // code points of the document text: the sentences holding both mentions
  int32_t contextEnd = 0;
};

// The code point ranges a model reads for a candidate: context before the first mention, the first
// mention, between them, the second mention, after it.
struct CandidateSegments {
  int32_t start[5];
  int32_t end[5];
};
CandidateSegments segmentsOf(const RelationCandidate& c, const std::vector<document::EntityMention>& mentions);

// Candidates of every document over `mentions[d]` (the same length as `documents`), labelled from the
// documents' relations when `labelled` (then mentions[d] must be documents[d].entities).
std::vector<RelationCandidate> relationCandidates(const std::vector<document::AnnotatedDocument>& documents,
                                                  const std::vector<std::vector<document::EntityMention>>& mentions,
                                                  const RelationClasses& classes,
                                                  const RelationCandidateOptions& options, bool labelled);

// Keeps every positive and at most ratio x positives negatives, drawn with `seed` (ratio <= 0: all).
std::vector<RelationCandidate> sampleNegatives(std::vector<RelationCandidate> candidates, double ratio, uint64_t seed);

// The concept ids of a mention ("D001|D002" -> both; "" and "-1" -> none).
std::vector<std::string> conceptsOf(const document::EntityMention& mention);

// Every document's gold mentions (documents[d].entities), for relationCandidates.
std::vector<std::vector<document::EntityMention>> goldMentions(const std::vector<document::AnnotatedDocument>& documents);

}  // namespace quarry::train
