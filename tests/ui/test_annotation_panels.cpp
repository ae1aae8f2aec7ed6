// The annotations panel and the QA panel of the real main window, on the demo project, driven by keys
// and clicks: every span, relation and answer is listed and sorts by offset; a click shows the item in
// the text; Delete removes it and Ctrl+Z brings it back; the QA panel answers with the selected text,
// records an explicit no-answer (with annotator, origin and guideline version, and exported as
// "no_answer"), and clears. Screenshots of both panels are kept as test artefacts.
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

#include "AnnotationsPanel.h"
#include "DocumentListModel.h"
#include "DocumentListPanel.h"
#include "QaPanel.h"
#include "UiTestSupport.h"
#include "formats/FormatRegistry.h"
#include "project/ProjectExport.h"

using namespace quarry;
using quarry::ui::AnnotationListModel;
using quarry::ui::MainWindow;

namespace {

const QaAnswer* answerTo(const Document& d, const QString& field) {
  for (const QaAnswer& a : d.answers)
    if (a.field == field) return &a;
  return nullptr;
}

// Clicks table row `row` (as shown) in its Type column.
void clickRow(QTableView* table, int row) {
  const QModelIndex index = table->model()->index(row, AnnotationListModel::TypeColumn);
  table->scrollTo(index);
  QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, table->visualRect(index).center());
}

qint64 documentNamed(MainWindow& window, const QString& name) {
  for (const DocumentSummary& d : window.documentList()->model()->documents())
    if (d.name == name) return d.id;
  return 0;
}

}  // namespace

class TestAnnotationPanels : public QObject {
  Q_OBJECT
  test::DemoProjects m_demos;

  QString freshDemo() { return m_demos.fresh(); }

 private Q_SLOTS:
  void initTestCase() { test::isolateSettings(QStringLiteral("test_annotation_panels")); }

  void annotationsPanelListsShowsAndDeletes() {
    MainWindow window;
    QVERIFY(test::showOn(window, freshDemo()));
    ui::AnnotationsPanel* panel = window.annotationsPanel();
    QTableView* table = panel->table();
    QVERIFY(table->isVisible());
    const qint64 doc = window.currentDocument();
    Document d = test::storedDocument(window, doc);
    QCOMPARE(table->model()->rowCount(), d.entities.size() + d.relations.size() + d.answers.size());

    // Sorted by start offset (the default), then by clicking the Type header.
    for (int r = 1; r < table->model()->rowCount(); ++r)
      QVERIFY(panel->itemAt(r - 1).start <= panel->itemAt(r).start);
    QHeaderView* header = table->horizontalHeader();
    QTest::mouseClick(
        header->viewport(), Qt::LeftButton, Qt::NoModifier,
        QPoint(header->sectionViewportPosition(AnnotationListModel::TypeColumn) + 5, header->height() / 2));
    for (int r = 1; r < table->model()->rowCount(); ++r)
      QVERIFY(panel->itemAt(r - 1).type.compare(panel->itemAt(r).type, Qt::CaseInsensitive) <= 0 ||
              header->sortIndicatorOrder() == Qt::DescendingOrder);
    QCOMPARE(header->sortIndicatorSection(), int(AnnotationListModel::TypeColumn));

    // A click on the last span shows it: current in the view, scrolled into sight; details follow.
    int spanRow = -1, relationRow = -1;
    for (int r = 0; r < table->model()->rowCount(); ++r) {
      if (panel->itemAt(r).kind == AnnotationListModel::Kind::Entity) spanRow = r;
      if (panel->itemAt(r).kind == AnnotationListModel::Kind::Relation) relationRow = r;
    }
    QVERIFY(spanRow >= 0 && relationRow >= 0);
    const QString spanKey = panel->itemAt(spanRow).key;
    const EntitySpan* span = d.entity(spanKey);
    QVERIFY(span);
    QCOMPARE(table->model()->index(spanRow, AnnotationListModel::TextColumn).data().toString(),
             d.text.mid(span->start(), span->end() - span->start()));
    QCOMPARE(table->model()->index(spanRow, AnnotationListModel::OriginColumn).data().toString(),
             QStringLiteral("imported"));
    clickRow(table, spanRow);
    QCOMPARE(window.annotationView()->currentSpan(), spanKey);
    QVERIFY(
        window.annotationView()->viewport()->rect().intersects(window.annotationView()->spanRect(spanKey)));
    QVERIFY(window.detailsPanel()->toPlainText().contains(spanKey));
    QVERIFY(table->hasFocus());  // the panel keeps the keyboard: arrows go on through the list
    // The relation row: it becomes the view's current relation.
    const QString relationKey = panel->itemAt(relationRow).key;
    clickRow(table, relationRow);
    QCOMPARE(window.annotationView()->currentRelation(), relationKey);
    QCOMPARE(window.detailsPanel()->kind(), ui::ItemDetailsPanel::Kind::Relation);

    // Delete removes the span (and the relations using it) through the undo stack; Ctrl+Z restores it.
    const QString artefact = test::artefactPath(QStringLiteral("annotations_panel.png"));
    clickRow(table, spanRow);
    QVERIFY(window.grab().save(artefact));
    const int before = int(d.entities.size());
    QTest::keyClick(table, Qt::Key_Delete);
    QCOMPARE(int(test::storedDocument(window, doc).entities.size()), before - 1);
    QVERIFY(!test::storedDocument(window, doc).entity(spanKey));
    QCOMPARE(panel->model()->rowOf(AnnotationListModel::Kind::Entity, spanKey), -1);
    QCOMPARE(window.undoStack()->count(), 1);
    QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(test::storedDocument(window, doc).entity(spanKey));
    QVERIFY(panel->model()->rowOf(AnnotationListModel::Kind::Entity, spanKey) >= 0);

    // Enter moves the keyboard to the text, on the item.
    table->setFocus();
    clickRow(table, spanRow);
    QTest::keyClick(table, Qt::Key_Return);
    QVERIFY(window.annotationView()->hasFocus());
    QCOMPARE(window.annotationView()->currentSpan(), panel->itemAt(spanRow).key);

    // A span labelled in the view appears in the list at once, under this annotator.
    ui::AnnotationView* v = window.annotationView();
    v->setCursorPosition(0);
    QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(v, Qt::Key_1);
    const int row = panel->model()->rowOf(AnnotationListModel::Kind::Entity, v->currentSpan());
    QVERIFY(row >= 0);
    QCOMPARE(panel->model()->item(row).provenance.annotator, QStringLiteral("tester"));
    QCOMPARE(panel->model()->index(row, AnnotationListModel::OriginColumn).data().toString(),
             QStringLiteral("manual"));
    QVERIFY(QImage(artefact).width() >= 1280);
  }

  void qaPanelAnswersMarksNoAnswerAndClears() {
    const QString path = freshDemo();
    MainWindow window;
    QVERIFY(test::showOn(window, path, QStringLiteral("ann")));
    const qint64 doc = documentNamed(window, QStringLiteral("contract-003"));
    QVERIFY(doc > 0);
    QVERIFY(window.showDocument(doc));
    ui::QaPanel* qa = window.qaPanel();
    QTreeWidget* list = qa->list();
    QCOMPARE(list->topLevelItemCount(), 2);  // effective_date, governing_law
    Document d = test::storedDocument(window, doc);
    const QaAnswer* law = answerTo(d, QStringLiteral("governing_law"));
    QVERIFY(law && !law->noAnswer);
    QVERIFY(list->topLevelItem(1)
                ->text(ui::QaPanel::AnswerColumn)
                .contains(d.text.mid(law->start, law->end - law->start)));

    // F8 reaches the questions; Down to governing_law; N records that the text does not answer it.
    ui::AnnotationView* v = window.annotationView();
    v->setFocus();
    QTest::keyClick(v, Qt::Key_F8);
    QVERIFY(list->hasFocus());
    QVERIFY(qa->selectField(QStringLiteral("effective_date")));
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(qa->currentField(), QStringLiteral("governing_law"));
    QTest::keyClick(list, Qt::Key_N);
    d = test::storedDocument(window, doc);
    law = answerTo(d, QStringLiteral("governing_law"));
    QVERIFY(law && law->noAnswer);
    QCOMPARE(law->provenance.annotator, QStringLiteral("ann"));
    QCOMPARE(law->provenance.origin, Origin::Manual);
    QVERIFY(law->provenance.guidelineVersion > 0);
    QCOMPARE(d.answers.size(), 2);  // replaced, not added
    QVERIFY(list->topLevelItem(1)->text(ui::QaPanel::AnswerColumn).contains(QLatin1String("no answer")));
    QVERIFY(window.annotationsPanel()->model()->rowOf(AnnotationListModel::Kind::Answer,
                                                      QStringLiteral("governing_law")) >= 0);

    // The no-answer travels: the JSONL export writes it as "no_answer".
    const QString exported = m_demos.filePath(QStringLiteral("qa.jsonl"));
    ExportOptions options;
    QVERIFY(exportProject(*window.store(), QStringLiteral("jsonl"), exported, options).ok());
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("\"no_answer\":true"));
    ImportReport report;
    Result<Corpus> back =
        FormatRegistry::instance().byName(QStringLiteral("jsonl"))->read(exported, {}, report);
    QVERIFY(back.ok());
    bool found = false;
    for (const Document& x : back->documents)
      if (x.name == QLatin1String("contract-003"))
        found = answerTo(x, QStringLiteral("governing_law"))->noAnswer;
    QVERIFY(found);

    // Select words in the text, F8, Enter: effective_date is answered with the selection.
    v->setFocus();
    v->setCursorPosition(0);
    QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
    const QPair<int, int> selection = v->selection();
    QVERIFY(selection.second > selection.first);
    QTest::keyClick(v, Qt::Key_F8);
    QVERIFY(qa->selectField(QStringLiteral("effective_date")));
    QTest::keyClick(list, Qt::Key_Return);
    d = test::storedDocument(window, doc);
    const QaAnswer* date = answerTo(d, QStringLiteral("effective_date"));
    QVERIFY(date && !date->noAnswer);
    QCOMPARE(qMakePair(date->start, date->end), selection);
    QCOMPARE(date->provenance.annotator, QStringLiteral("ann"));
    QVERIFY(window.grab().save(test::artefactPath(QStringLiteral("qa_panel.png"))));

    // Delete clears; Ctrl+Z brings the answer back; the view shows it again.
    QTest::keyClick(list, Qt::Key_Delete);
    QVERIFY(!answerTo(test::storedDocument(window, doc), QStringLiteral("effective_date")));
    QVERIFY(list->topLevelItem(0)->text(ui::QaPanel::AnswerColumn).contains(QLatin1String("not answered")));
    QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(answerTo(test::storedDocument(window, doc), QStringLiteral("effective_date")));
    QVERIFY(v->showAnswer(QStringLiteral("effective_date")));
    QCOMPARE(v->selection(), selection);

    // Read-only: nothing changes, the status bar says why.
    window.setReadOnlyMode(true);
    QVERIFY(window.showDocument(doc));
    list->setFocus();
    QVERIFY(qa->selectField(QStringLiteral("governing_law")));
    QTest::keyClick(list, Qt::Key_Delete);
    QVERIFY(answerTo(test::storedDocument(window, doc), QStringLiteral("governing_law")));
  }
};

QTEST_MAIN(TestAnnotationPanels)
#include "test_annotation_panels.moc"
