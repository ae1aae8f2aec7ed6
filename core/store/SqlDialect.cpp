#include "store/SqlDialect.h"

#include <QRegularExpression>
#include <QVariant>

namespace quarry {
namespace {

class SqliteDialect final : public SqlDialect {
 public:
  QString driverName() const override { return QStringLiteral("QSQLITE"); }

  QString connectOptions(bool readOnly, int busyTimeoutMs) const override {
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs);
    if (readOnly) options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    return options;
  }

  QStringList connectionSetup(bool readOnly, int busyTimeoutMs) const override {
    QStringList setup{QStringLiteral("PRAGMA foreign_keys = ON"),
                      QStringLiteral("PRAGMA busy_timeout = %1").arg(busyTimeoutMs)};
    if (!readOnly) {
      // WAL lets readers (reviewers, a training thread) go on while an annotator writes;
      // NORMAL sync is durable across application crashes, which is what WAL needs.
      setup << QStringLiteral("PRAGMA journal_mode = WAL") << QStringLiteral("PRAGMA synchronous = NORMAL");
    }
    return setup;
  }

  QString probe() const override { return QStringLiteral("SELECT COUNT(*) FROM sqlite_master"); }

  QString autoIncrementKey(const QString& column) const override {
    // AUTOINCREMENT: ids are never reused, so an id a UI still holds never names another row.
    return column + QStringLiteral(" INTEGER PRIMARY KEY AUTOINCREMENT");
  }

  QStringList beginWrite() const override { return {QStringLiteral("BEGIN IMMEDIATE")}; }
  // Deferred: in WAL mode the first read fixes the snapshot every later read of the transaction sees.
  QString beginRead() const override { return QStringLiteral("BEGIN DEFERRED"); }
  QString returningId() const override { return {}; }
  qint64 insertedId(QSqlQuery& query) const override {
    const QVariant id = query.lastInsertId();
    return id.isValid() ? id.toLongLong() : -1;
  }

  QString insertIgnore(const QString& table, const QStringList& columns,
                       const QStringList& conflictColumns) const override {
    QStringList marks;
    for (int i = 0; i < columns.size(); ++i) marks << QStringLiteral("?");
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) DO NOTHING")
        .arg(table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")),
             conflictColumns.join(QStringLiteral(", ")));
  }

  QString nullSafeEquals(const QString& column) const override { return column + QStringLiteral(" IS ?"); }

  QString numberedKeyCondition(const QString& column, const QString& prefix) const override {
    // GLOB is case-sensitive: the prefix, a digit, and nothing but digits after the prefix.
    return QStringLiteral("(%1 GLOB '%2[0-9]*' AND NOT SUBSTR(%1, %3) GLOB '*[^0-9]*')")
        .arg(column, prefix)
        .arg(prefix.size() + 1);
  }

  QString containsCondition(const QString& column) const override {
    // SQLite's LIKE ignores ASCII case; PostgreSQL will use ILIKE.
    return column + QStringLiteral(" LIKE ? ESCAPE '\\'");
  }

  QString backupInto() const override { return QStringLiteral("VACUUM INTO ?"); }
  // AUTOINCREMENT continues after the largest key ever inserted, copied rows included.
  QStringList resetKeys(const QString&) const override { return {}; }

  QStringList integrityChecks() const override {
    // integrity_check reads every page (b-trees, indexes, free list, NOT NULL and CHECK constraints);
    // foreign_key_check lists each row whose parent is missing (table, rowid, parent, constraint).
    return {QStringLiteral("PRAGMA integrity_check"), QStringLiteral("PRAGMA foreign_key_check")};
  }

  QString schemaObjects() const override {
    // sqlite_sequence and sqlite_stat* belong to SQLite; automatic indexes have no SQL. Tables first, so
    // that a dropped table is named rather than its index.
    return QStringLiteral(
        "SELECT type, name, tbl_name, COALESCE(sql, '') FROM sqlite_master "
        "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
        "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'view' THEN 1 WHEN 'index' THEN 2 ELSE 3 END, name");
  }

  QString textColumns() const override {
    return QStringLiteral(
        "SELECT m.name, c.name FROM sqlite_master AS m, pragma_table_info(m.name) AS c "
        "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND upper(c.type) = 'TEXT' "
        "ORDER BY m.name, c.cid");
  }

  QString rowKey() const override { return QStringLiteral("rowid"); }

  // SQLite stores TEXT as the bytes it was given and does not check that they are UTF-8.
  QString storedBytes(const QString& column) const override {
    return QStringLiteral("CAST(%1 AS BLOB)").arg(column);
  }
};

}  // namespace

std::unique_ptr<SqlDialect> SqlDialect::sqlite() { return std::make_unique<SqliteDialect>(); }

QString SqlDialect::expandDdl(QString ddl) const {
  static const QRegularExpression pk(QStringLiteral("\\$\\{PK:(\\w+)\\}"));
  QRegularExpressionMatch m;
  while ((m = pk.match(ddl)).hasMatch())
    ddl.replace(m.capturedStart(), m.capturedLength(), autoIncrementKey(m.captured(1)));
  return ddl;
}

QString SqlDialect::likePattern(const QString& text) {
  QString escaped = text;
  escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
  escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
  escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
  return QLatin1Char('%') + escaped + QLatin1Char('%');
}

}  // namespace quarry
