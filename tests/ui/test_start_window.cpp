// Recent projects kept in QSettings (newest first, at most ten, missing files removable) and the start
// window over them, driven by keyboard: Enter opens the selected project, Delete forgets it.
#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include "RecentProjects.h"
#include "StartWindow.h"
#include "store/ProjectStore.h"

using quarry::ui::RecentProjects;
using quarry::ui::StartWindow;

class TestStartWindow : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir m_dir;

  QString touch(const QString& name) {
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    return QFileInfo(path).canonicalFilePath();
  }

 private Q_SLOTS:
  void addListRemoveMissing() {
    QSettings settings(m_dir.filePath(QStringLiteral("a.ini")), QSettings::IniFormat);
    RecentProjects recent(&settings);
    const QString one = touch(QStringLiteral("one.quarry"));
    const QString two = touch(QStringLiteral("two.quarry"));
    recent.add(one, QStringLiteral("One"));
    recent.add(two);
    QCOMPARE(recent.list().size(), 2);
    QCOMPARE(recent.list().at(0).path, two);                    // newest first
    QCOMPARE(recent.list().at(0).name, QStringLiteral("two"));  // base name when none given
    recent.add(one);  // again: moves to the top, keeps its name, no duplicate
    QCOMPARE(recent.list().size(), 2);
    QCOMPARE(recent.list().at(0).path, one);
    QCOMPARE(recent.list().at(0).name, QStringLiteral("One"));
    QVERIFY(recent.list().at(0).lastOpened.isValid());

    QVERIFY(QFile::remove(two));
    QVERIFY(!recent.list().at(1).exists());
    QCOMPARE(recent.removeMissing(), 1);
    QCOMPARE(recent.list().size(), 1);
    recent.remove(one);
    QVERIFY(recent.list().isEmpty());
  }

  void keepsAtMostTen() {
    QSettings settings(m_dir.filePath(QStringLiteral("b.ini")), QSettings::IniFormat);
    RecentProjects recent(&settings);
    for (int i = 0; i < 13; ++i) recent.add(m_dir.filePath(QStringLiteral("p%1.quarry").arg(i)));
    QCOMPARE(recent.list().size(), RecentProjects::kMaxEntries);
    QVERIFY(recent.list().front().path.endsWith(QLatin1String("p12.quarry")));
    QVERIFY(recent.list().back().path.endsWith(QLatin1String("p3.quarry")));
  }

  void windowOpensWithEnterAndForgetsWithDelete() {
    QSettings settings(m_dir.filePath(QStringLiteral("c.ini")), QSettings::IniFormat);
    const QString kept = touch(QStringLiteral("kept.quarry"));
    const QString gone = m_dir.filePath(QStringLiteral("gone.quarry"));
    RecentProjects(&settings).add(gone, QStringLiteral("Gone"));
    RecentProjects(&settings).add(kept, QStringLiteral("Kept"));

    StartWindow window(&settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTreeWidget* list = window.recentList();
    QCOMPARE(list->topLevelItemCount(), 2);
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("Kept"));
    QVERIFY(!list->topLevelItem(0)->text(2).isEmpty());  // last opened
    // The missing file is greyed and explained.
    QVERIFY(list->topLevelItem(1)->foreground(0) != list->topLevelItem(0)->foreground(0));
    QVERIFY(list->topLevelItem(1)->toolTip(0).contains(QLatin1String("gone")));
    QVERIFY(window.removeMissingButton()->isEnabled());

    QSignalSpy chosen(&window, &StartWindow::projectChosen);
    list->setFocus();
    list->setCurrentItem(list->topLevelItem(0));
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), kept);

    // Down to the missing one, Delete forgets it.
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(list->currentItem()->text(0), QStringLiteral("Gone"));
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(RecentProjects(&settings).list().size(), 1);
    QVERIFY(!window.removeMissingButton()->isEnabled());
    QCOMPARE(chosen.count(), 1);
  }

  void openDemoUnpacksTheCompiledInDemo() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings settings(m_dir.filePath(QStringLiteral("e.ini")), QSettings::IniFormat);
    StartWindow window(&settings);
    QSignalSpy chosen(&window, &StartWindow::projectChosen);
    QTest::mouseClick(window.demoButton(), Qt::LeftButton);
    QCOMPARE(chosen.count(), 1);
    auto store = quarry::ProjectStore::open(chosen.at(0).at(0).toString());
    QVERIFY(store.ok());
    QCOMPARE(store.value()->stats()->documents, 60);
  }

  void removeMissingButton() {
    QSettings settings(m_dir.filePath(QStringLiteral("d.ini")), QSettings::IniFormat);
    RecentProjects(&settings).add(m_dir.filePath(QStringLiteral("x.quarry")));
    RecentProjects(&settings).add(m_dir.filePath(QStringLiteral("y.quarry")));
    StartWindow window(&settings);
    QCOMPARE(window.recentList()->topLevelItemCount(), 2);
    QTest::mouseClick(window.removeMissingButton(), Qt::LeftButton);
    QCOMPARE(window.recentList()->topLevelItemCount(), 0);
    QVERIFY(RecentProjects(&settings).list().isEmpty());
  }
};

QTEST_MAIN(TestStartWindow)
#include "test_start_window.moc"
