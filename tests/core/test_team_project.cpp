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
#include "store/ProjectStore.h"
#include "test_store_data.h"

using quarry::AssignmentSummary;
using quarry::DocumentListFilter;
using quarry::ProjectStore;
using quarry::TeamRole;
using quarry::test::plainCorpus;
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
    const qint64 unassigned = allIds(*store).at(3);
    auto refused = store->setAssignmentDone(unassigned, QStringLiteral("anna"), true);
    QVERIFY(!refused.ok());
    QVERIFY2(QString::fromStdString(refused.error().message).contains(QStringLiteral("not assigned to 'anna'")),
             refused.error().toString().c_str());
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
