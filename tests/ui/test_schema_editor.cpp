// The schema and guideline editor on the demo project: a new entity type with colour and hotkey, a
// hotkey conflict refused, a relation with allowed argument types, a QA phrasing, a guideline edited
// with its rendered preview, removing a type in use refused with its count, and OK saving it all
// (guideline version raised by one).
#include <QApplication>
#include <QCheckBox>
#include <QColorDialog>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
#include <QtTest>

#include "GuidelineEditor.h"
#include "SchemaEditorDialog.h"
#include "SchemaTypePage.h"
#include "UiTestSupport.h"
#include "project/DemoProject.h"

using namespace quarry;
using namespace quarry::ui;
using quarry::test::answerNextModal;

namespace {

void check(QListWidget* list, const QString& name) {
  const QList<QListWidgetItem*> found = list->findItems(name, Qt::MatchExactly);
  if (!found.isEmpty()) found.front()->setCheckState(Qt::Checked);
}

}  // namespace

class TestSchemaEditor : public QObject {
  Q_OBJECT
 private:
  QTemporaryDir m_dir;
  std::unique_ptr<ProjectStore> m_store;

 private Q_SLOTS:
  void init() {
    QStandardPaths::setTestModeEnabled(true);
    const QString demo =
        QString::fromLocal8Bit(qgetenv("QUARRY_SOURCE_DIR")) + QStringLiteral("/resources/demo");
    const QString path =
        m_dir.filePath(QStringLiteral("demo-%1.quarry").arg(QDateTime::currentMSecsSinceEpoch()));
    Result<QString> made = ensureDemoProject(demo, path);
    QVERIFY2(made.ok(), made.ok() ? "" : made.error().toString().c_str());
    auto opened = ProjectStore::open(path);
    QVERIFY(opened.ok());
    m_store = std::move(opened.value());
  }

  void editsAndSaves() {
    const int versionBefore = m_store->info()->guidelineVersion;
    SchemaEditorDialog dialog(*m_store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    SchemaTypePage* entities = dialog.page(SchemaKind::Entity);

    // A new entity type, typed and added with Enter.
    QTest::keyClicks(entities->newNameEdit(), QStringLiteral("SYMPTOM"));
    QTest::keyClick(entities->newNameEdit(), Qt::Key_Return);
    QCOMPARE(entities->typeList()->currentItem()->text(), QStringLiteral("SYMPTOM"));
    // Colour through the colour dialog.
    answerNextModal<QColorDialog>([](QColorDialog* d) {
      d->setCurrentColor(QColor(QStringLiteral("#123456")));
      d->accept();
    });
    QTest::mouseClick(entities->colourButton(), Qt::LeftButton);
    // Hotkey "1" is DISEASE's: refused, said why, not stored; "7" is free.
    QTest::keyClicks(entities->hotkeyEdit(), QStringLiteral("1"));
    QVERIFY2(entities->problemLabel()->text().contains(QLatin1String("DISEASE")),
             qPrintable(entities->problemLabel()->text()));
    QVERIFY(dialog.schema().entityType(QStringLiteral("SYMPTOM"))->hotkey.isEmpty());
    entities->hotkeyEdit()->clear();
    QTest::keyClicks(entities->hotkeyEdit(), QStringLiteral("7"));
    QVERIFY(entities->problemLabel()->text().isEmpty());
    const EntityType* symptom = dialog.schema().entityType(QStringLiteral("SYMPTOM"));
    QCOMPARE(symptom->hotkey, QStringLiteral("7"));
    QCOMPARE(symptom->colour, QStringLiteral("#123456"));

    // Its guideline, with the Markdown rendered in the preview.
    GuidelineEditor* guideline = entities->guidelineEditor();
    QTest::keyClicks(guideline->definitionEdit(), QStringLiteral("A **complaint** the patient reports."));
    QTest::keyClicks(guideline->positiveEdit(), QStringLiteral("persistent cough"));
    QTest::keyClicks(guideline->edgeCasesEdit(),
                     QStringLiteral("Signs measured by a clinician are not symptoms."));
    QCOMPARE(dialog.schema().entityType(QStringLiteral("SYMPTOM"))->guideline.positiveExamples,
             QStringList{QStringLiteral("persistent cough")});
    const QString shown = guideline->preview()->toPlainText();
    QVERIFY2(shown.contains(QLatin1String("A complaint the patient reports.")),
             qPrintable(shown));  // ** rendered
    QVERIFY(guideline->preview()->toHtml().contains(QLatin1String("font-weight")));
    QVERIFY(shown.contains(QLatin1String("persistent cough")));
    QVERIFY(dialog.statusLabel()->text().contains(QString::number(versionBefore + 1)));

    // Removing DISEASE, which the demo's annotations use: the count is shown and it stays.
    entities->selectType(QStringLiteral("DISEASE"));
    QString said;
    answerNextModal<QMessageBox>([&said](QMessageBox* box) {
      said = box->text();
      box->accept();
    });
    QTest::mouseClick(entities->removeButton(), Qt::LeftButton);
    QVERIFY2(said.contains(QLatin1String("DISEASE is used by")), qPrintable(said));
    const int uses = m_store->stats()->annotationCounts.value(QStringLiteral("entity:DISEASE"));
    QVERIFY(uses > 0);
    QVERIFY2(said.contains(QString::number(uses)), qPrintable(said));
    QVERIFY(dialog.schema().entityType(QStringLiteral("DISEASE")));
    // An unused type goes at once.
    QVERIFY(entities->addType(QStringLiteral("SCRATCH")));
    QVERIFY(entities->removeCurrent());
    QVERIFY(!dialog.schema().entityType(QStringLiteral("SCRATCH")));

    // A relation whose arguments are limited: head SYMPTOM (just added), tail DISEASE.
    dialog.tabs()->setCurrentWidget(dialog.page(SchemaKind::Relation));
    SchemaTypePage* relations = dialog.page(SchemaKind::Relation);
    QTest::keyClicks(relations->newNameEdit(), QStringLiteral("SIGN_OF"));
    QTest::mouseClick(relations->addButton(), Qt::LeftButton);
    QVERIFY(!relations->headList()->findItems(QStringLiteral("SYMPTOM"), Qt::MatchExactly).isEmpty());
    check(relations->headList(), QStringLiteral("SYMPTOM"));
    check(relations->tailList(), QStringLiteral("DISEASE"));
    const RelationType* signOf = dialog.schema().relationType(QStringLiteral("SIGN_OF"));
    QCOMPARE(signOf->headTypes, QStringList{QStringLiteral("SYMPTOM")});
    QCOMPARE(signOf->tailTypes, QStringList{QStringLiteral("DISEASE")});
    QVERIFY(signOf->allows(QStringLiteral("SYMPTOM"), QStringLiteral("DISEASE")));
    QVERIFY(!signOf->allows(QStringLiteral("DRUG"), QStringLiteral("DISEASE")));
    // A hotkey a QA field already has ("e") is refused across kinds too.
    QVERIFY(!relations->setHotkey(QStringLiteral("E")));

    // One more phrasing for a QA field.
    SchemaTypePage* qa = dialog.page(SchemaKind::QaField);
    qa->selectType(QStringLiteral("governing_law"));
    qa->addQuestion(QStringLiteral("Whose law applies?"));
    QCOMPARE(dialog.schema().qaField(QStringLiteral("governing_law"))->questions.size(), 4);

    const QString artefacts = QDir::currentPath() + QStringLiteral("/artefacts");
    QDir().mkpath(artefacts);
    QVERIFY(dialog.grab().save(artefacts + QStringLiteral("/schema_editor.png")));
    dialog.accept();
    QVERIFY(dialog.saved());
    const Schema saved = m_store->schema().value();
    QCOMPARE(saved.entityType(QStringLiteral("SYMPTOM"))->hotkey, QStringLiteral("7"));
    QCOMPARE(saved.entityType(QStringLiteral("SYMPTOM"))->colour, QStringLiteral("#123456"));
    QCOMPARE(saved.entityType(QStringLiteral("SYMPTOM"))->guideline.edgeCases.size(), 1);
    QCOMPARE(saved.relationType(QStringLiteral("SIGN_OF"))->tailTypes,
             QStringList{QStringLiteral("DISEASE")});
    QCOMPARE(saved.qaField(QStringLiteral("governing_law"))->questions.last(),
             QStringLiteral("Whose law applies?"));
    QCOMPARE(m_store->info()->guidelineVersion, versionBefore + 1);
  }

  void renameRefusedInUseAllowedOtherwise() {
    SchemaEditorDialog dialog(*m_store);
    SchemaTypePage* entities = dialog.page(SchemaKind::Entity);
    entities->selectType(QStringLiteral("DRUG"));
    QVERIFY(!entities->renameCurrent(QStringLiteral("MEDICATION")));
    QVERIFY(entities->problemLabel()->text().contains(QLatin1String("DRUG")));
    QVERIFY(entities->addType(QStringLiteral("TEMP")));
    QVERIFY(entities->renameCurrent(QStringLiteral("TEMPORARY")));
    QVERIFY(dialog.schema().entityType(QStringLiteral("TEMPORARY")));
    QVERIFY(!entities->addType(QStringLiteral("DRUG")));  // duplicate name
  }

  // A QA field answered by an entity type follows the type's rename; its removal leaves the field answered by
  // annotation alone, and the schema can still be saved.
  void entityTypeEditsReachQaFields() {
    Schema schema = m_store->schema().value();
    schema.entityTypes.push_back(EntityType{QStringLiteral("JURISDICTION"), {}, {}, {}});
    QVERIFY(schema.qaFields.size() > 0);
    const QString field = schema.qaFields.front().name;
    schema.qaFields.front().entityType = QStringLiteral("JURISDICTION");
    QVERIFY(m_store->setSchema(schema).ok());
    SchemaEditorDialog dialog(*m_store);
    SchemaTypePage* entities = dialog.page(SchemaKind::Entity);
    entities->selectType(QStringLiteral("JURISDICTION"));
    QVERIFY(entities->renameCurrent(QStringLiteral("VENUE")));
    QCOMPARE(dialog.schema().qaField(field)->entityType, QStringLiteral("VENUE"));
    QVERIFY(entities->removeCurrent());
    QVERIFY(dialog.schema().qaField(field)->entityType.isEmpty());
    dialog.accept();
    QVERIFY(dialog.saved());
    QVERIFY(m_store->schema()->qaField(field)->entityType.isEmpty());
  }

  void cancelWritesNothing() {
    const Schema before = m_store->schema().value();
    SchemaEditorDialog dialog(*m_store);
    QVERIFY(dialog.page(SchemaKind::Category)->addType(QStringLiteral("other")));
    dialog.reject();
    QVERIFY(!dialog.saved());
    QVERIFY(m_store->schema().value() == before);
  }
};

QTEST_MAIN(TestSchemaEditor)
#include "test_schema_editor.moc"
