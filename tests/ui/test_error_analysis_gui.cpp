// The error view through the real main window on the demo project: two small NER runs and a classifier
// trained in the background, Model ▸ Analyse Errors on the newest, the per-type table, the confusion heat
// map whose cells filter the list, the kind and type filters, the gold and predicted sides of an error, a
// click that opens the document at the error, the Runs view's Analyse Errors comparing two runs (fixed and
// broken), the HTML and CSV reports, and the Runs view saying a model is stale once a dev annotation it was
// scored on changes. Screenshots of each tab are kept as artefacts.

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QtTest>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "UiTestSupport.h"
#include "jobs/TrainingJob.h"
#include "store/ProjectStore.h"
#include "training/ConfusionHeatMap.h"
#include "training/ErrorAnalysisPanel.h"
#include "training/RunsPanel.h"
#include "training/TrainingController.h"

using quarry::RunStatus;
using quarry::ui::ErrorAnalysisPanel;
using quarry::ui::MainWindow;

namespace {

void grab(QWidget* w, const QString& name) { w->grab().save(quarry::test::artefactPath(name)); }

// Trains `config` on the demo in the window's background job; the run's id, 0 on failure.
qint64 trainInWindow(MainWindow& window, const nlohmann::json& config) {
  auto parsed = quarry::train::TrainConfig::fromJson(config);
  if (!parsed) {
    qWarning("%s", parsed.error().toString().c_str());
    return 0;
  }
  quarry::jobs::TrainingSpec spec;
  spec.projectPath = window.projectPath();
  spec.config = parsed.value();
  qint64 runId = 0;
  QObject context;
  QObject::connect(window.training(), &quarry::ui::TrainingController::trainingFinished, &context,
                   [&](const quarry::jobs::TrainingOutcome& outcome) {
                     if (outcome.status == RunStatus::Finished) runId = outcome.runId;
                   });
  if (!window.training()->start(spec)) return 0;
  if (!QTest::qWaitFor([&] { return !window.training()->isTraining(); }, 240000)) return 0;
  QTest::qWait(0);
  return runId;
}

nlohmann::json smallNer(int epochs) {
  return {{"task", "ner"},    {"epochs", epochs}, {"word_dim", 16}, {"lstm_hidden", 16}, {"char_filters", 8},
          {"patience", 0},    {"threads", 1},      {"seed", 7}};
}

bool waitForAnalysis(ErrorAnalysisPanel* panel) {
  return QTest::qWaitFor([&] { return !panel->isAnalysing(); }, 120000) && panel->hasAnalysis();
}

}  // namespace

class TestErrorAnalysisGui : public QObject {
  Q_OBJECT
  quarry::test::DemoProjects m_demos;

 private Q_SLOTS:
  void initTestCase() { quarry::test::isolateSettings(QStringLiteral("test_error_analysis_gui")); }

  void analyseFilterJumpCompareExport() {
    MainWindow window;
    const QString project = m_demos.fresh();
    QVERIFY(quarry::test::showOn(window, project));
    const qint64 first = trainInWindow(window, smallNer(1));
    QVERIFY(first > 0);
    const qint64 second = trainInWindow(window, smallNer(6));
    QVERIFY(second > 0);

    // Model ▸ Analyse Errors of the Latest Model: the newest run, in the background.
    ErrorAnalysisPanel* panel = window.errorPanel();
    QAction* analyse = window.findChild<QAction*>(QStringLiteral("analyseErrorsAction"));
    QVERIFY(analyse);
    analyse->trigger();
    QVERIFY(panel->isAnalysing());
    QVERIFY(panel->isVisible());
    QVERIFY(waitForAnalysis(panel));
    const quarry::jobs::ErrorAnalysisOutcome* outcome = panel->outcome();
    QCOMPARE(outcome->runId, second);
    const quarry::eval::ErrorAnalysis& a = *outcome->analysis;
    QCOMPARE(a.task, std::string("ner"));
    QCOMPARE(qsizetype(a.documents), qsizetype(8));  // the demo's dev split
    QVERIFY2(a.errorCount() > 0, "a six-epoch model on 37 documents still errs");
    QVERIFY2(panel->summaryLabel()->text().contains(QStringLiteral("F1")), qPrintable(panel->summaryLabel()->text()));
    // The per-type table: a row per type and the micro row; its F1 the analysis's.
    QCOMPARE(panel->typeTable()->rowCount(), int(a.types.size()) + 1);
    QCOMPARE(panel->typeTable()->item(int(a.types.size()), 0)->text(), QStringLiteral("micro"));
    QCOMPARE(panel->typeTable()->item(int(a.types.size()), 3)->text(), QString::number(a.micro.f1 * 100, 'f', 1));
    // The error list shows every error.
    QCOMPARE(panel->errorTable()->rowCount(), int(a.errorCount()));
    panel->tabs()->setCurrentIndex(0);
    grab(panel, QStringLiteral("errors-list.png"));
    panel->tabs()->setCurrentIndex(1);
    grab(panel, QStringLiteral("errors-per-type.png"));
    panel->tabs()->setCurrentIndex(3);
    grab(panel, QStringLiteral("errors-kinds.png"));

    // The heat map: "none" last; clicking an error cell lists exactly its errors.
    panel->tabs()->setCurrentIndex(2);
    quarry::ui::ConfusionHeatMap* map = panel->heatMap();
    QCOMPARE(map->labels().last(), QStringLiteral("none"));
    grab(panel, QStringLiteral("errors-confusion-matrix.png"));
    int gold = -1, predicted = -1;
    for (int g = 0; g < map->labels().size() && gold < 0; ++g)
      for (int p = 0; p < map->labels().size(); ++p)
        if (g != p && map->count(g, p) > 0) {
          gold = g;
          predicted = p;
          break;
        }
    QVERIFY(gold >= 0);
    QTest::mouseClick(map, Qt::LeftButton, {}, map->cellRect(gold, predicted).center());
    QCOMPARE(panel->tabs()->currentIndex(), 0);
    QCOMPARE(qint64(panel->shownErrorCount()), map->count(gold, predicted));
    for (int r = 0; r < panel->shownErrorCount(); ++r) {
      const auto& e = panel->shownError(r);
      QCOMPARE(e.goldType.empty() ? QStringLiteral("none") : QString::fromStdString(e.goldType), map->labels()[gold]);
      QCOMPARE(e.predictedType.empty() ? QStringLiteral("none") : QString::fromStdString(e.predictedType),
               map->labels()[predicted]);
    }
    QPushButton* allCells = nullptr;
    for (QPushButton* b : panel->findChildren<QPushButton*>())
      if (b->text() == QStringLiteral("Show All Cells")) allCells = b;
    QVERIFY(allCells && allCells->isVisible());
    QTest::mouseClick(allCells, Qt::LeftButton);
    QCOMPARE(panel->shownErrorCount(), int(a.errorCount()));

    // The kind filter, by keyboard.
    const std::string kind = a.errors.front().kind;
    QVERIFY(quarry::test::chooseByKeyboard(panel->kindBox(), QString::fromStdString(kind)));
    QCOMPARE(qint64(panel->shownErrorCount()), a.counts.at(kind));
    for (int r = 0; r < panel->shownErrorCount(); ++r) QCOMPARE(panel->shownError(r).kind, kind);
    QVERIFY(quarry::test::chooseByKeyboard(panel->kindBox(), QString()));

    // Gold and predicted side by side, then a click opens the document at the error.
    int row = -1;
    for (int r = 0; r < panel->shownErrorCount() && row < 0; ++r)
      if (panel->shownError(r).goldStart >= 0 && panel->shownError(r).predictedStart >= 0) row = r;
    if (row < 0) row = 0;
    const quarry::eval::AnalysedError error = panel->shownError(row);
    panel->errorTable()->setCurrentCell(row, 0);
    if (!error.goldText.empty()) QVERIFY(panel->goldView()->toPlainText().contains(QString::fromStdString(error.goldText)));
    if (!error.predictedText.empty())
      QVERIFY(panel->predictedView()->toPlainText().contains(QString::fromStdString(error.predictedText)));
    if (error.goldType.empty()) QVERIFY(panel->goldView()->toPlainText().contains(QStringLiteral("none")));
    grab(panel, QStringLiteral("errors-side-by-side.png"));
    const QRect rowRect = panel->errorTable()->visualRect(panel->errorTable()->model()->index(row, 1));
    QTest::mouseClick(panel->errorTable()->viewport(), Qt::LeftButton, {}, rowRect.center());
    const qint64 errorDocument = outcome->documentIds.value(int(error.document));
    QCOMPARE(window.currentDocument(), errorDocument);
    const int start = error.goldStart >= 0 ? error.goldStart : error.predictedStart;
    QVERIFY2(window.annotationView()->selection().first <= start && window.annotationView()->selection().second > start,
             qPrintable(QStringLiteral("selection %1-%2, error at %3")
                            .arg(window.annotationView()->selection().first)
                            .arg(window.annotationView()->selection().second)
                            .arg(start)));
    grab(&window, QStringLiteral("errors-jump-to-document.png"));

    // Reports: HTML with its charts and CSV with the per-type table beside it.
    QTemporaryDir reports;
    QVERIFY(panel->exportHtml(reports.filePath(QStringLiteral("report.html"))));
    QFile html(reports.filePath(QStringLiteral("report.html")));
    QVERIFY(html.open(QIODevice::ReadOnly));
    const QByteArray page = html.readAll();
    QVERIFY(page.contains("<svg") && page.contains("Confusion matrix") && page.contains("Every error"));
    QVERIFY(panel->exportCsv(reports.filePath(QStringLiteral("errors.csv"))));
    QFile csv(reports.filePath(QStringLiteral("errors.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll().count('\n'), qsizetype(a.errorCount()) + 1);
    QVERIFY(QFileInfo::exists(reports.filePath(QStringLiteral("errors-per-type.csv"))));

    // The Runs view: both runs selected, Analyse Errors compares the newer with the older.
    QTableWidget* runs = window.runsPanel()->table();
    runs->clearSelection();
    QVERIFY(!window.runsPanel()->analyseButton()->isEnabled());
    runs->selectAll();
    QVERIFY(window.runsPanel()->analyseButton()->isEnabled());
    QTest::mouseClick(window.runsPanel()->analyseButton(), Qt::LeftButton);
    QVERIFY(waitForAnalysis(panel));
    QVERIFY(QTest::qWaitFor([&] { return panel->comparedOutcome() && !panel->isAnalysing(); }, 120000));
    QCOMPARE(panel->outcome()->runId, second);
    QCOMPARE(panel->comparedOutcome()->runId, first);
    const auto& diff = panel->difference();
    QCOMPARE(qint64(diff.fixed.size() + diff.common), panel->comparedOutcome()->analysis->errorCount());
    QCOMPARE(qint64(diff.broken.size() + diff.common), panel->outcome()->analysis->errorCount());
    QCOMPARE(panel->sourceBox()->count(), 3);
    panel->setErrorSource(ErrorAnalysisPanel::ErrorSource::Fixed);
    QCOMPARE(panel->shownErrorCount(), int(diff.fixed.size()));
    panel->setErrorSource(ErrorAnalysisPanel::ErrorSource::Broken);
    QCOMPARE(panel->shownErrorCount(), int(diff.broken.size()));
    QCOMPARE(panel->typeTable()->columnCount(), 9);  // with the other run's F1 and the change
    panel->setErrorSource(ErrorAnalysisPanel::ErrorSource::All);
    panel->tabs()->setCurrentIndex(1);
    grab(panel, QStringLiteral("errors-compared-per-type.png"));

    // Lineage: the runs are up to date until a dev annotation they were scored on changes.
    window.runsPanel()->refresh(window.store());
    QCOMPARE(runs->item(0, 6)->text(), QStringLiteral("up to date"));
    window.annotationView()->setFocus();
    window.annotationView()->setSelection(0, 3);
    const qsizetype spans = quarry::test::storedDocument(window, errorDocument).entities.size();
    QTest::keyClick(window.annotationView(), Qt::Key_2);  // DRUG
    QCOMPARE(quarry::test::storedDocument(window, errorDocument).entities.size(), spans + 1);
    window.runsPanel()->refresh(window.store());
    QVERIFY2(runs->item(0, 6)->text().startsWith(QStringLiteral("stale")), qPrintable(runs->item(0, 6)->text()));
    QVERIFY(runs->item(0, 6)->toolTip().contains(QStringLiteral("dev entity")));
    window.findChild<QDockWidget*>(QStringLiteral("runsDock"))->raise();
    grab(&window, QStringLiteral("errors-runs-lineage.png"));
  }

  // The same view for the other tasks on the demo: a classifier (labels, misclassified documents), a
  // relation model (between the annotated entities; wrong direction among the kinds) and a QA model
  // (the fields; answer/none matrix). Every task's matrix ends with "none", every error names its document.
  void otherTasksErrors_data() {
    QTest::addColumn<QString>("task");
    QTest::addColumn<QString>("kind");
    QTest::newRow("classify") << QStringLiteral("classify") << QStringLiteral("wrong_label");
    QTest::newRow("relation") << QStringLiteral("relation") << QStringLiteral("wrong_direction");
    QTest::newRow("qa") << QStringLiteral("qa") << QStringLiteral("partial_overlap");
  }
  void otherTasksErrors() {
    QFETCH(QString, task);
    QFETCH(QString, kind);
    MainWindow window;
    const QString project = m_demos.fresh();
    QVERIFY(quarry::test::showOn(window, project));
    qint64 run = 0;
    QObject context;
    connect(window.training(), &quarry::ui::TrainingController::trainingFinished, &context,
            [&](const quarry::jobs::TrainingOutcome& outcome) { run = outcome.runId; });
    QVERIFY(window.training()->start(quarry::test::tinyTraining(project, task.toStdString(), 2)));
    QTRY_VERIFY_WITH_TIMEOUT(!window.training()->isTraining(), 240000);
    QVERIFY(run > 0);
    ErrorAnalysisPanel* panel = window.errorPanel();
    QVERIFY(panel->analyse(run));
    QVERIFY(waitForAnalysis(panel));
    const quarry::eval::ErrorAnalysis& a = *panel->outcome()->analysis;
    QCOMPARE(QString::fromStdString(a.task), task);
    QCOMPARE(panel->heatMap()->labels().last(), QStringLiteral("none"));
    QVERIFY(std::find(a.kinds.begin(), a.kinds.end(), kind.toStdString()) != a.kinds.end());
    QVERIFY(a.micro.support > 0);
    QCOMPARE(panel->errorTable()->rowCount(), int(a.errorCount()));
    for (const auto& e : a.errors)
      QCOMPARE(QString::fromStdString(e.documentId),
               panel->outcome()->documentNames.value(int(e.document)));
    if (a.errorCount() > 0) {
      // The first error opens its document.
      QVERIFY(panel->activateError(0));
      QCOMPARE(window.currentDocument(), panel->outcome()->documentIds.value(int(panel->shownError(0).document)));
    }
    // Floated at a readable size for the screenshots.
    auto* dock = window.findChild<QDockWidget*>(QStringLiteral("errorsDock"));
    dock->setFloating(true);
    dock->resize(1100, 560);
    dock->show();
    QVERIFY(QTest::qWaitForWindowExposed(dock));
    panel->tabs()->setCurrentIndex(0);
    grab(panel, QStringLiteral("errors-%1-list.png").arg(task));
    panel->tabs()->setCurrentIndex(2);
    grab(panel, QStringLiteral("errors-%1-matrix.png").arg(task));
    QVERIFY(!panel->analyse(0));
  }
};

QTEST_MAIN(TestErrorAnalysisGui)
#include "test_error_analysis_gui.moc"
