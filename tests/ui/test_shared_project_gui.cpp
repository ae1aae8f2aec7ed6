// Two annotators on one shared project on PostgreSQL (a private server, PostgresTestServer; SKIP without
// one), in two real main windows: both open the postgresql:// URL for editing (no lock file: the server
// arbitrates), a span labelled by keys in one window is in the store and shows in the other, and an edit
// made from a stale read is refused and the window shows the teammate's version instead; a teammate's edit
// shows in the other window as it commits (LISTEN/NOTIFY).
#include <QCoreApplication>
#include <QFile>
#include <QStatusBar>
#include <QtTest>
#include <cstdio>

#include "../core/CliTestSupport.h"
#include "../core/PostgresTestServer.h"
#include "StoreAnnotationSink.h"
#include "UiTestSupport.h"
#include "WorkbenchTestSupport.h"
#include "store/ProjectLocation.h"

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
