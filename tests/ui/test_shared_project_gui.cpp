// Two annotators on one shared project on PostgreSQL (a private server, PostgresTestServer; SKIP without
// one), in two real main windows: both open the postgresql:// URL for editing (no lock file: the server
// arbitrates), a span labelled by keys in one window is in the store and shows in the other, and an edit
// made from a stale read is refused and the window shows the teammate's version instead; a teammate's edit
// shows in the other window as it commits (LISTEN/NOTIFY). Then a team's whole round on the demo: two
// layers labelled by keys, agreement, adjudication into the gold layer.
#include <QCoreApplication>
#include <QFile>
#include <QStatusBar>
#include <QtTest>
#include <cstdio>

#include "../core/CliTestSupport.h"
#include "../core/PostgresTestServer.h"
#include "DocumentSession.h"
#include "StoreAnnotationSink.h"
#include "UiTestSupport.h"
#include "WorkbenchTestSupport.h"
#include "store/ProjectLocation.h"
#include "store/ProjectStore.h"
#include "team/AdjudicationDialog.h"
#include "team/AgreementDialog.h"
#include "team/TeamActions.h"

using namespace quarry;
using namespace quarry::test;
using quarry::ui::MainWindow;

class TestSharedProjectGui : public QObject {
  Q_OBJECT

 public:
  PostgresTestServer server;

 private:
  QString demoOnServer() {
    const QString url = server.freshDatabase();
    const QString demo = QStringLiteral(QUARRY_TEST_SOURCE_DIR "/resources/demo");
    if (::cli({QStringLiteral("init"), url, QStringLiteral("--schema"), demo + QStringLiteral("/schema.json")}).code != 0 ||
        ::cli({QStringLiteral("import"), url, demo + QStringLiteral("/documents.jsonl"), QStringLiteral("--format"),
               QStringLiteral("jsonl")})
                .code != 0)
      return {};
    return url;
  }

 private Q_SLOTS:
  void twoAnnotatorsEditTheSameProject() {
    const QString url = demoOnServer();
    QVERIFY(!url.isEmpty());
    MainWindow anna, ben;
    QVERIFY(showOn(anna, url, QStringLiteral("anna")));
    QVERIFY(showOn(ben, url, QStringLiteral("ben")));
    QVERIFY(!anna.store()->isReadOnly());
    QVERIFY(!ben.store()->isReadOnly());  // both edit: no lock taken
    QVERIFY2(anna.windowTitle().contains(ProjectLocation::shortNameOf(url)), qPrintable(anna.windowTitle()));
    QVERIFY2(!anna.windowTitle().contains(QStringLiteral("postgresql")), qPrintable(anna.windowTitle()));
    QCOMPARE(anna.documentList()->model()->rowCount(), 60);

    // Anna labels "Thornbury Wind Services Ltd" as PARTY with the keyboard, in her window.
    anna.raise();
    anna.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&anna));
    const qint64 contract18 = documentNamed(anna, QStringLiteral("contract-018"));
    QVERIFY(anna.documentList()->selectDocument(contract18));
    ui::AnnotationView* v = anna.annotationView();
    QTest::keyClick(anna.documentList()->view(), Qt::Key_F6);
    QTRY_VERIFY(v->hasFocus());
    for (int i = 0; i < 6; ++i) QTest::keyClick(v, Qt::Key_Right);
    for (int i = 0; i < 4; ++i) QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
    const Document before = storedDocument(anna, contract18);
    QTest::keyClick(v, Qt::Key_4);
    const Document after = storedDocument(ben, contract18);  // read through ben's connection
    QCOMPARE(after.entities.size(), before.entities.size() + 1);
    QCOMPARE(after.entities.back().provenance.annotator, QStringLiteral("anna"));

    // Ben opens the document: he sees anna's span.
    QVERIFY(ben.documentList()->selectDocument(contract18));
    QTRY_COMPARE(ben.annotationView()->document().entities.size(), after.entities.size());

    // A stale write: ben's editor read the document, anna retypes the span, ben's retype is refused and
    // his editor shows anna's version.
    ui::StoreAnnotationSink bensEditor(ben.store(), contract18, QStringLiteral("ben"));
    ui::StoreAnnotationSink annasEditor(anna.store(), contract18, QStringLiteral("anna"));
    const QString key = after.entities.back().key;
    QString error;
    QVERIFY2(annasEditor.changeEntityType(key, QStringLiteral("GOVERNING_LAW"), &error), qPrintable(error));
    QVERIFY(!bensEditor.changeEntityType(key, QStringLiteral("PARTY"), &error));
    QVERIFY2(error.contains(QStringLiteral("anna changed it")), qPrintable(error));
    QCOMPARE(bensEditor.entity(key)->type, QStringLiteral("GOVERNING_LAW"));
    QCOMPARE(storedDocument(anna, contract18).entities.back().type, QStringLiteral("GOVERNING_LAW"));

    // Ben's window shows the document; anna removes the span: his window follows without his doing
    // anything (LISTEN/NOTIFY), and his own list and view stay as they are otherwise.
    const int shown = ben.annotationView()->document().entities.size();
    QVERIFY2(annasEditor.removeEntity(key, &error), qPrintable(error));
    QTRY_COMPARE(ben.annotationView()->document().entities.size(), shown - 1);
    QTRY_VERIFY(ben.statusBar()->currentMessage().contains(QStringLiteral("teammate")));
  }

  // The team's round on the demo, on the server: both annotators label the same words of contract-018 by
  // keys, each in their own layer (anna PARTY, ben GOVERNING_LAW), and finish it with Ctrl+Return, which
  // finishes their assignment; Team > Agreement measures the two layers; the adjudicator opens the
  // adjudication view by keys, takes anna's version with 1 and finishes with Ctrl+Return: the gold layer
  // holds anna's span, recorded as dora's decision.
  void aTeamAnnotatesMeasuresAndAdjudicatesTheDemo() {
    const QString url = demoOnServer();
    QVERIFY(!url.isEmpty());
    CliRun team =
        ::cli({QStringLiteral("team"), url, QStringLiteral("--role"), QStringLiteral("dora=adjudicator"),
               QStringLiteral("--assign"), QStringLiteral("anna,ben"), QStringLiteral("--per-document"),
               QStringLiteral("2"), QStringLiteral("--seed"), QStringLiteral("1")});
    QVERIFY2(team.code == 0, qPrintable(team.err));
    MainWindow anna, ben;
    QVERIFY(showOn(anna, url, QStringLiteral("anna")));
    QVERIFY(showOn(ben, url, QStringLiteral("ben")));
    const qint64 contract18 = documentNamed(anna, QStringLiteral("contract-018"));
    QVERIFY(contract18 > 0);
    for (MainWindow* w : {&anna, &ben}) {
      w->raise();
      w->activateWindow();
      QVERIFY(QTest::qWaitForWindowActive(w));
      QVERIFY(w->documentList()->selectDocument(contract18));
      QCOMPARE(w->session()->document().entities.size(),
               0);  // their own layer: empty (the import is no one's)
      ui::AnnotationView* v = w->annotationView();
      QTest::keyClick(w->documentList()->view(), Qt::Key_F6);
      QTRY_VERIFY(v->hasFocus());
      for (int i = 0; i < 6; ++i) QTest::keyClick(v, Qt::Key_Right);
      for (int i = 0; i < 4; ++i) QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
      QTest::keyClick(v, w == &anna ? Qt::Key_4 : Qt::Key_6);
      QCOMPARE(w->session()->document().entities.size(), 1);
      QTest::keyClick(v, Qt::Key_Return, Qt::ControlModifier);  // Mark Done and Next
      QTRY_VERIFY(w->session()->documentId() != contract18);
    }
    auto assignments = anna.store()->assignments();
    QVERIFY(assignments.ok());
    int done = 0;
    for (const Assignment& a : assignments.value()) done += a.documentId == contract18 && a.done.isValid();
    QCOMPARE(done, 2);

    anna.team()->agreementAction()->trigger();
    ui::AgreementDialog* agreement = anna.team()->agreementDialog();
    QVERIFY(agreement);
    QTRY_VERIFY_WITH_TIMEOUT(!agreement->isMeasuring(), 20000);
    // anna and ben, and each of them with the importer (the demo's annotations are the importer's layer).
    QCOMPARE(int(agreement->report().pairs.size()), 3);
    bool measured = false;
    for (const eval::PairAgreement& pair : agreement->report().pairs)
      if (pair.a == "anna" && pair.b == "ben") {
        QCOMPARE(pair.exact.f1(), 0.0);  // the same words, different types
        measured = true;
      }
    QVERIFY(measured);
    agreement->close();

    MainWindow dora;
    QVERIFY(showOn(dora, url, QStringLiteral("dora")));
    QVERIFY(QTest::qWaitForWindowActive(&dora));
    QVERIFY(dora.documentList()->selectDocument(contract18));
    QTest::keyClick(&dora, Qt::Key_J, Qt::ControlModifier | Qt::ShiftModifier);
    ui::AdjudicationDialog* adjudication = dora.team()->adjudicationDialog();
    QVERIFY(adjudication);
    adjudication->activateWindow();
    QTRY_COMPARE(QApplication::activeWindow(), static_cast<QWidget*>(adjudication));
    QCOMPARE(adjudication->state().undecided, 1);
    QTest::keyClick(adjudication, Qt::Key_1);
    QCOMPARE(adjudication->state().undecided, 0);
    QTest::keyClick(adjudication, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY2(adjudication->message().contains(QStringLiteral("adjudicated")),
             qPrintable(adjudication->message()));
    QCOMPARE(dora.store()->adjudicatedDocuments()->value(contract18), QStringLiteral("dora"));
    const Document gold = dora.store()->loadDocument(contract18)->layerOf(QStringLiteral("dora")).document;
    QCOMPARE(gold.entities.size(), 1);
    QCOMPARE(gold.entities[0].type, QStringLiteral("PARTY"));
    QCOMPARE(dora.store()->adjudicationDecisions(contract18)->front().chosen, QStringLiteral("anna"));
  }
};

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  TestSharedProjectGui test;
  if (!test.server.start()) {
    std::printf("%s\n", qPrintable(test.server.skipReason()));
    return 77;
  }
  return QTest::qExec(&test, argc, argv);
}

#include "test_shared_project_gui.moc"
