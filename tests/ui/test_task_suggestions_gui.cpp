// The model's suggestions for relations, QA answers and document categories in the real main window on the
// demo project, from prediction rows written as a prediction run leaves them: dashed arcs between the
// document's spans that A accepts, X rejects and Shift+A accepts above the threshold; a field's suggested
// answer and the suggested categories with their Accept and Reject buttons. An accepted suggestion becomes
// an annotation of origin "accepted suggestion", undoable, its prediction row recording who accepted it
// and the annotation it became; a rejected one is kept as such. Model ▸ Suggest predicts with the latest
// model of each task. A screenshot of each kind is kept as an artefact. The review queue of relations,
// categories and answers in review mode: band counts, ordinary edits refused, decisions recorded with the
// reviewer's name.

#include <QAbstractButton>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

#include "CategoryPanel.h"
#include "QaPanel.h"
#include "UiTestSupport.h"
#include "WorkbenchTestSupport.h"
#include "store/ProjectStore.h"
#include "training/ReviewPanel.h"
#include "training/SuggestionController.h"
#include "training/TrainingController.h"

using quarry::ModelRun;
using quarry::Origin;
using quarry::Prediction;
using quarry::RunStatus;
using quarry::ui::MainWindow;

namespace {

// A finished prediction run of `task` holding `rows` (their run id set here); its id, or 0.
qint64 predictionRun(quarry::ProjectStore& store, const QString& task, QVector<Prediction> rows) {
  ModelRun run;
  run.name = QStringLiteral("Suggestions");
  run.task = task;
  run.status = RunStatus::Finished;
  auto id = store.createRun(run);
  if (!id) return 0;
  for (Prediction& p : rows) p.runId = id.value();
  return store.addPredictions(id.value(), rows) ? id.value() : 0;
}

Prediction row(qint64 document, const QString& kind, const QJsonObject& payload, double confidence) {
  Prediction p;
  p.documentId = document;
  p.kind = kind;
  p.payload = payload;
  p.confidence = confidence;
  return p;
}

// The prediction row `id` of run `run` as the store holds it now.
Prediction storedRow(quarry::ProjectStore& store, qint64 run, qint64 document, int index) {
  auto rows = store.predictionsForDocument(document, run);
  return rows && index < rows->size() ? rows->at(index) : Prediction();
}

QString payloadText(const QString& text, int start, int end) { return text.mid(start, end - start); }

// Word `n` (from 0) of `text`, words cut at spaces: [start, end) in code points (the demo is ASCII).
QPair<int, int> wordAt(const QString& text, int n) {
  int start = 0;
  for (int k = 0; k < n; ++k) start = int(text.indexOf(QLatin1Char(' '), start)) + 1;
  const int end = int(text.indexOf(QLatin1Char(' '), start));
  return {start, end < 0 ? int(text.size()) : end};
}

// Adds entity `key` of `type` over word `n` of document `doc` (`text`) to the store; its row id (0 = not
// added) and its `argument` as a relation prediction names it.
qint64 addWordEntity(quarry::ProjectStore& store, qint64 doc, const QString& text, int n, const QString& key,
                     const QString& type, QJsonObject* argument = nullptr) {
  const auto [start, end] = wordAt(text, n);
  quarry::EntitySpan e;
  e.key = key;
  e.type = type;
  e.fragments = {quarry::Fragment{start, end}};
  if (argument)
    *argument = QJsonObject{{QStringLiteral("start"), start},
                            {QStringLiteral("end"), end},
                            {QStringLiteral("type"), type},
                            {QStringLiteral("text"), payloadText(text, start, end)}};
  auto id = store.addEntity(doc, e, QStringLiteral("importer"), Origin::Manual);
  return id ? id.value() : 0;
}

// Entities T1, T2, … over words 1, 3, 5, … of document `doc` (`text`), DRUG and DISEASE by turns: their
// row ids (0 = not added) and their arguments as a relation prediction names them.
QVector<qint64> addEveryOtherWord(quarry::ProjectStore& store, qint64 doc, const QString& text, int count,
                                  QVector<QJsonObject>& arguments) {
  QVector<qint64> ids(count);
  arguments.resize(count);
  for (int i = 0; i < count; ++i)
    ids[i] = addWordEntity(store, doc, text, 1 + 2 * i, QStringLiteral("T%1").arg(i + 1),
                           i % 2 ? QStringLiteral("DISEASE") : QStringLiteral("DRUG"), &arguments[i]);
  return ids;
}

// A TREATS prediction between two arguments.
Prediction treats(qint64 doc, const QJsonObject& head, const QJsonObject& tail, double confidence) {
  return row(doc, QStringLiteral("relation"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("TREATS")},
                         {QStringLiteral("head"), head},
                         {QStringLiteral("tail"), tail}},
             confidence);
}

// An answer prediction to `field` over [from, to) of `text`.
Prediction answerRow(qint64 doc, const QString& text, const QString& field, int from, int to,
                     double confidence) {
  return row(doc, QStringLiteral("answer"),
             QJsonObject{{QStringLiteral("question_id"), field},
                         {QStringLiteral("field"), field},
                         {QStringLiteral("start"), from},
                         {QStringLiteral("end"), to},
                         {QStringLiteral("text"), payloadText(text, from, to)}},
             confidence);
}

Prediction labelRow(qint64 doc, const QString& category, double confidence) {
  return row(doc, QStringLiteral("label"), QJsonObject{{QStringLiteral("label"), category}}, confidence);
}

}  // namespace

class TestTaskSuggestionsGui : public QObject {
  Q_OBJECT
  quarry::test::DemoProjects m_demos;

  // `window shown on a fresh demo project as `annotator`; the id of its document `name` (0 = none).
  qint64 openDemo(MainWindow& window, const QString& annotator, const QString& name) {
    if (!quarry::test::showOn(window, m_demos.fresh(), annotator)) return 0;
    return quarry::test::documentNamed(window, name);
  }

 private Q_SLOTS:
  void initTestCase() { quarry::test::isolateSettings(QStringLiteral("test_task_suggestions_gui")); }

  // Dashed arcs between the document's spans: A accepts one (a relation of origin "accepted suggestion",
  // undone by Ctrl+Z), X rejects the next, Shift+A accepts those at or above the threshold; a relation the
  // document already has is not suggested.
  void relations() {
    MainWindow window;
    const qint64 doc = openDemo(window, QStringLiteral("rel-ann"), QStringLiteral("trial-036"));
    QVERIFY(doc > 0);
    quarry::ProjectStore& store = *window.store();
    const QString text = quarry::test::storedDocument(window, doc).text;
    // Two drugs and two diseases (every other word), the second drug already treating the second disease.
    QVector<QJsonObject> arguments;
    const QVector<qint64> ids = addEveryOtherWord(store, doc, text, 4, arguments);
    QVERIFY(!ids.contains(0));
    QVERIFY(store.addRelation(doc, QStringLiteral("TREATS"), ids[2], ids[3], QStringLiteral("importer"),
                              Origin::Manual, QStringLiteral("R1")));
    auto relation = [&](int head, int tail, double confidence) {
      return treats(doc, arguments[head], arguments[tail], confidence);
    };
    const qint64 run = predictionRun(
        store, QStringLiteral("relation"),
        {relation(0, 1, 0.90), relation(0, 3, 0.50), relation(2, 1, 0.95), relation(2, 3, 0.99)});
    QVERIFY(run > 0);
    QVERIFY(window.showDocument(doc));
    quarry::ui::AnnotationView* view = window.annotationView();
    QCOMPARE(view->suggestions().size(), 0);
    QCOMPARE(view->suggestedRelations().size(), 3);  // not the one the document has
    QCOMPARE(view->suggestedRelations()[0].head, QStringLiteral("T1"));
    QCOMPARE(view->suggestedRelations()[0].tail, QStringLiteral("T2"));
    // Drawn as an arc with its type and confidence, where a hover or click finds the suggestion.
    const QVector<QRect> arc = view->relationRects(quarry::ui::suggestedRelationKey(0));
    QVERIFY(!arc.isEmpty());
    QPoint onArc;  // its label, down the middle of what it draws
    for (int y = arc.front().top(); y <= arc.front().bottom() && onArc.isNull(); ++y)
      if (view->suggestionAt(QPoint(arc.front().center().x(), y)) == 0)
        onArc = QPoint(arc.front().center().x(), y);
    QVERIFY(!onArc.isNull());
    QVERIFY(view->toolTipAt(onArc).contains(QStringLiteral("Suggested relation TREATS (confidence 0.90)")));
    QVERIFY(view->relationAt(onArc).isEmpty());  // no annotation to select or delete
    view->grab().save(quarry::test::artefactPath(QStringLiteral("suggested-relations.png")));

    // A: the current (first) one becomes a relation of origin "accepted suggestion".
    view->setFocus();
    QCOMPARE(view->currentSuggestion(), 0);
    QTest::keyClick(view, Qt::Key_A);
    QCOMPARE(view->suggestedRelations().size(), 2);
    auto stored = store.loadDocument(doc);
    QVERIFY(stored);
    QCOMPARE(stored->document.relations.size(), 2);
    const int accepted = stored->document.relations[0].key == QStringLiteral("R1") ? 1 : 0;
    const quarry::Relation& made = stored->document.relations[accepted];
    QCOMPARE(made.head, QStringLiteral("T1"));
    QCOMPARE(made.tail, QStringLiteral("T2"));
    QCOMPARE(made.type, QStringLiteral("TREATS"));
    QCOMPARE(made.provenance.origin, Origin::AcceptedSuggestion);
    QCOMPARE(made.provenance.annotator, QStringLiteral("rel-ann"));
    Prediction decided = storedRow(store, run, doc, 0);
    QCOMPARE(decided.decision, QStringLiteral("accepted"));
    QCOMPARE(decided.decidedBy, QStringLiteral("rel-ann"));
    QCOMPARE(decided.annotationId, stored->relationIds[accepted]);
    QVERIFY(decided.decidedAt.isValid());

    // X: the next one is rejected and kept; no relation.
    QTest::keyClick(view, Qt::Key_X);
    QCOMPARE(view->suggestedRelations().size(), 1);
    decided = storedRow(store, run, doc, 1);
    QCOMPARE(decided.decision, QStringLiteral("rejected"));
    QCOMPARE(decided.annotationId, qint64(0));
    QCOMPARE(store.loadDocument(doc)->document.relations.size(), 2);

    // Shift+A: the one left (0.95) is at or above 0.9.
    window.suggestions()->setThreshold(0.9);
    QTest::keyClick(view, Qt::Key_A, Qt::ShiftModifier);
    QCOMPARE(view->suggestedRelations().size(), 0);
    QCOMPARE(storedRow(store, run, doc, 2).decision, QStringLiteral("accepted"));
    QCOMPARE(store.loadDocument(doc)->document.relations.size(), 3);
    QCOMPARE(storedRow(store, run, doc, 3).decision, QString());  // said already: never shown

    // The acceptances are edits like any other: Ctrl+Z takes the last one back, and its suggestion is open
    // again (undecided in the store, shown in the view); Ctrl+Shift+Z makes the relation again.
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(store.loadDocument(doc)->document.relations.size(), 2);
    QCOMPARE(view->document().relations.size(), 2);
    QCOMPARE(storedRow(store, run, doc, 2).decision, QString());
    QCOMPARE(storedRow(store, run, doc, 2).annotationId, qint64(0));
    QCOMPARE(view->suggestedRelations().size(), 1);
    QCOMPARE(storedRow(store, run, doc, 1).decision, QStringLiteral("rejected"));  // a rejection stays
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(store.loadDocument(doc)->document.relations.size(), 3);
    QCOMPARE(view->suggestedRelations().size(), 0);
  }

  // A field without an answer shows the best suggested answer with its confidence; Accept sets it (origin
  // "accepted suggestion", undoable), Reject keeps the rejection; an answered field shows none.
  void answers() {
    MainWindow window;
    const qint64 doc = openDemo(window, QStringLiteral("qa-ann"), QStringLiteral("contract-018"));
    QVERIFY(doc > 0);
    quarry::ProjectStore& store = *window.store();
    const QString text = quarry::test::storedDocument(window, doc).text;
    const auto [start, end] = wordAt(text, 1);
    auto answer = [&](const QString& field, int from, int to, double confidence) {
      return answerRow(doc, text, field, from, to, confidence);
    };
    const qint64 run = predictionRun(store, QStringLiteral("qa"),
                                     {answer(QStringLiteral("effective_date"), start, end, 0.87),
                                      answer(QStringLiteral("effective_date"), 0, start - 1, 0.30),
                                      answer(QStringLiteral("governing_law"), end + 1, end + 6, 0.60)});
    QVERIFY(run > 0);
    QVERIFY(window.showDocument(doc));
    quarry::ui::QaPanel* qa = window.qaPanel();
    QTreeWidget* list = qa->list();
    QCOMPARE(list->topLevelItemCount(), 2);
    QTreeWidgetItem* effective = list->topLevelItem(0);
    QCOMPARE(effective->text(quarry::ui::QaPanel::FieldColumn), QStringLiteral("effective_date"));
    const QString shown = effective->text(quarry::ui::QaPanel::AnswerColumn);
    QVERIFY2(shown.contains(payloadText(text, start, end)) && shown.contains(QStringLiteral("(0.87)")),
             qPrintable(shown));
    QVERIFY(
        list->topLevelItem(1)->text(quarry::ui::QaPanel::AnswerColumn).contains(QStringLiteral("(0.60)")));
    window.findChild<QWidget*>(QStringLiteral("qaDock"))->raise();
    window.grab().save(quarry::test::artefactPath(QStringLiteral("suggested-answers.png")));

    // Accept on effective_date: its answer, recorded as an accepted suggestion.
    QVERIFY(qa->selectField(QStringLiteral("effective_date")));
    QVERIFY(qa->acceptSuggestionButton()->isEnabled());
    QTest::mouseClick(qa->acceptSuggestionButton(), Qt::LeftButton);
    auto stored = store.loadDocument(doc);
    QVERIFY(stored);
    QCOMPARE(stored->document.answers.size(), 1);
    const quarry::QaAnswer& set = stored->document.answers.front();
    QCOMPARE(set.field, QStringLiteral("effective_date"));
    QCOMPARE(set.start, start);
    QCOMPARE(set.end, end);
    QCOMPARE(set.provenance.origin, Origin::AcceptedSuggestion);
    QCOMPARE(set.provenance.annotator, QStringLiteral("qa-ann"));
    Prediction decided = storedRow(store, run, doc, 0);
    QCOMPARE(decided.decision, QStringLiteral("accepted"));
    QCOMPARE(decided.decidedBy, QStringLiteral("qa-ann"));
    QCOMPARE(decided.annotationId, stored->answerIds.front());
    QCOMPARE(storedRow(store, run, doc, 1).decision, QString());  // answered now: not shown, not decided
    QVERIFY(!qa->list()
                 ->topLevelItem(0)
                 ->text(quarry::ui::QaPanel::AnswerColumn)
                 .contains(QStringLiteral("Suggested")));

    // Reject on governing_law (X in the list): kept as rejected, and the field shows nothing.
    QVERIFY(qa->selectField(QStringLiteral("governing_law")));
    qa->list()->setFocus();
    QTest::keyClick(qa->list(), Qt::Key_X);
    decided = storedRow(store, run, doc, 2);
    QCOMPARE(decided.decision, QStringLiteral("rejected"));
    QCOMPARE(decided.annotationId, qint64(0));
    QCOMPARE(store.loadDocument(doc)->document.answers.size(), 1);
    QVERIFY(!qa->rejectSuggestionButton()->isEnabled());
    QVERIFY(qa->list()
                ->topLevelItem(1)
                ->text(quarry::ui::QaPanel::AnswerColumn)
                .contains(QStringLiteral("not answered")));

    // Undone, effective_date has no answer again and the suggestion it took is open again.
    QTest::keyClick(window.annotationView(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(store.loadDocument(doc)->document.answers.size(), 0);
    QCOMPARE(storedRow(store, run, doc, 0).decision, QString());
    QVERIFY(qa->list()
                ->topLevelItem(0)
                ->text(quarry::ui::QaPanel::AnswerColumn)
                .contains(QStringLiteral("(0.87)")));
  }

  // The suggested categories with their confidence; Accept sets one (origin "accepted suggestion"), Reject
  // keeps the rejection of the other; a category the document has is not suggested.
  void categories() {
    MainWindow window;
    const qint64 doc = openDemo(window, QStringLiteral("cat-ann"), QStringLiteral("trial-037"));
    QVERIFY(doc > 0);
    quarry::ProjectStore& store = *window.store();
    const qint64 run = predictionRun(store, QStringLiteral("classify"),
                                     {labelRow(doc, QStringLiteral("contract_clause"), 0.13),
                                      labelRow(doc, QStringLiteral("clinical_eligibility"), 0.87)});
    QVERIFY(run > 0);
    QVERIFY(window.showDocument(doc));
    quarry::ui::CategoryPanel* panel = window.categoryPanel();
    QCOMPARE(panel->suggestions().size(), 2);
    QCOMPARE(panel->suggestions().front().category, QStringLiteral("clinical_eligibility"));  // best first
    auto* shown = panel->findChild<QLabel*>(QStringLiteral("categorySuggestion_clinical_eligibility"));
    QVERIFY(shown && shown->isVisible());
    QCOMPARE(shown->text(), QStringLiteral("Suggested: clinical_eligibility (0.87)"));
    window.grab().save(quarry::test::artefactPath(QStringLiteral("suggested-categories.png")));

    auto* accept =
        panel->findChild<QPushButton*>(QStringLiteral("acceptCategorySuggestion_clinical_eligibility"));
    QVERIFY(accept && accept->isVisible());
    QTest::mouseClick(accept, Qt::LeftButton);
    auto stored = store.loadDocument(doc);
    QVERIFY(stored);
    QCOMPARE(stored->document.labels.size(), 1);
    QCOMPARE(stored->document.labels.front().category, QStringLiteral("clinical_eligibility"));
    QCOMPARE(stored->document.labels.front().provenance.origin, Origin::AcceptedSuggestion);
    QCOMPARE(stored->document.labels.front().provenance.annotator, QStringLiteral("cat-ann"));
    QVERIFY(panel->button(QStringLiteral("clinical_eligibility"))->isChecked());
    Prediction decided = storedRow(store, run, doc, 1);
    QCOMPARE(decided.decision, QStringLiteral("accepted"));
    QCOMPARE(decided.decidedBy, QStringLiteral("cat-ann"));
    QCOMPARE(decided.annotationId, stored->labelIds.front());
    QCOMPARE(panel->suggestions().size(), 1);

    auto* reject = panel->findChild<QPushButton*>(QStringLiteral("rejectCategorySuggestion_contract_clause"));
    QVERIFY(reject && reject->isVisible());
    QTest::mouseClick(reject, Qt::LeftButton);
    decided = storedRow(store, run, doc, 0);
    QCOMPARE(decided.decision, QStringLiteral("rejected"));
    QCOMPARE(decided.annotationId, qint64(0));
    QCOMPARE(store.loadDocument(doc)->document.labels.size(), 1);
    QVERIFY(panel->suggestions().isEmpty());
    QVERIFY(!panel->findChild<QWidget*>(QStringLiteral("categorySuggestions"))->isVisible());

    // Undone, the document has no category again.
    QTest::keyClick(window.annotationView(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(store.loadDocument(doc)->document.labels.isEmpty());
  }

  // The review queue for relations, categories and answers: the band counts of the newest run's rows with
  // their descriptions; review mode (the panel's button) refuses ordinary edits (a hotkey on a selection,
  // Delete on a span, a category's shortcut, Mark Done, No Answer) but A accepts the suggestion a row opens
  // (in the view, in the Questions dock) and a category's Accept button works, each decision recorded with
  // the reviewer's name and the annotation it became.
  void reviewModeDecidesEveryKind() {
    MainWindow window;
    const qint64 doc = openDemo(window, QStringLiteral("reviewer-ann"), QStringLiteral("trial-036"));
    QVERIFY(doc > 0);
    const qint64 other = quarry::test::documentNamed(window, QStringLiteral("trial-037"));
    QVERIFY(other > 0);
    quarry::ProjectStore& store = *window.store();
    const QString text = quarry::test::storedDocument(window, doc).text;
    QVector<QJsonObject> arguments;
    QVERIFY(!addEveryOtherWord(store, doc, text, 3, arguments).contains(0));
    const qint64 relations = predictionRun(
        store, QStringLiteral("relation"),
        {treats(doc, arguments[0], arguments[1], 0.95), treats(doc, arguments[2], arguments[1], 0.70),
         treats(doc, arguments[0], arguments[2], 0.30)});
    QVERIFY(relations > 0);
    const qint64 labels = predictionRun(store, QStringLiteral("classify"),
                                        {labelRow(other, QStringLiteral("clinical_eligibility"), 0.6),
                                         labelRow(other, QStringLiteral("contract_clause"), 0.2)});
    QVERIFY(labels > 0);
    QVERIFY(window.showDocument(doc));

    // Relations: one per band, the review band listed with its description.
    quarry::ui::ReviewPanel* review = window.reviewPanel();
    QDockWidget* reviewDock = window.findChild<QDockWidget*>(QStringLiteral("reviewDock"));
    reviewDock->show();
    reviewDock->raise();
    QComboBox* kinds = review->kindBox();
    QCOMPARE(kinds->count(), 4);  // the demo schema has entities, relations, QA fields and categories
    QVERIFY(quarry::test::chooseByKeyboard(kinds, QStringLiteral("relation")));
    QCOMPARE(review->kind(), QStringLiteral("relation"));
    review->setThresholds(0.5, 0.9);
    QCOMPARE(review->counts().autoAccept, qint64(1));
    QCOMPARE(review->counts().review, qint64(1));
    QCOMPARE(review->counts().escalate, qint64(1));
    QVERIFY2(review->countsLabel()->text().contains(QStringLiteral("1 auto-accept · 1 review · 1 escalate")),
             qPrintable(review->countsLabel()->text()));
    QTableWidget* table = review->table();
    QCOMPARE(table->rowCount(), 1);
    const QString head = arguments[2].value(QStringLiteral("text")).toString();
    const QString tail = arguments[1].value(QStringLiteral("text")).toString();
    QCOMPARE(table->item(0, quarry::ui::ReviewPanel::SuggestionColumn)->text(),
             QStringLiteral("TREATS: %1 \u2192 %2").arg(head, tail));
    QCOMPARE(table->item(0, quarry::ui::ReviewPanel::DocumentColumn)->text(), QStringLiteral("trial-036"));
    QCOMPARE(table->item(0, quarry::ui::ReviewPanel::ConfidenceColumn)->text(), QStringLiteral("0.700"));
    review->grab().save(quarry::test::artefactPath(QStringLiteral("review-panel-relations.png")));

    // Review mode, from the panel's button: the window is read-only but for deciding suggestions.
    QTest::mouseClick(review->reviewModeButton(), Qt::LeftButton);
    QVERIFY(window.reviewMode());
    QVERIFY(review->reviewModeAction()->isChecked());
    QVERIFY(window.windowTitle().contains(QStringLiteral("review mode")));
    QVERIFY(!window.store()->isReadOnly());
    quarry::ui::AnnotationView* view = window.annotationView();
    QVERIFY(view->isReadOnly());
    // Ordinary edits change nothing: label a selection by its hotkey, delete a span, categorise, mark done.
    view->setFocus();
    const auto [start, end] = wordAt(text, 8);
    view->setSelection(start, end);
    QTest::keyClick(view, Qt::Key_1);  // DISEASE
    view->setCurrentSpan(QStringLiteral("T1"));
    QTest::keyClick(view, Qt::Key_Delete);
    QTest::keyClick(view, Qt::Key_1, Qt::AltModifier);  // the first category's shortcut
    QTest::keyClick(view, Qt::Key_Return, Qt::ControlModifier);
    auto stored = store.loadDocument(doc);
    QVERIFY(stored);
    QCOMPARE(stored->document.entities.size(), 3);
    QCOMPARE(stored->document.relations.size(), 0);
    QVERIFY(stored->document.labels.isEmpty());
    QVERIFY(stored->document.status != quarry::DocumentStatus::Done);
    QCOMPARE(window.currentDocument(), doc);

    // The row opens its document with that suggestion current; A accepts it.
    table->setFocus();
    table->setCurrentCell(0, 0);
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(window.currentDocument(), doc);
    QVERIFY(view->hasFocus());
    const int current = view->currentSuggestion();
    QVERIFY(current >= int(view->suggestions().size()));
    QCOMPARE(view->suggestedRelations()[current - view->suggestions().size()].confidence, 0.70);
    QTest::keyClick(view, Qt::Key_A);
    stored = store.loadDocument(doc);
    QCOMPARE(stored->document.relations.size(), 1);
    const quarry::Relation& made = stored->document.relations.front();
    QCOMPARE(made.head, QStringLiteral("T3"));
    QCOMPARE(made.tail, QStringLiteral("T2"));
    QCOMPARE(made.provenance.origin, Origin::AcceptedSuggestion);
    QCOMPARE(made.provenance.annotator, QStringLiteral("reviewer-ann"));
    Prediction decided = storedRow(store, relations, doc, 1);
    QCOMPARE(decided.decision, QStringLiteral("accepted"));
    QCOMPARE(decided.decidedBy, QStringLiteral("reviewer-ann"));
    QCOMPARE(decided.annotationId, stored->relationIds.front());
    QVERIFY(view->isReadOnly());  // still, after the decision
    QCOMPARE(review->counts().review, qint64(0));
    QCOMPARE(table->rowCount(), 0);

    // Categories: the doubtful one escalated, the other in review; its row opens trial-037, whose Accept
    // button (not the category's own button) takes it.
    QVERIFY(quarry::test::chooseByKeyboard(kinds, QStringLiteral("label")));
    QCOMPARE(review->counts().review, qint64(1));
    QCOMPARE(review->counts().escalate, qint64(1));
    QCOMPARE(table->item(0, quarry::ui::ReviewPanel::SuggestionColumn)->text(),
             QStringLiteral("clinical_eligibility"));
    review->grab().save(quarry::test::artefactPath(QStringLiteral("review-panel-categories.png")));
    table->setFocus();
    table->setCurrentCell(0, 0);
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(window.currentDocument(), other);
    quarry::ui::CategoryPanel* categories = window.categoryPanel();
    QVERIFY(categories->isVisible());
    QVERIFY(!categories->button(QStringLiteral("clinical_eligibility"))->isEnabled());
    auto* accept =
        categories->findChild<QPushButton*>(QStringLiteral("acceptCategorySuggestion_clinical_eligibility"));
    QVERIFY(accept && accept->isVisible() && accept->isEnabled());
    QTest::mouseClick(accept, Qt::LeftButton);
    stored = store.loadDocument(other);
    QCOMPARE(stored->document.labels.size(), 1);
    QCOMPARE(stored->document.labels.front().category, QStringLiteral("clinical_eligibility"));
    decided = storedRow(store, labels, other, 0);
    QCOMPARE(decided.decision, QStringLiteral("accepted"));
    QCOMPARE(decided.decidedBy, QStringLiteral("reviewer-ann"));
    QCOMPARE(decided.annotationId, stored->labelIds.front());
    QCOMPARE(review->counts().review, qint64(0));
    window.grab().save(quarry::test::artefactPath(QStringLiteral("review-mode.png")));

    // Answers: the row selects its field in the Questions dock, where A accepts it; N (no answer) on the
    // other field is an ordinary edit, refused.
    const qint64 contract = quarry::test::documentNamed(window, QStringLiteral("contract-018"));
    QVERIFY(contract > 0);
    const QString contractText = quarry::test::storedDocument(window, contract).text;
    const auto [from, to] = wordAt(contractText, 1);
    const qint64 answers =
        predictionRun(store, QStringLiteral("qa"),
                      {answerRow(contract, contractText, QStringLiteral("effective_date"), from, to, 0.8)});
    QVERIFY(answers > 0);
    QVERIFY(quarry::test::chooseByKeyboard(kinds, QStringLiteral("answer")));
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, quarry::ui::ReviewPanel::SuggestionColumn)->text(),
             QStringLiteral("effective_date: ") + payloadText(contractText, from, to));
    table->setFocus();
    table->setCurrentCell(0, 0);
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(window.currentDocument(), contract);
    quarry::ui::QaPanel* qa = window.qaPanel();
    QCOMPARE(qa->currentField(), QStringLiteral("effective_date"));
    QVERIFY(qa->list()->hasFocus());
    QTest::keyClick(qa->list(), Qt::Key_A);
    QVERIFY(qa->selectField(QStringLiteral("governing_law")));
    QTest::keyClick(qa->list(), Qt::Key_N);
    stored = store.loadDocument(contract);
    QCOMPARE(stored->document.answers.size(), 1);
    QCOMPARE(stored->document.answers.front().field, QStringLiteral("effective_date"));
    decided = storedRow(store, answers, contract, 0);
    QCOMPARE(decided.decision, QStringLiteral("accepted"));
    QCOMPARE(decided.decidedBy, QStringLiteral("reviewer-ann"));
    QCOMPARE(decided.annotationId, stored->answerIds.front());

    // Review mode off: editable again.
    review->reviewModeAction()->trigger();
    QVERIFY(!window.reviewMode());
    QVERIFY(!view->isReadOnly());
    QVERIFY(categories->button(QStringLiteral("clinical_eligibility"))->isEnabled());
  }

  // Model ▸ Suggest predicts with the latest model of each task, one after another; the categories then
  // show in the dock, the relation model reading the entities the documents have.
  void suggestPredictsEveryTask() {
    MainWindow window;
    const QString project = m_demos.fresh();
    QVERIFY(quarry::test::showOn(window, project));
    for (const std::string task : {"classify", "relation", "qa"}) {
      QVERIFY(window.training()->start(quarry::test::tinyTraining(project, task, 2)));
      QTRY_VERIFY_WITH_TIMEOUT(!window.training()->isTraining(), 180000);
      QVERIFY2(!window.suggestions()->latestModel(QString::fromStdString(task)).isEmpty(), task.c_str());
    }
    QVERIFY(window.suggestions()->latestModel(QStringLiteral("ner")).isEmpty());
    // An unassigned document with two entities, for the relation model to pair.
    const qint64 doc = quarry::test::documentNamed(window, QStringLiteral("trial-038"));
    QVERIFY(doc > 0);
    const QString text = quarry::test::storedDocument(window, doc).text;
    QVERIFY(addWordEntity(*window.store(), doc, text, 1, QStringLiteral("T1"), QStringLiteral("DRUG")) > 0);
    QVERIFY(addWordEntity(*window.store(), doc, text, 3, QStringLiteral("T2"), QStringLiteral("DISEASE")) >
            0);
    const int before = int(window.store()->listRuns()->size());
    window.suggestions()->suggestAction()->trigger();
    QVERIFY(window.suggestions()->isPredicting());
    QTRY_VERIFY_WITH_TIMEOUT(!window.suggestions()->isPredicting(), 180000);
    auto runs = window.store()->listRuns();
    QVERIFY(runs);
    // The gazetteer (no NER model yet), then relation, QA and classification.
    QStringList made;
    for (int i = before; i < runs->size(); ++i)
      made << runs->at(i).task + QLatin1Char('/') + quarry::runStatusName(runs->at(i).status);
    QCOMPARE(made.join(QLatin1Char(',')),
             QStringLiteral("ner/finished,relation/finished,qa/finished,classify/finished"));
    QVERIFY(runs->at(before + 1).metrics.value(QStringLiteral("candidate_pairs")).toInt() > 0);
    auto labels = window.store()->predictionsOfRun(runs->back().id, QStringLiteral("label"));
    QVERIFY(labels && !labels->isEmpty());
    QVERIFY(window.showDocument(labels->front().documentId));
    QVERIFY(!window.categoryPanel()->suggestions().isEmpty());
    QCOMPARE(window.categoryPanel()->suggestions().front().id, labels->front().id);
    // Suggestions asked for: a classifier that finishes training predicts the pool again by itself, and
    // with the new model only.
    const int beforeRetrain = int(window.store()->listRuns()->size());
    QVERIFY(window.training()->start(quarry::test::tinyTraining(project, "classify", 1)));
    QTRY_VERIFY_WITH_TIMEOUT(!window.training()->isTraining(), 180000);
    QTRY_VERIFY_WITH_TIMEOUT(window.store()->listRuns()->size() == beforeRetrain + 2, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!window.suggestions()->isPredicting(), 60000);
    runs = window.store()->listRuns();
    QCOMPARE(runs->at(beforeRetrain).task, QStringLiteral("classify"));  // the training run
    QCOMPARE(runs->at(beforeRetrain + 1).task, QStringLiteral("classify"));
    QCOMPARE(runs->at(beforeRetrain + 1).status, RunStatus::Finished);
    QCOMPARE(QFileInfo(runs->at(beforeRetrain + 1).baseModel).absoluteFilePath(),
             QFileInfo(runs->at(beforeRetrain).checkpointPath).absoluteFilePath());
    QVERIFY(!window.store()->predictionsOfRun(runs->back().id, QStringLiteral("label"))->isEmpty());

    // The review queue's thresholds from dev, with the latest model of each kind's task.
    quarry::ui::ReviewPanel* review = window.reviewPanel();
    QVERIFY(!review->deriveFromDev());  // entities: no NER model
    QVERIFY(review->calibrationLabel()->text().contains(QStringLiteral("No NER model")));
    for (const QString& kind :
         {QStringLiteral("relation"), QStringLiteral("answer"), QStringLiteral("label")}) {
      QVERIFY(review->setKind(kind));
      QSignalSpy derived(review, &quarry::ui::ReviewPanel::derivationFinished);
      QVERIFY(review->deriveFromDev());
      QVERIFY2(derived.wait(120000), qPrintable(kind));
      const QString said = review->calibrationLabel()->text();
      QVERIFY2(said.contains(QStringLiteral("precision")), qPrintable(said));
      QVERIFY(review->lowBox()->value() <= review->highBox()->value());
    }
  }
};

QTEST_MAIN(TestTaskSuggestionsGui)
#include "test_task_suggestions_gui.moc"
