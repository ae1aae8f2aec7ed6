// One edit, one trip: a key press in the real main window goes view -> undo command -> store -> view
// once, and everything that shows the document follows it without re-reading it. Driven by keys and
// clicks on a small project of its own: a label reaches the store and the annotations list, and undo,
// redo and Delete take it out and put it back there; the misalignment marks follow every edit, also on
// spans the edit did not touch (a nested span becomes misaligned, and aligned again when the span around
// it goes); the spans further down still answer a click after a span was put before them; a suggestion
// hides while a span says it; a decision taken while the Review tab is hidden shows once it is raised.
#include <QDockWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include "AnnotationsPanel.h"
#include "UiTestSupport.h"
#include "training/ReviewPanel.h"
#include "training/SuggestionController.h"

using namespace quarry;
using quarry::ui::AnnotationListModel;
using quarry::ui::MainWindow;

namespace {

const QString kText = QStringLiteral(
    "Aspirin relieves tension headache in adults.\n"
    "Ibuprofen eases migraine pain quickly.\n");

int at(const QString& word) { return int(kText.indexOf(word)); }

// A project with kText, "Ibuprofen" (DRUG), "migraine" and "adults" (DISEASE) labelled; returns its path.
QString makeProject(const QString& dir) {
  const QString path = QDir(dir).filePath(QStringLiteral("edits.quarry"));
  auto store = ProjectStore::create(path, QStringLiteral("edits"));
  if (!store) qFatal("%s", store.error().toString().c_str());
  Schema schema;
  schema.entityTypes = {EntityType{QStringLiteral("DRUG"), {}, QStringLiteral("1"), {}},
                        EntityType{QStringLiteral("DISEASE"), {}, QStringLiteral("2"), {}}};
  if (Status s = store.value()->setSchema(schema); !s) qFatal("%s", s.error().toString().c_str());
  Document d;
  d.name = QStringLiteral("d1");
  d.text = kText;
  auto span = [](const char* key, const char* type, const QString& word) {
    EntitySpan e;
    e.key = QLatin1String(key);
    e.type = QLatin1String(type);
    e.fragments = {Fragment{at(word), at(word) + int(word.size())}};
    return e;
  };
  d.entities = {span("T1", "DRUG", QStringLiteral("Ibuprofen")),
                span("T2", "DISEASE", QStringLiteral("migraine")),
                span("T3", "DISEASE", QStringLiteral("adults"))};
  Corpus corpus;
  corpus.documents = {d};
  if (auto imported = store.value()->importCorpus(corpus, QStringLiteral("importer")); !imported)
    qFatal("%s", imported.error().toString().c_str());
  return path;
}

// Selects from the start of `first` to the end of `last` and presses `hotkey`; returns the new span's key.
QString label(ui::AnnotationView* v, const QString& first, const QString& last, Qt::Key hotkey) {
  v->setSelection(at(first), at(last) + int(last.size()));
  QTest::keyClick(v, hotkey);
  return v->currentSpan();
}

// Whether the view marks span `key` as not trained as annotated (its tooltip says why).
bool marked(ui::AnnotationView* v, const QString& key, QPoint inside = {}) {
  const QRect r = v->spanRect(key);
  const QString tip = v->toolTipAt(inside.isNull() ? r.center() : inside);
  return tip.contains(QLatin1String("Not on word boundaries"));
}

bool stored(MainWindow& window, const QString& key) {
  return test::storedDocument(window, window.currentDocument()).entity(key) != nullptr;
}

}  // namespace

class TestEditPath : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;
  int m_projects = 0;

  QString freshProject() {
    const QString dir = m_dir.filePath(QString::number(++m_projects));
    QDir().mkpath(dir);
    return makeProject(dir);
  }

 private Q_SLOTS:
  void initTestCase() { test::isolateSettings(QStringLiteral("test_edit_path")); }

  void labelUndoRedoAndDeleteReachTheStoreAndTheList() {
    MainWindow window;
    QVERIFY(test::showOn(window, freshProject()));
    ui::AnnotationView* v = window.annotationView();
    ui::AnnotationsPanel* panel = window.annotationsPanel();
    const int rows = panel->model()->rowCount();
    QCOMPARE(rows, 3);

    // Shift+Right selects the word (word snapping), 1 labels it DRUG.
    v->setCursorPosition(0);
    QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(v->selection(), qMakePair(0, 7));
    QTest::keyClick(v, Qt::Key_1);
    const QString key = v->currentSpan();
    QVERIFY(!key.isEmpty());
    QVERIFY(stored(window, key));
    QCOMPARE(panel->model()->rowCount(), rows + 1);
    const int row = panel->model()->rowOf(AnnotationListModel::Kind::Entity, key);
    QVERIFY(row >= 0);
    QCOMPARE(panel->model()->item(row).text, QStringLiteral("Aspirin"));
    QCOMPARE(panel->model()->item(row).provenance.annotator, QStringLiteral("tester"));
    QVERIFY2(window.countsText().contains(QLatin1String("4 span")), qPrintable(window.countsText()));

    QTest::keyClick(v, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!stored(window, key));
    QCOMPARE(panel->model()->rowOf(AnnotationListModel::Kind::Entity, key), -1);
    QCOMPARE(int(v->document().entities.size()), 3);
    QTest::keyClick(v, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(stored(window, key));
    QVERIFY(panel->model()->rowOf(AnnotationListModel::Kind::Entity, key) >= 0);
    QCOMPARE(v->currentSpan(), key);

    QTest::keyClick(v, Qt::Key_Delete);
    QVERIFY(!stored(window, key));
    QCOMPARE(panel->model()->rowOf(AnnotationListModel::Kind::Entity, key), -1);
    QCOMPARE(panel->model()->rowCount(), rows);
    // What the window shows is what the store holds.
    const Document inStore = test::storedDocument(window, window.currentDocument());
    QCOMPARE(v->document().entities.size(), inStore.entities.size());
    QCOMPARE(window.undoStack()->count(), 2);
  }

  void misalignmentMarksFollowEveryEdit() {
    MainWindow window;
    QVERIFY(test::showOn(window, freshProject()));
    ui::AnnotationView* v = window.annotationView();

    // Character-precise (Alt+W): "Aspiri" ends inside a word, so it is marked; undo takes it away.
    QTest::keyClick(v, Qt::Key_W, Qt::AltModifier);
    QVERIFY(!v->wordSnapping());
    v->setCursorPosition(0);
    for (int i = 0; i < 6; ++i) QTest::keyClick(v, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(v->selection(), qMakePair(0, 6));
    QTest::keyClick(v, Qt::Key_1);
    const QString partial = v->currentSpan();
    QVERIFY(marked(v, partial));
    QVERIFY(v->toolTipAt(v->spanRect(partial).center()).contains(QLatin1String("ends inside the word")));
    QTest::keyClick(v, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(v->spanRect(partial).isNull());
    QTest::keyClick(v, Qt::Key_W, Qt::AltModifier);
    QVERIFY(v->wordSnapping());

    // "tension headache", then "headache" inside it: the inner one overlaps, so it is marked, not the
    // outer one.
    const QString outer = label(v, QStringLiteral("tension"), QStringLiteral("headache"), Qt::Key_2);
    QCOMPARE(v->selection().first, v->selection().second);  // labelled: the selection is gone
    QVERIFY(!marked(v, outer));
    const QString inner = label(v, QStringLiteral("headache"), QStringLiteral("headache"), Qt::Key_1);
    QVERIFY(inner != outer);
    const QPoint onTension = v->spanRect(outer).topLeft() + QPoint(3, v->spanRect(outer).height() / 2);
    QCOMPARE(v->spanAt(onTension), outer);
    QVERIFY(marked(v, inner));
    QVERIFY(v->toolTipAt(v->spanRect(inner).center()).contains(QLatin1String("overlaps")));
    QVERIFY(!marked(v, outer, onTension));

    // Delete the outer one: the inner one, untouched by the edit, is aligned again; undo marks it again.
    v->setCurrentSpan(outer);
    QTest::keyClick(v, Qt::Key_Delete);
    QVERIFY(!stored(window, outer));
    QVERIFY(!marked(v, inner));
    QTest::keyClick(v, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(stored(window, outer));
    QVERIFY(marked(v, inner));
    // Relabelling the inner one (2 on the current span) keeps it marked under its new type.
    v->setCurrentSpan(inner);
    QTest::keyClick(v, Qt::Key_2);
    QCOMPARE(test::storedDocument(window, window.currentDocument()).entity(inner)->type,
             QStringLiteral("DISEASE"));
    QVERIFY(marked(v, inner));
  }

  void spansFurtherDownStillAnswerClicksAfterAnEdit() {
    MainWindow window;
    QVERIFY(test::showOn(window, freshProject()));
    ui::AnnotationView* v = window.annotationView();
    v->viewport()->repaint();  // every line laid out and kept
    const QString migraine = QStringLiteral("T2");
    const QRect before = v->spanRect(migraine);
    QVERIFY(!before.isNull());
    QCOMPARE(v->spanAt(before.center()), migraine);

    // A span before it, on the first line (which has one already, so no line moves): the second line's
    // spans keep answering for themselves.
    const QString aspirin = label(v, QStringLiteral("Aspirin"), QStringLiteral("Aspirin"), Qt::Key_1);
    v->viewport()->repaint();
    QCOMPARE(v->spanRect(migraine), before);
    QCOMPARE(v->spanAt(before.center()), migraine);
    QTest::mouseClick(v->viewport(), Qt::LeftButton, Qt::NoModifier, before.center());
    QCOMPARE(v->currentSpan(), migraine);
    // And once it is gone again.
    v->setCurrentSpan(aspirin);
    QTest::keyClick(v, Qt::Key_Delete);
    QCOMPARE(v->spanAt(before.center()), migraine);
    QCOMPARE(v->spanAt(v->spanRect(QStringLiteral("T1")).center()), QStringLiteral("T1"));
  }

  void suggestionsAndReviewFollowEdits() {
    MainWindow window;
    QVERIFY(test::showOn(window, freshProject()));
    ui::AnnotationView* v = window.annotationView();
    const qint64 doc = window.currentDocument();
    const QVector<Prediction> rows{
        test::entitySuggestion(doc, QStringLiteral("DRUG"), at(QStringLiteral("Aspirin")), 7, kText, 0.7),
        test::entitySuggestion(doc, QStringLiteral("DRUG"), at(QStringLiteral("relieves")),
                               at(QStringLiteral("relieves")) + 8, kText, 0.7)};
    QVERIFY(test::addSuggestions(window, rows) > 0);
    window.suggestions()->reload();
    QCOMPARE(v->suggestions().size(), 2);

    // A span that says a suggestion hides it, as long as it is there; another type does not.
    const QString aspirin = QStringLiteral("Aspirin");
    label(v, aspirin, aspirin, Qt::Key_1);
    QCOMPARE(v->suggestions().size(), 1);
    QCOMPARE(v->suggestions().front().start, at(QStringLiteral("relieves")));
    QTest::keyClick(v, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(v->suggestions().size(), 2);
    label(v, aspirin, aspirin, Qt::Key_2);
    QCOMPARE(v->suggestions().size(), 2);

    // The Review tab is behind the Annotations tab: an accepted suggestion shows there once it is raised.
    ui::ReviewPanel* review = window.reviewPanel();
    auto undecided = [&] {
      const auto& c = review->counts();
      return c.autoAccept + c.review + c.escalate;
    };
    review->refresh();
    QCOMPARE(undecided(), 2);
    v->setCurrentSuggestion(1);
    QTest::keyClick(v, Qt::Key_A);
    QCOMPARE(v->suggestions().size(), 1);
    QCOMPARE(test::storedDocument(window, window.currentDocument()).entities.size(), 5);
    window.findChild<QDockWidget*>(QStringLiteral("reviewDock"))->raise();
    QTRY_COMPARE(undecided(), 1);
    // Raised, it follows at once.
    QTest::keyClick(v, Qt::Key_X);
    QCOMPARE(v->suggestions().size(), 0);
    QCOMPARE(undecided(), 0);
  }
};

QTEST_MAIN(TestEditPath)
#include "test_edit_path.moc"
