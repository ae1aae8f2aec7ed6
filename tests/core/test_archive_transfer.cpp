// Project archives through quarry-cli (in-process): the manifest records what the database holds, and
// a database damaged or altered behind a matching sha256 (zeroed pages, a broken foreign key, rows
// removed) is refused by `init --from-archive` and by a merging `import`, leaving nothing behind.
// Older archives, whose manifest records no counts, still restore and merge.

#include <functional>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include "CliTestSupport.h"
#include "ZipTestSupport.h"
#include "formats/ProjectArchive.h"

using quarry::ProjectArchive;

namespace {

// Runs SQL on a database held in memory as bytes, the way someone editing an archive would.
QByteArray editDatabase(const QString& scratch, const QByteArray& db, const QStringList& statements) {
  {
    QFile f(scratch);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write(db);
  }
  {
    QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("edit"));
    c.setDatabaseName(scratch);
    if (!c.open()) return {};
    QSqlQuery q(c);
    for (const QString& s : statements)
      if (!q.exec(s)) qWarning() << s << q.lastError().text();
    q.finish();
    q.exec(QStringLiteral("PRAGMA journal_mode = DELETE"));  // everything back in the one file
    c.close();
  }
  QSqlDatabase::removeDatabase(QStringLiteral("edit"));
  QFile f(scratch);
  if (!f.open(QIODevice::ReadOnly)) return {};
  const QByteArray out = f.readAll();
  f.close();
  QFile::remove(scratch);
  return out;
}

QJsonObject statsOf(const QString& project) {
  return QJsonDocument::fromJson(
             cli({QStringLiteral("stats"), project, QStringLiteral("--json")}).out.toUtf8())
      .object();
}

}  // namespace

class TestArchiveTransfer : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;
  QString m_zip;  // an honest archive of a project with enough rows for 60+ database pages
  QJsonObject m_manifest;
  QByteArray m_db;
  int m_documents = 600;

  QString path(const QString& name) const { return m_dir.filePath(name); }

  // A copy of the honest archive with its database and manifest changed by `change`; the manifest's
  // sha256 is made to match the changed database, as a careful forger would.
  QString tampered(const QString& name, const std::function<void(QByteArray&, QJsonObject&)>& change) {
    QByteArray db = m_db;
    QJsonObject manifest = m_manifest;
    change(db, manifest);
    manifest[QStringLiteral("database_sha256")] = quarry::test::sha256Hex(db);
    const QString zip = path(name);
    if (!quarry::test::makeZip(zip, {{ProjectArchive::databaseEntry(), db},
                                     {ProjectArchive::manifestEntry(), QJsonDocument(manifest).toJson()}}))
      qFatal("cannot write %s", qPrintable(zip));
    return zip;
  }

  // Both ways of reading an archive refuse it with `why`, and leave no project behind / unchanged.
  void expectRefused(const QString& zip, const QString& why) {
    const QString restored = path(QFileInfo(zip).completeBaseName() + QStringLiteral("-restored.quarry"));
    const CliRun init = cli({QStringLiteral("init"), restored, QStringLiteral("--from-archive"), zip});
    QVERIFY2(init.code == 1, qPrintable(init.out + init.err));
    QVERIFY2(init.err.contains(why), qPrintable(init.err));
    QVERIFY2(!QFileInfo::exists(restored), "a refused archive left a project file");
    const QString merged = path(QFileInfo(zip).completeBaseName() + QStringLiteral("-merged.quarry"));
    QCOMPARE(cli({QStringLiteral("init"), merged}).code, 0);
    const CliRun import = cli({QStringLiteral("import"), merged, zip});
    QVERIFY2(import.code == 1, qPrintable(import.out + import.err));
    QVERIFY2(import.err.contains(why), qPrintable(import.err));
    QCOMPARE(statsOf(merged).value(QStringLiteral("documents")).toInt(), 0);
  }

 private Q_SLOTS:
  void initTestCase() {
    const QString project = path(QStringLiteral("p.quarry"));
    QCOMPARE(cli({QStringLiteral("init"), project}).code, 0);
    QByteArray jsonl;
    for (int i = 0; i < m_documents; ++i)
      jsonl +=
          QStringLiteral(
              "{\"text\":\"Aspirin treats headache in patient %1, who also took ibuprofen for a fever.\","
              "\"spans\":[{\"id\":\"T1\",\"start\":0,\"end\":7,\"label\":\"DRUG\"},{\"id\":\"T2\",\"start\":"
              "15,"
              "\"end\":23,\"label\":\"DISEASE\"}],\"relations\":[{\"head\":\"T1\",\"child\":\"T2\",\"label\":"
              "\"TREATS\"}],\"cats\":{\"clinical\":1.0},\"meta\":{\"name\":\"doc-%1\"}}\n")
              .arg(i)
              .toUtf8();
    QFile f(path(QStringLiteral("docs.jsonl")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(jsonl);
    f.close();
    const CliRun imported = cli({QStringLiteral("import"), project, path(QStringLiteral("docs.jsonl"))});
    QVERIFY2(imported.code == 0, qPrintable(imported.err));
    m_zip = path(QStringLiteral("p.zip"));
    const CliRun exported = cli({QStringLiteral("export"), project, m_zip});
    QVERIFY2(exported.code == 0, qPrintable(exported.err));
    m_db = quarry::test::readZipEntry(m_zip, ProjectArchive::databaseEntry());
    m_manifest =
        QJsonDocument::fromJson(quarry::test::readZipEntry(m_zip, ProjectArchive::manifestEntry())).object();
    QVERIFY(m_db.size() > 60 * 4096);
  }

  void manifestRecordsWhatTheDatabaseHolds() {
    const QJsonObject counts = m_manifest.value(QStringLiteral("counts")).toObject();
    QCOMPARE(counts.value(QStringLiteral("documents")).toInt(), m_documents);
    QCOMPARE(counts.value(QStringLiteral("entities")).toInt(), 2 * m_documents);
    QCOMPARE(counts.value(QStringLiteral("relations")).toInt(), m_documents);
    QCOMPARE(counts.value(QStringLiteral("labels")).toInt(), m_documents);
    QCOMPARE(counts.value(QStringLiteral("answers")).toInt(), 0);
    // And the honest archive restores and merges.
    const QString restored = path(QStringLiteral("honest.quarry"));
    const CliRun r = cli({QStringLiteral("init"), restored, QStringLiteral("--from-archive"), m_zip});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(statsOf(restored).value(QStringLiteral("documents")).toInt(), m_documents);
  }

  void zeroedPagesAreRefused_data() {
    QTest::addColumn<QList<int>>("pages");
    QTest::newRow("page 10") << QList<int>{10};
    QTest::newRow("page 30") << QList<int>{30};
    QTest::newRow("page 50") << QList<int>{50};
    QTest::newRow("pages 10, 30, 50") << QList<int>{10, 30, 50};
  }
  void zeroedPagesAreRefused() {
    QFETCH(QList<int>, pages);
    const QString zip =
        tampered(QStringLiteral("zeroed-%1.zip").arg(pages.size() == 1 ? pages.front() : 0),
                 [&](QByteArray& db, QJsonObject&) {
                   const int pageSize = (uchar(db[16]) << 8) | uchar(db[17]);
                   for (int page : pages)
                     db.replace(qsizetype(page - 1) * pageSize, pageSize, QByteArray(pageSize, '\0'));
                 });
    expectRefused(zip, QStringLiteral("damaged"));
  }

  void brokenForeignKeyIsRefused() {
    // An archive from before manifests counted rows: only the database's own checks can tell.
    const QString zip =
        tampered(QStringLiteral("foreign-key.zip"), [&](QByteArray& db, QJsonObject& manifest) {
          manifest.remove(QStringLiteral("counts"));
          db = editDatabase(
              path(QStringLiteral("edit.db")), db,
              {QStringLiteral("PRAGMA foreign_keys = OFF"),
               QStringLiteral(
                   "UPDATE relations SET head_id = 999999 WHERE id = (SELECT MIN(id) FROM relations)")});
        });
    expectRefused(zip, QStringLiteral("foreign_key_check"));
  }

  void rowsMissingFromTheCountsAreRefused() {
    // A consistent database (foreign keys on, the cascade done) with one document fewer than recorded.
    const QString zip = tampered(QStringLiteral("fewer.zip"), [&](QByteArray& db, QJsonObject&) {
      db = editDatabase(path(QStringLiteral("edit.db")), db,
                        {QStringLiteral("PRAGMA foreign_keys = ON"),
                         QStringLiteral("DELETE FROM documents WHERE id = (SELECT MIN(id) FROM documents)")});
    });
    expectRefused(zip, QStringLiteral("records %1 documents but the database holds %2")
                           .arg(m_documents)
                           .arg(m_documents - 1));
  }

  // Databases edited behind a matching sha256 and matching counts, each consistent as far as SQLite's
  // own checks go: the tables, the text and the annotations are checked too, by both ways in.
  void editedDatabasesAreRefused_data() {
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<QString>("why");
    QTest::newRow("table dropped") << QStringList{QStringLiteral("DROP TABLE edit_log")}
                                   << "the table edit_log is missing";
    QTest::newRow("index dropped") << QStringList{QStringLiteral("DROP INDEX relations_head")}
                                   << "the index relations_head is missing";
    QTest::newRow("trigger added")
        << QStringList{QStringLiteral("CREATE TRIGGER wipe AFTER INSERT ON entity_spans "
                                      "BEGIN DELETE FROM entity_spans; END")}
        << "the trigger wipe is not one Quarry makes";
    QTest::newRow("table added") << QStringList{QStringLiteral("CREATE TABLE extra (x TEXT)")}
                                 << "the table extra is not one Quarry makes";
    QTest::newRow("table changed")
        << QStringList{QStringLiteral("ALTER TABLE documents ADD COLUMN secret TEXT")}
        << "the table documents is not the one Quarry makes";
    QTest::newRow("invalid UTF-8 text")
        << QStringList{QStringLiteral(
               "UPDATE documents SET text = CAST(X'41FF42' AS TEXT) WHERE id = (SELECT MIN(id) FROM documents)")}
        << "documents.text of row 1 is not valid UTF-8";
    QTest::newRow("invalid UTF-8 type name")
        << QStringList{QStringLiteral("UPDATE entity_types SET name = CAST(X'44FF' AS TEXT) WHERE name = 'DRUG'")}
        << "entity_types.name of row";
    QTest::newRow("span past the text")
        << QStringList{QStringLiteral("UPDATE entity_spans SET end_cp = 100000 WHERE id = (SELECT MIN(id) FROM "
                                      "entity_spans)")}
        << "100000";
  }
  void editedDatabasesAreRefused() {
    QFETCH(QStringList, statements);
    QFETCH(QString, why);
    const QString zip = tampered(QStringLiteral("edited-%1.zip")
                                     .arg(QString::fromUtf8(QTest::currentDataTag()))
                                     .replace(QLatin1Char(' '), QLatin1Char('-')),
                                 [&](QByteArray& db, QJsonObject&) {
                                   db = editDatabase(path(QStringLiteral("edit.db")), db, statements);
                                 });
    expectRefused(zip, why);
  }

  void olderArchiveWithoutCountsStillImports() {
    const QString zip = tampered(QStringLiteral("older.zip"), [&](QByteArray&, QJsonObject& manifest) {
      manifest.remove(QStringLiteral("counts"));
    });
    const QString restored = path(QStringLiteral("older.quarry"));
    const CliRun r = cli({QStringLiteral("init"), restored, QStringLiteral("--from-archive"), zip});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(statsOf(restored).value(QStringLiteral("documents")).toInt(), m_documents);
    const QString merged = path(QStringLiteral("older-merged.quarry"));
    QCOMPARE(cli({QStringLiteral("init"), merged}).code, 0);
    const CliRun m = cli({QStringLiteral("import"), merged, zip});
    QVERIFY2(m.code == 0, qPrintable(m.err));
    QCOMPARE(statsOf(merged).value(QStringLiteral("documents")).toInt(), m_documents);
  }
};

QTEST_GUILESS_MAIN(TestArchiveTransfer)
#include "test_archive_transfer.moc"
