#pragma once
// The bridge between the workbench's documents (Qt, the store, import formats) and the NER engine's
// plain NerDocuments, and back from predicted spans to the store's prediction rows.
//
// Discontinuous spans cannot be tagged by a flat sequence tagger: each is trained as the contiguous
// span covering its fragments and counted in `discontinuous` so the caller can say so.

#include <QString>
#include <QStringList>
#include <QVector>

#include "common/Error.h"
#include "corpus/Corpus.h"
#include "document/Predictions.h"
#include "store/ProjectStore.h"
#include "train/NerExample.h"

namespace quarry::jobs {

struct NerDocumentSet {
  std::vector<document::AnnotatedDocument> documents;
  QVector<qint64> storeIds;        // parallel to documents when read from a store; else empty
  QStringList entityTypes;         // the schema's entity types (in schema order)
  int discontinuous = 0;           // spans trained as their covering span
};

// Documents of a corpus (all of them, or those of `splits` when not empty).
NerDocumentSet nerDocumentsFromCorpus(const Corpus& corpus, const QVector<Split>& splits = {});

// Documents of a project's splits (empty = every split) and statuses (empty = every status).
Result<NerDocumentSet> nerDocumentsFromStore(ProjectStore& store, const QVector<Split>& splits,
                                             const QVector<DocumentStatus>& statuses = {});

// A file or folder in any import format (`format` empty = guessed from the path), read without writing
// anything anywhere. Problems follow options.policy; errors name the file and line.
Result<NerDocumentSet> nerDocumentsFromFile(const QString& path, const QString& format, const QString& tagScheme = {});

// Prediction rows for the store: kind "entity", payload {type, start, end, text}.
QVector<Prediction> entityPredictions(qint64 runId, qint64 documentId, const document::AnnotatedDocument& document,
                                      const std::vector<document::PredictedEntity>& predicted);

std::vector<std::string> toStdStrings(const QStringList& list);

}  // namespace quarry::jobs
