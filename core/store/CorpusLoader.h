#pragma once
// Reads documents with their annotations back into the in-memory model, in insertion order.

#include "common/Error.h"
#include "corpus/Corpus.h"
#include "store/StoreConnection.h"
#include "store/StoreTypes.h"

namespace quarry {

class CorpusLoader {
 public:
  explicit CorpusLoader(StoreConnection& connection) : m_c(connection) {}

  // The project schema and the documents `filter` selects, in insertion order.
  Result<Corpus> loadCorpus(const CorpusFilter& filter);
  // One document with provenance and the row id of every annotation.
  Result<StoredDocument> loadDocument(qint64 id);
  // ProjectStore::loadDocumentRange.
  Result<StoredDocument> loadDocumentRange(qint64 id, int start, int end);

 private:
  struct Selection {
    QString where;        // condition on documents "d"; empty = all
    QVariantList values;  // bound to `where`
    // Only the annotations in [rangeStart, rangeEnd) (ProjectStore::loadDocumentRange); rangeStart < 0: only
    // the document-level ones; not `ranged`: all.
    bool ranged = false;
    int rangeStart = 0;
    int rangeEnd = 0;
  };
  // Fills `docs` (and `stored`, parallel, when not null) with the selected documents.
  Status load(const Selection& selection, bool provenance, QVector<Document>& docs,
              QVector<StoredDocument>* stored);

  StoreConnection& m_c;
};

}  // namespace quarry
