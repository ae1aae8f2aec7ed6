#pragma once
// A schema plus documents: the unit every importer produces and every exporter consumes.

#include <QVector>

#include "corpus/Document.h"
#include "corpus/Schema.h"

namespace quarry {

struct Corpus {
  Schema schema;
  QVector<Document> documents;

  // Entity, relation, answer and label counts per type name, keyed "entity:DISEASE" etc.
  QMap<QString, int> annotationCounts() const;
  // Names used by annotations but missing from the schema, as "entity type X (document d)".
  QStringList typesOutsideSchema() const;
  // Adds every type used by an annotation to the schema (imports without a schema of their own).
  void addMissingTypesToSchema();
  // Equal documents in the same order and equal schemas; `why` gets the first difference.
  bool sameContent(const Corpus& o, QString* why = nullptr) const;
};

}  // namespace quarry
