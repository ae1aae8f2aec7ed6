// Workbench defects, each reproduced the way a person met it, on the real main window (offscreen,
// keys and clicks): keyboard selections that labelled the word before them, a previous project's
// document left on screen, hotkeys that collided with navigation, a new type's colour and unreadable
// chip text, categories that looked like check boxes but acted as one choice, a status that did not
// commit with its edit (checked with a real kill -9), literal ampersands and English plurals, a stale
// relation prompt, a schema save that scrolled to the top, a Find field that opened nothing, and a QA
// tag at a line's end, arcs across line breaks and relation tooltips cut off.
#include <algorithm>

#include <QAbstractButton>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextDocumentFragment>
#include <QToolTip>
#include <QUndoStack>

#include "AppTranslations.h"
#include "CategoryPanel.h"
#include "GoToDialog.h"
#include "ImportDialog.h"
#include "KeyboardSheet.h"
#include "NewProjectDialog.h"
#include "SchemaEditorDialog.h"
#include "SchemaEdits.h"
#include "SchemaTemplates.h"
#include "SchemaTypePage.h"
#include "StartWindow.h"
#include "WorkbenchTestSupport.h"
#include "annotation/BlockLayout.h"
#include "annotation/TypeColours.h"
#include "corpus/TextOffsets.h"

using namespace quarry;
using namespace quarry::test;
using quarry::ui::MainWindow;

namespace {

// The spans of `after` whose keys `before` lacks.
QVector<EntitySpan> added(const Document& before, const Document& after) {
  QVector<EntitySpan> out;
  for (const EntitySpan& e : after.entities)
    if (!before.entity(e.key)) out.push_back(e);
  return out;
}

QString textOf(const Document& d, const EntitySpan& e) {
  return TextOffsets(d.text).slice(d.text, e.start(), e.end());
}

QStringList labelsOf(const Document& d) {
  QStringList out;
  for (const DocumentLabel& l : d.labels) out << l.category;
  return out;
}

// A project made from a schema template with the given documents.
QString templateProject(const QString& dir, const QString& templateId, const QStringList& texts) {
  static int n = 0;
  const QString path = QDir(dir).filePath(QStringLiteral("%1-%2.quarry").arg(templateId).arg(++n));
  auto store = ProjectStore::create(path, templateId);
  if (!store) qFatal("%s", store.error().toString().c_str());
  Schema schema;
  for (const ui::SchemaTemplate& t : ui::schemaTemplates())
    if (t.id == templateId) schema = ui::loadSchemaTemplate(t).value();
  Corpus corpus;
  corpus.schema = schema;
  for (int i = 0; i < texts.size(); ++i) {
    Document d;
    d.name = QStringLiteral("doc-%1").arg(i + 1);
    d.text = texts[i];
    corpus.documents.push_back(d);
  }
  if (Status s = (*store)->setSchema(schema); !s) qFatal("%s", s.error().toString().c_str());
  if (!texts.isEmpty())
    if (auto imported = (*store)->importCorpus(corpus, QStringLiteral("importer")); !imported)
      qFatal("%s", imported.error().toString().c_str());
  return path;
}

// Every QLabel under `w` whose text shows a mnemonic ('&' not doubled) but has no buddy: such a label
// shows the '&' literally.
QStringList literalAmpersands(const QWidget* w) {
  QStringList out;
  for (const QLabel* label : w->findChildren<QLabel*>()) {
    QString text = label->text();
    if (Qt::mightBeRichText(text)) continue;
    text.remove(QStringLiteral("&&"));
    if (text.contains(QLatin1Char('&')) && !label->buddy()) out << label->text();
  }
  return out;
}

// The child of the kill -9 test: labels the first word of one document after another by keyboard,
// printing each document's id once its label is in, until it is killed.
int labelUntilKilled(const QString& project) {
  QStandardPaths::setTestModeEnabled(true);
  MainWindow window;
  window.setAnnotator(QStringLiteral("killtest"));
  if (!window.openProject(project)) return 2;
  window.resize(1000, 700);
  window.show();
  if (!QTest::qWaitForWindowExposed(&window)) return 3;
  ui::AnnotationView* v = window.annotationView();
  QFile out;
  if (!out.open(stdout, QIODevice::WriteOnly | QIODevice::Unbuffered)) return 4;
  for (int row = 0; row < window.documentList()->model()->rowCount(); ++row) {
    window.documentList()->selectDocument(window.documentList()->model()->idAt(row));
    v->setFocus();
    v->setCursorPosition(0);
    QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(v, Qt::Key_1);
    out.write(QByteArray::number(window.currentDocument()) + '\n');
  }
  return 0;
}

// Whether `excerpt` is `text` cut after a whole word with an ellipsis: a prefix of it that ends where a
// word ends, then "…".
bool cutAtAWord(const QString& excerpt, const QString& text) {
  if (!excerpt.endsWith(QChar(0x2026))) return false;
  const QString kept = excerpt.chopped(1);
  return !kept.isEmpty() && kept.size() < text.size() && text.startsWith(kept) &&
         kept.back().isLetterOrNumber() && !text.at(kept.size()).isLetterOrNumber() &&
         text.at(kept.size()) != QLatin1Char('-');
}

}  // namespace

class TestWorkbenchDefects : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;

 private Q_SLOTS:
  void initTestCase() {
    isolateSettings(QStringLiteral("test_workbench_defects"));
    ui::AppTranslations::install(QLocale(QLocale::English));
  }

  // 1. contract-018: F6, Right ×6, Shift+Right ×4, 4 stored "between Thornbury Wind Services Ltd".
  void keyboardSelectionStoresWhatIsHighlighted() {
    MainWindow window;
    QVERIFY(showOn(window, freshDemo(m_dir.path())));
    ui::AnnotationView* v = window.annotationView();
    const qint64 contract18 = documentNamed(window, QStringLiteral("contract-018"));
    QVERIFY(window.documentList()->selectDocument(contract18));
    QTest::keyClick(window.documentList()->view(), Qt::Key_F6);
    QTRY_VERIFY(v->hasFocus());
    QCOMPARE(v->cursorPosition(), 0);
    for (int i = 0; i < 6; ++i) QTest::keyClick(v, Qt::Key_Right);
    QCOMPARE(v->cursorPosition(), 42);  // after "between"
    for (int i = 0; i < 4; ++i) QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
    // What is highlighted: the four words, not the space before them nor the word before that.
    QCOMPARE(v->selection(), qMakePair(43, 70));
    const Document before = storedDocument(window, contract18);
    QTest::keyClick(v, Qt::Key_4);
    Document after = storedDocument(window, contract18);
    QVector<EntitySpan> made = added(before, after);
    QCOMPARE(made.size(), 1);
    QCOMPARE(made[0].type, QStringLiteral("PARTY"));
    QCOMPARE(made[0].start(), 43);
    QCOMPARE(made[0].end(), 70);
    QCOMPARE(textOf(after, made[0]), QStringLiteral("Thornbury Wind Services Ltd"));

    // contract-001: the caret right after "in", Shift+Right, 6 stored "in England".
    const qint64 contract1 = documentNamed(window, QStringLiteral("contract-001"));
    QVERIFY(window.documentList()->selectDocument(contract1));
    v->setFocus();
    const Document before1 = storedDocument(window, contract1);
    const int in = int(before1.text.indexOf(QLatin1String(" in England"))) + 1;  // ASCII text: code points
    QVERIFY(in > 0);
    v->setCursorPosition(in + 2);
    QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(v->selection(), qMakePair(in + 3, in + 10));
    QTest::keyClick(v, Qt::Key_6);
    after = storedDocument(window, contract1);
    made = added(before1, after);
    QCOMPARE(made.size(), 1);
    QCOMPARE(made[0].type, QStringLiteral("GOVERNING_LAW"));
    QCOMPARE(made[0].start(), in + 3);
    QCOMPARE(made[0].end(), in + 10);
    QCOMPARE(textOf(after, made[0]), QStringLiteral("England"));
  }

  // 2. New Project and Open Project show nothing of the project before.
  void newAndOpenProjectLeaveNothingBehind() {
    const QString demo = freshDemo(m_dir.path());
    MainWindow window;
    QVERIFY(showOn(window, demo));
    ui::AnnotationView* v = window.annotationView();
    QVERIFY(!v->document().text.isEmpty());
    QVERIFY(!window.categoryPanel()->currentLabels().isEmpty());
    // File > New Project ends by opening the new, empty project.
    QVERIFY(window.openProject(templateProject(m_dir.path(), QStringLiteral("contracts"), {})));
    QCOMPARE(window.currentDocument(), 0);
    QVERIFY(v->document().text.isEmpty());
    QVERIFY(v->document().entities.isEmpty());
    QVERIFY(window.categoryPanel()->currentLabels().isEmpty());
    v->setFocus();
    QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(v->selection(), qMakePair(0, 0));  // nothing left to select
    QVERIFY(!window.windowTitle().contains(QLatin1String("trial-001")));

    // Open Project: the Find filter of the last project does not hide the next one's documents.
    QVERIFY(window.openProject(demo));
    QLineEdit* search = window.documentList()->searchField();
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("metformin"));
    QTest::keyClick(search, Qt::Key_Return);
    QVERIFY(window.documentList()->model()->rowCount() < 60);
    QVERIFY(window.openProject(freshDemo(m_dir.path())));
    QCOMPARE(window.documentList()->model()->rowCount(), 60);
    QVERIFY(search->text().isEmpty());
    QVERIFY(window.currentDocument() != 0);
  }

  // 3. One list of reserved keys: every template keeps clear of it, the schema editor refuses it,
  // and the Contracts template's Party key retypes the current span instead of navigating.
  void reservedKeysKeepHotkeysApart() {
    for (const ui::SchemaTemplate& t : ui::schemaTemplates()) {
      Result<Schema> schema = ui::loadSchemaTemplate(t);
      QVERIFY2(schema.ok(), qPrintable(t.id));
      QVERIFY2(ui::hotkeyProblems(schema.value()).isEmpty(),
               qPrintable(t.id + QStringLiteral(": ") +
                          ui::hotkeyProblems(schema.value()).join(QLatin1Char('\n'))));
    }
    for (const QString& key : {QStringLiteral("n"), QStringLiteral("P"), QStringLiteral("r"),
                               QStringLiteral("q"), QStringLiteral("?")})
      QVERIFY2(!ui::reservedKeyProblem(key).isEmpty(), qPrintable(key));
    QVERIFY(ui::reservedKeyProblem(QStringLiteral("1")).isEmpty());

    // The schema editor: typing N into DISEASE's hotkey is refused with the reason.
    auto store = ProjectStore::open(freshDemo(m_dir.path()));
    QVERIFY(store.ok());
    ui::SchemaEditorDialog dialog(*store.value());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    ui::SchemaTypePage* entities = dialog.page(ui::SchemaKind::Entity);
    entities->selectType(QStringLiteral("DISEASE"));
    entities->hotkeyEdit()->setFocus();
    entities->hotkeyEdit()->selectAll();
    QTest::keyClicks(entities->hotkeyEdit(), QStringLiteral("n"));
    QCOMPARE(dialog.schema().entityType(QStringLiteral("DISEASE"))->hotkey, QStringLiteral("1"));
    QVERIFY2(entities->problemLabel()->text().contains(QLatin1String("reserved")),
             qPrintable(entities->problemLabel()->text()));
    dialog.reject();

    // Contracts: a Date span, current after labelling; Party's key retypes it, P still navigates.
    const QString path =
        templateProject(m_dir.path(), QStringLiteral("contracts"),
                        {QStringLiteral("This Agreement is made between Acme Ltd and Globex plc."),
                         QStringLiteral("Signed on 1 March 2024 by Acme Ltd.")});
    MainWindow window;
    QVERIFY(showOn(window, path));
    const EntityType* party = window.schema().entityType(QStringLiteral("Party"));
    QVERIFY(party);
    QVERIFY(ui::reservedKeyProblem(party->hotkey).isEmpty());
    QVERIFY(window.documentList()->step(1));  // the second document, so P has somewhere to go
    const qint64 second = window.currentDocument();
    ui::AnnotationView* v = window.annotationView();
    v->setFocus();
    v->setCursorPosition(21);  // "Acme Ltd"
    QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(v, Qt::Key_T);  // Date
    Document d = storedDocument(window, second);
    QCOMPARE(d.entities.size(), 1);
    QCOMPARE(d.entities[0].type, QStringLiteral("Date"));
    QCOMPARE(v->currentSpan(), d.entities[0].key);
    QTest::keyClick(v, party->hotkey.at(0).toLatin1());
    QCOMPARE(window.currentDocument(), second);
    QCOMPARE(storedDocument(window, second).entities[0].type, QStringLiteral("Party"));
    QTest::keyClick(v, Qt::Key_P);
    QVERIFY(window.currentDocument() != second);
  }

  // 4. A new type's colour differs from every colour in use; chip text reaches WCAG AA on every colour.
  void newTypeColourIsDistinctAndChipTextReadable() {
    const QString path = templateProject(m_dir.path(), QStringLiteral("contracts"), {});
    auto store = ProjectStore::open(path);
    QVERIFY(store.ok());
    ui::SchemaEditorDialog dialog(*store.value());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVector<QColor> before;
    for (const EntityType& t : dialog.schema().entityTypes) before << QColor(t.colour);
    for (const RelationType& t : dialog.schema().relationTypes) before << QColor(t.colour);
    for (const CategoryType& t : dialog.schema().categories) before << QColor(t.colour);
    QVERIFY(before.contains(QColor(QStringLiteral("#ffbe0b"))));
    ui::SchemaTypePage* entities = dialog.page(ui::SchemaKind::Entity);
    for (const QString& name : {QStringLiteral("Court"), QStringLiteral("Clause"), QStringLiteral("Term")}) {
      entities->newNameEdit()->setFocus();
      QTest::keyClicks(entities->newNameEdit(), name);
      QTest::mouseClick(entities->addButton(), Qt::LeftButton);
      const QColor colour(dialog.schema().entityType(name)->colour);
      QVERIFY(colour.isValid());
      QCOMPARE(entities->colourButton()->text(), colour.name());
      for (const QColor& c : std::as_const(before))
        QVERIFY2(ui::TypeColours::distance(colour, c) > 20,
                 qPrintable(colour.name() + QStringLiteral(" is close to ") + c.name()));
      before << colour;
    }
    dialog.reject();
    // Every colour of every template, the demo and the new ones: type names on them read at 4.5:1.
    for (const ui::SchemaTemplate& t : ui::schemaTemplates()) {
      const Schema schema = ui::loadSchemaTemplate(t).value();
      for (const EntityType& e : schema.entityTypes) before << QColor(e.colour);
    }
    for (const QColor& c : std::as_const(before)) {
      const double ratio = ui::TypeColours::contrastRatio(ui::TypeColours::textOn(c), c);
      QVERIFY2(ratio >= 4.5, qPrintable(c.name() + QStringLiteral(": ") + QString::number(ratio)));
    }
    QCOMPARE(ui::TypeColours::textOn(QColor(QStringLiteral("#ffbe0b"))), QColor(Qt::black));
    // Relative luminance against the WCAG reference values.
    QCOMPARE(ui::TypeColours::relativeLuminance(Qt::white), 1.0);
    QCOMPARE(ui::TypeColours::relativeLuminance(Qt::black), 0.0);
    QVERIFY(qAbs(ui::TypeColours::contrastRatio(Qt::white, Qt::black) - 21.0) < 1e-9);
    QVERIFY(qAbs(ui::TypeColours::contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.01);
  }

  // 5. Single-label categories are radio buttons; Alt+2 twice keeps the choice; Alt+0 clears it.
  void categoriesLookLikeWhatTheyDo() {
    const QString path = freshDemo(m_dir.path());
    MainWindow window;
    QVERIFY(showOn(window, path));
    const qint64 doc = window.currentDocument();
    ui::CategoryPanel* panel = window.categoryPanel();
    QVERIFY(panel->isSingleLabel());
    QVERIFY(qobject_cast<QRadioButton*>(panel->button(QStringLiteral("clinical_eligibility"))));
    QVERIFY(qobject_cast<QRadioButton*>(panel->button(QStringLiteral("contract_clause"))));
    QVERIFY(panel->button(QStringLiteral("clinical_eligibility"))->isChecked());
    ui::AnnotationView* v = window.annotationView();
    QTest::keyClick(v, Qt::Key_2, Qt::AltModifier);
    QCOMPARE(labelsOf(storedDocument(window, doc)), QStringList{QStringLiteral("contract_clause")});
    QVERIFY(panel->button(QStringLiteral("contract_clause"))->isChecked());
    QVERIFY(!panel->button(QStringLiteral("clinical_eligibility"))->isChecked());
    QTest::keyClick(v, Qt::Key_2, Qt::AltModifier);  // again: still the one choice, and a word why
    QCOMPARE(labelsOf(storedDocument(window, doc)), QStringList{QStringLiteral("contract_clause")});
    QVERIFY(panel->button(QStringLiteral("contract_clause"))->isChecked());
    QVERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("already")),
             qPrintable(window.statusBar()->currentMessage()));
    QTest::keyClick(v, Qt::Key_0, Qt::AltModifier);  // no category
    QVERIFY(labelsOf(storedDocument(window, doc)).isEmpty());
    QVERIFY(panel->noCategoryButton()->isChecked());
    QTest::mouseClick(panel->button(QStringLiteral("clinical_eligibility")), Qt::LeftButton);
    QCOMPARE(labelsOf(storedDocument(window, doc)), QStringList{QStringLiteral("clinical_eligibility")});
    QVERIFY(panel->button(QStringLiteral("clinical_eligibility"))->isChecked());

    // The schema decides: multi-label categories are check boxes and toggle.
    Schema multi = window.schema();
    multi.multiLabelCategories = true;
    VERIFY_STATUS(window.store()->setSchema(multi));
    window.reloadProject();
    QVERIFY(!panel->isSingleLabel());
    QVERIFY(qobject_cast<QCheckBox*>(panel->button(QStringLiteral("contract_clause"))));
    QVERIFY(!panel->noCategoryButton());
    QTest::keyClick(v, Qt::Key_2, Qt::AltModifier);
    QCOMPARE(labelsOf(storedDocument(window, doc)).size(), 2);
    QVERIFY(panel->button(QStringLiteral("clinical_eligibility"))->isChecked());
    QVERIFY(panel->button(QStringLiteral("contract_clause"))->isChecked());
    QTest::keyClick(v, Qt::Key_2, Qt::AltModifier);
    QCOMPARE(labelsOf(storedDocument(window, doc)), QStringList{QStringLiteral("clinical_eligibility")});
  }

  // 7. kill -9 right after label keys: every document with the label is no longer "new" and every
  // document that is no longer "new" has the label (edit and status in one transaction).
  void killedRightAfterLabelKeysKeepsEditAndStatusTogether() {
    for (int run = 0; run < 4; ++run) {
      const QString path = freshDemo(m_dir.path());
      QProcess child;
      QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
      env.insert(QStringLiteral("QUARRY_LABEL_UNTIL_KILLED"), path);
      child.setProcessEnvironment(env);
      child.start(QCoreApplication::applicationFilePath(), {});
      QVERIFY(child.waitForStarted());
      // Killed a little after a few labels: somewhere between two keys, or inside one.
      const int labels = 1 + run * 3;
      int seen = 0;
      while (seen < labels && child.waitForReadyRead(20000))
        while (child.canReadLine()) seen += child.readLine().isEmpty() ? 0 : 1;
      QVERIFY2(seen >= labels, child.readAllStandardError().constData());
      QTest::qWait(QRandomGenerator::global()->bounded(3, 40));
      child.kill();  // SIGKILL
      QVERIFY(child.waitForFinished(10000));

      auto store = ProjectStore::open(path);
      QVERIFY(store.ok());
      auto list = store.value()->listDocuments();
      QVERIFY(list.ok());
      int labelled = 0;
      for (const DocumentSummary& s : list.value()) {
        const Document d = store.value()->loadDocument(s.id).value().document;
        const bool hasLabel = std::any_of(d.entities.cbegin(), d.entities.cend(), [](const EntitySpan& e) {
          return e.provenance.annotator == QLatin1String("killtest");
        });
        labelled += hasLabel ? 1 : 0;
        QVERIFY2(hasLabel == (d.status != DocumentStatus::New),
                 qPrintable(QStringLiteral("%1: label %2, status %3")
                                .arg(d.name)
                                .arg(hasLabel)
                                .arg(statusName(d.status))));
      }
      QVERIFY(labelled >= labels);
    }
  }

  // 8. Every label with a mnemonic has a buddy (no literal '&'), in English and in German; Qt's own
  // buttons speak German in the German UI; counts use plural forms.
  void mnemonicsQtButtonsAndPlurals() {
    const QString path = freshDemo(m_dir.path());
    for (const QLocale& locale : {QLocale(QLocale::English), QLocale(QLocale::German)}) {
      const QStringList loaded = ui::AppTranslations::install(locale);
      if (locale.language() == QLocale::German)
        QVERIFY2(loaded.contains(QStringLiteral("quarry_de")) && loaded.contains(QStringLiteral("qtbase_de")),
                 qPrintable(loaded.join(QLatin1Char(' '))));
      MainWindow window;
      QVERIFY(showOn(window, path));
      auto store = ProjectStore::open(path);
      QVERIFY(store.ok());
      ui::NewProjectDialog newProject;
      ui::ImportDialog import(*store.value());
      ui::SchemaEditorDialog schemaEditor(*store.value());
      ui::StartWindow start;
      ui::KeyboardSheet sheet(&window, window.schema());
      ui::GoToDialog goTo(window.annotationView()->document().text, 0);
      const QList<QWidget*> windows = {&window, &newProject, &import, &schemaEditor, &start, &sheet, &goTo};
      for (QWidget* w : windows) {
        const QStringList bad = literalAmpersands(w);
        QVERIFY2(bad.isEmpty(), qPrintable(locale.name() + QStringLiteral(" ") +
                                           QString::fromLatin1(w->metaObject()->className()) +
                                           QStringLiteral(": ") + bad.join(QStringLiteral(" | "))));
      }
      const QString cancel = goTo.findChild<QDialogButtonBox*>()
                                 ->button(QDialogButtonBox::Cancel)
                                 ->text()
                                 .remove(QLatin1Char('&'));
      QCOMPARE(cancel,
               locale.language() == QLocale::German ? QStringLiteral("Abbrechen") : QStringLiteral("Cancel"));

      // trial-001 has one relation and one answer.
      const Document d = storedDocument(window, window.currentDocument());
      QCOMPARE(d.relations.size(), 1);
      const QString counts = window.countsText();
      if (locale.language() == QLocale::German) {
        QVERIFY2(counts.contains(QLatin1String("1 Relation,")), qPrintable(counts));
        QVERIFY2(!counts.contains(QLatin1String("1 Relationen")), qPrintable(counts));
        QCOMPARE(QCoreApplication::translate("quarry::ui::MainWindow", "%n span(s)", nullptr, 1),
                 QStringLiteral("1 Spanne"));
      } else {
        QVERIFY2(counts.contains(QLatin1String("1 relation,")), qPrintable(counts));
        QVERIFY2(!counts.contains(QLatin1String("1 relations")), qPrintable(counts));
        QCOMPARE(QCoreApplication::translate("quarry::ui::MainWindow", "%n span(s)", nullptr, 1),
                 QStringLiteral("1 span"));
        QCOMPARE(QCoreApplication::translate("quarry::ui::MainWindow", "%n span(s)", nullptr, 3),
                 QStringLiteral("3 spans"));
      }
    }
    ui::AppTranslations::install(QLocale(QLocale::English));
    // German is complete: no message waits for its translation.
    QFile de(QString::fromLocal8Bit(qgetenv("QUARRY_SOURCE_DIR")) +
             QStringLiteral("/translations/quarry_de.ts"));
    QVERIFY(de.open(QIODevice::ReadOnly));
    const QByteArray ts = de.readAll();
    QVERIFY2(!ts.contains("type=\"unfinished\""), "quarry_de.ts has unfinished messages");
    QFile en(QString::fromLocal8Bit(qgetenv("QUARRY_SOURCE_DIR")) +
             QStringLiteral("/translations/quarry_en.ts"));
    QVERIFY(en.open(QIODevice::ReadOnly));
    QVERIFY2(!en.readAll().contains("<numerusform />"), "quarry_en.ts lacks plural forms");
  }

  // 10. The relation prompt ends with the relation; a schema save keeps the scroll position; Return
  // and Down in the Find field open the document found.
  void relationPromptScrollAndFindField() {
    const QString path = freshDemo(m_dir.path());
    addLongDocument(path, QStringLiteral("long"), 300);  // somewhere to scroll to
    MainWindow window;
    QVERIFY(showOn(window, path));
    ui::AnnotationView* v = window.annotationView();

    // R, Tab, Return: the status bar says what was made, not "pick the tail".
    v->setCursorPosition(11);
    QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(v, Qt::Key_2);
    QTest::keyClick(v, Qt::Key_R);
    QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("pick the tail")));
    QTest::keyClick(v, Qt::Key_Tab);
    QTest::keyClick(v, Qt::Key_Return);
    QVERIFY2(!window.statusBar()->currentMessage().contains(QLatin1String("pick the tail")),
             qPrintable(window.statusBar()->currentMessage()));
    QVERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("TREATS")),
             qPrintable(window.statusBar()->currentMessage()));

    // Saving the schema (what Project > Edit Schema does on OK) keeps a long document where it was.
    QVERIFY(window.documentList()->selectDocument(documentNamed(window, QStringLiteral("long"))));
    v->setFocus();
    for (int i = 0; i < 8; ++i) QTest::keyClick(v, Qt::Key_PageDown);
    const int scroll = v->verticalScrollBar()->value();
    const int caret = v->cursorPosition();
    QVERIFY(scroll > 1000);
    Schema changed = window.schema();
    changed.entityTypes.push_back(
        EntityType{QStringLiteral("SITE"), QStringLiteral("#336699"), QString(), {}});
    VERIFY_STATUS(window.store()->setSchema(changed));
    window.reloadProject();
    QVERIFY(window.schema().entityType(QStringLiteral("SITE")));
    QCOMPARE(v->cursorPosition(), caret);
    QVERIFY2(qAbs(v->verticalScrollBar()->value() - scroll) < 50,
             qPrintable(QStringLiteral("%1 -> %2").arg(scroll).arg(v->verticalScrollBar()->value())));

    // The Find field: Return opens the document found, Down as well.
    QLineEdit* search = window.documentList()->searchField();
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("Thornbury"));
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(window.currentDocument(), documentNamed(window, QStringLiteral("contract-018")));
    QVERIFY(window.documentList()->view()->hasFocus());
    search->setFocus();
    search->selectAll();
    QTest::keyClicks(search, QStringLiteral("ketoacidosis"));
    QTest::keyClick(search, Qt::Key_Down);
    QVERIFY(window.documentList()->model()->rowCount() >= 1);
    QCOMPARE(window.currentDocument(), window.documentList()->model()->idAt(0));
    QVERIFY(storedDocument(window, window.currentDocument()).text.contains(QLatin1String("ketoacidosis")));
  }

  // 6. On the real window (1280×800): a QA answer that ends at a line's end keeps its whole tag inside
  // the text; a relation from the first line to a later one runs on each line only inside the text,
  // stopping short of the edge where it goes on; its tooltip cuts the long span texts at a word with
  // an ellipsis.
  void answerTagsArcsAndTooltipsStayInside() {
    const QString head = QStringLiteral("Metformin hydrochloride extended-release tablets taken twice daily");
    const QString tail = QStringLiteral("type 2 diabetes mellitus with poor glycaemic control");
    const QString text =
        head +
        QStringLiteral(
            " with the evening meal were given to every adult of the cohort for twelve weeks, while "
            "the site investigators recorded each visit, each dose and each adverse event in the "
            "shared case report form, and the sponsor reviewed it all monthly to decide whether the "
            "study of ") +
        tail + QStringLiteral(" should go on.");
    const QString path = freshDemo(m_dir.path());
    addDocument(path, QStringLiteral("edges"), text);
    MainWindow window;
    QVERIFY(showOn(window, path));
    const qint64 doc = documentNamed(window, QStringLiteral("edges"));
    QVERIFY(window.documentList()->selectDocument(doc));
    ui::AnnotationView* v = window.annotationView();
    v->setFocus();
    QTRY_VERIFY(v->hasFocus());

    // The head (DRUG, key 2) and the tail (DISEASE, key 1) by keys; Shift+Tab back to the head, R, Tab
    // to the tail, Return.
    const int tailStart = int(text.indexOf(tail));
    v->setSelection(0, int(head.size()));
    QTest::keyClick(v, Qt::Key_2);
    v->setSelection(tailStart, tailStart + int(tail.size()));
    QTest::keyClick(v, Qt::Key_1);
    QTest::keyClick(v, Qt::Key_Tab, Qt::ShiftModifier);
    QCOMPARE(v->spanRect(v->currentSpan()).topLeft(),
             v->spanRect(v->document().entities.front().key).topLeft());
    QTest::keyClick(v, Qt::Key_R);
    QVERIFY(v->isRelationPending());
    QTest::keyClick(v, Qt::Key_Tab);
    QTest::keyClick(v, Qt::Key_Return);
    Document d = storedDocument(window, doc);
    QCOMPARE(d.entities.size(), 2);
    QCOMPARE(d.relations.size(), 1);
    const QString relation = d.relations.front().key;
    QCOMPARE(d.entity(d.relations.front().head)->start(), 0);
    QCOMPARE(d.entity(d.relations.front().tail)->start(), tailStart);

    // Q on a selection, the first field (effective_date) from the popup by keyboard.
    auto answer = [&](int start, int end) {
      v->setSelection(start, end);
      QTest::keyClick(v, Qt::Key_Q);
      QMenu* popup = v->activePopup();
      QVERIFY(popup);
      if (!popup->activeAction()) QTest::keyClick(popup, Qt::Key_Down);
      QCOMPARE(popup->activeAction()->data().toString(), QStringLiteral("effective_date"));
      QTest::keyClick(popup, Qt::Key_Return);
      const Document stored = storedDocument(window, doc);
      QCOMPARE(stored.answers.size(), 1);
      QCOMPARE(stored.answers[0].start, start);
      QCOMPARE(stored.answers[0].end, end);
    };
    // An answer anywhere first: the document list's progress column ("· 1 answer") widens its dock and
    // so rewraps the text; the lines are measured once that has settled.
    answer(0, 9);
    QTest::qWait(100);

    // The lines as laid out now: where each word starts, from the caret's height there.
    auto caretTop = [v](int at) {
      v->setCursorPosition(at);
      return v->cursorRectangle().top();
    };
    QVector<int> lineOfWord, wordStarts;
    int lineTop = caretTop(0), line = 0;
    for (int i = 0; i < text.size(); ++i) {
      if (i > 0 && text.at(i - 1) != QLatin1Char(' ')) continue;
      if (caretTop(i) > lineTop + 2) {
        lineTop = caretTop(i);
        ++line;
      }
      wordStarts << i;
      lineOfWord << line;
    }
    QVERIFY2(line >= 3, qPrintable(QString::number(line)));
    QVERIFY(lineOfWord[wordStarts.indexOf(tailStart)] > 0);  // the relation crosses line breaks
    // The answer: the shortest last word of a line between the first and the last, so that its tag is
    // wider than the room left on the line.
    int answerStart = -1, answerEnd = -1;
    for (int w = 0; w + 1 < wordStarts.size(); ++w) {
      if (lineOfWord[w] == 0 || lineOfWord[w + 1] == lineOfWord[w] || lineOfWord[w + 1] == line) continue;
      const int end = wordStarts[w + 1] - 1;  // before the space that ends the line
      if (answerStart < 0 || end - wordStarts[w] < answerEnd - answerStart) {
        answerStart = wordStarts[w];
        answerEnd = end;
      }
    }
    QVERIFY(answerStart > 0);
    while (!text.at(answerEnd - 1).isLetterOrNumber()) --answerEnd;  // "weeks," → "weeks"
    answer(answerStart, answerEnd);
    QTest::qWait(100);
    // Still the end of its line: the next word starts the next one.
    const int answerTop = caretTop(answerStart);
    QVERIFY2(caretTop(answerEnd) == answerTop &&
                 caretTop(int(text.indexOf(QLatin1Char(' '), answerEnd)) + 1) > answerTop,
             qPrintable(text.mid(answerStart, 20)));
    v->setCursorPosition(0);
    v->ensureCursorVisible();
    const int textLeft = v->cursorRectangle().left();  // the text's margin, the same on the right
    const int textRight = v->viewport()->width() - textLeft;
    QTest::qWait(50);
    QVERIFY(window.grab().save(artefactPath(QStringLiteral("answer_tag_and_arcs_at_line_ends.png"))));

    const QRect viewport = v->viewport()->rect();
    const QRect column(textLeft, 0, textRight - textLeft, viewport.height());
    auto where = [](const QRect& r) {
      return QStringLiteral("%1..%2 × %3..%4").arg(r.left()).arg(r.right()).arg(r.top()).arg(r.bottom());
    };
    // The tag: whole (the field's name not elided), inside the text and the viewport, starting on the
    // answer's line.
    const QRect tag = v->answerTagRect(QStringLiteral("effective_date"));
    QVERIFY(!tag.isNull());
    const QFont labelFont = ui::LayoutMetrics::forFont(v->font(), 100, true).labelFont;
    QVERIFY2(tag.width() >= QFontMetrics(labelFont).horizontalAdvance(QStringLiteral("effective_date")),
             qPrintable(QString::number(tag.width())));
    QVERIFY2(viewport.contains(tag) && column.contains(tag),
             qPrintable(QStringLiteral("tag %1, text %2").arg(where(tag), where(column))));
    v->setCursorPosition(answerStart);
    QVERIFY2(
        tag.bottom() <= v->cursorRectangle().top() + 2 && tag.bottom() >= v->cursorRectangle().top() - 40,
        qPrintable(QStringLiteral("tag %1, answer at %2").arg(where(tag)).arg(v->cursorRectangle().top())));
    QVERIFY(tag.left() < v->cursorRectangle().left());  // moved left to stay inside

    // The arc: one piece on the head's line, one on the tail's; each inside the viewport and the text
    // (arrowheads may reach 4 px past a leg at the text's edge); the piece that goes on stops short of
    // the edge.
    QVector<QRect> arcs = v->relationRects(relation);
    QCOMPARE(arcs.size(), 2);
    std::sort(arcs.begin(), arcs.end(), [](const QRect& a, const QRect& b) { return a.top() < b.top(); });
    for (const QRect& arc : arcs)
      QVERIFY2(viewport.contains(arc) && column.adjusted(-4, 0, 4, 0).contains(arc),
               qPrintable(QStringLiteral("arc %1, text %2").arg(where(arc), where(column))));
    QVERIFY2(arcs[0].right() <= textRight - 4, qPrintable(where(arcs[0])));
    QVERIFY2(arcs[1].left() >= textLeft + 4, qPrintable(where(arcs[1])));

    // The tooltip over the arc, as hovering shows it: both span texts cut at a word with "…".
    QPoint onArc;
    for (int y = arcs[0].top(); y <= arcs[0].bottom() && onArc.isNull(); ++y)
      for (int x = arcs[0].left(); x <= arcs[0].right() && onArc.isNull(); ++x)
        if (v->relationAt(QPoint(x, y)) == relation && v->spanAt(QPoint(x, y)).isEmpty())
          onArc = QPoint(x, y);
    QVERIFY(!onArc.isNull());
    QHelpEvent hover(QEvent::ToolTip, onArc, v->viewport()->mapToGlobal(onArc));
    QApplication::sendEvent(v->viewport(), &hover);
    QTRY_VERIFY(QToolTip::isVisible());
    const QString tip = QTextDocumentFragment::fromHtml(QToolTip::text()).toPlainText();
    QToolTip::hideText();
    const int arrow = int(tip.indexOf(QChar(0x2192)));
    QVERIFY2(arrow > 0, qPrintable(tip));
    const QString headPart = tip.left(arrow).trimmed(),
                  tailPart = tip.mid(arrow + 1).section(QLatin1Char('\n'), 0, 0).trimmed();
    QVERIFY2(headPart.endsWith(QLatin1String(" (DRUG)")), qPrintable(tip));
    QVERIFY2(tailPart.endsWith(QLatin1String(" (DISEASE)")), qPrintable(tip));
    QVERIFY2(cutAtAWord(headPart.chopped(7), head), qPrintable(headPart));
    QVERIFY2(cutAtAWord(tailPart.chopped(10), tail), qPrintable(tailPart));
  }
};

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  QCoreApplication::setOrganizationName(QStringLiteral("QuarryTests"));
  QCoreApplication::setApplicationName(QStringLiteral("test_workbench_defects_child"));
  if (const QString project = qEnvironmentVariable("QUARRY_LABEL_UNTIL_KILLED"); !project.isEmpty())
    return labelUntilKilled(project);
  TestWorkbenchDefects test;
  QTEST_SET_MAIN_SOURCE_PATH
  return QTest::qExec(&test, argc, argv);
}

#include "test_workbench_defects.moc"
