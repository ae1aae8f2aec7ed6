// Project handling in the real windows: the lock beside a project opened for editing (a second
// window, or another process, is offered read-only through the real dialog or a pre-answer; a stale
// lock of a dead process is taken over), Close Project (Ctrl+W) releasing it and going back to the
// start window, File > Open Recent, and who is annotating: asked at first start, a per-project name,
// recorded on every edit and shown in the title bar.
#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "AnnotationsPanel.h"
#include "AnnotatorDialog.h"
#include "AnnotatorSettings.h"
#include "LockConflictDialog.h"
#include "ProjectLock.h"
#include "RecentProjects.h"
#include "StartWindow.h"
#include "UiTestSupport.h"
#include "Workbench.h"

using namespace quarry;
using quarry::ui::LockConflictDialog;
using quarry::ui::MainWindow;

namespace {

// Writes a lock file as QLockFile does: pid, application name, host.
void writeLock(const QString& projectPath, qint64 pid, const QString& app) {
  QFile f(ui::ProjectLock::lockPathFor(projectPath));
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(QByteArray::number(pid) + '\n' + app.toUtf8() + '\n' + QSysInfo::machineHostName().toUtf8() + '\n');
}

// Labels the first word of the open document as DISEASE from the keyboard; returns its annotator.
QString labelFirstWord(MainWindow& window) {
  ui::AnnotationView* v = window.annotationView();
  v->setFocus();
  v->setCursorPosition(0);
  QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
  QTest::keyClick(v, Qt::Key_1);
  Result<StoredDocument> d = window.store()->loadDocument(window.currentDocument());
  if (!d) return {};
  for (const EntitySpan& e : d->document.entities)
    if (e.key == v->currentSpan()) return e.provenance.annotator;
  return {};
}

// Runs `answer` on the next modal dialog of type T once it shows (from inside its exec()).
template <typename T>
void whenShown(const std::function<void(T*)>& answer) {
  QTimer::singleShot(0, [answer] {
    T* dialog = nullptr;
    QTRY_VERIFY((dialog = qobject_cast<T*>(QApplication::activeModalWidget())) != nullptr);
    answer(dialog);
  });
}

}  // namespace

class TestProjectHandling : public QObject {
  Q_OBJECT
  test::DemoProjects m_demos;

  QString freshDemo() { return m_demos.fresh(); }

 private Q_SLOTS:
  void initTestCase() {
    test::isolateSettings(QStringLiteral("test_project_handling"));
    ui::AnnotatorSettings::setGlobal(QStringLiteral("tester"));  // no first-start question but in its test
  }

  void secondWindowIsOfferedReadOnly() {
    const QString path = freshDemo();
    MainWindow one;
    QVERIFY(test::showOn(one, path));
    QVERIFY(!one.store()->isReadOnly());
    QVERIFY(QFile::exists(ui::ProjectLock::lockPathFor(path)));

    // The real dialog: "Open Read-Only" clicked.
    MainWindow two;
    QString question;
    whenShown<LockConflictDialog>([&](LockConflictDialog* d) {
      question = d->text();
      QTest::mouseClick(d->readOnlyButton(), Qt::LeftButton);
    });
    QVERIFY(test::showOn(two, path));
    QVERIFY2(question.contains(QLatin1String("open for editing elsewhere")), qPrintable(question));
    QVERIFY(two.store()->isReadOnly());
    QVERIFY(two.windowTitle().contains(QLatin1String("read-only")));
    const qint64 doc = two.currentDocument();
    const int before = int(two.store()->loadDocument(doc)->document.entities.size());
    labelFirstWord(two);
    QCOMPARE(int(two.store()->loadDocument(doc)->document.entities.size()), before);  // refused

    // Cancel (pre-answered): nothing opens.
    MainWindow three;
    LockConflictDialog::prepareAnswer(LockConflictDialog::Choice::Cancel);
    QVERIFY(!three.openProject(path).ok());
    QVERIFY(three.openCancelled());
    QVERIFY(!three.store());

    // Once the first window closes its project, the lock is free: the next window edits.
    one.closeProject();
    QVERIFY(!QFile::exists(ui::ProjectLock::lockPathFor(path)));
    MainWindow four;
    QVERIFY(test::showOn(four, path));
    QVERIFY(!four.store()->isReadOnly());
  }

  void lockOfAnotherProcess() {
    const QString path = freshDemo();
    // A live process that is not this one holds the lock: offered read-only.
    QProcess sleeper;
    sleeper.start(QStringLiteral("sleep"), {QStringLiteral("60")});
    QVERIFY(sleeper.waitForStarted());
    writeLock(path, sleeper.processId(), QStringLiteral("sleep"));
    MainWindow window;
    QString holder;
    whenShown<LockConflictDialog>([&](LockConflictDialog* d) {
      holder = d->text();
      QTest::mouseClick(d->readOnlyButton(), Qt::LeftButton);
    });
    QVERIFY(test::showOn(window, path));
    QVERIFY2(holder.contains(QString::number(sleeper.processId())), qPrintable(holder));
    QVERIFY(window.store()->isReadOnly());
    window.closeProject();
    QVERIFY(QFile::exists(ui::ProjectLock::lockPathFor(path)));  // not ours to remove
    sleeper.kill();
    sleeper.waitForFinished();

    // The holder has died: the lock is stale, taken over without a question.
    LockConflictDialog::prepareAnswer(LockConflictDialog::Choice::Cancel);  // would refuse if asked
    QVERIFY(test::showOn(window, path));
    QVERIFY(!window.store()->isReadOnly());
    LockConflictDialog::prepareAnswer(std::nullopt);
    QFile lock(ui::ProjectLock::lockPathFor(path));
    QVERIFY(lock.open(QIODevice::ReadOnly));
    QCOMPARE(lock.readLine().trimmed().toLongLong(), QCoreApplication::applicationPid());
  }

  void closeProjectAndOpenRecent() {
    const QString first = freshDemo(), second = freshDemo();
    ui::Workbench workbench(false);
    workbench.start(first);
    MainWindow* window = workbench.mainWindow();
    QVERIFY(window->isVisible());
    QVERIFY(workbench.openProject(second));
    QCOMPARE(ui::RecentProjects().list().at(0).path, QFileInfo(second).canonicalFilePath());

    // File > Open Recent lists both, newest first; its "&2" entry opens the first project.
    QMenu* recent = window->recentProjectsMenu();
    recent->popup(window->mapToGlobal(QPoint(20, 20)));
    QVERIFY(QTest::qWaitForWindowExposed(recent));
    QStringList entries;
    for (QAction* a : recent->actions()) entries << a->text();
    QVERIFY2(entries.size() >= 4 && entries[0].contains(QFileInfo(second).fileName()) &&
                 entries[1].contains(QFileInfo(first).fileName()),
             qPrintable(entries.join(QLatin1Char('|'))));
    QTest::keyClick(recent, Qt::Key_2);
    QTRY_COMPARE(QFileInfo(window->projectPath()).canonicalFilePath(), QFileInfo(first).canonicalFilePath());
    QVERIFY(!QFile::exists(ui::ProjectLock::lockPathFor(second)));  // the other project's lock went with it

    // Ctrl+W closes the project: the lock goes, the start window comes back, the title is bare.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTest::keyClick(window->annotationView(), Qt::Key_W, Qt::ControlModifier);
    QVERIFY(!window->store());
    QVERIFY(window->projectPath().isEmpty());
    QCOMPARE(window->windowTitle(), QStringLiteral("Quarry"));
    QVERIFY(!QFile::exists(ui::ProjectLock::lockPathFor(first)));
    QVERIFY(workbench.startWindow()->isVisible());
    QVERIFY(!window->isVisible());
    QCOMPARE(window->annotationsPanel()->model()->rowCount(), 0);
  }

  void annotatorAskedAtFirstStartRecordedAndShown() {
    QSettings().remove(QStringLiteral("annotator"));
    const QString path = freshDemo();
    ui::Workbench workbench(false);
    bool asked = false;
    whenShown<ui::AnnotatorDialog>([&](ui::AnnotatorDialog* d) {
      asked = true;
      d->nameEdit()->selectAll();
      QTest::keyClicks(d->nameEdit(), QStringLiteral("Ann Example"));
      QTest::keyClick(d->nameEdit(), Qt::Key_Return);
    });
    workbench.start(path);
    MainWindow* window = workbench.mainWindow();
    QTRY_VERIFY(asked);
    QTRY_VERIFY(window->windowTitle().contains(QLatin1String("Ann Example")));
    QCOMPARE(ui::AnnotatorSettings::global(), QStringLiteral("Ann Example"));
    QCOMPARE(labelFirstWord(*window), QStringLiteral("Ann Example"));

    // A per-project name, from File > Annotator Name…: this project only.
    whenShown<ui::AnnotatorDialog>([](ui::AnnotatorDialog* d) {
      d->nameEdit()->selectAll();
      QTest::keyClicks(d->nameEdit(), QStringLiteral("A. Example (clinic)"));
      d->projectOnlyBox()->setFocus();
      QTest::keyClick(d->projectOnlyBox(), Qt::Key_Space);
      QTest::mouseClick(d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    window->annotatorAction()->trigger();
    QVERIFY(window->windowTitle().contains(QLatin1String("A. Example (clinic)")));
    window->annotationView()->setFocus();
    QTest::keyClick(window->annotationView(), Qt::Key_N);
    QCOMPARE(labelFirstWord(*window), QStringLiteral("A. Example (clinic)"));
    QCOMPARE(ui::AnnotatorSettings::global(), QStringLiteral("Ann Example"));
    // Another project records the global name.
    const QString other = freshDemo();
    QVERIFY(workbench.openProject(other));
    QVERIFY(window->windowTitle().contains(QLatin1String("annotator: Ann Example")));
    QCOMPARE(labelFirstWord(*window), QStringLiteral("Ann Example"));
    // Back in the first project, its own name again.
    QVERIFY(workbench.openProject(path));
    QVERIFY(window->windowTitle().contains(QLatin1String("A. Example (clinic)")));

    // A second start with a name set asks nothing.
    ui::Workbench again(false);
    again.start(QString());
    QTest::qWait(100);
    QVERIFY(!qobject_cast<ui::AnnotatorDialog*>(QApplication::activeModalWidget()));
  }
};

QTEST_MAIN(TestProjectHandling)
#include "test_project_handling.moc"
