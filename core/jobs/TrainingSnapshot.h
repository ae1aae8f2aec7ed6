#pragma once
// What a training run is given, recorded with the run so that a run can be read without its folder:
// the number of documents and of annotations of each kind in the train and dev sets, and the engine's
// fingerprint of both (the one a resume checks).

#include <QJsonObject>

#include "jobs/EngineDocuments.h"

namespace quarry::jobs {

// {"documents", "entities", "relations", "concept_relations", "questions", "answers", "labels", "words"} of
// `set` (words: runs of characters between ASCII white space).
qint64 countWords(const std::string& text);
QJsonObject annotationCounts(const DocumentSet& set);

// {"train": annotationCounts(train), "dev": annotationCounts(dev), "fingerprint": "..."}.
QJsonObject dataSnapshot(const DocumentSet& train, const DocumentSet& dev);

}  // namespace quarry::jobs
