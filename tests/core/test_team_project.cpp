// A team on one project (store/TeamStore.h, quarry-cli team): roles, documents assigned k per document with
// balanced loads and a seeded, platform-independent draw, topping up, progress, the document list of one
// annotator, the refusals. On a project file, and (test_team_project_postgresql) on PostgreSQL.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "CliTestSupport.h"
#include "StoreTestBackend.h"
#include "jobs/Adjudication.h"
#include "jobs/EngineDocuments.h"
#include "store/ProjectStore.h"
#include "test_store_data.h"

using quarry::AssignmentSummary;
using quarry::DocumentListFilter;
using quarry::ProjectStore;
using quarry::TeamRole;
using quarry::test::plainCorpus;
using quarry::test::span;
using quarry::test::StoreTestBackend;

class TestTeamProject : public QObject {
  Q_OBJECT

 public:
  StoreTestBackend& backend() { return m_backend; }

 private:
  QTemporaryDir m_dir;
  StoreTestBackend m_backend;

  std::unique_ptr<ProjectStore> project(int documents, QString* location = nullptr) {
    const QString where = m_backend.freshLocation(m_dir);
    if (location) *location = where;
    auto store = ProjectStore::create(where, QStringLiteral("team"));
    if (!store) qFatal("%s", store.error().toString().c_str());
    if (!(*store)->importCorpus(plainCorpus(QStringLiteral("d"), documents), QStringLiteral("importer")).ok())
      qFatal("import failed");
    return std::move(store.value());
  }

  static QVector<qint64> allIds(ProjectStore& store) {
    QVector<qint64> ids;
    const auto documents = store.listDocuments().value();  // a copy: never loop over a temporary's member
    for (const auto& d : documents) ids << d.id;
    return ids;
  }

  // A project of one document `name` with `text` and separate layers; its id in `id`.
  std::unique_ptr<ProjectStore> oneDocument(const QString& name, const QString& text, qint64* id) {
    auto store = project(0);
    quarry::Corpus corpus;
    corpus.schema = quarry::test::storeTestSchema();
    quarry::Document d;
    d.name = name;
    d.text = text;
    corpus.documents = {d};
    if (!store->importCorpus(corpus, QStringLiteral("importer")).ok() || !store->setSeparateLayers(true).ok())
      qFatal("one-document project failed");
    *id = allIds(*store).front();
    return store;
  }

  // "d-0:anna,ben d-1:..." in document order.
  static QString layout(ProjectStore& store) {
    QMap<QString, QStringList> byDocument;
    const auto assignments = store.assignments().value();
    for (const auto& a : assignments) byDocument[a.document] << a.annotator;
    QStringList parts;
    for (auto it = byDocument.cbegin(); it != byDocument.cend(); ++it)
      parts << it.key() + QLatin1Char(':') + it.value().join(QLatin1Char(','));
    return parts.join(QLatin1Char(' '));
  }

 private Q_SLOTS:
  void rolesAreKept() {
    auto store = project(1);
    QVERIFY(store->setTeamRole(QStringLiteral("dora"), TeamRole::Adjudicator).ok());
    QVERIFY(store->setTeamRole(QStringLiteral("anna"), TeamRole::Annotator).ok());
    QVERIFY(store->setTeamRole(QStringLiteral("dora"), TeamRole::Manager).ok());  // changed
    QVERIFY(!store->setTeamRole(QStringLiteral(" "), TeamRole::Manager).ok());
    const auto members = store->teamMembers().value();
    QCOMPARE(members.size(), 3);  // anna, dora, importer
    QCOMPARE(members[1].name, QStringLiteral("dora"));
    QCOMPARE(members[1].role, TeamRole::Manager);
    QCOMPARE(members[2].role, TeamRole::Annotator);  // everyone starts as an annotator
  }

  void assignmentIsBalancedSeededAndToppedUp() {
    auto store = project(7);
    const QStringList team{QStringLiteral("anna"), QStringLiteral("ben"), QStringLiteral("carl")};
    auto summary = store->assignDocuments(allIds(*store), team, 2, 7);
    QVERIFY(summary.ok());
    QCOMPARE(summary->documents, 7);
    QCOMPARE(summary->created, 14);
    QList<int> loads = summary->perAnnotator.values();
    std::sort(loads.begin(), loads.end());
    QCOMPARE(loads, (QList<int>{4, 5, 5}));  // differ by at most one
    const auto documents = store->listDocuments().value();
    const auto assignments = store->assignments().value();
    for (const auto& d : documents) {
      int annotators = 0;
      for (const auto& a : assignments) annotators += a.documentId == d.id;
      QCOMPARE(annotators, 2);
    }
    // The same seed gives the same assignment (pinned: the draw is the same on every platform).
    const QString first = layout(*store);
    QCOMPARE(first, QStringLiteral("d-0:anna,ben d-1:ben,carl d-2:ben,carl d-3:anna,carl d-4:ben,carl "
                                   "d-5:anna,ben d-6:anna,carl"));
    auto again = project(7);
    QVERIFY(again->assignDocuments(allIds(*again), team, 2, 7).ok());
    QCOMPARE(layout(*again), first);
    // Topping up: k=2 again adds nothing; k=3 adds the missing annotator to each document.
    QCOMPARE(store->assignDocuments(allIds(*store), team, 2, 99)->created, 0);
    QCOMPARE(store->assignDocuments(allIds(*store), team, 3, 99)->created, 7);
    auto tooMany = store->assignDocuments(allIds(*store), team, 4, 1);
    QVERIFY(!tooMany.ok());
    QVERIFY2(QString::fromStdString(tooMany.error().message).contains(QStringLiteral("at least 4 annotators")),
             tooMany.error().toString().c_str());
  }

  void progressAndOwnDocuments() {
    auto store = project(4);
    const QStringList team{QStringLiteral("anna"), QStringLiteral("ben")};
    QVERIFY(store->assignDocuments(allIds(*store).mid(0, 3), team, 1, 3).ok());
    DocumentListFilter mine;
    mine.assignedTo = QStringLiteral("anna");
    const auto annas = store->listDocuments(mine).value();
    const auto assigned = store->assignments(QStringLiteral("anna")).value();
    QCOMPARE(annas.size(), assigned.size());
    QVERIFY(!annas.isEmpty());
    QVERIFY(store->setAssignmentDone(annas[0].id, QStringLiteral("anna"), true).ok());
    auto members = store->teamMembers().value();
    QCOMPARE(members[0].name, QStringLiteral("anna"));
    QCOMPARE(members[0].done, 1);
    QVERIFY(store->assignments(QStringLiteral("anna"))->front().done.isValid());
    QVERIFY(store->setAssignmentDone(annas[0].id, QStringLiteral("anna"), false).ok());
    QCOMPARE(store->teamMembers()->at(0).done, 0);
    // Marking the document done (the workbench's Mark Done) finishes her assignment; in progress reopens it.
    QVERIFY(store->finishDocument(annas[0].id, quarry::DocumentStatus::Done, QStringLiteral("anna")).ok());
    QCOMPARE(store->teamMembers()->at(0).done, 1);
    QVERIFY(store->setDocumentStatus(annas[0].id, quarry::DocumentStatus::InProgress, QStringLiteral("anna"))
                .ok());
    QCOMPARE(store->teamMembers()->at(0).done, 0);
    // Someone else's status change leaves anna's assignment alone.
    QVERIFY(store->setDocumentStatus(annas[0].id, quarry::DocumentStatus::Done, QStringLiteral("ben")).ok());
    QCOMPARE(store->teamMembers()->at(0).done, 0);
    const qint64 unassigned = allIds(*store).at(3);
    auto refused = store->setAssignmentDone(unassigned, QStringLiteral("anna"), true);
    QVERIFY(!refused.ok());
    QVERIFY2(QString::fromStdString(refused.error().message).contains(QStringLiteral("not assigned to 'anna'")),
             refused.error().toString().c_str());
  }

  // Merging the agreed windows: a relation whose tail lies in a later sentence comes in the same merge as its
  // spans, and a window merged once is not merged again, so a span the adjudicator removed stays removed.
  void mergeTakesCrossSentenceRelationsAndKeepsHandRemovals() {
    qint64 id = 0;
    auto store = oneDocument(QStringLiteral("two-sentences"),
                             QStringLiteral("Take aspirin daily. It eased the headache."), &id);
    const QString dora = QStringLiteral("dora");
    for (const QString& who : {QStringLiteral("anna"), QStringLiteral("ben")}) {
      auto drug = store->addEntity(id, span({}, QStringLiteral("DRUG"), {{5, 12}}), who);
      auto disease = store->addEntity(id, span({}, QStringLiteral("DISEASE"), {{33, 41}}), who);
      QVERIFY(drug.ok() && disease.ok());
      QVERIFY(store->addRelation(id, QStringLiteral("TREATS"), *drug, *disease, who).ok());
    }
    quarry::jobs::Adjudication adjudication(*store, dora);
    QCOMPARE(adjudication.review(id)->agreedWindows, 2);
    QCOMPARE(*adjudication.mergeAgreed(id), 3);  // both spans and the relation, at once
    auto gold = [&] {
      const quarry::StoredDocument stored = store->loadDocument(id).value();
      return stored.layerOf(dora).document;
    };
    QCOMPARE(gold().entities.size(), 2);
    QCOMPARE(gold().relations.size(), 1);
    // Dora removes the headache span by hand: merging again leaves it out.
    const quarry::StoredDocument stored = store->loadDocument(id).value();
    const quarry::StoredDocument doras = stored.layerOf(dora);
    for (int i = 0; i < doras.document.entities.size(); ++i)
      if (doras.document.entities[i].type == QStringLiteral("DISEASE"))
        QVERIFY(store->removeEntity(doras.entityIds[i], dora).ok());
    QCOMPARE(*adjudication.mergeAgreed(id), 0);
    QCOMPARE(gold().entities.size(), 1);
    QCOMPARE(gold().relations.size(), 0);
  }

  // Answers to questions are adjudicated as spans are: an agreed answer merges, differing answers wait in
  // their sentences' windows, "none" in the whole-document window; each annotator answers in their own layer.
  // Taking a version reads only that window (ProjectStore::loadDocumentRange), relations reaching out of it
  // included.
  void adjudicationTakesAnswersAndReadsOneWindow() {
    const QString text =
        QStringLiteral("It starts on 1 May. Either party may end it in writing. Aspirin eased the headache.");
    qint64 id = 0;
    auto store = oneDocument(QStringLiteral("contract"), text, &id);
    QVERIFY(store->assignDocuments({id}, {QStringLiteral("anna"), QStringLiteral("ben")}, 2, 1).ok());
    const QString anna = QStringLiteral("anna"), ben = QStringLiteral("ben"), dora = QStringLiteral("dora");
    auto answer = [](const QString& field, int start, int end, bool none = false) {
      quarry::QaAnswer a;
      a.field = field;
      a.start = start;
      a.end = end;
      a.noAnswer = none;
      return a;
    };
    const QString date = QStringLiteral("effective_date"), termination = QStringLiteral("termination");
    for (const QString& who : {anna, ben}) {
      QVERIFY(store->setAnswer(id, answer(date, 13, 18), who).ok());  // "1 May": agreed
      // A relation from the third sentence back to a span in the first: both annotators.
      auto drug = store->addEntity(id, span({}, QStringLiteral("DRUG"), {{56, 63}}), who);
      auto disease = store->addEntity(id, span({}, QStringLiteral("DISEASE"), {{3, 9}}), who);
      QVERIFY(drug.ok() && disease.ok());
      QVERIFY(store->addRelation(id, QStringLiteral("TREATS"), *drug, *disease, who).ok());
    }
    QVERIFY(store->setAnswer(id, answer(termination, 20, 54), anna).ok());     // the second sentence
    QVERIFY(store->setAnswer(id, answer(termination, 0, 0, true), ben).ok());  // "none"
    // Ben's answer did not replace Anna's: one answer per question in each layer.
    QCOMPARE(store->loadDocument(id)->layerOf(anna).document.answers.size(), 2);
    QVERIFY(store->setAnswer(id, answer(termination, 0, 0, true), ben).ok());
    QCOMPARE(store->loadDocument(id)->layerOf(ben).document.answers.size(), 2);

    // One stretch of the document: the third sentence's spans, its relation and the relation's tail (all
    // layers), no answers, labels or other spans.
    auto third = store->loadDocumentRange(id, 56, 85);
    QVERIFY2(third.ok(), third ? "" : third.error().toString().c_str());
    QCOMPARE(third->document.entities.size(), 4);
    QCOMPARE(third->document.relations.size(), 2);
    QCOMPARE(third->document.answers.size(), 0);
    QCOMPARE(third->document.text, text);
    auto whole = store->loadDocumentRange(id, -1, -1);
    QVERIFY(whole.ok());
    QCOMPARE(whole->document.entities.size(), 0);
    QCOMPARE(whole->document.answers.size(), 1);  // ben's "none"
    QCOMPARE(whole->document.answers[0].provenance.annotator, ben);

    quarry::jobs::Adjudication adjudication(*store, dora);
    auto review = adjudication.review(id);
    QVERIFY(review.ok());
    // The first sentence (the answer and the disease) and the third (drug, relation) agree; the second and
    // the whole document differ.
    QCOMPARE(review->agreedWindows, 2);
    QCOMPARE(review->undecided, 2);
    QCOMPARE(review->windows.front().start, -1);
    QCOMPARE(review->windows.front().versions.at(1),
             (QStringList{QStringLiteral("answer termination: none")}));
    QCOMPARE(review->windows.at(2).versions.at(0),
             (QStringList{QStringLiteral("answer termination 'Either party may end it in writing' 20-54")}));
    QCOMPARE(*adjudication.mergeAgreed(id), 4);  // the date, both spans and the relation
    auto gold = [&] { return store->loadDocument(id)->layerOf(dora).document; };
    QCOMPARE(gold().answers.size(), 1);
    QCOMPARE(gold().relations.size(), 1);
    // Ben's "none", then Anna's answer: the second replaces the first in the gold layer.
    review = adjudication.review(id);
    QVERIFY(adjudication.accept(*review, -1, ben).ok());
    QCOMPARE(gold().answers.size(), 2);
    QVERIFY(adjudication.accept(*review, 20, anna).ok());
    QCOMPARE(gold().answers.size(), 2);                    // the date and the termination clause
    QVERIFY(adjudication.accept(*review, -1, anna).ok());  // Anna has nothing there: the gold "none" goes
    QCOMPARE(gold().answers.size(), 2);
    QVERIFY(!adjudication.accept(*review, 7, anna).ok());  // no window starts there
    QVERIFY(adjudication.finish(id).ok());
    const quarry::Document goldLayer = gold();
    QCOMPARE(goldLayer.entities.size(), 2);
    QCOMPARE(goldLayer.relations.size(), 1);
    QStringList answers;
    for (const quarry::QaAnswer& a : goldLayer.answers)
      answers << QStringLiteral("%1 %2-%3%4")
                     .arg(a.field)
                     .arg(a.start)
                     .arg(a.end)
                     .arg(a.noAnswer ? QStringLiteral(" none") : QString());
    answers.sort();
    QCOMPARE(answers,
             (QStringList{QStringLiteral("effective_date 13-18"), QStringLiteral("termination 20-54")}));
  }

  // Two annotators, one adjudicator: agreed items merge by themselves, a disagreement waits for a decision,
  // and training reads the gold layer of adjudicated documents only.
  void adjudicationMakesTheGoldLayer() {
    QString location;
    auto store = project(2, &location);
    QVERIFY(store->setSeparateLayers(true).ok());
    const QVector<qint64> ids = allIds(*store);
    QVERIFY(store->assignDocuments(ids, {QStringLiteral("anna"), QStringLiteral("ben")}, 2, 1).ok());
    const QString anna = QStringLiteral("anna"), ben = QStringLiteral("ben"), dora = QStringLiteral("dora");
    QVERIFY(store->addEntity(ids[0], span({}, QStringLiteral("DRUG"), {{5, 12}}), anna).ok());
    QVERIFY(store->addEntity(ids[0], span({}, QStringLiteral("DRUG"), {{5, 12}}), ben).ok());
    QVERIFY(store->addLabel(ids[0], QStringLiteral("fair"), anna).ok());
    QVERIFY(store->addLabel(ids[0], QStringLiteral("unfair"), ben).ok());
    QVERIFY(store->addEntity(ids[1], span({}, QStringLiteral("DRUG"), {{5, 12}}), anna).ok());
    QVERIFY(store->addEntity(ids[1], span({}, QStringLiteral("DISEASE"), {{5, 12}}), ben).ok());

    quarry::jobs::Adjudication adjudication(*store, dora);
    auto review = adjudication.review(ids[0]);
    QVERIFY(review.ok());
    QCOMPARE(review->annotators, (QStringList{anna, ben}));
    QCOMPARE(review->agreedWindows, 1);  // the sentence: both marked DRUG 'aspirin'
    QCOMPARE(review->undecided, 1);      // the labels
    QCOMPARE(*adjudication.mergeAgreed(ids[0]), 1);
    QCOMPARE(*adjudication.mergeAgreed(ids[0]), 0);  // merged once
    auto refused = adjudication.finish(ids[0]);
    QVERIFY(!refused.ok());
    QVERIFY2(QString::fromStdString(refused.error().message).contains(QStringLiteral("undecided")),
             refused.error().toString().c_str());
    QVERIFY(adjudication.accept(ids[0], -1, ben).ok());
    QVERIFY(adjudication.accept(ids[0], -1, anna).ok());  // a change of mind replaces the gold label
    QVERIFY(adjudication.finish(ids[0]).ok());
    QCOMPARE(store->adjudicatedDocuments()->value(ids[0]), dora);
    QCOMPARE(store->adjudicationDecisions(ids[0])->front().chosen, anna);

    // Training: d-0's gold layer (dora's span and label), d-1 left out until adjudicated.
    auto set = quarry::jobs::documentsFromStore(*store, {});
    QVERIFY(set.ok());
    QCOMPARE(set->awaitingAdjudication, 1);
    QCOMPARE(int(set->documents.size()), 1);
    QCOMPARE(int(set->documents[0].entities.size()), 1);
    QCOMPARE(set->documents[0].labels, (std::vector<std::string>{"fair"}));

    // The same from the command line for d-1.
    store.reset();
    CliRun listed = ::cli({QStringLiteral("adjudicate"), location, QStringLiteral("--adjudicator"), dora, QStringLiteral("--json")});
    QVERIFY2(listed.code == 0, qPrintable(listed.err));
    const QJsonArray docs = QJsonDocument::fromJson(listed.out.toUtf8()).object().value(QStringLiteral("documents")).toArray();
    QCOMPARE(docs.size(), 2);
    const QJsonObject d1 = docs.at(1).toObject();
    QCOMPARE(d1.value(QStringLiteral("undecided")).toInt(), 1);
    const QJsonObject versions = d1.value(QStringLiteral("windows")).toArray().at(0).toObject().value(QStringLiteral("versions")).toObject();
    QCOMPARE(versions.value(ben).toArray().at(0).toString(), QStringLiteral("DISEASE 'aspirin' 5-12"));
    CliRun early = ::cli({QStringLiteral("adjudicate"), location, QStringLiteral("--adjudicator"), dora,
                          QStringLiteral("--document"), QStringLiteral("d-1"), QStringLiteral("--finish")});
    QCOMPARE(early.code, 1);
    CliRun decided = ::cli({QStringLiteral("adjudicate"), location, QStringLiteral("--adjudicator"), dora,
                            QStringLiteral("--document"), QStringLiteral("d-1"), QStringLiteral("--accept"),
                            QStringLiteral("0=ben"), QStringLiteral("--finish")});
    QVERIFY2(decided.code == 0, qPrintable(decided.err));
    QVERIFY2(decided.out.contains(QStringLiteral("adjudicated by dora")), qPrintable(decided.out));
    auto reopened = ProjectStore::open(location);
    QVERIFY(reopened.ok());
    auto all = quarry::jobs::documentsFromStore(**reopened, {});
    QVERIFY(all.ok());
    QCOMPARE(all->awaitingAdjudication, 0);
    QCOMPARE(all->documents[1].entities[0].type, std::string("DISEASE"));
  }

  void cliTeam() {
    QString location;
    auto store = project(6, &location);
    store.reset();
    CliRun roles = ::cli({QStringLiteral("team"), location, QStringLiteral("--role"), QStringLiteral("dora=adjudicator")});
    QVERIFY2(roles.code == 0, qPrintable(roles.err));
    QVERIFY2(roles.out.contains(QStringLiteral("adjudicator")), qPrintable(roles.out));
    CliRun bad = ::cli({QStringLiteral("team"), location, QStringLiteral("--role"), QStringLiteral("dora=boss")});
    QCOMPARE(bad.code, 2);
    CliRun assign = ::cli({QStringLiteral("team"), location, QStringLiteral("--assign"), QStringLiteral("anna,ben"),
                           QStringLiteral("--per-document"), QStringLiteral("2"), QStringLiteral("--json")});
    QVERIFY2(assign.code == 0, qPrintable(assign.err));
    const QJsonObject json = QJsonDocument::fromJson(assign.out.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("separate_layers")).toBool(), true);
    int assigned = 0;
    for (const QJsonValue& m : json.value(QStringLiteral("members")).toArray())
      assigned += m.toObject().value(QStringLiteral("assigned")).toInt();
    QCOMPARE(assigned, 12);
    CliRun done = ::cli({QStringLiteral("team"), location, QStringLiteral("--done"), QStringLiteral("d-2"),
                         QStringLiteral("--annotator"), QStringLiteral("ben")});
    QVERIFY2(done.code == 0, qPrintable(done.err));
    QVERIFY2(done.out.contains(QRegularExpression(QStringLiteral("ben +annotator +6 +1"))), qPrintable(done.out));
    CliRun noDoc = ::cli({QStringLiteral("team"), location, QStringLiteral("--done"), QStringLiteral("nope"),
                          QStringLiteral("--annotator"), QStringLiteral("ben")});
    QCOMPARE(noDoc.code, 1);
    QVERIFY2(noDoc.err.contains(QStringLiteral("no document named 'nope'")), qPrintable(noDoc.err));
  }
};

QUARRY_STORE_TEST_MAIN(TestTeamProject)
#include "test_team_project.moc"
