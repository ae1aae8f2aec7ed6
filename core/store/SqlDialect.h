#pragma once
// Everything that differs between SQL engines lives here, so the rest of the store writes standard SQL
// with bound values: SQLite for project files, PostgreSQL (store/PostgresDialect) for a team's shared project.

#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <memory>

namespace quarry {

class SqlDialect {
 public:
  virtual ~SqlDialect() = default;

  // The dialect for project files (SQLite through Qt's QSQLITE driver).
  static std::unique_ptr<SqlDialect> sqlite();
  // The dialect for a project on a PostgreSQL server (Qt's QPSQL driver).
  static std::unique_ptr<SqlDialect> postgresql();

  // Qt driver name, e.g. "QSQLITE".
  virtual QString driverName() const = 0;
  // Connect options for QSqlDatabase::setConnectOptions (busy timeout, read-only open).
  virtual QString connectOptions(bool readOnly, int busyTimeoutMs) const = 0;
  // Statements run once per new connection (journal mode, foreign keys, busy timeout).
  virtual QStringList connectionSetup(bool readOnly, int busyTimeoutMs) const = 0;

  // A query that reads the file, so a file that is not a database fails at open().
  virtual QString probe() const = 0;

  // Column definition of an auto-increment integer primary key named `column`.
  virtual QString autoIncrementKey(const QString& column) const = 0;
  // Replaces ${PK:column} placeholders in DDL with autoIncrementKey(column).
  QString expandDdl(QString ddl) const;

  // Statements that start a transaction taking the write lock up front, so two writers queue on the busy
  // timeout instead of dead-locking when both upgrade from a read lock.
  virtual QStringList beginWrite() const = 0;
  // Starts a transaction whose reads all see the database as one moment (a snapshot), while writers go on.
  virtual QString beginRead() const = 0;

  // Appended to an INSERT whose new key insertedId() must read (e.g. " RETURNING id").
  virtual QString returningId() const = 0;
  // The key of the row the last exec() of `query` inserted; -1 when unknown.
  virtual qint64 insertedId(QSqlQuery& query) const = 0;

  // "INSERT ... ON CONFLICT (conflictColumns) DO NOTHING" for `columns` bound as positional values.
  virtual QString insertIgnore(const QString& table, const QStringList& columns,
                               const QStringList& conflictColumns) const = 0;

  // "column equals one bound value", where NULL equals NULL (an annotation of no named annotator).
  virtual QString nullSafeEquals(const QString& column) const = 0;

  // A statement run with every edit's document id (one bound value), telling other connections of the project
  // that the document changed (PostgreSQL NOTIFY on kEditChannel, delivered at commit); empty when the
  // engine has no such thing.
  virtual QString notifyEdit() const { return {}; }
  static constexpr const char* kEditChannel = "quarry_edits";

  // Statements that make the server refuse a write to another annotator's layer (PostgreSQL triggers on the
  // annotation tables, see PostgresDialect.cpp); empty where one user owns the whole file (SQLite).
  virtual QStringList layerOwnership() const { return {}; }
  // A query with one bound name counting the database's login roles of that name; empty when the engine has
  // no users of its own.
  virtual QString databaseUserExists() const { return {}; }
  // Statements giving the database user `name` a team member's access to the project's tables (now and
  // after later migrations); empty when the engine has no users of its own.
  virtual QStringList grantMemberAccess(const QString& name) const {
    Q_UNUSED(name);
    return {};
  }
  // A query with one bound name: 1 when that database user may write annotations.
  virtual QString memberMayWrite() const { return {}; }

  // A condition: `column` is `prefix` (letters, put into the SQL as they are) followed by digits only, as an
  // annotation key "T12" is; what CAST(SUBSTR(column, prefix length + 1) AS BIGINT) may then read.
  virtual QString numberedKeyCondition(const QString& column, const QString& prefix) const = 0;

  // A case-insensitive "contains" condition on `column` with one bound value made by likePattern().
  virtual QString containsCondition(const QString& column) const = 0;
  // `text` escaped for containsCondition(): %text% with % _ and the escape character escaped.
  static QString likePattern(const QString& text);

  // A statement that writes a consistent copy of the open database to one bound path value; empty when the
  // engine has none (the store then copies the project row by row).
  virtual QString backupInto() const = 0;

  // After rows were copied in with their keys: statements that make the next generated key of `table`
  // follow the largest one there (PostgreSQL's identity sequences; nothing for SQLite).
  virtual QStringList resetKeys(const QString& table) const = 0;

  // Statements that check a database for damage and broken references. Each returns no rows, or one row
  // holding "ok", when all is well, and otherwise a row per problem.
  virtual QStringList integrityChecks() const = 0;

  // A query listing every table, index, view and trigger the application made (not the engine's own),
  // as rows of (kind, name, table, definition) in a fixed order: two databases made by the same
  // migrations list the same rows.
  virtual QString schemaObjects() const = 0;
  // A query listing (table, column) for every column declared TEXT.
  virtual QString textColumns() const = 0;
  // A column every table has that tells its rows apart, for messages (SQLite: rowid).
  virtual QString rowKey() const = 0;
  // An expression reading `column` as the bytes stored, without decoding them.
  virtual QString storedBytes(const QString& column) const = 0;
};

}  // namespace quarry
