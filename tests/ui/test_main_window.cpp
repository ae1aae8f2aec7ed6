// The real main window on the demo project, offscreen, driven from the keyboard: label, relate, answer,
// categorise, undo/redo, mark done and move on; then reopen and find it all in the store and on screen.
// Also: read-only mode refuses edits, two windows on one project see each other's edits after F5, the
// document list filters, every dock shows its contents whole at 1280×800, and screenshots of the
// annotation view and of the main window at 1280×800 kept as test artefacts.
#include <QAbstractButton>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextCursor>
#include <QUndoStack>
#include <QtTest>

#include "AnnotationsPanel.h"
#include "CategoryPanel.h"
#include "DockFitter.h"
#include "DocumentListModel.h"
#include "DocumentListPanel.h"
#include "GuidelineText.h"
#include "ItemDetailsPanel.h"
#include "LabelPalette.h"
#include "LockConflictDialog.h"
#include "MainWindow.h"
#include "QaPanel.h"
#include "UiTestSupport.h"
#include "annotation/AnnotationView.h"
#include "project/DemoProject.h"

using namespace quarry;
using quarry::ui::MainWindow;

// `r` is evaluated once.
#define VERIFY_OK(r)                                                                                    \
  do {                                                                                                  \
    const auto& checkedResult = (r);                                                                    \
    QVERIFY2(checkedResult.ok(), checkedResult.ok() ? "" : checkedResult.error().toString().c_str()); \
  } while (false)

namespace {

const EntitySpan* spanAt(const Document& d, const QString& type, int start, int end) {
  for (const EntitySpan& e : d.entities)
    if (e.type == type && e.start() == start && e.end() == end) return &e;
  return nullptr;
}

QStringList labelsOf(const Document& d) {
  QStringList out;
  for (const DocumentLabel& l : d.labels) out << l.category;
  return out;
}

using test::chooseByKeyboard;

}  // namespace

class TestMainWindow : public QObject {
  Q_OBJECT

  test::DemoProjects m_demos;

  QString freshDemo() { return m_demos.fresh(); }

  // A shown main window on `path` at 1280×800, the annotation view focused.
  static bool openWindow(MainWindow& window, const QString& path,
                         const QString& annotator = QStringLiteral("tester")) {
    return test::showOn(window, path, annotator);
  }

  static Document stored(MainWindow& window, qint64 id) { return test::storedDocument(window, id); }

 private Q_SLOTS:
  void initTestCase() { test::isolateSettings(QStringLiteral("test_main_window")); }

  void annotateWithKeyboardThenReopen() {
    const QString path = freshDemo();
    qint64 first = 0, second = 0;
    {
      MainWindow window;
      QVERIFY(openWindow(window, path));
      QCOMPARE(window.documentList()->model()->rowCount(), 60);
      first = window.currentDocument();
      second = window.documentList()->model()->idAt(1);
      QCOMPARE(first, window.documentList()->model()->idAt(0));
      QVERIFY(window.windowTitle().contains(QLatin1String("trial-001")));
      QVERIFY(window.windowTitle().contains(QLatin1String("demo")));
      ui::AnnotationView* v = window.annotationView();
      const int before = int(stored(window, first).entities.size());

      // "Inclusion" (0-9) as DISEASE with Shift+Right and the hotkey 1.
      v->setCursorPosition(0);
      QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
      QCOMPARE(v->selection(), qMakePair(0, 9));
      QTest::keyClick(v, Qt::Key_1);
      Document d = stored(window, first);
      QCOMPARE(int(d.entities.size()), before + 1);
      const EntitySpan* inclusion = spanAt(d, QStringLiteral("DISEASE"), 0, 9);
      QVERIFY(inclusion);
      QCOMPARE(inclusion->provenance.annotator, QStringLiteral("tester"));
      QCOMPARE(inclusion->provenance.origin, Origin::Manual);
      QCOMPARE(v->currentSpan(), inclusion->key);
      QVERIFY(window.detailsPanel()->toPlainText().contains(QLatin1String("tester")));
      QVERIFY(window.detailsPanel()->toPlainText().contains(QLatin1String("Inclusion")));
      QCOMPARE(d.status, DocumentStatus::InProgress);  // the first edit starts the document

      // "adults" (11-17) as DRUG, then R, Tab to the next span (type 2 diabetes mellitus), Enter.
      v->setCursorPosition(11);
      QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
      QTest::keyClick(v, Qt::Key_2);
      d = stored(window, first);
      const EntitySpan* adults = spanAt(d, QStringLiteral("DRUG"), 11, 17);
      QVERIFY(adults);
      const QString adultsKey = adults->key;
      QCOMPARE(v->currentSpan(), adultsKey);
      const int relationsBefore = int(d.relations.size());
      QTest::keyClick(v, Qt::Key_R);
      QVERIFY(v->isRelationPending());
      QTest::keyClick(v, Qt::Key_Tab);
      QTest::keyClick(v, Qt::Key_Return);
      d = stored(window, first);
      QCOMPARE(int(d.relations.size()), relationsBefore + 1);
      QCOMPARE(d.relations.last().type, QStringLiteral("TREATS"));
      QCOMPARE(d.relations.last().head, adultsKey);
      QCOMPARE(d.entity(d.relations.last().tail)->start(), 40);

      // Q on a selection ("aged"), the first field from the popup by keyboard.
      v->setCursorPosition(18);
      QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
      QTest::keyClick(v, Qt::Key_Q);
      QMenu* popup = v->activePopup();
      QVERIFY(popup);
      if (!popup->activeAction()) QTest::keyClick(popup, Qt::Key_Down);
      QCOMPARE(popup->activeAction(), popup->actions().first());
      QTest::keyClick(popup, Qt::Key_Return);
      d = stored(window, first);
      QCOMPARE(d.answers.size(), 1);
      QCOMPARE(d.answers[0].field, QStringLiteral("effective_date"));
      QCOMPARE(d.answers[0].start, 18);
      QCOMPARE(d.answers[0].end, 22);

      // Alt+2: the second category (contract_clause) replaces clinical_eligibility (single-label).
      QCOMPARE(labelsOf(d), QStringList{QStringLiteral("clinical_eligibility")});
      QTest::keyClick(v, Qt::Key_2, Qt::AltModifier);
      QCOMPARE(labelsOf(stored(window, first)), QStringList{QStringLiteral("contract_clause")});
      QCOMPARE(window.categoryPanel()->currentLabels(), QStringList{QStringLiteral("contract_clause")});

      // Undo twice (category, answer), redo twice.
      QCOMPARE(window.undoStack()->count(), 5);
      QTest::keyClick(v, Qt::Key_Z, Qt::ControlModifier);
      QCOMPARE(labelsOf(stored(window, first)), QStringList{QStringLiteral("clinical_eligibility")});
      QCOMPARE(window.categoryPanel()->currentLabels(), QStringList{QStringLiteral("clinical_eligibility")});
      QTest::keyClick(v, Qt::Key_Z, Qt::ControlModifier);
      QCOMPARE(stored(window, first).answers.size(), 0);
      QTest::keyClick(v, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
      QCOMPARE(stored(window, first).answers.size(), 1);
      QTest::keyClick(v, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
      QCOMPARE(labelsOf(stored(window, first)), QStringList{QStringLiteral("contract_clause")});

      // The list row follows: counts and status.
      const QModelIndex progress =
          window.documentList()->model()->index(0, ui::DocumentListModel::ProgressColumn);
      QVERIFY2(progress.data().toString().contains(QString::number(before + 2)),
               qPrintable(progress.data().toString()));

      // Ctrl+Enter: done, and on to the next document with an empty undo history.
      QTest::keyClick(v, Qt::Key_Return, Qt::ControlModifier);
      QCOMPARE(stored(window, first).status, DocumentStatus::Done);
      QCOMPARE(window.currentDocument(), second);
      QCOMPARE(window.undoStack()->count(), 0);
      QCOMPARE(
          window.documentList()->model()->index(0, ui::DocumentListModel::StatusColumn).data().toString(),
          QStringLiteral("done"));
      // N and P move through the list.
      QTest::keyClick(v, Qt::Key_N);
      QCOMPARE(window.currentDocument(), window.documentList()->model()->idAt(2));
      QTest::keyClick(v, Qt::Key_P);
      QCOMPARE(window.currentDocument(), second);
      window.close();
    }
    // A new window reopens the last document; everything is in the store and on screen.
    MainWindow window;
    QVERIFY(openWindow(window, path));
    QCOMPARE(window.currentDocument(), second);
    QVERIFY(window.documentList()->selectDocument(first));
    QCOMPARE(window.currentDocument(), first);
    const Document d = stored(window, first);
    QCOMPARE(d.status, DocumentStatus::Done);
    QCOMPARE(labelsOf(d), QStringList{QStringLiteral("contract_clause")});
    QCOMPARE(d.answers.size(), 1);
    const EntitySpan* inclusion = spanAt(d, QStringLiteral("DISEASE"), 0, 9);
    QVERIFY(inclusion);
    QVERIFY(spanAt(d, QStringLiteral("DRUG"), 11, 17));
    ui::AnnotationView* v = window.annotationView();
    QCOMPARE(v->document().entities.size(), d.entities.size());
    QCOMPARE(v->document().relations.size(), d.relations.size());
    QVERIFY(!v->spanRect(inclusion->key).isNull());
    QCOMPARE(window.categoryPanel()->currentLabels(), QStringList{QStringLiteral("contract_clause")});
    v->setCurrentSpan(inclusion->key);
    QVERIFY(window.detailsPanel()->toPlainText().contains(QLatin1String("tester")));
    QVERIFY(window.detailsPanel()->toPlainText().contains(QLatin1String("manual")));
  }

  void readOnlyModeRefusesEdits() {
    const QString path = freshDemo();
    MainWindow window;
    window.setReadOnlyMode(true);
    QVERIFY(openWindow(window, path));
    QVERIFY(window.store()->isReadOnly());
    QVERIFY(window.windowTitle().contains(QLatin1String("read-only")));
    const qint64 first = window.currentDocument();
    const Document before = stored(window, first);
    ui::AnnotationView* v = window.annotationView();
    v->setCursorPosition(0);
    QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(v, Qt::Key_1);
    QVERIFY(!window.statusBar()->currentMessage().isEmpty());
    QTest::keyClick(v, Qt::Key_2, Qt::AltModifier);
    QVERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("read-only")),
             qPrintable(window.statusBar()->currentMessage()));
    QTest::keyClick(v, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(window.currentDocument(), first);
    const Document after = stored(window, first);
    QVERIFY(after.sameContent(before));
    QCOMPARE(after.status, before.status);
    QCOMPARE(window.undoStack()->count(), 0);

    // The View menu toggle reopens the project for writing.
    window.readOnlyAction()->trigger();
    QVERIFY(!window.readOnlyMode());
    QVERIFY(!window.store()->isReadOnly());
    QCOMPARE(window.currentDocument(), first);
    v->setCursorPosition(0);
    QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(v, Qt::Key_1);
    QCOMPARE(stored(window, first).entities.size(), before.entities.size() + 1);
  }

  void twoWindowsSeeEachOthersEditsAfterRefresh() {
    const QString path = freshDemo();
    MainWindow one, two;
    QVERIFY(openWindow(one, path, QStringLiteral("ann")));
    // The second window finds the project locked for editing and looks at it read-only.
    ui::LockConflictDialog::prepareAnswer(ui::LockConflictDialog::Choice::OpenReadOnly);
    QVERIFY(openWindow(two, path, QStringLiteral("bob")));
    QVERIFY(two.store()->isReadOnly());
    const qint64 doc = one.currentDocument();
    QCOMPARE(two.currentDocument(), doc);
    const int before = int(two.annotationView()->document().entities.size());
    one.activateWindow();
    one.annotationView()->setCursorPosition(0);
    QTest::keyClick(one.annotationView(), Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(one.annotationView(), Qt::Key_1);
    QCOMPARE(int(one.annotationView()->document().entities.size()), before + 1);
    QCOMPARE(int(two.annotationView()->document().entities.size()), before);
    two.activateWindow();
    QTest::keyClick(two.annotationView(), Qt::Key_F5);
    QCOMPARE(int(two.annotationView()->document().entities.size()), before + 1);
    QVERIFY(!two.annotationView()->spanRect(one.annotationView()->currentSpan()).isNull());
    const QModelIndex progress = two.documentList()->model()->index(0, ui::DocumentListModel::ProgressColumn);
    QVERIFY2(progress.data().toString().contains(QString::number(before + 1)),
             qPrintable(progress.data().toString()));
    QVERIFY(two.documentList()->annotatorFilter()->findData(QStringLiteral("ann")) >= 0);
  }

  void documentListFilters() {
    const QString path = freshDemo();
    MainWindow window;
    QVERIFY(openWindow(window, path));
    ui::DocumentListPanel* list = window.documentList();
    QVERIFY(chooseByKeyboard(list->typeFilter(), QStringLiteral("label:contract_clause")));
    const int contracts = list->model()->rowCount();
    QVERIFY(contracts > 0 && contracts < 60);
    QVERIFY(chooseByKeyboard(list->typeFilter(), QString()));
    QCOMPARE(list->model()->rowCount(), 60);
    QVERIFY(chooseByKeyboard(list->splitFilter(), QStringLiteral("test")));
    const int tests = list->model()->rowCount();
    QVERIFY(tests > 0 && tests < 60);
    for (const DocumentSummary& d : list->model()->documents()) QCOMPARE(d.split, Split::Test);
    QVERIFY(chooseByKeyboard(list->splitFilter(), QString()));
    list->searchField()->setFocus();
    QTest::keyClicks(list->searchField(), QStringLiteral("metformin"));
    QTest::keyClick(list->searchField(), Qt::Key_Return);
    const int metformin = list->model()->rowCount();
    QVERIFY(metformin > 0 && metformin < 60);
    list->searchField()->clear();
    QTest::keyClick(list->searchField(), Qt::Key_Return);
    // Nobody but the importer has annotated yet; "tester" appears after a refresh that follows an edit.
    QCOMPARE(list->annotatorFilter()->findData(QStringLiteral("tester")), -1);
    ui::AnnotationView* v = window.annotationView();
    v->setCursorPosition(0);
    QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(v, Qt::Key_1);
    window.refresh();
    QVERIFY(chooseByKeyboard(list->annotatorFilter(), QStringLiteral("tester")));
    QCOMPARE(list->model()->rowCount(), 1);
    QCOMPARE(list->model()->idAt(0), window.currentDocument());
    QVERIFY(chooseByKeyboard(list->statusFilter(), QStringLiteral("done")));
    QCOMPARE(list->model()->rowCount(), 0);
  }

  // A pool (unassigned) document marked done joins the train split; Document > Move to Split and the
  // list's context menu move a document to any split, by clicks.
  void finishedPoolDocumentJoinsTrainingAndSplitsMove() {
    const QString path = freshDemo();
    MainWindow window;
    QVERIFY(openWindow(window, path));
    ui::DocumentListPanel* list = window.documentList();
    QVERIFY(chooseByKeyboard(list->splitFilter(), QStringLiteral("unassigned")));
    QVERIFY(list->model()->rowCount() > 1);
    const qint64 pool = list->model()->idAt(0);
    QVERIFY(list->selectDocument(pool));
    QTRY_COMPARE(window.currentDocument(), pool);
    QTest::keyClick(window.annotationView(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(stored(window, pool).status, DocumentStatus::Done);
    QCOMPARE(stored(window, pool).split, Split::Train);
    QCOMPARE(list->model()->documents().at(list->model()->rowOf(pool)).split, Split::Train);
    QVERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("train split")),
             qPrintable(window.statusBar()->currentMessage()));

    // Document > Move to Split on the open document (the next one of the pool).
    const qint64 open = window.currentDocument();
    QVERIFY(open != pool);
    auto* menu = window.findChild<QMenu*>(QStringLiteral("documentSplitMenu"));
    QVERIFY(menu);
    menu->popup(window.mapToGlobal(QPoint(100, 100)));
    QTRY_VERIFY(menu->isVisible());
    QAction* dev = nullptr;
    for (QAction* a : menu->actions())
      if (a->text() == QLatin1String("dev")) dev = a;
    QVERIFY(dev && dev->isEnabled());
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(dev).center());
    QTRY_COMPARE(stored(window, open).split, Split::Dev);
    QCOMPARE(stored(window, open).status, DocumentStatus::New);  // moving is no status change

    // The list's context menu on a row.
    QVERIFY(chooseByKeyboard(list->splitFilter(), QString()));
    const int row = list->model()->rowOf(pool);
    const QRect cell = list->view()->visualRect(list->model()->index(row, 0));
    QContextMenuEvent event(QContextMenuEvent::Mouse, cell.center(),
                            list->view()->viewport()->mapToGlobal(cell.center()));
    QApplication::sendEvent(list->view()->viewport(), &event);
    QMenu* popup = nullptr;
    QTRY_VERIFY((popup = qobject_cast<QMenu*>(QApplication::activePopupWidget())) != nullptr);
    QCOMPARE(popup->objectName(), QStringLiteral("moveToSplitMenu"));
    QAction* test = nullptr;
    for (QAction* a : popup->actions()) {
      if (a->text() == QLatin1String("train")) QVERIFY(a->isChecked() && !a->isEnabled());
      if (a->text() == QLatin1String("test")) test = a;
    }
    QVERIFY(test);
    QTest::mouseClick(popup, Qt::LeftButton, {}, popup->actionGeometry(test).center());
    QTRY_COMPARE(stored(window, pool).split, Split::Test);
    QCOMPARE(list->model()->documents().at(list->model()->rowOf(pool)).split, Split::Test);
  }

  void paletteClickLabelsSelection() {
    const QString path = freshDemo();
    MainWindow window;
    QVERIFY(openWindow(window, path));
    ui::LabelPalette* palette = window.labelPalette();
    const int row = palette->rowOfEntityType(QStringLiteral("DOSAGE"));
    QVERIFY(row >= 0);
    QVERIFY(palette->item(row)->toolTip().contains(QLatin1String("amount of a drug")));
    ui::AnnotationView* v = window.annotationView();
    v->setCursorPosition(0);
    QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
    const QRect rect = palette->visualItemRect(palette->item(row));
    QTest::mouseClick(palette->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
    QVERIFY(spanAt(stored(window, window.currentDocument()), QStringLiteral("DOSAGE"), 0, 9));
  }

  void screenshotOfAnnotatedDocument() {
    const QString path = freshDemo();
    MainWindow window;
    QVERIFY(openWindow(window, path));
    ui::AnnotationView* v = window.annotationView();
    QVERIFY(!v->document().entities.isEmpty());
    QVERIFY(!v->document().relations.isEmpty());
    const QString file = test::artefactPath(QStringLiteral("annotation_view_demo.png"));
    QFile::remove(file);
    QVERIFY(v->grab().save(file));
    QVERIFY(window.grab().save(test::artefactPath(QStringLiteral("main_window_demo.png"))));
    const QImage image(file);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 200 && image.height() > 100);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
      for (int x = 0; x < image.width(); x += 3) colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 10, qPrintable(QString::number(colours.size())));
    qInfo("screenshot: %s", qPrintable(file));
  }

  // At 1280×800 every dock shows its contents whole: the document list's columns, every entry of the
  // label palette and the category list, the facts of the selected item in the details (only its
  // guideline may scroll), the annotations table's columns and the QA panel's buttons.
  void docksShowTheirContentsAt1280x800() {
    const QString path = freshDemo();
    MainWindow window;
    QVERIFY(openWindow(window, path));
    QCOMPARE(window.size(), QSize(1280, 800));
    ui::AnnotationView* v = window.annotationView();
    // A document "in progress" (the longest status) and a span with a long guideline in the details.
    v->setCursorPosition(0);
    QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(v, Qt::Key_1);
    QVERIFY(!v->currentSpan().isEmpty());
    QTest::qWait(50);

    // The document list: no column is cut, nothing to scroll sideways.
    QTRY_VERIFY2(test::documentListCut(window).isEmpty(), qPrintable(test::documentListCut(window)));

    // The palette: every entry whole inside the list.
    {
      QListWidget* list = window.labelPalette();
      const QRect inside = list->viewport()->rect();
      for (int i = 0; i < list->count(); ++i) {
        const QRect r = list->visualItemRect(list->item(i));
        QVERIFY2(inside.contains(r), qPrintable(QStringLiteral("%1: '%2' at %3,%4 %5×%6 outside %7×%8")
                                                    .arg(list->objectName(), list->item(i)->text())
                                                    .arg(r.x())
                                                    .arg(r.y())
                                                    .arg(r.width())
                                                    .arg(r.height())
                                                    .arg(inside.width())
                                                    .arg(inside.height())));
      }
    }
    // The categories: every button whole inside its dock.
    ui::CategoryPanel* categories = window.categoryPanel();
    QVERIFY(!categories->findChildren<QAbstractButton*>().isEmpty());
    for (const QAbstractButton* b : categories->findChildren<QAbstractButton*>()) {
      const QString cut = test::cutIn(b, categories, b->sizeHint().width());
      QVERIFY2(cut.isEmpty(), qPrintable(QStringLiteral("'%1' %2").arg(b->text(), cut)));
    }

    // The details: nothing to scroll sideways, and the facts down to the guideline in view.
    ui::ItemDetailsPanel* details = window.detailsPanel();
    QCOMPARE(details->kind(), ui::ItemDetailsPanel::Kind::Entity);
    QCOMPARE(details->horizontalScrollBar()->maximum(), 0);
    const QTextCursor guideline = details->document()->find(QStringLiteral("Guideline version"));
    QVERIFY(!guideline.isNull());
    const QRect facts = details->cursorRect(guideline);
    QVERIFY2(
        facts.bottom() <= details->viewport()->height(),
        qPrintable(
            QStringLiteral("facts end at %1 of %2").arg(facts.bottom()).arg(details->viewport()->height())));

    // The annotations table's columns and the QA panel's buttons.
    QTableView* annotations = window.annotationsPanel()->table();
    QCOMPARE(annotations->horizontalScrollBar()->maximum(), 0);
    for (QPushButton* b : window.qaPanel()->findChildren<QPushButton*>())
      QVERIFY2(b->width() >= b->sizeHint().width(), qPrintable(b->text()));
    // The text keeps a fair share of the window.
    QVERIFY2(v->width() >= 480, qPrintable(QString::number(v->width())));

    QVERIFY(window.grab().save(test::artefactPath(QStringLiteral("main_window_1280x800.png"))));
  }

  void guidelineTooltipHasDefinitionExampleEdgeCases() {
    Guideline g;
    g.definition = QStringLiteral("A disorder <named> in the text.");
    g.positiveExamples = {QStringLiteral("type 2 diabetes")};
    g.edgeCases = {QStringLiteral("Negated mentions are annotated.")};
    const QString html = ui::guidelineTooltip(QStringLiteral("DISEASE"), g);
    QVERIFY(html.contains(QLatin1String("&lt;named&gt;")));
    QVERIFY(html.contains(QLatin1String("type 2 diabetes")));
    QVERIFY(html.contains(QLatin1String("Negated mentions")));
  }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
