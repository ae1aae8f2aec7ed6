#pragma once
// Read-only aggregate views for the UI: the document list with annotation counts, and project
// statistics. Both are single SQL aggregates, so they stay fast on 100k documents.

#include <QHash>
#include <QSet>

#include "common/Error.h"
#include "store/StoreConnection.h"
#include "store/StoreTypes.h"

namespace quarry {

class DocumentIndex {
 public:
  explicit DocumentIndex(StoreConnection& connection) : m_c(connection) {}

  // Documents in insertion order with their annotation counts.
  Result<QVector<DocumentSummary>> list(const DocumentListFilter& filter);
  Result<ProjectStats> stats();
  // Names of everyone who has annotated or edited the project, sorted.
  Result<QStringList> annotators();
  // For each annotator, the names of the documents they annotated or edited (status and split included).
  Result<QHash<QString, QSet<QString>>> annotatorDocuments();

 private:
  StoreConnection& m_c;
};

}  // namespace quarry
