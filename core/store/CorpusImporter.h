#pragma once
// Bulk import of a Corpus: one write transaction, prepared statements, all or nothing.

#include <QString>

#include "common/Error.h"
#include "corpus/Corpus.h"
#include "store/StoreConnection.h"
#include "store/StoreTypes.h"

namespace quarry {

class CorpusImporter {
 public:
  explicit CorpusImporter(StoreConnection& connection) : m_c(connection) {}

  // Adds every document of `corpus` and merges its schema (plus any type its annotations use) into the
  // project's. Annotations keep the provenance they carry; what is missing is filled in: `annotator`,
  // the current guideline version, now. Origin is always "imported". Fails, changing nothing, on a
  // document name already in the project (or twice in the corpus), an annotation the store cannot
  // hold (no fragments, offsets outside the text, a relation naming an unknown entity key), a SQL
  // error, or when `progress` returns false ("cancelled").
  Result<ImportSummary> import(const Corpus& corpus, const QString& annotator,
                               const ProgressCallback& progress);

 private:
  StoreConnection& m_c;
};

}  // namespace quarry
