#pragma once
// The end-to-end pipeline: a NER model finds the entity mentions, then the relation model reads every
// valid pair of them. With a NER model's mentions a relation counts as right only when both of its
// entities are right (span and type) as well.

#include <string>
#include <vector>

#include "common/Error.h"
#include "document/AnnotatedDocument.h"

namespace quarry::train {

// The mentions a NER model folder predicts for `documents` (spans with a confidence below minConfidence
// left out). Concept ids stay empty: document-level relations need linked mentions.
Result<std::vector<std::vector<document::EntityMention>>> nerMentions(const std::string& nerFolder,
                                                                      const std::vector<document::AnnotatedDocument>& documents,
                                                                      int batchSize, double minConfidence = 0);

class RelationModel;

// The mentions the pipeline gives `model`: nerMentions, linked to concepts by the model's dictionary when
// it extracts document-level relations.
Result<std::vector<std::vector<document::EntityMention>>> pipelineMentions(const RelationModel& model,
                                                                           const std::string& nerFolder,
                                                                           const std::vector<document::AnnotatedDocument>& documents,
                                                                           int batchSize, double minConfidence = 0);

}  // namespace quarry::train
