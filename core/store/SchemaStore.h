#pragma once
// Reads and writes the project's label schema (entity types, relation types, QA fields, categories
// with their guidelines) and resolves type names to row ids.

#include <QHash>
#include <QString>

#include "common/Error.h"
#include "corpus/Schema.h"
#include "store/StoreConnection.h"

namespace quarry {

// Row ids of the schema's types by name.
struct SchemaTypeIds {
  QHash<QString, qint64> entity;
  QHash<QString, qint64> relation;
  QHash<QString, qint64> qaField;
  QHash<QString, qint64> category;
};

class SchemaStore {
 public:
  explicit SchemaStore(StoreConnection& connection) : m_c(connection) {}

  Result<Schema> load();
  Result<SchemaTypeIds> typeIds();

  // Makes the stored schema equal to `schema` (call inside a write transaction): types are matched by
  // name, updated, added, or removed (refused while annotations use them). The stored guideline
  // version becomes `guidelineVersion` when > 0; when 0 it is bumped by one if any guideline text
  // differs from the stored one. Returns the guideline version now in force.
  Result<int> save(const Schema& schema, int guidelineVersion = 0);

 private:
  StoreConnection& m_c;
};

}  // namespace quarry
