#pragma once
// One database connection of a ProjectStore and what every part of the store needs from it:
// the dialect, read-only enforcement, the annotator table and the current guideline version.
// A connection belongs to the thread that opened it (a Qt Sql rule).

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <memory>

#include "common/Error.h"
#include "store/SqlDialect.h"

namespace quarry {

class StoreConnection {
 public:
  // Opens `path` (a project file, or a postgresql:// URL: store/ProjectLocation.h) on a connection with a
  // process-unique name. `mustExist`: fail when there is no file (a database must always exist).
  static Result<std::unique_ptr<StoreConnection>> open(const QString& path, bool readOnly, bool mustExist);
  ~StoreConnection();
  StoreConnection(const StoreConnection&) = delete;
  StoreConnection& operator=(const StoreConnection&) = delete;

  QSqlDatabase& db() { return m_db; }
  QSqlQuery query() const { return QSqlQuery(m_db); }
  const SqlDialect& dialect() const { return *m_dialect; }
  // The location as given (what another connection opens), and as messages name it (no password).
  const QString& path() const { return m_path; }
  const QString& displayPath() const { return m_displayPath; }
  // True for a project in a database server rather than a file.
  bool isServer() const { return m_server; }
  bool readOnly() const { return m_readOnly; }

  // An Error for `operation` naming this project file.
  Error fail(const QString& operation, const QString& message) const;
  // Turns an Error from a helper into one that names this project file.
  Error withFile(Error e) const;
  // An Error when the project was opened read-only.
  Status requireWritable(const QString& operation) const;

  // The id of annotator `name`, added when new; NULL for an empty name. Call inside a write transaction.
  Result<QVariant> annotatorId(const QString& name);
  // The project's guideline version, recorded on every annotation.
  Result<int> guidelineVersion();
  // Appends to the edit log (inside the caller's transaction).
  Status logEdit(qint64 documentId, const QVariant& annotatorId, const QString& action, qint64 targetId);

 private:
  StoreConnection() = default;

  QSqlDatabase m_db;
  QString m_connectionName;
  QString m_path;
  QString m_displayPath;
  bool m_server = false;
  bool m_readOnly = false;
  std::unique_ptr<SqlDialect> m_dialect;
};

// A write transaction that rolls back unless committed.
class WriteTransaction {
 public:
  explicit WriteTransaction(StoreConnection& connection) : m_c(connection) {}
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  Status begin(const QString& operation);
  Status commit(const QString& operation);
  void rollback();

 private:
  StoreConnection& m_c;
  bool m_open = false;
};

}  // namespace quarry
