// ProjectStore files: migrations (one transaction each, rollback on failure), upgrading an old
// file, readers and writers on other threads with their own connections.

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>

#include "store/ProjectStore.h"
#include "store/SchemaMigrator.h"
#include "store/StoreConnection.h"
#include "store/StoreMigrations.h"
#include "test_store_data.h"

using namespace quarry;
using namespace quarry::test;

namespace {

int versionOf(const QString& path) {
  auto c = StoreConnection::open(path, true, true);
  if (!c) return -1;
  auto v = SchemaMigrator((*c)->db(), (*c)->dialect()).currentVersion();
  return v ? *v : -1;
}

// Runs `work` on a new QThread and waits for it.
template <typename Work>
void onThread(Work work) {
  QThread* t = QThread::create(work);
  t->start();
  t->wait();
  delete t;
}

}  // namespace

class TestStoreFiles : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir m_dir;
  int m_n = 0;
  QString freshPath() { return m_dir.filePath(QStringLiteral("f%1.quarry").arg(++m_n)); }

  // A file left at schema `version` by an older Quarry, its rows written by `seed`.
  QString oldFile(int version, const QStringList& seed) {
    const QString path = freshPath();
    auto c = StoreConnection::open(path, false, false);
    if (!c) qFatal("%s", c.error().toString().c_str());
    StoreConnection& conn = **c;
    if (Status s = SchemaMigrator(conn.db(), conn.dialect()).migrate(storeMigrations(), version); !s)
      qFatal("%s", s.error().toString().c_str());
    QSqlQuery q(conn.db());
    for (const QString& statement : seed)
      if (!q.exec(statement)) qFatal("seed failed: %s", qPrintable(statement));
    return path;
  }

  // A file left at schema version 1, with one document.
  QString versionOneFile() {
    return oldFile(1, {QStringLiteral("INSERT INTO project (id, name, created) VALUES (1, 'old', 0)"),
                       QStringLiteral("INSERT INTO documents (name, text, created, updated) "
                                      "VALUES ('legacy', 'Old text.', 0, 0)")});
  }

 private Q_SLOTS:
  void upgradesVersionOneFile() {
    const QString path = versionOneFile();
    QCOMPARE(versionOf(path), 1);
    auto ro = ProjectStore::open(path, OpenMode::ReadOnly);  // a reviewer cannot upgrade
    QVERIFY(!ro.ok());
    QVERIFY2(QString::fromStdString(ro.error().message).contains(QStringLiteral("upgrade")),
             ro.error().toString().c_str());

    auto store = ProjectStore::open(path);
    QUARRY_VERIFY_OK(store);
    auto info = (*store)->info();
    QUARRY_VERIFY_OK(info);
    QCOMPARE(info->schemaVersion, storeSchemaVersion());
    QCOMPARE(info->name, QStringLiteral("old"));
    auto corpus = (*store)->loadCorpus();
    QUARRY_VERIFY_OK(corpus);
    QCOMPARE(corpus->documents.size(), 1);
    QCOMPARE(corpus->documents[0].text, QStringLiteral("Old text."));
    QUARRY_VERIFY_OK((*store)->createRun(ModelRun{}));  // a version-2 table
  }

  // Version 2 kept no entity type for a QA field: the upgrade adds it empty (the field answered by
  // annotation alone), leaves the tables as a new project has them, and the type can then be stored.
  void upgradesVersionTwoQaFields() {
    const QString path = oldFile(
        2, {QStringLiteral("INSERT INTO project (id, name, created) VALUES (1, 'old', 0)"),
            QStringLiteral("INSERT INTO entity_types (name, position) VALUES ('EFFECTIVE_DATE', 0)"),
            QStringLiteral("INSERT INTO qa_fields (name, position, questions, hotkey, definition) "
                           "VALUES ('effective_date', 0, '[\"When does it take effect?\"]', 'e', 'The date.')")});
    QCOMPARE(versionOf(path), 2);
    {
      auto store = ProjectStore::open(path);
      QUARRY_VERIFY_OK(store);
      QCOMPARE((*store)->info()->schemaVersion, storeSchemaVersion());
      QUARRY_VERIFY_OK((*store)->checkContents());  // what an archive of version 2 goes through
      auto schema = (*store)->schema();
      QUARRY_VERIFY_OK(schema);
      QCOMPARE(schema->qaFields.size(), 1);
      const QaField& field = schema->qaFields[0];
      QCOMPARE(field.questions, QStringList{QStringLiteral("When does it take effect?")});
      QCOMPARE(field.hotkey, QStringLiteral("e"));
      QCOMPARE(field.guideline.definition, QStringLiteral("The date."));
      QVERIFY(field.entityType.isEmpty());
      Schema answered = *schema;
      answered.qaFields[0].entityType = QStringLiteral("EFFECTIVE_DATE");
      QUARRY_VERIFY_OK((*store)->setSchema(answered));
    }
    auto reopened = ProjectStore::open(path, OpenMode::ReadOnly);
    QUARRY_VERIFY_OK(reopened);
    QCOMPARE((*reopened)->schema()->qaFields[0].entityType, QStringLiteral("EFFECTIVE_DATE"));
  }

  // Version 7 kept no run logs: the upgrade keeps the runs, adds the table as a new project has it, and a
  // run of before then has an empty log that can be appended to.
  void upgradesVersionSevenRunLog() {
    const QString path = oldFile(
        7,
        {QStringLiteral("INSERT INTO project (id, name, created) VALUES (1, 'old', 0)"),
         QStringLiteral(
             "INSERT INTO model_runs (name, status, created, task) VALUES ('old run', 'failed', 0, 'ner')")});
    QCOMPARE(versionOf(path), 7);
    auto store = ProjectStore::open(path);
    QUARRY_VERIFY_OK(store);
    QCOMPARE((*store)->info()->schemaVersion, storeSchemaVersion());
    QUARRY_VERIFY_OK((*store)->checkContents());  // the tables and indexes of a new project
    auto runs = (*store)->listRuns();
    QUARRY_VERIFY_OK(runs);
    QCOMPARE(runs->size(), 1);
    const qint64 id = runs->front().id;
    QCOMPARE((*store)->runLog(id)->size(), 0);
    const Status appended =
        (*store)->appendRunLog(id, {RunLogLine{0, {}, QStringLiteral("error"), QStringLiteral("why")}});
    QUARRY_VERIFY_OK(appended);
    auto log = (*store)->runLog(id);
    QUARRY_VERIFY_OK(log);
    for (const RunLogLine& l : *log) qWarning() << "DEBUG" << l.sequence << l.time << l.level << l.message;
    QCOMPARE(log->size(), 1);
    QCOMPARE(log->front().message, QStringLiteral("why"));
    QCOMPARE(log->front().sequence, 1);
    store->reset();

    // A run deleted takes its log with it (the store has no deletion of runs yet; its rows say so).
    auto c = StoreConnection::open(path, false, true);
    QUARRY_VERIFY_OK(c);
    QSqlQuery q((*c)->db());
    QVERIFY(q.exec(QStringLiteral("DELETE FROM model_runs WHERE id = %1").arg(id)));
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM run_log")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
  }

  void failingMigrationLeavesOldVersion() {
    const QString path = freshPath();
    {
      auto made = ProjectStore::create(path, QStringLiteral("m"));
      QUARRY_VERIFY_OK(made);
    }
    const int before = storeSchemaVersion();
    QCOMPARE(versionOf(path), before);
    {
      auto c = StoreConnection::open(path, false, true);
      QUARRY_VERIFY_OK(c);
      QVector<Migration> migrations = storeMigrations();
      Migration broken;
      broken.version = before + 1;
      broken.description = QStringLiteral("deliberately broken");
      broken.statements = QStringList{QStringLiteral("CREATE TABLE half_done (${PK:id}, x TEXT)"),
                                      QStringLiteral("INSERT INTO half_done (x) VALUES ('a')"),
                                      QStringLiteral("INSERT INTO no_such_table (x) VALUES (1)")};
      migrations << broken;
      const Status s = SchemaMigrator((*c)->db(), (*c)->dialect()).migrate(migrations);
      QVERIFY(!s.ok());
      QVERIFY2(QString::fromStdString(s.error().message).contains(QStringLiteral("no_such_table")),
               s.error().toString().c_str());
      QVERIFY(!(*c)->db().tables().contains(QStringLiteral("half_done")));
    }
    QCOMPARE(versionOf(path), before);
    QUARRY_VERIFY_OK(ProjectStore::open(path));
  }

  void newerFileIsRefused() {
    const QString path = freshPath();
    {
      auto made = ProjectStore::create(path, QStringLiteral("n"));
      QUARRY_VERIFY_OK(made);
    }
    {
      auto c = StoreConnection::open(path, false, true);
      QUARRY_VERIFY_OK(c);
      QSqlQuery q((*c)->db());
      QVERIFY(q.exec(QStringLiteral(
          "INSERT INTO schema_migrations (version, description, applied) VALUES (99, 'future', 0)")));
    }
    auto store = ProjectStore::open(path);
    QVERIFY(!store.ok());
    QVERIFY2(QString::fromStdString(store.error().message).contains(QStringLiteral("newer")),
             store.error().toString().c_str());
  }

  void readerThreadSeesCommittedData() {
    const QString path = freshPath();
    auto made = ProjectStore::create(path, QStringLiteral("t"));
    QUARRY_VERIFY_OK(made);
    ProjectStore& writer = **made;
    QUARRY_VERIFY_OK(writer.importCorpus(plainCorpus(QStringLiteral("a"), 3), QStringLiteral("w")));

    std::atomic<int> seen{-1};
    auto readCount = [&] {
      auto reader = ProjectStore::open(path, OpenMode::ReadOnly);
      if (!reader) return;
      auto stats = (*reader)->stats();
      seen = stats ? stats->documents : -2;
    };
    onThread(readCount);
    QCOMPARE(seen.load(), 3);
    QUARRY_VERIFY_OK(writer.importCorpus(plainCorpus(QStringLiteral("b"), 2), QStringLiteral("w")));
    onThread(readCount);
    QCOMPARE(seen.load(), 5);
  }

  void concurrentWritersBothCommit() {
    const QString path = freshPath();
    {
      auto made = ProjectStore::create(path, QStringLiteral("c"));
      QUARRY_VERIFY_OK(made);
    }
    std::atomic<int> failures{0};
    auto writeMany = [&](const QString& prefix) {
      return [&failures, path, prefix] {
        auto store = ProjectStore::open(path);
        if (!store) {
          ++failures;
          return;
        }
        // Bulk imports and single edits interleave with the other thread's.
        for (int round = 0; round < 5; ++round) {
          auto r =
              (*store)->importCorpus(plainCorpus(QStringLiteral("%1-%2").arg(prefix).arg(round), 20), prefix);
          if (!r) {
            ++failures;
            return;
          }
          auto docs = (*store)->listDocuments();
          if (!docs || !(*store)->setDocumentStatus(docs->back().id, DocumentStatus::InProgress, prefix))
            ++failures;
        }
      };
    };
    QThread* a = QThread::create(writeMany(QStringLiteral("x")));
    QThread* b = QThread::create(writeMany(QStringLiteral("y")));
    a->start();
    b->start();
    a->wait();
    b->wait();
    delete a;
    delete b;
    QCOMPARE(failures.load(), 0);
    auto store = ProjectStore::open(path, OpenMode::ReadOnly);
    QUARRY_VERIFY_OK(store);
    auto stats = (*store)->stats();
    QUARRY_VERIFY_OK(stats);
    QCOMPARE(stats->documents, 200);
    QCOMPARE(stats->entities, 200);
  }

  void walAndForeignKeysAreOn() {
    const QString path = freshPath();
    {
      auto made = ProjectStore::create(path, QStringLiteral("w"));
      QUARRY_VERIFY_OK(made);
    }
    auto c = StoreConnection::open(path, false, true);
    QUARRY_VERIFY_OK(c);
    QSqlQuery q((*c)->db());
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
  }

  void reopenKeepsEdits() {
    const QString path = freshPath();
    qint64 entity = 0;
    {
      auto made = ProjectStore::create(path, QStringLiteral("r"));
      QUARRY_VERIFY_OK(made);
      QUARRY_VERIFY_OK((*made)->importCorpus(storeTestCorpus(), QStringLiteral("imp")));
      const qint64 doc = (*made)->listDocuments()->at(2).id;
      auto id = (*made)->addEntity(doc, span(QStringLiteral("X1"), QStringLiteral("DRUG"), {{0, 0}}),
                                   QStringLiteral("ann"));
      QUARRY_VERIFY_OK(id);
      entity = *id;
    }
    auto store = ProjectStore::open(path);
    QUARRY_VERIFY_OK(store);
    auto doc = (*store)->loadDocument((*store)->listDocuments()->at(2).id);
    QUARRY_VERIFY_OK(doc);
    QCOMPARE(doc->entityIds, QVector<qint64>{entity});
    QCOMPARE(doc->document.entities[0].key, QStringLiteral("X1"));
    QCOMPARE(doc->document.entities[0].provenance.annotator, QStringLiteral("ann"));
  }
};

QTEST_GUILESS_MAIN(TestStoreFiles)
#include "test_store_files.moc"
