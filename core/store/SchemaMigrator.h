#pragma once
// Ordered schema migrations. Each runs in its own write transaction together with the row that
// records its version, so a failure rolls the file back to the version it had before.

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVector>
#include <functional>

#include "common/Error.h"
#include "store/SqlDialect.h"

namespace quarry {

struct Migration {
  int version = 0;         // strictly increasing, starting at 1
  QString description;     // one line, stored with the version
  QStringList statements;  // DDL/DML run in order; ${PK:col} expands to the dialect's key column
  // Optional code run after `statements` (data rewrites that SQL alone cannot express).
  std::function<Status(QSqlDatabase&, const SqlDialect&)> code;
};

class SchemaMigrator {
 public:
  SchemaMigrator(QSqlDatabase db, const SqlDialect& dialect);

  // The highest applied version; 0 for a database no migration has touched.
  Result<int> currentVersion() const;
  // Applies, in order, every migration above the current version up to `targetVersion`
  // (-1 = the last one). Stops at the first failure, which leaves the earlier ones applied.
  Status migrate(const QVector<Migration>& migrations, int targetVersion = -1);

  static int latestVersion(const QVector<Migration>& migrations);

 private:
  Status apply(const Migration& migration);

  QSqlDatabase m_db;
  const SqlDialect& m_dialect;
};

}  // namespace quarry
