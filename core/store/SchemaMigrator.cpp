#include "store/SchemaMigrator.h"

#include <QSqlQuery>

#include "common/Log.h"
#include "store/SqlUtil.h"

namespace quarry {
namespace {

const QLatin1String kVersionTable("schema_migrations");

}  // namespace

SchemaMigrator::SchemaMigrator(QSqlDatabase db, const SqlDialect& dialect)
    : m_db(std::move(db)), m_dialect(dialect) {}

int SchemaMigrator::latestVersion(const QVector<Migration>& migrations) {
  int latest = 0;
  for (const Migration& m : migrations) latest = std::max(latest, m.version);
  return latest;
}

Result<int> SchemaMigrator::currentVersion() const {
  if (!m_db.tables().contains(kVersionTable)) return 0;
  QSqlQuery q(m_db);
  if (Status s = sql::run(q, QStringLiteral("SELECT MAX(version) FROM schema_migrations"), {},
                          QStringLiteral("read schema version"));
      !s)
    return s.error();
  return q.next() ? q.value(0).toInt() : 0;
}

Status SchemaMigrator::migrate(const QVector<Migration>& migrations, int targetVersion) {
  if (targetVersion < 0) targetVersion = latestVersion(migrations);
  int previous = 0;
  for (const Migration& m : migrations) {
    if (m.version <= previous)
      return sql::error(QStringLiteral("migrate"),
                        QStringLiteral("migration %1 is out of order").arg(m.version));
    previous = m.version;
    if (m.version > targetVersion) break;
    Result<int> current = currentVersion();
    if (!current) return current.error();
    if (m.version <= *current) continue;
    if (Status s = apply(m); !s) return s;
  }
  return {};
}

Status SchemaMigrator::apply(const Migration& m) {
  const QString op = QStringLiteral("migration %1 (%2)").arg(m.version).arg(m.description);
  QSqlQuery q(m_db);
  auto rollback = [&](Status failure) {
    QSqlQuery r(m_db);
    r.exec(QStringLiteral("ROLLBACK"));
    log::get("store")->warn("{} failed, rolled back: {}", op.toStdString(), failure.error().message);
    return failure;
  };
  for (const QString& statement : m_dialect.beginWrite())
    if (!q.exec(statement)) return rollback(sql::error(op, q.lastError()));
  // Another connection may have migrated while this one waited for the write lock.
  if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL "
                             "PRIMARY KEY, description TEXT NOT NULL, applied BIGINT NOT NULL)")))
    return rollback(sql::error(op, q.lastError()));
  if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_migrations")))
    return rollback(sql::error(op, q.lastError()));
  const int now = q.next() ? q.value(0).toInt() : 0;
  q.finish();
  if (now >= m.version) {
    q.exec(QStringLiteral("ROLLBACK"));
    return {};
  }
  for (const QString& statement : m.statements)
    if (!q.exec(m_dialect.expandDdl(statement)))
      return rollback(
          sql::error(op, q.lastError().text() + QStringLiteral(" in: ") + statement.simplified()));
  if (m.code)
    if (Status s = m.code(m_db, m_dialect); !s) return rollback(s);
  if (Status s = sql::run(
          q, QStringLiteral("INSERT INTO schema_migrations (version, description, applied) VALUES (?, ?, ?)"),
          {m.version, m.description, sql::nowMs()}, op);
      !s)
    return rollback(s);
  if (!q.exec(QStringLiteral("COMMIT"))) return rollback(sql::error(op, q.lastError()));
  log::get("store")->info("applied {}", op.toStdString());
  return {};
}

}  // namespace quarry
