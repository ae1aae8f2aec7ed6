// The New project dialog: a project from the demo template and from Empty, tasks that trim the
// template, and the inline problems (no name, a file already there) that keep Create disabled.
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "NewProjectDialog.h"
#include "store/ProjectStore.h"

using quarry::ProjectStore;
using quarry::ui::NewProjectDialog;

class TestNewProjectDialog : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir m_dir;

  std::unique_ptr<ProjectStore> open(const QString& path) {
    auto store = ProjectStore::open(path);
    if (!store) qWarning("%s", store.error().toString().c_str());
    return store ? std::move(store.value()) : nullptr;
  }

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
  }

  void createsFromDemoTemplate() {
    NewProjectDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!dialog.createButton()->isEnabled());  // no name yet
    dialog.folderEdit()->setText(m_dir.path());
    QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Trials"));
    dialog.templateBox()->setCurrentIndex(dialog.templateBox()->findData(QStringLiteral("clinical")));
    // The template has every kind of type: every task is ticked.
    QVERIFY(dialog.entitiesBox()->isChecked());
    QVERIFY(dialog.relationsBox()->isChecked());
    QVERIFY(dialog.qaBox()->isChecked());
    QVERIFY(dialog.classificationBox()->isChecked());
    QVERIFY(dialog.createButton()->isEnabled());
    QCOMPARE(dialog.projectPath(), m_dir.filePath(QStringLiteral("Trials.quarry")));
    QTest::mouseClick(dialog.createButton(), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.createdPath(), m_dir.filePath(QStringLiteral("Trials.quarry")));

    auto store = open(dialog.createdPath());
    QVERIFY(store);
    QCOMPARE(store->info()->name, QStringLiteral("Trials"));
    const quarry::Schema schema = store->schema().value();
    QCOMPARE(schema.entityTypes.size(), 6);
    QVERIFY(schema.entityType(QStringLiteral("DISEASE")));
    QCOMPARE(schema.entityType(QStringLiteral("DISEASE"))->hotkey, QStringLiteral("1"));
    QVERIFY(!schema.entityType(QStringLiteral("DISEASE"))->guideline.definition.isEmpty());
    QCOMPARE(schema.relationTypes.size(), 1);
    QCOMPARE(schema.qaFields.size(), 2);
    QCOMPARE(schema.categories.size(), 2);
  }

  void tasksTrimTheTemplate() {
    NewProjectDialog dialog;
    dialog.folderEdit()->setText(m_dir.path());
    dialog.nameEdit()->setText(QStringLiteral("Contracts only spans"));
    dialog.templateBox()->setCurrentIndex(dialog.templateBox()->findData(QStringLiteral("contracts")));
    dialog.relationsBox()->setChecked(false);
    dialog.qaBox()->setChecked(false);
    dialog.classificationBox()->setChecked(false);
    dialog.accept();
    QVERIFY(!dialog.createdPath().isEmpty());
    auto store = open(dialog.createdPath());
    QVERIFY(store);
    const quarry::Schema schema = store->schema().value();
    QVERIFY(schema.entityType(QStringLiteral("Obligation")));
    QVERIFY(schema.relationTypes.isEmpty());
    QVERIFY(schema.qaFields.isEmpty());
    QVERIFY(schema.categories.isEmpty());
  }

  void createsEmptyAndRefusesAnExistingFile() {
    NewProjectDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.folderEdit()->setText(m_dir.filePath(QStringLiteral("sub/folder")));  // made on Create
    dialog.templateBox()->setCurrentIndex(dialog.templateBox()->findData(QStringLiteral("empty")));
    QTest::keyClicks(dialog.nameEdit(), QStringLiteral("x"));
    QTest::keyClick(dialog.nameEdit(), Qt::Key_Backspace);
    QVERIFY(!dialog.createButton()->isEnabled());
    QVERIFY(dialog.problemLabel()->text().contains(QLatin1String("name")));
    QTest::keyClicks(dialog.nameEdit(), QStringLiteral("Blank"));
    QVERIFY(dialog.createButton()->isEnabled());
    QVERIFY(dialog.problemLabel()->text().isEmpty());
    QTest::keyClick(dialog.nameEdit(), Qt::Key_Return);  // Create is the default button
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    auto store = open(m_dir.filePath(QStringLiteral("sub/folder/Blank.quarry")));
    QVERIFY(store);
    QVERIFY(store->schema()->isEmpty());

    NewProjectDialog again;
    again.folderEdit()->setText(m_dir.filePath(QStringLiteral("sub/folder")));
    again.nameEdit()->setText(QStringLiteral("Blank"));
    QVERIFY(!again.createButton()->isEnabled());
    QVERIFY2(again.problemLabel()->text().contains(QLatin1String("already exists")),
             qPrintable(again.problemLabel()->text()));
    again.accept();  // refused even when forced
    QVERIFY(again.createdPath().isEmpty());
  }
};

QTEST_MAIN(TestNewProjectDialog)
#include "test_new_project_dialog.moc"
