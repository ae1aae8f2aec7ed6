// Layer ownership on a shared PostgreSQL project (store/PostgresDialect.h): team members log in as their
// own database users, and the server itself refuses a write to another annotator's layer, whatever program
// sends it — the store's own calls, and raw SQL typed into psql. The owner grants a member access by
// setting their role; managers may write everything; only adjudicators record adjudication decisions.
// PostgreSQL only (a private server, PostgresTestServer): SKIP where none can start.
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include "PostgresTestServer.h"
#include "store/ProjectStore.h"
#include "test_store_data.h"

using quarry::Fragment;
using quarry::ProjectStore;
using quarry::TeamRole;
using quarry::test::PostgresTestServer;
using quarry::test::plainCorpus;
using quarry::test::span;

class TestLayerOwnership : public QObject {
  Q_OBJECT

  PostgresTestServer m_server;
  QString m_url;       // as the owner ("quarry", who created the project)
  qint64 m_document = 0;
  qint64 m_annasSpan = 0;

  QString urlAs(const QString& user) const {
    QString url = m_url;
    return url.replace(QStringLiteral("user=quarry"), QStringLiteral("user=") + user);
  }

  std::unique_ptr<ProjectStore> openAs(const QString& user) {
    auto store = ProjectStore::open(urlAs(user));
    if (!store) qFatal("open as %s: %s", qPrintable(user), store.error().toString().c_str());
    return std::move(store.value());
  }

  // A raw statement on a connection of `user`; the server's error text, empty when it ran.
  QString rawSql(const QString& user, const QString& statement) {
    const QString name = QUuid::createUuid().toString();
    QString error;
    {
      QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
      db.setHostName(m_server.socketFolder());
      db.setPort(m_server.port());
      db.setUserName(user);
      db.setDatabaseName(m_url.section(QLatin1Char('/'), 3).section(QLatin1Char('?'), 0, 0));
      if (!db.open()) {
        error = db.lastError().text();
      } else {
        QSqlQuery q(db);
        if (!q.exec(statement)) error = q.lastError().databaseText();
      }
      db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error;
  }

 private Q_SLOTS:
  void initTestCase() {
    if (!m_server.start()) QSKIP(qPrintable(m_server.skipReason()));
    for (const char* user : {"anna", "ben", "mona", "dora", "eve"})
      QVERIFY(m_server.adminStatement(QStringLiteral("CREATE ROLE %1 LOGIN").arg(QLatin1String(user))).isEmpty());
    m_url = m_server.createDatabase(QStringLiteral("team"));
    QVERIFY(!m_url.isEmpty());
    auto owner = ProjectStore::create(m_url, QStringLiteral("team"));
    QVERIFY2(owner.ok(), owner ? "" : owner.error().toString().c_str());
    QVERIFY((*owner)->importCorpus(plainCorpus(QStringLiteral("d"), 2), QStringLiteral("importer")).ok());
    m_document = (*owner)->listDocuments().value().front().id;
    // The owner brings the team in: setting a role grants the member's database user the tables.
    QVERIFY((*owner)->setTeamRole(QStringLiteral("anna"), TeamRole::Annotator).ok());
    QVERIFY((*owner)->setTeamRole(QStringLiteral("ben"), TeamRole::Annotator).ok());
    QVERIFY((*owner)->setTeamRole(QStringLiteral("mona"), TeamRole::Manager).ok());
    QVERIFY((*owner)->setTeamRole(QStringLiteral("dora"), TeamRole::Adjudicator).ok());
    QVERIFY((*owner)->assignDocuments({m_document}, {QStringLiteral("anna"), QStringLiteral("ben")}, 2, 1).ok());
  }

  void aMemberWritesTheirOwnLayer() {
    auto anna = openAs(QStringLiteral("anna"));
    auto id = anna->addEntity(m_document, span({}, QStringLiteral("DRUG"), {{0, 4}}), QStringLiteral("anna"));
    QVERIFY2(id.ok(), id ? "" : id.error().toString().c_str());
    m_annasSpan = *id;
    auto moved = anna->updateEntity(m_annasSpan, QStringLiteral("DRUG"), {Fragment{0, 12}}, QStringLiteral("anna"));
    QVERIFY2(moved.ok(), moved ? "" : moved.error().toString().c_str());
    QVERIFY(anna->setAssignmentDone(m_document, QStringLiteral("anna"), true).ok());
  }

  void anotherMemberCannotOverwriteIt() {
    auto ben = openAs(QStringLiteral("ben"));
    // In anna's name: refused by the server, with a message that says why.
    auto forged = ben->addEntity(m_document, span({}, QStringLiteral("DRUG"), {{5, 12}}), QStringLiteral("anna"));
    QVERIFY(!forged.ok());
    const QString why = QString::fromStdString(forged.error().toString());
    QVERIFY2(why.contains(QStringLiteral("ben may not write entity spans in the name of anna")), qPrintable(why));
    // Changing or removing anna's span, through the store.
    auto changed = ben->updateEntity(m_annasSpan, QStringLiteral("DRUG"), {Fragment{5, 12}}, QStringLiteral("ben"));
    QVERIFY(!changed.ok());
    QVERIFY2(QString::fromStdString(changed.error().toString()).contains(QStringLiteral("ben may not change")),
             changed.error().toString().c_str());
    QVERIFY(!ben->removeEntity(m_annasSpan, QStringLiteral("ben")).ok());
    // ... and behind the store's back, in plain SQL.
    QVERIFY(rawSql(QStringLiteral("ben"), QStringLiteral("DELETE FROM entity_spans WHERE id = %1").arg(m_annasSpan))
                .contains(QStringLiteral("each annotator writes only their own layer")));
    QVERIFY(rawSql(QStringLiteral("ben"),
                   QStringLiteral("UPDATE entity_spans SET annotator_id = (SELECT id FROM annotators WHERE name = "
                                  "'ben') WHERE id = %1")
                       .arg(m_annasSpan))
                .contains(QStringLiteral("may not change entity spans of anna")));
    // His own layer is his.
    auto own = ben->addEntity(m_document, span({}, QStringLiteral("DRUG"), {{5, 12}}), QStringLiteral("ben"));
    QVERIFY2(own.ok(), own ? "" : own.error().toString().c_str());
    QVERIFY(ben->removeEntity(*own, QStringLiteral("ben")).ok());
    // Anna's span is as she left it.
    auto owner = openAs(QStringLiteral("quarry"));
    auto doc = owner->loadDocument(m_document);
    QVERIFY(doc.ok());
    bool found = false;
    for (int i = 0; i < doc->entityIds.size(); ++i)
      if (doc->entityIds[i] == m_annasSpan) {
        found = true;
        QCOMPARE(doc->document.entities[i].provenance.annotator, QStringLiteral("anna"));
        QCOMPARE(doc->document.entities[i].end(), 12);
      }
    QVERIFY(found);
  }

  void rolesAssignmentsAndTheLogAreGuarded() {
    auto ben = openAs(QStringLiteral("ben"));
    // No promoting oneself, no assigning, no marking someone else's assignment.
    const auto promoted = ben->setTeamRole(QStringLiteral("ben"), TeamRole::Manager);
    QVERIFY(!promoted.ok());
    QVERIFY2(QString::fromStdString(promoted.error().toString()).contains(QStringLiteral("only a manager may")),
             promoted.error().toString().c_str());
    QVERIFY(!ben->assignDocuments({m_document}, {QStringLiteral("ben"), QStringLiteral("eve")}, 2, 1).ok());
    QVERIFY(!ben->setAssignmentDone(m_document, QStringLiteral("anna"), false).ok());
    QVERIFY(ben->setAssignmentDone(m_document, QStringLiteral("ben"), true).ok());
    QVERIFY(rawSql(QStringLiteral("ben"), QStringLiteral("DELETE FROM edit_log"))
                .contains(QStringLiteral("may not change the edit log")));
    // No adjudicating without the role.
    const auto decided = ben->recordAdjudicationDecision(m_document, {0, 19, QStringLiteral("ben"), QStringLiteral("ben"), {}});
    QVERIFY(!decided.ok());
    QVERIFY2(QString::fromStdString(decided.error().toString()).contains(QStringLiteral("may not adjudicate")),
             decided.error().toString().c_str());
    // A user the owner never brought in cannot read the project at all.
    QVERIFY(!ProjectStore::open(urlAs(QStringLiteral("eve"))).ok());
  }

  void managersAndAdjudicatorsDoTheirWork() {
    auto dora = openAs(QStringLiteral("dora"));
    QVERIFY(dora->recordAdjudicationDecision(m_document, {0, 19, QStringLiteral("anna"), QStringLiteral("dora"), {}}).ok());
    QVERIFY(!dora->removeEntity(m_annasSpan, QStringLiteral("dora")).ok());  // an adjudicator writes the gold layer only
    auto mona = openAs(QStringLiteral("mona"));
    QVERIFY(mona->setTeamRole(QStringLiteral("ben"), TeamRole::Reviewer).ok());
    auto fixed = mona->updateEntity(m_annasSpan, QStringLiteral("DRUG"), {Fragment{5, 12}}, QStringLiteral("anna"));
    QVERIFY2(fixed.ok(), fixed ? "" : fixed.error().toString().c_str());
    QVERIFY(mona->removeEntity(m_annasSpan, QStringLiteral("mona")).ok());
    // A manager who is no owner cannot hand the database to a new user.
    QVERIFY(m_server.adminStatement(QStringLiteral("CREATE ROLE finn LOGIN")).isEmpty());
    const auto granted = mona->setTeamRole(QStringLiteral("finn"), TeamRole::Annotator);
    QVERIFY(!granted.ok());
    QVERIFY2(QString::fromStdString(granted.error().toString()).contains(QStringLiteral("only the project's owner")),
             granted.error().toString().c_str());
  }
};

QTEST_GUILESS_MAIN(TestLayerOwnership)
#include "test_layer_ownership.moc"
