// quarry-cli on a team's project in a PostgreSQL database (a private server, PostgresTestServer): init,
// import, stats, export, train and runs by URL; migrate between a file and the server both ways, checked
// by exporting each copy; the refusals, whose messages never show a password.
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <cstdio>

#include "CliTestSupport.h"
#include "PostgresTestServer.h"

using quarry::test::PostgresTestServer;

namespace {

const QString kDemo = QStringLiteral(QUARRY_TEST_SOURCE_DIR "/resources/demo");

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QJsonObject statsJson(const QString& project) {
  const CliRun r = cli({QStringLiteral("stats"), project, QStringLiteral("--json")});
  if (r.code != 0) qWarning() << r.err;
  return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

}  // namespace

class TestCliPostgres : public QObject {
  Q_OBJECT

 public:
  PostgresTestServer server;

 private:
  QTemporaryDir m_dir;

  // A project made by init --schema and import of the demo documents at `location`.
  void makeDemo(const QString& location) {
    const CliRun init = cli({QStringLiteral("init"), location, QStringLiteral("--schema"), kDemo + QStringLiteral("/schema.json")});
    QVERIFY2(init.code == 0, qPrintable(init.err));
    const CliRun import = cli({QStringLiteral("import"), location, kDemo + QStringLiteral("/documents.jsonl"),
                               QStringLiteral("--format"), QStringLiteral("jsonl")});
    QVERIFY2(import.code == 0, qPrintable(import.err));
  }

  QByteArray exported(const QString& location, const QString& name) {
    const QString out = m_dir.filePath(name);
    const CliRun r = cli({QStringLiteral("export"), location, out, QStringLiteral("--format"), QStringLiteral("jsonl")});
    if (r.code != 0) qWarning() << r.err;
    return readAll(out);
  }

 private Q_SLOTS:
  void initImportStatsExportByUrl() {
    const QString url = server.freshDatabase();
    makeDemo(url);
    const QString file = m_dir.filePath(QStringLiteral("demo.quarry"));
    makeDemo(file);
    const QJsonObject onServer = statsJson(url), inFile = statsJson(file);
    QCOMPARE(onServer.value(QStringLiteral("documents")).toInt(), 60);
    for (const QString& key : {QStringLiteral("documents"), QStringLiteral("splits"), QStringLiteral("entities"),
                               QStringLiteral("relations"), QStringLiteral("answers"), QStringLiteral("labels")})
      QCOMPARE(onServer.value(key), inFile.value(key));
    const QByteArray a = exported(url, QStringLiteral("server.jsonl")), b = exported(file, QStringLiteral("file.jsonl"));
    QVERIFY(a.count('\n') == 60);
    QCOMPARE(a.count('\n'), b.count('\n'));
  }

  void migrateBothWaysIsChecked() {
    const QString url = server.freshDatabase();
    makeDemo(url);
    const QString file = m_dir.filePath(QStringLiteral("migrated.quarry"));
    const CliRun toFile = cli({QStringLiteral("migrate"), url, file});
    QVERIFY2(toFile.code == 0, qPrintable(toFile.err));
    QVERIFY2(toFile.out.contains(QStringLiteral("checked: the two hold the same rows")), qPrintable(toFile.out));
    const QString back = server.freshDatabase();
    const CliRun toServer = cli({QStringLiteral("migrate"), file, back, QStringLiteral("--json")});
    QVERIFY2(toServer.code == 0, qPrintable(toServer.err));
    const QJsonObject json = QJsonDocument::fromJson(toServer.out.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("verified")).toBool(), true);
    QCOMPARE(json.value(QStringLiteral("documents")).toInt(), 60);
    // The three export to the same bytes: provenance, times and keys all came along.
    const QByteArray original = exported(url, QStringLiteral("a.jsonl"));
    QVERIFY(!original.isEmpty());
    QCOMPARE(exported(file, QStringLiteral("b.jsonl")), original);
    QCOMPARE(exported(back, QStringLiteral("c.jsonl")), original);
  }

  void trainOnTheServerRecordsTheRun() {
    const QString url = server.freshDatabase();
    makeDemo(url);
    const CliRun trained = cli({QStringLiteral("train"), QStringLiteral("--project"), url, QStringLiteral("--task"),
                                QStringLiteral("ner"), QStringLiteral("--from-scratch"), QStringLiteral("--set"),
                                QStringLiteral("epochs=1"), QStringLiteral("--output"), m_dir.filePath(QStringLiteral("run"))});
    QVERIFY2(trained.code == 0, qPrintable(trained.err));
    const CliRun runs = cli({QStringLiteral("runs"), QStringLiteral("--project"), url});
    QVERIFY2(runs.code == 0, qPrintable(runs.err));
    QVERIFY2(runs.out.contains(QStringLiteral("finished")), qPrintable(runs.out));
    QVERIFY2(runs.out.contains(QStringLiteral("up to date")), qPrintable(runs.out));
  }

  void refusalsNameTheProjectWithoutPassword() {
    const QString url = server.freshDatabase();
    makeDemo(url);
    CliRun again = cli({QStringLiteral("init"), url});
    QCOMPARE(again.code, 1);
    QVERIFY2(again.err.contains(QStringLiteral("a project already exists there")), qPrintable(again.err));
    const QString file = m_dir.filePath(QStringLiteral("refused.quarry"));
    QCOMPARE(cli({QStringLiteral("migrate"), url, file}).code, 0);
    CliRun over = cli({QStringLiteral("migrate"), file, url});
    QCOMPARE(over.code, 1);
    QVERIFY2(over.err.contains(QStringLiteral("a project already exists there")), qPrintable(over.err));

    const QString secret = QStringLiteral("postgresql://quarry:s3cret@/no_such_db?host=%1&port=%2")
                               .arg(server.socketFolder())
                               .arg(server.port());
    CliRun missing = cli({QStringLiteral("stats"), secret});
    QCOMPARE(missing.code, 1);
    QVERIFY2(missing.err.contains(QStringLiteral("no_such_db")), qPrintable(missing.err));
    QVERIFY2(!missing.err.contains(QStringLiteral("s3cret")), qPrintable(missing.err));

    CliRun unknown = cli({QStringLiteral("stats"), url + QStringLiteral("&sslmode=require")});
    QCOMPARE(unknown.code, 1);
    QVERIFY2(unknown.err.contains(QStringLiteral("unknown parameter 'sslmode'")), qPrintable(unknown.err));
    CliRun noName = cli({QStringLiteral("init"), QStringLiteral("postgresql://localhost/")});
    QCOMPARE(noName.code, 1);
    QVERIFY2(noName.err.contains(QStringLiteral("no database name")), qPrintable(noName.err));
  }
};

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  TestCliPostgres test;
  if (!test.server.start()) {
    std::printf("%s\n", qPrintable(test.server.skipReason()));
    return 77;
  }
  return QTest::qExec(&test, argc, argv);
}

#include "test_cli_postgres.moc"
