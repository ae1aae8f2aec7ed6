#pragma once
// SQL that differs on PostgreSQL (Qt's QPSQL driver), for a team's project shared on a server.
//
// Writers take one transaction-scoped advisory lock before anything else, so that they queue as SQLite's
// BEGIN IMMEDIATE makes them queue: the store's read-then-write steps (the next key of an annotation, an
// annotator added when new) stay correct with any number of processes writing, and a writer that waits
// longer than the busy timeout gets an Error rather than waiting forever. Readers never wait.

#include "store/SqlDialect.h"

namespace quarry {

class PostgresDialect final : public SqlDialect {
 public:
  QString driverName() const override;
  QString connectOptions(bool readOnly, int busyTimeoutMs) const override;
  QStringList connectionSetup(bool readOnly, int busyTimeoutMs) const override;
  QString probe() const override;
  QString autoIncrementKey(const QString& column) const override;
  QStringList beginWrite() const override;
  QString beginRead() const override;
  QString returningId() const override;
  qint64 insertedId(QSqlQuery& query) const override;
  QString insertIgnore(const QString& table, const QStringList& columns,
                       const QStringList& conflictColumns) const override;
  QString nullSafeEquals(const QString& column) const override;
  QString notifyEdit() const override;
  QString containsCondition(const QString& column) const override;
  QString backupInto() const override;
  QStringList resetKeys(const QString& table) const override;
  QStringList integrityChecks() const override;
  QString schemaObjects() const override;
  QString textColumns() const override;
  QString rowKey() const override;
  QString storedBytes(const QString& column) const override;
};

}  // namespace quarry
