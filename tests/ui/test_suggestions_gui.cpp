// The model's suggestions in the real main window on the demo project: dashed spans in the annotation
// view with their confidence, A accepts (an annotation of origin "accepted suggestion", the prediction
// row recording who accepted it and the annotation it became), X rejects (kept), Shift+A accepts every
// one at or above the threshold; Model ▸ Suggest predicts the unassigned documents with the latest model.
// A screenshot of the view with suggestions is kept as an artefact.

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableWidget>
#include <QTimer>
#include <QtTest>

#include "UiTestSupport.h"
#include "jobs/CalibrationJob.h"
#include "store/ProjectStore.h"
#include "training/QueuePanel.h"
#include "training/ReviewPanel.h"
#include "training/SuggestionController.h"
#include "training/TrainingController.h"

using quarry::ModelRun;
using quarry::Prediction;
using quarry::RunStatus;
using quarry::ui::MainWindow;

namespace {

// The first `n` words of `text` as [start, end) code-point ranges (the demo's texts are ASCII).
QVector<QPair<int, int>> firstWords(const QString& text, int n) {
  QVector<QPair<int, int>> words;
  int start = -1;
  for (int i = 0; i <= text.size() && words.size() < n; ++i) {
    const bool letter = i < text.size() && text[i].isLetter();
    if (letter && start < 0) start = i;
    if (!letter && start >= 0) {
      if (i - start >= 4) words.push_back({start, i});
      start = -1;
    }
  }
  return words;
}

// A small BiLSTM-CRF on the project's train split: a second or two.
quarry::jobs::TrainingSpec tinyNer(const QString& project, int epochs) {
  return quarry::test::tinyTraining(project, "ner", epochs);
}

// `window` shown on `project` with a tiny NER model trained on it, for Derive from Dev.
bool showWithNerModel(MainWindow& window, const QString& project) {
  if (!quarry::test::showOn(window, project) || !window.training()->start(tinyNer(project, 3))) return false;
  return QTest::qWaitFor([&] { return !window.training()->isTraining(); }, 120000);
}

}  // namespace

class TestSuggestionsGui : public QObject {
  Q_OBJECT
  quarry::test::DemoProjects m_demos;

 private Q_SLOTS:
  void initTestCase() { quarry::test::isolateSettings(QStringLiteral("test_suggestions_gui")); }

  void acceptRejectAndAcceptAll() {
    MainWindow window;
    const QString project = m_demos.fresh();
    QVERIFY(quarry::test::showOn(window, project, QStringLiteral("reviewer-ann")));
    quarry::DocumentListFilter unassigned;
    unassigned.splits = {quarry::Split::Unassigned};
    auto documents = window.store()->listDocuments(unassigned);
    QVERIFY(documents && !documents->isEmpty());
    const qint64 doc = documents->front().id;
    QVERIFY(window.showDocument(doc));
    const QString text = quarry::test::storedDocument(window, doc).text;
    const auto words = firstWords(text, 4);
    QCOMPARE(words.size(), 4);
    // A run's predictions for the document, as a prediction job leaves them.
    const QStringList types{QStringLiteral("DISEASE"), QStringLiteral("DRUG"), QStringLiteral("DOSAGE"),
                            QStringLiteral("DISEASE")};
    const QVector<double> confidences{0.95, 0.90, 0.85, 0.40};
    QVector<Prediction> rows;
    for (int i = 0; i < 4; ++i)
      rows << quarry::test::entitySuggestion(doc, types[i], words[i].first, words[i].second, text,
                                             confidences[i]);
    const qint64 runId = quarry::test::addSuggestions(window, rows);
    QVERIFY(runId > 0);
    window.suggestions()->reload();
    quarry::ui::AnnotationView* view = window.annotationView();
    QCOMPARE(view->suggestions().size(), 4);
    view->grab().save(quarry::test::artefactPath(QStringLiteral("suggestions-view.png")));

    // A: the first suggestion becomes an annotation of origin "accepted suggestion".
    view->setFocus();
    view->setCursorPosition(0);
    QTest::keyClick(view, Qt::Key_A);
    QCOMPARE(view->suggestions().size(), 3);
    auto stored = window.store()->loadDocument(doc);
    QVERIFY(stored);
    int accepted = -1;
    for (int i = 0; i < stored->document.entities.size(); ++i)
      if (stored->document.entities[i].start() == words[0].first &&
          stored->document.entities[i].end() == words[0].second)
        accepted = i;
    QVERIFY(accepted >= 0);
    QCOMPARE(stored->document.entities[accepted].type, QStringLiteral("DISEASE"));
    QCOMPARE(stored->document.entities[accepted].provenance.origin, quarry::Origin::AcceptedSuggestion);
    QCOMPARE(stored->document.entities[accepted].provenance.annotator, QStringLiteral("reviewer-ann"));
    auto decided = window.store()->predictionsForDocument(doc, runId);
    QVERIFY(decided);
    QCOMPARE(decided->at(0).decision, QStringLiteral("accepted"));
    QCOMPARE(decided->at(0).decidedBy, QStringLiteral("reviewer-ann"));
    QCOMPARE(decided->at(0).annotationId, stored->entityIds[accepted]);
    QVERIFY(decided->at(0).decidedAt.isValid());

    // X: the next one is rejected and kept as such; no annotation.
    QTest::keyClick(view, Qt::Key_X);
    QCOMPARE(view->suggestions().size(), 2);
    decided = window.store()->predictionsForDocument(doc, runId);
    QCOMPARE(decided->at(1).decision, QStringLiteral("rejected"));
    QCOMPARE(decided->at(1).annotationId, qint64(0));
    QCOMPARE(window.store()->loadDocument(doc)->document.entities.size(), stored->document.entities.size());

    // Shift+A: every remaining one at or above 0.8 (the DOSAGE at 0.85), not the one at 0.40.
    window.suggestions()->setThreshold(0.8);
    QTest::keyClick(view, Qt::Key_A, Qt::ShiftModifier);
    QCOMPARE(view->suggestions().size(), 1);
    QCOMPARE(view->suggestions().front().confidence, 0.40);
    decided = window.store()->predictionsForDocument(doc, runId);
    QCOMPARE(decided->at(2).decision, QStringLiteral("accepted"));
    QCOMPARE(decided->at(3).decision, QString());

    // Another document shows none of them; coming back shows the one left.
    window.annotationView()->setFocus();
    QVERIFY(window.showDocument(documents->at(1).id));
    QCOMPARE(view->suggestions().size(), 0);
    QVERIFY(window.showDocument(doc));
    QCOMPARE(view->suggestions().size(), 1);
  }

  // The review queue: bands by two thresholds with their counts; a row opens its document with the
  // suggestion current, where X decides it and the counts follow; thresholds derived from dev.
  void reviewBands() {
    MainWindow window;
    const QString project = m_demos.fresh();
    QVERIFY(quarry::test::showOn(window, project, QStringLiteral("reviewer")));
    quarry::DocumentListFilter unassigned;
    unassigned.splits = {quarry::Split::Unassigned};
    const auto pool = window.store()->listDocuments(unassigned);
    QVERIFY(pool && pool->size() >= 2);
    const QVector<double> confidences{0.95, 0.70, 0.30};
    QVector<Prediction> rows;
    for (int i = 0; i < 3; ++i) {
      const qint64 doc = pool->at(i % 2).id;
      const QString text = quarry::test::storedDocument(window, doc).text;
      const auto word = firstWords(text, 3)[i];
      rows << quarry::test::entitySuggestion(doc, QStringLiteral("DRUG"), word.first, word.second, text,
                                             confidences[i]);
    }
    const qint64 runId = quarry::test::addSuggestions(window, rows);
    QVERIFY(runId > 0);
    quarry::ui::ReviewPanel* review = window.reviewPanel();
    review->setThresholds(0.5, 0.9);
    QCOMPARE(review->counts().autoAccept, qint64(1));
    QCOMPARE(review->counts().review, qint64(1));
    QCOMPARE(review->counts().escalate, qint64(1));
    QCOMPARE(review->table()->rowCount(), 1);  // the review band
    QCOMPARE(review->table()->item(0, quarry::ui::ReviewPanel::ConfidenceColumn)->text(),
             QStringLiteral("0.700"));
    window.findChild<QDockWidget*>(QStringLiteral("reviewDock"))->raise();
    window.grab().save(quarry::test::artefactPath(QStringLiteral("review-queue.png")));
    // Enter on the row opens its document with that suggestion current; X rejects it.
    review->table()->setFocus();
    review->table()->setCurrentCell(0, 0);
    QTest::keyClick(review->table(), Qt::Key_Return);
    const qint64 reviewed = rows[1].documentId;
    QCOMPARE(window.currentDocument(), reviewed);
    quarry::ui::AnnotationView* view = window.annotationView();
    QVERIFY(view->currentSuggestion() >= 0);
    QCOMPARE(view->suggestions()[view->currentSuggestion()].confidence, 0.70);
    QTest::keyClick(view, Qt::Key_X);
    QCOMPARE(review->counts().review, qint64(0));
    QCOMPARE(review->table()->rowCount(), 0);
    auto decided = window.store()->predictionsOfRun(runId, QStringLiteral("entity"));
    QVERIFY(decided);
    QCOMPARE(decided->at(1).decision, QStringLiteral("rejected"));
    QCOMPARE(decided->at(1).decidedBy, QStringLiteral("reviewer"));
    // The escalated band lists the doubtful one.
    review->bandBox()->setCurrentIndex(1);
    QCOMPARE(review->table()->rowCount(), 1);
    QCOMPARE(review->table()->item(0, quarry::ui::ReviewPanel::ConfidenceColumn)->text(),
             QStringLiteral("0.300"));

    // Thresholds from dev need a model: without one it says so; with one they are derived (or it says
    // why none reaches the target) and stay ordered.
    QVERIFY(!review->deriveFromDev());
    QVERIFY(review->calibrationLabel()->text().contains(QStringLiteral("No NER model")));
    QVERIFY(window.training()->start(tinyNer(project, 3)));
    QTRY_VERIFY_WITH_TIMEOUT(!window.training()->isTraining(), 120000);
    QSignalSpy derived(review, &quarry::ui::ReviewPanel::derivationFinished);
    QVERIFY(review->deriveFromDev());
    QVERIFY(derived.wait(120000));
    QVERIFY(!review->isDeriving());
    QVERIFY2(review->calibrationLabel()->text().contains(QStringLiteral("dev")) ||
                 review->calibrationLabel()->text().contains(QStringLiteral("No threshold")),
             qPrintable(review->calibrationLabel()->text()));
    QVERIFY(review->lowBox()->value() <= review->highBox()->value());
  }

  // Derive from Dev works in the background: right after the click the job runs, the button cancels it,
  // the label counts the dev documents predicted and the event loop goes on (a timer fires, the band box
  // changes); the thresholds come when it ends, and a result for a kind no longer shown is dropped.
  void derivingKeepsTheWindowResponsive() {
    MainWindow window;
    QVERIFY(showWithNerModel(window, m_demos.fresh()));
    quarry::ui::ReviewPanel* review = window.reviewPanel();
    QCOMPARE(review->kind(), QStringLiteral("entity"));
    QSignalSpy derived(review, &quarry::ui::ReviewPanel::derivationFinished);
    review->deriveButton()->click();
    QVERIFY(review->isDeriving());
    QCOMPARE(review->deriveButton()->text().remove(QLatin1Char('&')), QStringLiteral("Cancel Deriving"));
    QVERIFY(review->deriveButton()->isEnabled());
    QVERIFY(!review->deriveFromDev());  // one at a time
    QStringList said;                   // the label at each progress report
    connect(review->derivation(), &quarry::jobs::CalibrationJob::progress, this,
            [&] { said << review->calibrationLabel()->text(); });
    int ticks = 0;  // timer events handled while it derives
    QTimer timer;
    connect(&timer, &QTimer::timeout, this, [&] {
      if (review->isDeriving() && ++ticks == 1) review->bandBox()->setCurrentIndex(3);  // all bands
    });
    timer.start(0);
    QVERIFY(derived.wait(120000));
    timer.stop();
    QVERIFY(ticks > 0);
    QCOMPARE(review->bandBox()->currentIndex(), 3);
    QVERIFY(!said.isEmpty());
    const QRegularExpression progress(QStringLiteral("^Predicting dev: (\\d+) of (\\d+) documents$"));
    for (const QString& text : std::as_const(said))
      QVERIFY2(progress.match(text).hasMatch(), qPrintable(text));
    const QRegularExpressionMatch last = progress.match(said.back());
    QVERIFY(last.captured(2).toInt() > 0);
    QCOMPARE(last.captured(1), last.captured(2));  // every dev document
    QCOMPARE(review->deriveButton()->text().remove(QLatin1Char('&')), QStringLiteral("Derive from Dev"));
    const QString result = review->calibrationLabel()->text();
    QVERIFY2(
        result.contains(QStringLiteral("dev precision")) || result.contains(QStringLiteral("No threshold")),
        qPrintable(result));
    QCOMPARE(derived.first().first().toBool(), result.contains(QStringLiteral("dev precision")));
    QVERIFY(review->lowBox()->value() <= review->highBox()->value());

    // Ended while another kind is shown: dropped, that kind's thresholds and message untouched.
    review->setThresholds(0.2, 0.6);
    derived.clear();
    QVERIFY(review->deriveFromDev());
    QVERIFY(review->setKind(QStringLiteral("relation")));
    QVERIFY(review->isDeriving());  // still the entities' derivation: the button cancels it
    QCOMPARE(review->deriveButton()->text().remove(QLatin1Char('&')), QStringLiteral("Cancel Deriving"));
    const QString relationSaid = review->calibrationLabel()->text();
    const double relationHigh = review->highBox()->value(), relationLow = review->lowBox()->value();
    QVERIFY(derived.wait(120000));
    QCOMPARE(derived.first().first().toBool(), false);
    QCOMPARE(review->calibrationLabel()->text(), relationSaid);
    QCOMPARE(review->highBox()->value(), relationHigh);
    QCOMPARE(review->lowBox()->value(), relationLow);
    QVERIFY(review->setKind(QStringLiteral("entity")));
    QCOMPARE(review->highBox()->value(), 0.6);
    QCOMPARE(review->lowBox()->value(), 0.2);
    QCOMPARE(review->calibrationLabel()->text(), result);
  }

  // Cancel Deriving: the thresholds stay as they were and the label says it was cancelled; closing the
  // project while it derives cancels it, waits for it and drops it.
  void cancelDeriving() {
    MainWindow window;
    QVERIFY(showWithNerModel(window, m_demos.fresh()));
    quarry::ui::ReviewPanel* review = window.reviewPanel();
    review->setThresholds(0.3, 0.8);
    QSignalSpy derived(review, &quarry::ui::ReviewPanel::derivationFinished);
    review->deriveButton()->click();
    QVERIFY(review->isDeriving());
    review->deriveButton()->click();                // Cancel Deriving
    QVERIFY(!review->deriveButton()->isEnabled());  // until it has stopped
    QVERIFY(derived.wait(120000));
    QCOMPARE(derived.first().first().toBool(), false);
    QVERIFY(!review->isDeriving());
    QVERIFY(review->derivation()->isCancelled());
    QCOMPARE(review->highBox()->value(), 0.8);
    QCOMPARE(review->lowBox()->value(), 0.3);
    QVERIFY2(review->calibrationLabel()->text().contains(QStringLiteral("cancelled")),
             qPrintable(review->calibrationLabel()->text()));
    QVERIFY(review->deriveButton()->isEnabled());
    QCOMPARE(review->deriveButton()->text().remove(QLatin1Char('&')), QStringLiteral("Derive from Dev"));

    derived.clear();
    QVERIFY(review->deriveFromDev());
    QVERIFY(window.closeProject());
    QCOMPARE(derived.size(), 1);  // at once: cancelled and waited for
    QCOMPARE(derived.first().first().toBool(), false);
    QVERIFY(!review->isDeriving());
    QVERIFY(!review->derivation());
    QVERIFY(!derived.wait(200));  // nothing follows
  }

  // Another project opened in the same window: the suggestions come from its store, never the closed one.
  void secondProjectInTheSameWindow() {
    MainWindow window;
    QVERIFY(quarry::test::showOn(window, m_demos.fresh()));
    window.suggestions()->suggestAction()->trigger();  // the gazetteer's suggestions in the first project
    quarry::DocumentListFilter unassigned;
    unassigned.splits = {quarry::Split::Unassigned};
    const QString second = m_demos.fresh();
    QVERIFY(window.openProject(second));
    const auto pool = window.store()->listDocuments(unassigned);
    QVERIFY(pool && !pool->isEmpty());
    for (const quarry::DocumentSummary& d : pool.value()) {
      QVERIFY(window.showDocument(d.id));
      QVERIFY(window.annotationView()->suggestions().isEmpty());
    }
    QVERIFY(window.queuePanel()->queue().isEmpty());
    QCOMPARE(window.reviewPanel()->counts().review, qint64(0));
  }

  void suggestRunsTheLatestModel() {
    MainWindow window;
    const QString project = m_demos.fresh();
    QVERIFY(quarry::test::showOn(window, project));
    QVERIFY(window.suggestions()->latestModel().isEmpty());
    // Cold start: no model yet, so the gazetteer of labelled spans and guideline examples suggests.
    QString refused;
    quarry::test::answerNextModal<QMessageBox>([&](QMessageBox* box) {
      refused = box->text();
      box->reject();
    });
    window.suggestions()->suggestAction()->trigger();
    QVERIFY2(refused.isEmpty(), qPrintable(refused));
    QVERIFY(!window.suggestions()->isPredicting());
    auto coldRuns = window.store()->listRuns();
    QVERIFY(coldRuns && coldRuns->size() == 1);
    QCOMPARE(coldRuns->front().name, QStringLiteral("Gazetteer suggestions"));
    QCOMPARE(coldRuns->front().status, RunStatus::Finished);
    QVERIFY(coldRuns->front().metrics.value(QStringLiteral("spans")).toInt() > 0);
    // An unassigned document with one shows it in the view, as a repeat of a labelled surface.
    quarry::DocumentListFilter unassigned;
    unassigned.splits = {quarry::Split::Unassigned};
    bool shown = false;
    const auto pool = window.store()->listDocuments(unassigned);
    QVERIFY(pool);
    for (const quarry::DocumentSummary& d : pool.value()) {
      QVERIFY(window.showDocument(d.id));
      if (window.annotationView()->suggestions().isEmpty()) continue;
      shown = true;
      const quarry::ui::SuggestedSpan s = window.annotationView()->suggestions().front();
      QVERIFY(s.confidence > 0 && s.confidence <= 1);
      QVERIFY(!s.type.isEmpty());
      window.annotationView()->grab().save(
          quarry::test::artefactPath(QStringLiteral("suggestions-gazetteer.png")));
      break;
    }
    QVERIFY(shown);
    QVERIFY(window.training()->start(tinyNer(project, 2)));
    QTRY_VERIFY_WITH_TIMEOUT(!window.training()->isTraining(), 120000);
    QVERIFY(!window.suggestions()->latestModel().isEmpty());
    // Suggestions were asked for once, so the finished model refreshed them by itself.
    QTRY_VERIFY_WITH_TIMEOUT(!window.suggestions()->isPredicting(), 120000);
    auto runs = window.store()->listRuns();
    QVERIFY(runs);
    QStringList names;
    for (const ModelRun& r : runs.value())
      names << r.name + QLatin1Char('/') + quarry::runStatusName(r.status);
    QVERIFY2(runs->size() == 3 && runs->back().name == QStringLiteral("Suggestions"),
             qPrintable(names.join(QLatin1Char(','))));
    // And on demand.
    window.suggestions()->suggestAction()->trigger();
    QVERIFY(window.suggestions()->isPredicting());
    QTRY_VERIFY_WITH_TIMEOUT(!window.suggestions()->isPredicting(), 120000);
    runs = window.store()->listRuns();
    QVERIFY(runs && runs->size() == 4);
    QCOMPARE(runs->back().name, QStringLiteral("Suggestions"));
    QCOMPARE(runs->back().task, QStringLiteral("ner"));
    QCOMPARE(runs->back().status, RunStatus::Finished);
    QCOMPARE(runs->back().metrics.value(QStringLiteral("documents")).toInt(), 8);  // the demo's unassigned

    // The active-learning queue over those 8 unlabelled documents: most uncertain first, each with why.
    quarry::ui::QueuePanel* queue = window.queuePanel();
    queue->refresh();
    QCOMPARE(queue->queue().size(), 8);
    for (int i = 1; i < queue->queue().size(); ++i)
      QVERIFY(queue->queue()[i - 1].score >= queue->queue()[i].score);
    QVERIFY(!queue->queue().front().reason.isEmpty());
    QCOMPARE(queue->table()->rowCount(), 8);
    const qint64 first = queue->queue().front().documentId == window.currentDocument()
                             ? queue->queue()[1].documentId
                             : queue->queue().front().documentId;
    window.findChild<QAction*>(QStringLiteral("nextByActiveLearningAction"))->trigger();
    QCOMPARE(window.currentDocument(), first);
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("Next by active learning")),
             qPrintable(window.statusBar()->currentMessage()));
    // Diversity with a batch of 3: at most 3 documents, each the most uncertain of its cluster.
    queue->batchBox()->setValue(3);
    QVERIFY(quarry::test::chooseByKeyboard(queue->strategyBox(), QStringLiteral("diversity")));
    QVERIFY(queue->queue().size() <= 3 && !queue->queue().isEmpty());
    for (const quarry::jobs::QueuedDocument& d : queue->queue()) QVERIFY(d.cluster >= 0);
    window.findChild<QDockWidget*>(QStringLiteral("queueDock"))->raise();
    window.grab().save(quarry::test::artefactPath(QStringLiteral("active-learning-queue.png")));
  }
};

QTEST_MAIN(TestSuggestionsGui)
#include "test_suggestions_gui.moc"
