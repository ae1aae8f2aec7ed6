#pragma once
// The end-to-end pipeline: a NER model finds the entity mentions, then the relation model reads every
// valid pair of them. With a NER model's mentions a relation counts as right only when both of its
// entities are right (span and type) as well.

#include <memory>
#include <string>
#include <vector>

#include "common/Error.h"
#include "document/AnnotatedDocument.h"

namespace quarry::train {

class NerTagger;
class RelationModel;

// The tagger of a NER model folder, for the pipeline; an error when the folder's task is not NER.
Result<std::unique_ptr<NerTagger>> loadMentionTagger(const std::string& nerFolder);

// The mentions `tagger` predicts for `documents` (spans with a confidence below minConfidence left out).
// The tagger reads the text only, never the documents' own entities. Concept ids stay empty.
std::vector<std::vector<document::EntityMention>> nerMentions(
    NerTagger& tagger, const std::vector<document::AnnotatedDocument>& documents, int batchSize,
    double minConfidence = 0);

// nerMentions, linked to concepts by `model`'s dictionary when it extracts document-level relations: the
// mentions the pipeline gives `model`. With a loaded tagger, for callers that predict in chunks.
std::vector<std::vector<document::EntityMention>> pipelineMentions(
    const RelationModel& model, NerTagger& tagger, const std::vector<document::AnnotatedDocument>& documents,
    int batchSize, double minConfidence = 0);

// The mentions a NER model folder predicts for `documents`: loadMentionTagger, then nerMentions.
Result<std::vector<std::vector<document::EntityMention>>> nerMentions(
    const std::string& nerFolder, const std::vector<document::AnnotatedDocument>& documents, int batchSize,
    double minConfidence = 0);

// The mentions the pipeline gives `model` with the NER model folder `nerFolder`.
Result<std::vector<std::vector<document::EntityMention>>> pipelineMentions(
    const RelationModel& model, const std::string& nerFolder,
    const std::vector<document::AnnotatedDocument>& documents, int batchSize, double minConfidence = 0);

}  // namespace quarry::train
