#pragma once
// Which engine a store test's projects live on, so that one test program checks both: project files by
// default, databases on a private PostgreSQL server (PostgresTestServer) when QUARRY_TEST_STORE=postgresql.
// CTest runs such a program twice (test_store and test_store_postgresql).

#include <QTemporaryDir>
#include <cstdio>
#include <memory>

#include "PostgresTestServer.h"

namespace quarry::test {

class StoreTestBackend {
 public:
  StoreTestBackend() : m_server(qEnvironmentVariable("QUARRY_TEST_STORE") == QLatin1String("postgresql")) {}

  bool isServer() const { return m_server; }

  // Starts the server when there is to be one. False: the program should print skipReason() and exit 77
  // (CTest's SKIP_RETURN_CODE), so the run shows as skipped, never as passed.
  bool start() {
    if (!m_server) return true;
    m_postgres = std::make_unique<PostgresTestServer>();
    return m_postgres->start();
  }
  QString skipReason() const { return m_postgres ? m_postgres->skipReason() : QString(); }

  // A location where no project is yet: a file path in `dir`, or a new empty database.
  QString freshLocation(const QTemporaryDir& dir) {
    ++m_count;
    if (!m_server) return dir.filePath(QStringLiteral("p%1.quarry").arg(m_count));
    const QString url = m_postgres->createDatabase(QStringLiteral("p%1").arg(m_count));
    if (url.isEmpty()) qFatal("cannot create a test database");
    return url;
  }

  PostgresTestServer* server() { return m_postgres.get(); }

 private:
  bool m_server = false;
  int m_count = 0;
  std::unique_ptr<PostgresTestServer> m_postgres;
};

// main() for a store test class that runs on either backend.
#define QUARRY_STORE_TEST_MAIN(TestClass)                                  \
  int main(int argc, char** argv) {                                        \
    QCoreApplication app(argc, argv);                                      \
    TestClass test;                                                        \
    if (!test.backend().start()) {                                         \
      std::printf("%s\n", qPrintable(test.backend().skipReason()));        \
      return 77;                                                           \
    }                                                                      \
    return QTest::qExec(&test, argc, argv);                                \
  }

}  // namespace quarry::test
