#pragma once
// A private PostgreSQL server for tests, from Debian's `postgresql` package: initdb in a temporary folder,
// a Unix socket in that folder (no TCP port, so tests running at once never meet), trust authentication
// for the user "quarry", durability off (a test's data dies with it). Stopped and removed by the
// destructor. Root (CI containers) cannot run the server, so as root it runs as the `postgres` user.
//
//   PostgresTestServer server;
//   if (!server.start()) QSKIP(qPrintable(server.skipReason()));
//   const QString url = server.createDatabase("p1");   // postgresql:///p1?host=...&user=quarry

#include <QDir>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>

#include <pwd.h>
#include <unistd.h>

namespace quarry::test {

class PostgresTestServer {
 public:
  PostgresTestServer() = default;
  ~PostgresTestServer() { stop(); }
  PostgresTestServer(const PostgresTestServer&) = delete;
  PostgresTestServer& operator=(const PostgresTestServer&) = delete;

  // Starts the server; false (and skipReason()) when this machine cannot run one.
  bool start() {
    if (m_running) return true;
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
      return skip(QStringLiteral("Qt's QPSQL driver is not installed (Debian: libqt6sql6-psql)"));
    m_bin = findBin();
    if (m_bin.isEmpty())
      return skip(QStringLiteral("no PostgreSQL server programs (initdb, pg_ctl) under /usr/lib/postgresql "
                                 "(Debian: postgresql) or in QUARRY_PG_BIN"));
    if (!m_dir.isValid()) return skip(QStringLiteral("no temporary folder"));
    if (::geteuid() == 0) {
      const passwd* pg = ::getpwnam("postgres");
      if (!pg) return skip(QStringLiteral("running as root and there is no 'postgres' user to run the server"));
      if (QStandardPaths::findExecutable(QStringLiteral("runuser")).isEmpty())
        return skip(QStringLiteral("running as root and runuser is missing"));
      if (::chown(QFile::encodeName(m_dir.path()).constData(), pg->pw_uid, pg->pw_gid) != 0)
        return skip(QStringLiteral("cannot hand the temporary folder to the postgres user"));
      m_asUser = QStringLiteral("postgres");
    }
    const QString data = m_dir.filePath(QStringLiteral("data"));
    QString out;
    if (!runServerTool(QStringLiteral("initdb"),
                       {QStringLiteral("-D"), data, QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-U"),
                        QStringLiteral("quarry"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                        QStringLiteral("--no-locale"), QStringLiteral("--no-sync")},
                       &out))
      return skip(QStringLiteral("initdb failed: ") + out);
    const QString options =
        QStringLiteral("-k %1 -p %2 -c listen_addresses= -c fsync=off -c full_page_writes=off "
                       "-c synchronous_commit=off -c max_connections=60")
            .arg(m_dir.path())
            .arg(m_port);
    if (!runServerTool(QStringLiteral("pg_ctl"),
                       {QStringLiteral("-D"), data, QStringLiteral("-o"), options, QStringLiteral("-l"),
                        m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-w"), QStringLiteral("-t"),
                        QStringLiteral("60"), QStringLiteral("start")},
                       &out))
      return skip(QStringLiteral("the server did not start: ") + out + serverLog());
    m_running = true;
    return true;
  }

  const QString& skipReason() const { return m_skipReason; }
  QString socketFolder() const { return m_dir.path(); }
  int port() const { return m_port; }

  // The URL of a database on this server (not made).
  QString url(const QString& database) const {
    return QStringLiteral("postgresql:///%1?host=%2&port=%3&user=quarry").arg(database, m_dir.path()).arg(m_port);
  }

  // Makes a new, empty database and returns its URL; an empty string (and qWarning) on failure.
  QString createDatabase(const QString& database) {
    const QString error = adminStatement(QStringLiteral("CREATE DATABASE \"%1\"").arg(database));
    if (!error.isEmpty()) {
      qWarning("create database %s: %s", qPrintable(database), qPrintable(error));
      return {};
    }
    return url(database);
  }

  // A fresh database with a unique name.
  QString freshDatabase() {
    return createDatabase(QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128).left(16));
  }

  // Runs one statement in the maintenance database; the error text, empty on success.
  QString adminStatement(const QString& statement) {
    const QString name = QStringLiteral("pg-test-admin-") + QUuid::createUuid().toString(QUuid::Id128);
    QString error;
    {
      QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
      db.setHostName(m_dir.path());
      db.setPort(m_port);
      db.setUserName(QStringLiteral("quarry"));
      db.setDatabaseName(QStringLiteral("postgres"));
      if (!db.open()) {
        error = db.lastError().text();
      } else {
        QSqlQuery q(db);
        if (!q.exec(statement)) error = q.lastError().text();
      }
      db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
  }

  void stop() {
    if (!m_running) return;
    QString out;
    runServerTool(QStringLiteral("pg_ctl"),
                  {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-m"),
                   QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")},
                  &out);
    m_running = false;
  }

 private:
  bool skip(const QString& why) {
    m_skipReason = QStringLiteral("SKIP: PostgreSQL store tests need a local server: ") + why;
    return false;
  }

  static QString findBin() {
    const QString fromEnv = qEnvironmentVariable("QUARRY_PG_BIN");
    if (!fromEnv.isEmpty()) return QFileInfo::exists(fromEnv + QStringLiteral("/initdb")) ? fromEnv : QString();
    QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString& a, const QString& b) { return a.toInt() > b.toInt(); });
    for (const QString& v : versions) {
      const QString bin = root.filePath(v + QStringLiteral("/bin"));
      if (QFileInfo::exists(bin + QStringLiteral("/initdb")) && QFileInfo::exists(bin + QStringLiteral("/pg_ctl")))
        return bin;
    }
    return {};
  }

  bool runServerTool(const QString& tool, const QStringList& args, QString* output) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(m_dir.path());
    const QString program = m_bin + QLatin1Char('/') + tool;
    if (m_asUser.isEmpty())
      p.start(program, args);
    else
      p.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), m_asUser, QStringLiteral("--"), program} + args);
    const bool finished = p.waitForFinished(120000);
    *output = QString::fromLocal8Bit(p.readAll()).trimmed();
    return finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
  }

  QString serverLog() const {
    QFile f(m_dir.filePath(QStringLiteral("server.log")));
    return f.open(QIODevice::ReadOnly) ? QStringLiteral("\n") + QString::fromUtf8(f.readAll().right(2000)) : QString();
  }

  QTemporaryDir m_dir;
  QString m_bin;
  QString m_asUser;
  QString m_skipReason;
  int m_port = 5432;  // only names the socket file in the private folder
  bool m_running = false;
};

}  // namespace quarry::test
