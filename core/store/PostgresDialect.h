#pragma once
// SQL that differs on PostgreSQL (Qt's QPSQL driver), for a team's project shared on a server.
//
// Writers take one transaction-scoped advisory lock before anything else, so that they queue as SQLite's
// BEGIN IMMEDIATE makes them queue: the store's read-then-write steps (the next key of an annotation, an
// annotator added when new) stay correct with any number of processes writing, and a writer that waits
// longer than the busy timeout gets an Error rather than waiting forever. Readers never wait.
//
// Layer ownership: each team member logs in as their own database user, named as they are in the project.
// Triggers on the annotation tables refuse, in the server, any write by a member to another annotator's
// rows (spans and their fragments, relations, answers, labels, quality decisions), an assignment or role
// change by anyone but a manager, an adjudication decision by anyone but an adjudicator, and an edit-log
// row in someone else's name. The project's owner (whoever created it) and members with the manager role
// may write everything. A member's access to the tables is granted when their role is set
// (TeamStore::setRole), which only the owner can do for a new user.

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
  QString numberedKeyCondition(const QString& column, const QString& prefix) const override;
  QString containsCondition(const QString& column) const override;
  QStringList layerOwnership() const override;
  QString databaseUserExists() const override;
  QStringList grantMemberAccess(const QString& name) const override;
  QString memberMayWrite() const override;
  QString backupInto() const override;
  QStringList resetKeys(const QString& table) const override;
  QStringList integrityChecks() const override;
  QString schemaObjects() const override;
  QString textColumns() const override;
  QString rowKey() const override;
  QString storedBytes(const QString& column) const override;
};

}  // namespace quarry
