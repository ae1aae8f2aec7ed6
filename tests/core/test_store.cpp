// ProjectStore: round trips, all-or-nothing import, schema versions, single edits, queries, runs; on project
// files, and (test_store_postgresql) on databases of a private PostgreSQL server.

#include <algorithm>
#include <atomic>
#include <thread>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include "corpus/SchemaJson.h"
#include "store/ProjectStore.h"
#include "store/StoreMigrations.h"
#include "StoreTestBackend.h"
#include "test_store_data.h"

using namespace quarry;
using namespace quarry::test;

class TestStore : public QObject {
  Q_OBJECT

 public:
  StoreTestBackend& backend() { return m_backend; }

 private:
  QTemporaryDir m_dir;
  StoreTestBackend m_backend;
  QString freshPath() { return m_backend.freshLocation(m_dir); }

  std::unique_ptr<ProjectStore> makeStore(const QString& path, const Corpus* corpus = nullptr) {
    auto store = ProjectStore::create(path, QStringLiteral("Test project"));
    if (!store) qFatal("create failed: %s", store.error().toString().c_str());
    if (corpus) {
      auto summary = (*store)->importCorpus(*corpus, QStringLiteral("importer"));
      if (!summary) qFatal("import failed: %s", summary.error().toString().c_str());
    }
    return std::move(store.value());
  }

 private Q_SLOTS:
  void createRefusesToOverwrite() {
    const QString path = freshPath();
    makeStore(path);
    auto again = ProjectStore::create(path, QStringLiteral("other"));
    QVERIFY(!again.ok());
    QVERIFY2(QString::fromStdString(again.error().toString()).contains(QStringLiteral("already exists")),
             again.error().toString().c_str());
    auto store = ProjectStore::open(path);
    QUARRY_VERIFY_OK(store);
    auto info = (*store)->info();
    QUARRY_VERIFY_OK(info);
    QCOMPARE(info->name, QStringLiteral("Test project"));
    QCOMPARE(info->schemaVersion, storeSchemaVersion());
    QVERIFY(info->created.isValid());
  }

  // Two creators of one path at once (two `quarry-cli init`, or the GUI and the CLI): exactly one makes the
  // project; the other is told a file exists and removes nothing.
  void concurrentCreatesMakeOneProject() {
    for (int round = 0; round < 20; ++round) {
      const QString path = freshPath();
      std::atomic<int> ready{0};
      std::atomic<bool> ok[2] = {false, false};
      auto creator = [&](int k) {
        ++ready;
        while (ready.load() < 2) std::this_thread::yield();
        auto store = ProjectStore::create(path, QStringLiteral("creator %1").arg(k));
        ok[k] = store.ok();
      };
      std::thread a(creator, 0), b(creator, 1);
      a.join();
      b.join();
      QCOMPARE(int(ok[0]) + int(ok[1]), 1);
      auto store = ProjectStore::open(path);
      QUARRY_VERIFY_OK(store);
      auto info = (*store)->info();
      QUARRY_VERIFY_OK(info);
      QCOMPARE(info->name, QStringLiteral("creator %1").arg(ok[0] ? 0 : 1));
    }
  }

  void openRejectsMissingAndForeignFiles() {
    if (m_backend.isServer()) {
      // A database that is not there, and one that holds no project.
      auto missing = ProjectStore::open(m_backend.server()->url(QStringLiteral("no_such_database")));
      QVERIFY(!missing.ok());
      QVERIFY2(QString::fromStdString(missing.error().toString()).contains(QStringLiteral("no_such_database")),
               missing.error().toString().c_str());
      const QString empty = freshPath();
      auto foreign = ProjectStore::open(empty);
      QVERIFY(!foreign.ok());
      QVERIFY2(QString::fromStdString(foreign.error().message).contains(QStringLiteral("not a Quarry project")),
               foreign.error().toString().c_str());
      QVERIFY2(!QString::fromStdString(foreign.error().toString()).contains(QStringLiteral("password")),
               "the location in messages carries no password");
      return;
    }
    QVERIFY(!ProjectStore::open(m_dir.filePath(QStringLiteral("missing.quarry"))).ok());
    const QString junk = m_dir.filePath(QStringLiteral("junk.quarry"));
    QFile f(junk);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    auto store = ProjectStore::open(junk);
    QVERIFY(!store.ok());
    QCOMPARE(QString::fromStdString(store.error().file), junk);
  }

  void importThenLoadIsSameContent() {
    const Corpus input = storeTestCorpus();
    const QString path = freshPath();
    auto store = makeStore(path);
    auto summary = store->importCorpus(input, QStringLiteral("importer"));
    QUARRY_VERIFY_OK(summary);
    QCOMPARE(summary->documents, 3);
    QCOMPARE(summary->entities, 3);
    QCOMPARE(summary->relations, 2);
    QCOMPARE(summary->answers, 2);
    QCOMPARE(summary->labels, 2);

    auto loaded = store->loadCorpus();
    QUARRY_VERIFY_OK(loaded);
    QString why;
    QVERIFY2(loaded->sameContent(input, &why), qPrintable(why));
    QCOMPARE(loaded->documents[1].status, DocumentStatus::Done);
    QCOMPARE(loaded->documents[0].sourceFile, QStringLiteral("/data/doc-1.txt"));
    QCOMPARE(loaded->schema.guidelineVersion, 3);  // a fresh project takes the corpus's version
    const Provenance& p = loaded->documents[0].entities[2].provenance;
    QCOMPARE(p.annotator, QStringLiteral("importer"));
    QCOMPARE(p.origin, Origin::Imported);
    QCOMPARE(p.guidelineVersion, 3);
    QVERIFY(p.created.isValid());

    store.reset();  // reopen the file: same content
    auto reopened = ProjectStore::open(path);
    QUARRY_VERIFY_OK(reopened);
    auto again = (*reopened)->loadCorpus();
    QUARRY_VERIFY_OK(again);
    QVERIFY2(again->sameContent(input, &why), qPrintable(why));
  }

  void loadCorpusFiltersBySplit() {
    const Corpus input = storeTestCorpus();
    auto store = makeStore(freshPath(), &input);
    CorpusFilter filter;
    filter.splits = {Split::Test, Split::Dev};
    auto loaded = store->loadCorpus(filter);
    QUARRY_VERIFY_OK(loaded);
    QCOMPARE(loaded->documents.size(), 2);
    QVERIFY(loaded->documents[0].sameContent(input.documents[1]));
    QVERIFY(loaded->documents[1].sameContent(input.documents[2]));
    filter.splits = {Split::Train};
    filter.statuses = {DocumentStatus::Done};
    loaded = store->loadCorpus(filter);
    QUARRY_VERIFY_OK(loaded);
    QCOMPARE(loaded->documents.size(), 0);
  }

  // Data quality findings marked as intended: kept per kind and key, re-marking replaces, unmarking removes,
  // an unknown kind and a read-only store are refused; several splits move in one transaction.
  void qualityDecisionsAndSplitsInOneTransaction() {
    const Corpus input = storeTestCorpus();
    const QString path = freshPath();
    auto store = makeStore(path, &input);
    QUARRY_VERIFY_OK(store->markFindingIntended(QStringLiteral("entity"), QStringLiteral("apc"), QStringLiteral("ann")));
    QUARRY_VERIFY_OK(store->markFindingIntended(QStringLiteral("entity"), QStringLiteral("apc"), QStringLiteral("bob")));
    QUARRY_VERIFY_OK(store->markFindingIntended(QStringLiteral("relation"), QStringLiteral("a \u21C4 b"), QStringLiteral("ann")));
    auto entities = store->intendedFindings(QStringLiteral("entity"));
    QUARRY_VERIFY_OK(entities);
    QCOMPARE(entities.value(), QSet<QString>({QStringLiteral("apc")}));
    QCOMPARE(store->intendedFindings(QStringLiteral("relation"))->size(), 1);
    QVERIFY(store->annotators()->contains(QStringLiteral("bob")));
    QVERIFY(!store->markFindingIntended(QStringLiteral("span"), QStringLiteral("x"), QStringLiteral("ann")).ok());
    QUARRY_VERIFY_OK(store->unmarkFinding(QStringLiteral("entity"), QStringLiteral("apc")));
    QVERIFY(store->intendedFindings(QStringLiteral("entity"))->isEmpty());

    auto docs = store->listDocuments();
    QUARRY_VERIFY_OK(docs);
    QVERIFY(docs->size() >= 2);
    QVector<QPair<qint64, Split>> moves{{docs->at(0).id, Split::Test}, {docs->at(1).id, Split::Test}};
    QUARRY_VERIFY_OK(store->setDocumentSplits(moves, QStringLiteral("ann")));
    docs = store->listDocuments();
    QCOMPARE(docs->at(0).split, Split::Test);
    QCOMPARE(docs->at(1).split, Split::Test);
    // A missing document fails the whole batch: the first move is not kept either.
    const Split before = docs->at(0).split;
    QVERIFY(!store->setDocumentSplits({{docs->at(0).id, Split::Dev}, {999999, Split::Dev}}, QStringLiteral("ann")).ok());
    QCOMPARE(store->listDocuments()->at(0).split, before);

    store.reset();
    auto readOnly = ProjectStore::open(path, OpenMode::ReadOnly);
    QUARRY_VERIFY_OK(readOnly);
    QVERIFY(!(*readOnly)->markFindingIntended(QStringLiteral("entity"), QStringLiteral("x"), QStringLiteral("ann")).ok());
  }

  void duplicateNameFailsAndChangesNothing() {
    const Corpus input = storeTestCorpus();
    auto store = makeStore(freshPath(), &input);
    Corpus second = plainCorpus(QStringLiteral("new"), 2);
    second.schema.entityTypes.push_back(EntityType{QStringLiteral("GENE"), {}, {}, {}});
    second.documents.push_back(input.documents[1]);
    auto r = store->importCorpus(second, QStringLiteral("bob"));
    QVERIFY(!r.ok());
    QVERIFY2(QString::fromStdString(r.error().message).contains(QStringLiteral("contract-2 ü")),
             r.error().toString().c_str());
    auto loaded = store->loadCorpus();
    QUARRY_VERIFY_OK(loaded);
    QString why;
    QVERIFY2(loaded->sameContent(input, &why), qPrintable(why));  // no new documents, no GENE type
  }

  void brokenDocumentRollsBackWholeImport() {
    auto store = makeStore(freshPath());
    Corpus bad = plainCorpus(QStringLiteral("ok"), 5);
    bad.documents[3].relations = {
        relation(QStringLiteral("R1"), QStringLiteral("TREATS"), QStringLiteral("T1"), QStringLiteral("T9"))};
    auto r = store->importCorpus(bad, QStringLiteral("bob"));
    QVERIFY(!r.ok());
    const QString message = QString::fromStdString(r.error().message);
    QVERIFY2(message.contains(QStringLiteral("ok-3")) && message.contains(QStringLiteral("T9")),
             qPrintable(message));
    auto stats = store->stats();
    QUARRY_VERIFY_OK(stats);
    QCOMPARE(stats->documents, 0);
    auto schema = store->schema();
    QUARRY_VERIFY_OK(schema);
    QVERIFY(schema->isEmpty());

    Corpus outside = plainCorpus(QStringLiteral("x"), 2);
    outside.documents[1].entities[0].fragments = {{5, 99}};
    QVERIFY(!store->importCorpus(outside, QStringLiteral("bob")).ok());
    QCOMPARE(store->stats()->documents, 0);
  }

  void cancelledImportChangesNothing() {
    const Corpus input = storeTestCorpus();
    auto store = makeStore(freshPath(), &input);
    int calls = 0, lastTotal = 0;
    auto r = store->importCorpus(plainCorpus(QStringLiteral("c"), 50), QStringLiteral("bob"),
                                 [&](int done, int total) {
                                   ++calls;
                                   lastTotal = total;
                                   return done < 20;
                                 });
    QCOMPARE(lastTotal, 50);
    QVERIFY(!r.ok());
    QVERIFY2(QString::fromStdString(r.error().message).contains(QStringLiteral("cancelled")),
             r.error().toString().c_str());
    QVERIFY(calls > 1);
    auto loaded = store->loadCorpus();
    QUARRY_VERIFY_OK(loaded);
    QString why;
    QVERIFY2(loaded->sameContent(input, &why), qPrintable(why));
  }

  void importMergesSchemaIntoExistingOne() {
    auto store = makeStore(freshPath());
    Schema own;
    own.entityTypes = {EntityType{QStringLiteral("DRUG"), QStringLiteral("#123456"), {}, {}}};
    QUARRY_VERIFY_OK(store->setSchema(own));
    Corpus c = plainCorpus(QStringLiteral("m"), 1);
    c.documents[0].labels = {DocumentLabel{QStringLiteral("brand-new"), {}}};
    QUARRY_VERIFY_OK(store->importCorpus(c, QStringLiteral("bob")));
    auto schema = store->schema();
    QUARRY_VERIFY_OK(schema);
    QCOMPARE(schema->entityType(QStringLiteral("DRUG"))->colour,
             QStringLiteral("#123456"));  // project's wins
    QVERIFY(schema->relationType(QStringLiteral("TREATS")));
    QVERIFY(schema->category(QStringLiteral("brand-new")));
    QCOMPARE(schema->entityTypes.size(), 3);
  }

  void guidelineVersionBumpsOnGuidelineChangeOnly() {
    auto store = makeStore(freshPath());
    Schema s = storeTestSchema();
    QUARRY_VERIFY_OK(store->setSchema(s));
    QCOMPARE(store->schema()->guidelineVersion, 2);  // 1 -> 2: guidelines were added
    s.entityTypes[1].colour = QStringLiteral("#abcdef");
    QUARRY_VERIFY_OK(store->setSchema(s));
    QCOMPARE(store->schema()->guidelineVersion, 2);  // colour is not guideline text
    s.entityTypes[0].guideline.edgeCases << QStringLiteral("generics too");
    QUARRY_VERIFY_OK(store->setSchema(s));
    auto schema = store->schema();
    QUARRY_VERIFY_OK(schema);
    QCOMPARE(schema->guidelineVersion, 3);
    QCOMPARE(schema->entityTypes[0].guideline.edgeCases.size(), 2);
    QCOMPARE(schema->entityTypes[1].colour, QStringLiteral("#abcdef"));
    s.guidelineVersion = schema->guidelineVersion;
    QCOMPARE(*schema, s);
  }

  // A schema file whose QA field names the entity type answering it: stored, reopened, read back equal.
  void qaFieldEntityTypeRoundTrips() {
    const QByteArray file = R"({"entity_types": [{"name": "EFFECTIVE_DATE"}, {"name": "PARTY"}],
        "qa_fields": [{"name": "EFFECTIVE_DATE", "questions": ["When does it take effect?", "Effective date?"],
                       "entity_type": "EFFECTIVE_DATE", "hotkey": "e"},
                      {"name": "termination", "questions": ["How can it be terminated?"]}]})";
    auto schema = schemaFromJson(QJsonDocument::fromJson(file).object(), QStringLiteral("schema.json"));
    QUARRY_VERIFY_OK(schema);
    QCOMPARE(schema->qaFields[0].entityType, QStringLiteral("EFFECTIVE_DATE"));
    const QString path = freshPath();
    {
      auto made = makeStore(path);
      QUARRY_VERIFY_OK(made->setSchema(*schema));
    }
    auto store = ProjectStore::open(path, OpenMode::ReadOnly);
    QUARRY_VERIFY_OK(store);
    auto loaded = (*store)->schema();
    QUARRY_VERIFY_OK(loaded);
    QCOMPARE(loaded->qaFields[0].entityType, QStringLiteral("EFFECTIVE_DATE"));
    QVERIFY(loaded->qaFields[1].entityType.isEmpty());
    QCOMPARE(*loaded, *schema);
    QCOMPARE(schemaToJson(*loaded), schemaToJson(*schema));
  }

  void qaFieldEntityTypeMustBeInTheSchema() {
    auto store = makeStore(freshPath());
    Schema s = storeTestSchema();
    s.qaFields[0].entityType = QStringLiteral("DRUG");
    QUARRY_VERIFY_OK(store->setSchema(s));
    s.qaFields[0].entityType = QStringLiteral("DATE");  // no such entity type
    const Status refused = store->setSchema(s);
    QVERIFY(!refused.ok());
    QVERIFY2(QString::fromStdString(refused.error().message).contains(QStringLiteral("'DATE'")),
             refused.error().toString().c_str());
    QCOMPARE(store->schema()->qaFields[0].entityType, QStringLiteral("DRUG"));  // rolled back
    s.qaFields[0].entityType.clear();  // and back to a field answered by annotation alone
    QUARRY_VERIFY_OK(store->setSchema(s));
    QVERIFY(store->schema()->qaFields[0].entityType.isEmpty());
  }

  void typeInUseCannotBeRemoved() {
    const Corpus input = storeTestCorpus();
    auto store = makeStore(freshPath(), &input);
    Schema s = input.schema;
    s.entityTypes.removeAt(0);  // DRUG, used by doc-1
    const Status st = store->setSchema(s);
    QVERIFY(!st.ok());
    QVERIFY2(QString::fromStdString(st.error().message).contains(QStringLiteral("DRUG")),
             st.error().toString().c_str());
    QCOMPARE(store->schema()->entityTypes.size(), 3);
  }

  void singleEditsRecordProvenance() {
    const Corpus input = storeTestCorpus();
    auto store = makeStore(freshPath(), &input);
    const qint64 doc = store->listDocuments()->at(0).id;
    auto e = store->addEntity(doc, span({}, QStringLiteral("DISEASE"), {{32, 37}}), QStringLiteral("ann"));
    QUARRY_VERIFY_OK(e);
    auto stored = store->loadDocument(doc);
    QUARRY_VERIFY_OK(stored);
    QCOMPARE(stored->entityIds.size(), 4);
    QCOMPARE(stored->entityIds.back(), *e);
    const EntitySpan& added = stored->document.entities.back();
    QCOMPARE(added.key, QStringLiteral("T4"));
    QCOMPARE(added.provenance.annotator, QStringLiteral("ann"));
    QCOMPARE(added.provenance.origin, Origin::Manual);
    QCOMPARE(added.provenance.guidelineVersion, 3);

    // Relation rules: TREATS goes DRUG -> DISEASE/SYMPTOM only.
    const qint64 drug = stored->entityIds[0];
    QVERIFY(!store->addRelation(doc, QStringLiteral("TREATS"), *e, drug, QStringLiteral("ann")).ok());
    auto rel = store->addRelation(doc, QStringLiteral("TREATS"), drug, *e, QStringLiteral("ann"),
                                  Origin::AcceptedSuggestion);
    QUARRY_VERIFY_OK(rel);
    QUARRY_VERIFY_OK(
        store->updateEntity(*e, QStringLiteral("SYMPTOM"), {{0, 7}, {32, 37}}, QStringLiteral("rev")));
    stored = store->loadDocument(doc);
    QCOMPARE(stored->document.relations.back().key, QStringLiteral("R3"));
    QCOMPARE(stored->document.relations.back().tail, QStringLiteral("T4"));
    QCOMPARE(stored->document.relations.back().provenance.origin, Origin::AcceptedSuggestion);
    QCOMPARE(stored->document.entities.back().type, QStringLiteral("SYMPTOM"));
    QCOMPARE(stored->document.entities.back().fragments, (QVector<Fragment>{{0, 7}, {32, 37}}));
    QCOMPARE(stored->document.entities.back().provenance.annotator, QStringLiteral("rev"));

    // Removing T1 (the head of every relation) removes the relations too.
    QUARRY_VERIFY_OK(store->removeEntity(drug, QStringLiteral("rev")));
    stored = store->loadDocument(doc);
    QCOMPARE(stored->document.entities.size(), 3);
    QCOMPARE(stored->document.relations.size(), 0);

    QVERIFY(!store->addEntity(doc, span({}, QStringLiteral("NOPE"), {{0, 1}}), QStringLiteral("ann")).ok());
    QVERIFY(!store->addEntity(doc, span({}, QStringLiteral("DRUG"), {{30, 39}}), QStringLiteral("ann")).ok());
    QVERIFY(
        !store->addEntity(999999, span({}, QStringLiteral("DRUG"), {{0, 1}}), QStringLiteral("ann")).ok());
    QVERIFY(!store->removeEntity(999999, QStringLiteral("ann")).ok());
  }

  // Several spans in one transaction: keys continue T<n> around the given ones; one bad span writes none.
  void addEntitiesIsOneTransaction() {
    const Corpus input = storeTestCorpus();
    auto store = makeStore(freshPath(), &input);
    const qint64 doc = store->listDocuments()->at(0).id;
    auto ids = store->addEntities(doc,
                                  {span({}, QStringLiteral("DRUG"), {{0, 4}}), span(QStringLiteral("T5"), QStringLiteral("DISEASE"), {{5, 9}}),
                                   span({}, QStringLiteral("SYMPTOM"), {{10, 14}})},
                                  QStringLiteral("ann"));
    QUARRY_VERIFY_OK(ids);
    QCOMPARE(ids->size(), 3);
    auto stored = store->loadDocument(doc);
    QUARRY_VERIFY_OK(stored);
    QCOMPARE(stored->entityIds.size(), 6);
    QStringList keys;
    for (int i = 3; i < 6; ++i) keys << stored->document.entities[i].key;
    QCOMPARE(keys, (QStringList{QStringLiteral("T4"), QStringLiteral("T5"), QStringLiteral("T6")}));
    QCOMPARE(stored->entityIds.mid(3), *ids);
    auto refused = store->addEntities(
        doc, {span({}, QStringLiteral("DRUG"), {{0, 4}}), span({}, QStringLiteral("DRUG"), {{30, 999}})}, QStringLiteral("ann"));
    QVERIFY(!refused.ok());
    QCOMPARE(store->loadDocument(doc)->entityIds.size(), 6);  // the first one rolled back with the second
    // Only T<digits> keys count (the engine's numberedKeyCondition): not T7x, t90, TX9 or X99.
    QUARRY_VERIFY_OK(store->addEntities(doc,
                                        {span(QStringLiteral("T7x"), QStringLiteral("DRUG"), {{0, 4}}),
                                         span(QStringLiteral("t90"), QStringLiteral("DRUG"), {{0, 4}}),
                                         span(QStringLiteral("TX9"), QStringLiteral("DRUG"), {{0, 4}}),
                                         span(QStringLiteral("X99"), QStringLiteral("DRUG"), {{0, 4}}),
                                         span(QStringLiteral("T12"), QStringLiteral("DRUG"), {{0, 4}})},
                                        QStringLiteral("ann")));
    QUARRY_VERIFY_OK(
        store->addEntity(doc, span({}, QStringLiteral("DRUG"), {{5, 9}}), QStringLiteral("ann")));
    QCOMPARE(store->loadDocument(doc)->document.entities.back().key, QStringLiteral("T13"));
  }

  void answersLabelsStatusAndSplit() {
    const Corpus input = storeTestCorpus();
    auto store = makeStore(freshPath(), &input);
    const qint64 doc = store->listDocuments()->at(1).id;
    QaAnswer a;
    a.field = QStringLiteral("termination");
    a.questionId = QStringLiteral("q2");
    a.start = 0;
    a.end = 3;
    auto id = store->setAnswer(doc, a, QStringLiteral("ann"));  // replaces the no-answer for q2
    QUARRY_VERIFY_OK(id);
    auto stored = store->loadDocument(doc);
    QCOMPARE(stored->document.answers.size(), 2);
    QCOMPARE(stored->document.answers.back().noAnswer, false);
    QCOMPARE(stored->document.answers.back().end, 3);
    QUARRY_VERIFY_OK(store->removeAnswer(*id, QStringLiteral("ann")));
    QCOMPARE(store->loadDocument(doc)->document.answers.size(), 1);

    // Single-label project: a new label replaces the old one; the same label again is a no-op.
    Schema s = input.schema;
    s.multiLabelCategories = false;
    QUARRY_VERIFY_OK(store->setSchema(s));
    auto label = store->addLabel(doc, QStringLiteral("fair"), QStringLiteral("ann"));
    QUARRY_VERIFY_OK(label);
    stored = store->loadDocument(doc);
    QCOMPARE(stored->document.labels.size(), 1);
    QCOMPARE(stored->labelIds.front(), *label);
    auto unfair = store->addLabel(doc, QStringLiteral("unfair"), QStringLiteral("ann"));
    QUARRY_VERIFY_OK(unfair);
    QCOMPARE(*store->addLabel(doc, QStringLiteral("unfair"), QStringLiteral("ann")), *unfair);
    stored = store->loadDocument(doc);
    QCOMPARE(stored->document.labels.size(), 1);
    QCOMPARE(stored->document.labels.front().category, QStringLiteral("unfair"));
    QUARRY_VERIFY_OK(store->removeLabel(*unfair, QStringLiteral("ann")));
    QCOMPARE(store->loadDocument(doc)->document.labels.size(), 0);

    QUARRY_VERIFY_OK(store->setDocumentStatus(doc, DocumentStatus::Reviewed, QStringLiteral("rev")));
    QUARRY_VERIFY_OK(store->setDocumentSplit(doc, Split::Dev, QStringLiteral("rev")));
    stored = store->loadDocument(doc);
    QCOMPARE(stored->document.status, DocumentStatus::Reviewed);
    QCOMPARE(stored->document.split, Split::Dev);
    QVERIFY(!store->setDocumentStatus(424242, DocumentStatus::Done, QStringLiteral("rev")).ok());
  }

  // A pool (unassigned) document marked done or reviewed joins the train split in the same write; one in
  // progress, or already in a split, stays where it is.
  void finishedPoolDocumentsJoinTraining() {
    const Corpus input = storeTestCorpus();
    auto store = makeStore(freshPath(), &input);
    const QVector<DocumentSummary> docs = *store->listDocuments();
    QVERIFY(docs.size() >= 2);
    const qint64 pool = docs[0].id, dev = docs[1].id;
    QUARRY_VERIFY_OK(store->setDocumentSplit(pool, Split::Unassigned, QStringLiteral("ann")));
    QUARRY_VERIFY_OK(store->setDocumentSplit(dev, Split::Dev, QStringLiteral("ann")));
    auto moved = store->finishDocument(pool, DocumentStatus::InProgress, QStringLiteral("ann"));
    QUARRY_VERIFY_OK(moved);
    QVERIFY(!moved.value());
    QCOMPARE(store->loadDocument(pool)->document.split, Split::Unassigned);
    moved = store->finishDocument(pool, DocumentStatus::Done, QStringLiteral("ann"));
    QUARRY_VERIFY_OK(moved);
    QVERIFY(moved.value());
    auto stored = store->loadDocument(pool);
    QCOMPARE(stored->document.status, DocumentStatus::Done);
    QCOMPARE(stored->document.split, Split::Train);
    moved = store->finishDocument(dev, DocumentStatus::Reviewed, QStringLiteral("rev"));
    QUARRY_VERIFY_OK(moved);
    QVERIFY(!moved.value());
    QCOMPARE(store->loadDocument(dev)->document.split, Split::Dev);
    QCOMPARE(store->loadDocument(dev)->document.status, DocumentStatus::Reviewed);
    QVERIFY(!store->finishDocument(424242, DocumentStatus::Done, QStringLiteral("ann")).ok());
  }

  // Decided suggestions counted per kind over the documents of some splits.
  void suggestionDecisionsCountedBySplit() {
    const Corpus input = storeTestCorpus();
    auto store = makeStore(freshPath(), &input);
    const QVector<DocumentSummary> docs = *store->listDocuments();
    const qint64 train = docs[0].id, dev = docs[1].id;
    QUARRY_VERIFY_OK(store->setDocumentSplit(train, Split::Train, QStringLiteral("ann")));
    QUARRY_VERIFY_OK(store->setDocumentSplit(dev, Split::Dev, QStringLiteral("ann")));
    ModelRun run;
    run.name = QStringLiteral("suggestions");
    auto runId = store->createRun(run);
    QUARRY_VERIFY_OK(runId);
    QVector<Prediction> rows;
    for (qint64 doc : {train, train, train, dev})
      for (const char* kind : {"entity", "label"}) {
        Prediction p;
        p.documentId = doc;
        p.kind = QLatin1String(kind);
        rows << p;
      }
    QCOMPARE(*store->addPredictions(*runId, rows), 8);
    const QVector<Prediction> stored = *store->predictionsOfRun(*runId, QStringLiteral("entity"));
    QCOMPARE(stored.size(), 4);  // train, train, train, dev
    QUARRY_VERIFY_OK(
        store->decidePrediction(stored[0].id, QStringLiteral("accepted"), QStringLiteral("ann")));
    QUARRY_VERIFY_OK(
        store->decidePrediction(stored[1].id, QStringLiteral("rejected"), QStringLiteral("ann")));
    QUARRY_VERIFY_OK(
        store->decidePrediction(stored[3].id, QStringLiteral("rejected"), QStringLiteral("ann")));
    auto onTrain = store->decisionCounts(QStringLiteral("entity"), {Split::Train});
    QUARRY_VERIFY_OK(onTrain);
    QCOMPARE(onTrain->accepted, 1);
    QCOMPARE(onTrain->rejected, 1);
    auto everywhere = store->decisionCounts(QStringLiteral("entity"), {});
    QCOMPARE(everywhere->rejected, 2);
    QCOMPARE(store->decisionCounts(QStringLiteral("label"), {})->rejected, 0);
  }

  // An annotation edit on a "new" document and its start ("in progress") commit in one transaction:
  // after the edit returns the status is already written, and a refused edit changes neither.
  void annotationEditStartsANewDocumentInItsTransaction() {
    const Corpus input = plainCorpus(QStringLiteral("plain"), 4);
    auto store = makeStore(freshPath(), &input);
    auto list = store->listDocuments();
    QUARRY_VERIFY_OK(list);
    QCOMPARE(list->size(), 4);
    for (const DocumentSummary& d : list.value()) QCOMPARE(d.status, DocumentStatus::New);
    const qint64 a = list->at(0).id, b = list->at(1).id, c = list->at(2).id, d = list->at(3).id;
    auto statusOf = [&](qint64 id) { return store->loadDocument(id)->document.status; };

    QUARRY_VERIFY_OK(store->addEntity(a, span({}, QStringLiteral("DRUG"), {{0, 1}}), QStringLiteral("ann")));
    QCOMPARE(statusOf(a), DocumentStatus::InProgress);
    // Refused (a type the schema lacks): rolled back, the document stays new.
    QVERIFY(
        !store->addEntity(b, span({}, QStringLiteral("NO_SUCH_TYPE"), {{0, 1}}), QStringLiteral("ann")).ok());
    QCOMPARE(statusOf(b), DocumentStatus::New);
    // Removing an annotation starts a document too (here: the imported span of document c).
    const StoredDocument stored = store->loadDocument(c).value();
    QVERIFY(!stored.entityIds.isEmpty());
    QUARRY_VERIFY_OK(store->removeEntity(stored.entityIds.front(), QStringLiteral("ann")));
    QCOMPARE(statusOf(c), DocumentStatus::InProgress);
    // A done document stays done; status changes themselves start nothing.
    QUARRY_VERIFY_OK(store->setDocumentStatus(a, DocumentStatus::Done, QStringLiteral("ann")));
    QUARRY_VERIFY_OK(store->addEntity(a, span({}, QStringLiteral("DRUG"), {{0, 2}}), QStringLiteral("ann")));
    QCOMPARE(statusOf(a), DocumentStatus::Done);
    QUARRY_VERIFY_OK(store->setDocumentStatus(a, DocumentStatus::New, QStringLiteral("ann")));
    QCOMPARE(statusOf(a), DocumentStatus::New);
    QUARRY_VERIFY_OK(store->setDocumentSplit(d, Split::Test, QStringLiteral("ann")));
    QCOMPARE(statusOf(d), DocumentStatus::New);
  }

  void listDocumentsWithCountsAndFilters() {
    const Corpus input = storeTestCorpus();
    auto store = makeStore(freshPath(), &input);
    auto all = store->listDocuments();
    QUARRY_VERIFY_OK(all);
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->at(0).name, QStringLiteral("doc-1"));
    QCOMPARE(all->at(0).entities, 3);
    QCOMPARE(all->at(0).relations, 2);
    QCOMPARE(all->at(1).answers, 2);
    QCOMPARE(all->at(1).labels, 2);
    QCOMPARE(all->at(1).status, DocumentStatus::Done);
    QCOMPARE(all->at(2).entities, 0);

    DocumentListFilter f;
    f.search = QStringLiteral("HEADACHE");  // in the text, any case
    QCOMPARE(store->listDocuments(f)->size(), 1);
    f.search = QStringLiteral("%");  // a literal, not a wildcard
    QCOMPARE(store->listDocuments(f)->size(), 0);
    f.search.clear();
    f.splits = {Split::Train, Split::Test};
    f.statuses = {DocumentStatus::Done};
    auto some = store->listDocuments(f);
    QCOMPARE(some->size(), 1);
    QCOMPARE(some->at(0).name, QStringLiteral("contract-2 ü"));
    DocumentListFilter page;
    page.offset = 1;
    page.limit = 1;
    QCOMPARE(store->listDocuments(page)->at(0).name, QStringLiteral("contract-2 ü"));
  }

  void listDocumentsByAnnotatorAndAnnotationType() {
    const Corpus input = storeTestCorpus();
    auto store = makeStore(freshPath(), &input);
    const qint64 contract = store->listDocuments()->at(1).id;
    EntitySpan e = span(QStringLiteral("T1"), QStringLiteral("SYMPTOM"), {{0, 3}});
    QUARRY_VERIFY_OK(store->addEntity(contract, e, QStringLiteral("zoe")));
    auto names = store->annotators();
    QUARRY_VERIFY_OK(names);
    QCOMPARE(*names, (QStringList{QStringLiteral("importer"), QStringLiteral("zoe")}));

    DocumentListFilter f;
    f.annotator = QStringLiteral("zoe");
    auto byZoe = store->listDocuments(f);
    QUARRY_VERIFY_OK(byZoe);
    QCOMPARE(byZoe->size(), 1);
    QCOMPARE(byZoe->at(0).id, contract);
    f.annotator = QStringLiteral("importer");
    QCOMPARE(store->listDocuments(f)->size(), 2);
    f.annotator = QStringLiteral("nobody");
    QCOMPARE(store->listDocuments(f)->size(), 0);

    DocumentListFilter t;
    t.annotationType = QStringLiteral("entity:SYMPTOM");
    auto symptoms = store->listDocuments(t);
    QUARRY_VERIFY_OK(symptoms);
    QCOMPARE(symptoms->size(), 2);  // doc-1's fever and the new span
    t.annotationType = QStringLiteral("label:unfair");
    QCOMPARE(store->listDocuments(t)->size(), 1);
    QCOMPARE(store->listDocuments(t)->at(0).name, QStringLiteral("contract-2 ü"));
    t.annotationType = QStringLiteral("relation:TREATS");
    QCOMPARE(store->listDocuments(t)->size(), 1);
    t.annotator = QStringLiteral("zoe");  // both conditions must hold
    QCOMPARE(store->listDocuments(t)->size(), 0);
    t.annotator.clear();
    t.annotationType = QStringLiteral("colour:red");
    auto bad = store->listDocuments(t);
    QVERIFY(!bad.ok());
    QCOMPARE(QString::fromStdString(bad.error().field), QStringLiteral("annotationType"));
  }

  void statsCountWithAggregates() {
    const Corpus input = storeTestCorpus();
    auto store = makeStore(freshPath(), &input);
    auto stats = store->stats();
    QUARRY_VERIFY_OK(stats);
    QCOMPARE(stats->documents, 3);
    QCOMPARE(stats->perSplit.value(Split::Train), 1);
    QCOMPARE(stats->perSplit.value(Split::Unassigned), 0);
    QCOMPARE(stats->perStatus.value(DocumentStatus::New), 2);
    QCOMPARE(stats->perStatus.value(DocumentStatus::Done), 1);
    QCOMPARE(stats->entities, 3);
    QCOMPARE(stats->relations, 2);
    QCOMPARE(stats->answers, 2);
    QCOMPARE(stats->labels, 2);
    QCOMPARE(stats->annotationCounts, input.annotationCounts());
  }

  void runsAndPredictions() {
    const Corpus input = storeTestCorpus();
    auto store = makeStore(freshPath(), &input);
    ModelRun run;
    run.name = QStringLiteral("ner-1");
    run.baseModel = QStringLiteral("bert-base-cased");
    run.config.insert(QStringLiteral("epochs"), 3);
    auto id = store->createRun(run);
    QUARRY_VERIFY_OK(id);
    run.id = *id;
    run.status = RunStatus::Finished;
    run.metrics.insert(QStringLiteral("f1"), 0.875);
    run.checkpointPath = QStringLiteral("/ckpt/best");
    run.task = QStringLiteral("ner");
    run.data.insert(QStringLiteral("fingerprint"), QStringLiteral("abc"));
    run.error = QStringLiteral("none really");
    run.started = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
    run.finished = run.started.addSecs(60);
    QUARRY_VERIFY_OK(store->updateRun(run));
    auto runs = store->listRuns();
    QUARRY_VERIFY_OK(runs);
    QCOMPARE(runs->size(), 1);
    const ModelRun& r = runs->front();
    QCOMPARE(r.status, RunStatus::Finished);
    QCOMPARE(r.metrics.value(QStringLiteral("f1")).toDouble(), 0.875);
    QCOMPARE(r.config, run.config);
    QCOMPARE(r.finished, run.finished);
    QCOMPARE(r.checkpointPath, QStringLiteral("/ckpt/best"));
    QCOMPARE(r.task, QStringLiteral("ner"));
    QCOMPARE(r.data, run.data);
    QCOMPARE(r.error, QStringLiteral("none really"));
    run.id = 77;
    QVERIFY(!store->updateRun(run).ok());

    const qint64 doc = store->listDocuments()->at(0).id;
    QVector<Prediction> predictions;
    for (int i = 0; i < 3; ++i) {
      Prediction p;
      p.documentId = doc;
      p.kind = QStringLiteral("entity");
      p.payload.insert(QStringLiteral("start"), i);
      p.confidence = 0.5 + i * 0.1;
      predictions << p;
    }
    QCOMPARE(*store->addPredictions(*id, predictions), 3);
    auto got = store->predictionsForDocument(doc, *id);
    QUARRY_VERIFY_OK(got);
    QCOMPARE(got->size(), 3);
    QCOMPARE(got->at(2).payload.value(QStringLiteral("start")).toInt(), 2);
    QCOMPARE(got->at(2).confidence, 0.7);
    QCOMPARE(got->at(2).runId, *id);
    predictions[1].documentId = 999999;  // foreign key: the whole batch fails
    QVERIFY(!store->addPredictions(*id, predictions).ok());
    QCOMPARE(store->predictionsForDocument(doc)->size(), 3);
    QUARRY_VERIFY_OK(store->clearPredictions(*id));
    QCOMPARE(store->predictionsForDocument(doc)->size(), 0);
  }

  // A run's log: appended in batches, numbered on from the last line, read back in order; a batch with a
  // line of no known level is refused whole; another run's log is its own.
  void runLogRoundTrip() {
    auto store = makeStore(freshPath());
    ModelRun run;
    run.name = QStringLiteral("logged");
    auto id = store->createRun(run);
    auto other = store->createRun(run);
    QUARRY_VERIFY_OK(id);
    QUARRY_VERIFY_OK(other);
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(1700000000123, Qt::UTC);
    // (Each append in a variable of its own: QUARRY_VERIFY_OK evaluates its argument more than once.)
    const Status first =
        store->appendRunLog(*id, {RunLogLine{0, at, QStringLiteral("info"), QStringLiteral("started")},
                                  RunLogLine{0, {}, QStringLiteral("warn"), QStringLiteral("odd")}});
    QUARRY_VERIFY_OK(first);
    const Status second = store->appendRunLog(
        *id, {RunLogLine{0, at.addSecs(5), QStringLiteral("error"), QStringLiteral("failed:\nsecond line")}});
    QUARRY_VERIFY_OK(second);
    const Status refused =
        store->appendRunLog(*id, {RunLogLine{0, at, QStringLiteral("info"), QStringLiteral("kept out")},
                                  RunLogLine{0, at, QStringLiteral("debug"), QStringLiteral("no level")}});
    QVERIFY(!refused.ok());
    const Status ofOther =
        store->appendRunLog(*other, {RunLogLine{0, at, QStringLiteral("info"), QStringLiteral("other")}});
    QUARRY_VERIFY_OK(ofOther);

    auto log = store->runLog(*id);
    QUARRY_VERIFY_OK(log);
    QCOMPARE(log->size(), 3);
    QCOMPARE(log->at(0).sequence, 1);
    QCOMPARE(log->at(0).time, at);
    QCOMPARE(log->at(0).level, QStringLiteral("info"));
    QCOMPARE(log->at(0).message, QStringLiteral("started"));
    QCOMPARE(log->at(1).sequence, 2);
    QVERIFY(log->at(1).time.isValid());  // appended without a time: the time of the append
    QCOMPARE(log->at(1).level, QStringLiteral("warn"));
    QCOMPARE(log->at(2).sequence, 3);
    QCOMPARE(log->at(2).time, at.addSecs(5));
    QCOMPARE(log->at(2).message, QStringLiteral("failed:\nsecond line"));
    auto otherLog = store->runLog(*other);
    QUARRY_VERIFY_OK(otherLog);
    QCOMPARE(otherLog->size(), 1);
    QCOMPARE(otherLog->front().sequence, 1);
    QCOMPARE(store->runLog(9999)->size(), 0);
  }

  // A project with a bit of everything: imported and edited annotations, a run with predictions (one
  // decided), its log and lineage, a quality decision.
  std::unique_ptr<ProjectStore> richStore() {
    const Corpus input = storeTestCorpus();
    auto store = makeStore(freshPath(), &input);
    const qint64 doc = store->listDocuments()->at(0).id;
    if (!store->addEntity(doc, span({}, QStringLiteral("DRUG"), {{0, 3}}), QStringLiteral("anna")).ok())
      qFatal("addEntity failed");
    ModelRun run;
    run.name = QStringLiteral("ner-1");
    run.task = QStringLiteral("ner");
    run.config.insert(QStringLiteral("epochs"), 3);
    const qint64 runId = *store->createRun(run);
    run.id = runId;
    run.status = RunStatus::Finished;
    run.metrics.insert(QStringLiteral("micro_f1"), 0.123456789012345);
    if (!store->updateRun(run).ok()) qFatal("updateRun failed");
    QVector<Prediction> predictions;
    for (int i = 0; i < 2; ++i) {
      Prediction p;
      p.documentId = doc;
      p.kind = QStringLiteral("entity");
      p.payload.insert(QStringLiteral("start"), i);
      p.confidence = 1.0 / 3.0 + i;
      predictions << p;
    }
    if (!store->addPredictions(runId, predictions).ok()) qFatal("addPredictions failed");
    const qint64 firstPrediction = store->predictionsOfRun(runId, QStringLiteral("entity"))->front().id;
    if (!store->decidePrediction(firstPrediction, QStringLiteral("rejected"), QStringLiteral("ben")).ok())
      qFatal("decidePrediction failed");
    auto must = [](bool ok, const char* what) {
      if (!ok) qFatal("%s failed", what);
    };
    must(store
             ->appendRunLog(runId, {RunLogLine{0, QDateTime::currentDateTimeUtc(), QStringLiteral("info"),
                                               QStringLiteral("épuisé → 完了")}})
             .ok(),
         "appendRunLog");
    must(store->recordRunAnnotations(runId, *store->annotationVersions({Split::Train}, {Split::Dev})).ok(),
         "recordRunAnnotations");
    must(store
             ->markFindingIntended(QStringLiteral("entity"), QStringLiteral("aspirin|DRUG"),
                                   QStringLiteral("ben"))
             .ok(),
         "markFindingIntended");
    must(store->setTeamRole(QStringLiteral("dora"), TeamRole::Adjudicator).ok(), "setTeamRole");
    must(store->assignDocuments({doc}, {QStringLiteral("anna"), QStringLiteral("ben")}, 2, 5).ok(),
         "assignDocuments");
    must(store->setAssignmentDone(doc, QStringLiteral("ben"), true).ok(), "setAssignmentDone");
    must(store->setSeparateLayers(true).ok(), "setSeparateLayers");
    return store;
  }

  // Optimistic concurrency: two annotators (two connections) read the same document; the second write made
  // from a stale read is refused with who changed it, and nothing is overwritten.
  void staleWritesAreRefused() {
    const Corpus input = storeTestCorpus();
    const QString path = freshPath();
    auto annaStore = makeStore(path, &input);
    auto opened = ProjectStore::open(path);
    QUARRY_VERIFY_OK(opened);
    ProjectStore& benStore = **opened;
    const qint64 doc = annaStore->listDocuments()->at(0).id;
    const StoredDocument annaRead = annaStore->loadDocument(doc).value();
    const StoredDocument benRead = benStore.loadDocument(doc).value();
    const qint64 entity = annaRead.entityIds[0];
    const QVector<Fragment> fragments = annaRead.document.entities[0].fragments;

    QUARRY_VERIFY_OK(benStore.updateEntity(entity, QStringLiteral("DISEASE"), fragments, QStringLiteral("ben"),
                                           Origin::Manual, ReadVersion::of(benRead.document.entities[0].provenance)));
    auto stale = annaStore->updateEntity(entity, QStringLiteral("SYMPTOM"), fragments, QStringLiteral("anna"),
                                         Origin::Manual, ReadVersion::of(annaRead.document.entities[0].provenance));
    QVERIFY(!stale.ok());
    QCOMPARE(QString::fromStdString(stale.error().field), QString::fromLatin1(kStaleWriteField));
    QVERIFY2(QString::fromStdString(stale.error().message).contains(QStringLiteral("ben changed it at")),
             stale.error().toString().c_str());
    QCOMPARE(annaStore->loadDocument(doc)->document.entities[0].type, QStringLiteral("DISEASE"));  // ben's stays
    auto staleRemove = annaStore->removeEntity(entity, QStringLiteral("anna"),
                                               ReadVersion::of(annaRead.document.entities[0].provenance));
    QVERIFY(!staleRemove.ok());
    QCOMPARE(annaStore->loadDocument(doc)->entityIds.size(), annaRead.entityIds.size());

    // A relation ben removed: anna's removal from her old read says so; her fresh read edits freely.
    const qint64 relation = annaRead.relationIds[0];
    QUARRY_VERIFY_OK(benStore.removeRelation(relation, QStringLiteral("ben"),
                                             ReadVersion::of(benRead.document.relations[0].provenance)));
    auto gone = annaStore->removeRelation(relation, QStringLiteral("anna"),
                                          ReadVersion::of(annaRead.document.relations[0].provenance));
    QVERIFY(!gone.ok());
    QVERIFY2(QString::fromStdString(gone.error().message).contains(QStringLiteral("someone removed it")),
             gone.error().toString().c_str());
    const StoredDocument fresh = annaStore->loadDocument(doc).value();
    QUARRY_VERIFY_OK(annaStore->updateEntity(entity, QStringLiteral("SYMPTOM"), fragments, QStringLiteral("anna"),
                                             Origin::Manual, ReadVersion::of(fresh.document.entities[0].provenance)));
    // The same annotator in a second window that read before: refused too (the row is newer than the read).
    QTest::qWait(5);
    const StoredDocument window1 = annaStore->loadDocument(doc).value();
    QTest::qWait(5);
    QUARRY_VERIFY_OK(annaStore->updateEntity(entity, QStringLiteral("DRUG"), fragments, QStringLiteral("anna"),
                                             Origin::Manual, ReadVersion::of(window1.document.entities[0].provenance)));
    QVERIFY(!annaStore->updateEntity(entity, QStringLiteral("DISEASE"), fragments, QStringLiteral("anna"),
                                     Origin::Manual, ReadVersion::of(window1.document.entities[0].provenance))
                 .ok());
    // Without a read version (scripts, imports) there is no check.
    QUARRY_VERIFY_OK(benStore.updateEntity(entity, QStringLiteral("DISEASE"), fragments, QStringLiteral("ben")));
  }

  // quarry-cli migrate's copy: every row with its key, checked row by row; on PostgreSQL, to a file and back.
  void copyToAnotherProjectIsLossless() {
    auto store = richStore();
    const QString copyPath = freshPath();
    auto rows = store->copyTo(copyPath);
    QUARRY_VERIFY_OK(rows);
    QVERIFY(*rows > 20);
    auto copy = ProjectStore::open(copyPath);
    QUARRY_VERIFY_OK(copy);
    auto difference = store->firstDifferenceFrom(**copy);
    QUARRY_VERIFY_OK(difference);
    QVERIFY2(difference->isEmpty(), qPrintable(*difference));
    QCOMPARE((*copy)->annotators().value(), store->annotators().value());
    QCOMPARE((*copy)->runLog(1)->front().message, QStringLiteral("épuisé → 完了"));
    QCOMPARE((*copy)->assignments()->size(), 2);
    QVERIFY((*copy)->info()->separateLayers);
    QCOMPARE((*copy)->listRuns()->front().metrics.value(QStringLiteral("micro_f1")).toDouble(), 0.123456789012345);

    // New rows take keys after the copied ones; a change shows as a difference naming its table.
    const qint64 doc = store->listDocuments()->at(0).id;
    const QVector<qint64> before = store->loadDocument(doc)->entityIds;
    auto added = (*copy)->addLabel(doc, QStringLiteral("unfair"), QStringLiteral("carl"));
    QUARRY_VERIFY_OK(added);
    auto entity = (*copy)->addEntity(doc, span({}, QStringLiteral("DRUG"), {{1, 4}}), QStringLiteral("carl"));
    QUARRY_VERIFY_OK(entity);
    QVERIFY(*entity > *std::max_element(before.cbegin(), before.cend()));
    auto changed = store->firstDifferenceFrom(**copy);
    QUARRY_VERIFY_OK(changed);
    QVERIFY2(changed->contains(QStringLiteral("table annotators")) || changed->contains(QStringLiteral("table entity_spans")),
             qPrintable(*changed));

    // Never over an existing project.
    QVERIFY(!store->copyTo(copyPath).ok());

    if (m_backend.isServer()) {
      // PostgreSQL -> file -> PostgreSQL: the same rows at each step.
      const QString file = m_dir.filePath(QStringLiteral("from-server.quarry"));
      QUARRY_VERIFY_OK(store->copyTo(file));
      auto fromServer = ProjectStore::open(file);
      QUARRY_VERIFY_OK(fromServer);
      QCOMPARE(store->firstDifferenceFrom(**fromServer).value(), QString());
      const QString back = freshPath();
      QUARRY_VERIFY_OK((*fromServer)->copyTo(back));
      auto again = ProjectStore::open(back);
      QUARRY_VERIFY_OK(again);
      QCOMPARE(store->firstDifferenceFrom(**again).value(), QString());
      QString why;
      QVERIFY2((*again)->loadCorpus()->sameContent(*store->loadCorpus(), &why), qPrintable(why));
    }
  }

  void backupIsAConsistentCopy() {
    const Corpus input = storeTestCorpus();
    auto store = makeStore(freshPath(), &input);
    const QString copy = m_dir.filePath(QStringLiteral("backup.quarry"));
    QUARRY_VERIFY_OK(store->backupTo(copy));
    QVERIFY(!store->backupTo(copy).ok());  // never overwrites
    auto opened = ProjectStore::open(copy, OpenMode::ReadOnly);
    QUARRY_VERIFY_OK(opened);
    QString why;
    QVERIFY2((*opened)->loadCorpus()->sameContent(input, &why), qPrintable(why));
  }

  void readOnlyRefusesEveryWrite() {
    const Corpus input = storeTestCorpus();
    const QString path = freshPath();
    makeStore(path, &input);
    auto opened = ProjectStore::open(path, OpenMode::ReadOnly);
    QUARRY_VERIFY_OK(opened);
    ProjectStore& ro = **opened;
    QVERIFY(ro.isReadOnly());
    const qint64 doc = ro.listDocuments()->at(0).id;
    const qint64 entity = ro.loadDocument(doc)->entityIds[0];
    const QString who = QStringLiteral("rev");
    QVector<Status> writes{
        ro.setSchema(storeTestSchema()),
        ro.removeEntity(entity, who),
        ro.removeRelation(1, who),
        ro.removeAnswer(1, who),
        ro.removeLabel(1, who),
        ro.setDocumentStatus(doc, DocumentStatus::Done, who),
        ro.setDocumentSplit(doc, Split::Dev, who),
        ro.updateRun(ModelRun{}),
        ro.clearPredictions(1),
    };
    for (const Status& s : writes) QVERIFY(!s.ok());
    QVERIFY(QString::fromStdString(writes[0].error().message).contains(QStringLiteral("read-only")));
    QVERIFY(!ro.finishDocument(doc, DocumentStatus::Done, who).ok());
    QVERIFY(!ro.importCorpus(plainCorpus(QStringLiteral("ro"), 1), who).ok());
    QVERIFY(!ro.updateEntity(entity, QStringLiteral("DRUG"), {{0, 7}}, who).ok());
    QVERIFY(!ro.addEntity(doc, span({}, QStringLiteral("DRUG"), {{0, 1}}), who).ok());
    QVERIFY(!ro.addRelation(doc, QStringLiteral("TREATS"), entity, entity, who).ok());
    QVERIFY(!ro.setAnswer(doc, QaAnswer{}, who).ok());
    QVERIFY(!ro.addLabel(doc, QStringLiteral("fair"), who).ok());
    QVERIFY(!ro.createRun(ModelRun{}).ok());
    QVERIFY(!ro.addPredictions(1, {}).ok());
    QVERIFY(!ro.appendRunLog(1, {RunLogLine{0, {}, QStringLiteral("info"), QStringLiteral("no")}}).ok());
    QString why;
    QVERIFY2(ro.loadCorpus()->sameContent(input, &why), qPrintable(why));
    QCOMPARE(ro.stats()->entities, 3);
    const QString copy = m_dir.filePath(QStringLiteral("ro-backup.quarry"));
    QUARRY_VERIFY_OK(ro.backupTo(copy));  // reading is allowed, and so is the archive copy
    auto backup = ProjectStore::open(copy);
    QUARRY_VERIFY_OK(backup);
    QCOMPARE((*backup)->stats()->documents, 3);
  }
};

QUARRY_STORE_TEST_MAIN(TestStore)
#include "test_store.moc"
