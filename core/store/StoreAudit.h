#pragma once
// Checks of a project database that came from elsewhere (an archive), beyond SQLite's own page and
// reference checks (ProjectStore::checkFile): that its tables, indexes and triggers are exactly those
// this Quarry makes, and that every stored text is UTF-8. Run before a restored or merged project is
// used, so that a database edited by hand or by a hostile tool is refused with the reason.

#include "common/Error.h"
#include "store/StoreConnection.h"

namespace quarry {

class StoreAudit {
 public:
  explicit StoreAudit(StoreConnection& connection) : m_c(connection) {}

  // The tables, indexes, views and triggers are those a new project of this schema version has: none
  // missing (a dropped edit_log), none changed (a column or a constraint removed), none added (a trigger
  // would run on every edit). Call after the database is brought up to the current schema version.
  Status checkSchemaObjects();

  // Every value of every TEXT column is valid UTF-8: SQLite keeps whatever bytes it is given, and Qt would
  // read invalid ones as U+FFFD, changing a document's text and its offsets. The Error names the table,
  // the column and the row.
  Status checkStoredText();

 private:
  StoreConnection& m_c;
};

}  // namespace quarry
