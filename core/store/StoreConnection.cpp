#include "store/StoreConnection.h"

#include <QAtomicInteger>
#include <QFileInfo>

#include "store/ProjectLocation.h"
#include "store/SqlUtil.h"

namespace quarry {
namespace {

constexpr int kBusyTimeoutMs = 10000;  // how long a writer waits for another writer's lock
QAtomicInteger<quint64> g_connectionCounter;

}  // namespace

Result<std::unique_ptr<StoreConnection>> StoreConnection::open(const QString& path, bool readOnly,
                                                               bool mustExist) {
  const QString op = QStringLiteral("open project");
  Result<ProjectLocation> location = ProjectLocation::parse(path);
  if (!location) return location.error();
  if (location->isFile() && mustExist && !QFileInfo(path).isFile())
    return Error(QStringLiteral("open project: no such file").toStdString(), path.toStdString());
  std::unique_ptr<StoreConnection> c(new StoreConnection);
  c->m_path = path;
  c->m_displayPath = location->display();
  c->m_server = !location->isFile();
  c->m_readOnly = readOnly;
  c->m_dialect = location->isFile() ? SqlDialect::sqlite() : SqlDialect::postgresql();
  c->m_connectionName = QStringLiteral("quarry-store-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
  c->m_db = QSqlDatabase::addDatabase(c->m_dialect->driverName(), c->m_connectionName);
  if (!c->m_db.isValid())
    return c->fail(op, QStringLiteral("Qt Sql driver %1 is not available (Debian: %2)")
                           .arg(c->m_dialect->driverName(),
                                location->isFile() ? QStringLiteral("libqt6sql6-sqlite")
                                                   : QStringLiteral("libqt6sql6-psql")));
  if (location->isFile()) {
    c->m_db.setDatabaseName(path);
  } else {
    c->m_db.setDatabaseName(location->database());
    if (!location->host().isEmpty()) c->m_db.setHostName(location->host());
    if (location->port() > 0) c->m_db.setPort(location->port());
    if (!location->user().isEmpty()) c->m_db.setUserName(location->user());
    if (!location->password().isEmpty()) c->m_db.setPassword(location->password());
  }
  c->m_db.setConnectOptions(c->m_dialect->connectOptions(readOnly, kBusyTimeoutMs));
  if (!c->m_db.open()) return c->withFile(sql::error(op, c->m_db.lastError()));
  QSqlQuery q(c->m_db);
  for (const QString& statement : c->m_dialect->connectionSetup(readOnly, kBusyTimeoutMs))
    if (!q.exec(statement)) return c->withFile(sql::error(op, q.lastError()));
  // A file that is not SQLite only fails at the first read.
  if (!q.exec(c->m_dialect->probe())) return c->withFile(sql::error(op, q.lastError()));
  return c;
}

StoreConnection::~StoreConnection() {
  if (m_db.isValid()) m_db.close();
  m_db = QSqlDatabase();
  if (!m_connectionName.isEmpty()) QSqlDatabase::removeDatabase(m_connectionName);
}

Error StoreConnection::fail(const QString& operation, const QString& message) const {
  return sql::error(operation, message, m_displayPath);
}

Error StoreConnection::withFile(Error e) const {
  if (e.file.empty()) e.file = m_displayPath.toStdString();
  return e;
}

Status StoreConnection::requireWritable(const QString& operation) const {
  if (m_readOnly) return fail(operation, QStringLiteral("the project is open read-only"));
  return {};
}

Result<QVariant> StoreConnection::annotatorId(const QString& name) {
  const QString op = QStringLiteral("record annotator '%1'").arg(name);
  if (name.isEmpty()) return QVariant(QMetaType(QMetaType::LongLong));
  QSqlQuery q(m_db);
  if (Status s = sql::run(q, QStringLiteral("SELECT id FROM annotators WHERE name = ?"), {name}, op); !s)
    return withFile(s.error());
  if (q.next()) return q.value(0);
  if (Status s = sql::run(
          q,
          QStringLiteral("INSERT INTO annotators (name, created) VALUES (?, ?)") + m_dialect->returningId(),
          {name, sql::nowMs()}, op);
      !s)
    return withFile(s.error());
  return QVariant(m_dialect->insertedId(q));
}

Result<int> StoreConnection::guidelineVersion() {
  QSqlQuery q(m_db);
  const QString op = QStringLiteral("read guideline version");
  if (Status s = sql::run(q, QStringLiteral("SELECT guideline_version FROM project"), {}, op); !s)
    return withFile(s.error());
  if (!q.next()) return fail(op, QStringLiteral("the project row is missing"));
  return q.value(0).toInt();
}

Status StoreConnection::logEdit(qint64 documentId, const QVariant& annotatorId, const QString& action,
                                qint64 targetId) {
  QSqlQuery q(m_db);
  if (Status s =
          sql::run(q,
                   QStringLiteral("INSERT INTO edit_log (document_id, annotator_id, action, target_id, at) "
                                  "VALUES (?, ?, ?, ?, ?)"),
                   {documentId, annotatorId, action, targetId, sql::nowMs()}, action);
      !s)
    return withFile(s.error());
  if (const QString notify = m_dialect->notifyEdit(); !notify.isEmpty())
    if (Status s = sql::run(q, notify, {QString::number(documentId)}, action); !s) return withFile(s.error());
  return {};
}

WriteTransaction::~WriteTransaction() { rollback(); }

Status WriteTransaction::begin(const QString& operation) {
  if (Status s = m_c.requireWritable(operation); !s) return s;
  QSqlQuery q(m_c.db());
  for (const QString& statement : m_c.dialect().beginWrite()) {
    if (!q.exec(statement)) {
      const Error e = m_c.withFile(sql::error(operation, q.lastError()));
      rollback();  // a transaction the first statement opened (the lock after it timed out)
      return e;
    }
    m_open = true;
  }
  return {};
}

Status WriteTransaction::commit(const QString& operation) {
  QSqlQuery q(m_c.db());
  if (!q.exec(QStringLiteral("COMMIT"))) {
    const Error e = m_c.withFile(sql::error(operation, q.lastError()));
    rollback();
    return e;
  }
  m_open = false;
  return {};
}

void WriteTransaction::rollback() {
  if (!m_open) return;
  QSqlQuery q(m_c.db());
  q.exec(QStringLiteral("ROLLBACK"));
  m_open = false;
}

}  // namespace quarry
