// "How much would active learning have saved here?" through the real main window on the demo project: the
// Runs view's Simulate button opens the simulation window; small options are set by keys (NER by sentences,
// random and entropy, one seed, a budget of three rounds, a few epochs); Start runs it in the background and
// the learning curves (a line per strategy, a point per round, the 95%/99% lines), the results table and the
// rounds recorded as runs in the Runs view follow; Save Chart writes a PNG. Cancel during a run ends it as
// cancelled, and closing the window while one runs stops it first. A screenshot of the window is kept as an
// artefact.

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QtTest>

#include "AppTranslations.h"
#include "UiTestSupport.h"
#include "train/TrainConfig.h"
#include "training/ActiveLearningDialog.h"
#include "training/RunsPanel.h"

using quarry::ModelRun;
using quarry::RunStatus;
using quarry::ui::ActiveLearningDialog;
using quarry::ui::MainWindow;

namespace {

// Replaces what `box` shows with `text`, typed as a person would (no Return: it would press Start).
template <typename Box>
bool typeInto(Box* box, const QString& text) {
  box->setFocus();
  box->selectAll();
  QTest::keyClicks(box, text);
  return box->cleanText() == text || box->text() == box->specialValueText();
}

// Checks or unchecks `box` with the space bar.
void setChecked(QCheckBox* box, bool on) {
  if (box->isChecked() == on) return;
  box->setFocus();
  QTest::keyClick(box, Qt::Key_Space);
}

// The runs the Runs view lists whose name starts with `prefix`.
QVector<ModelRun> listedRuns(MainWindow& window, const QString& prefix) {
  QVector<ModelRun> runs;
  for (const ModelRun& run : window.runsPanel()->runs())
    if (run.name.startsWith(prefix)) runs << run;
  return runs;
}

// The window opened by the Runs view's Simulate button.
ActiveLearningDialog* openByButton(MainWindow& window) {
  QPushButton* simulate = window.runsPanel()->simulateButton();
  if (!simulate || !simulate->isEnabled()) return nullptr;
  QTest::mouseClick(simulate, Qt::LeftButton);
  ActiveLearningDialog* dialog = window.activeLearningDialog();
  if (!dialog || !QTest::qWaitForWindowExposed(dialog)) return nullptr;
  return dialog;
}

// NER by sentences; random and entropy; one seed; seed set and rounds of 5% up to 15% (three rounds);
// `epochs` per round, never stopping early (the demo's models score 0 for their first epochs).
bool chooseSmallSimulation(ActiveLearningDialog* dialog, const QString& epochs) {
  if (!quarry::test::chooseByKeyboard(dialog->taskBox(), QStringLiteral("ner"))) return false;
  if (!quarry::test::chooseByKeyboard(dialog->unitBox(), QStringLiteral("sentences"))) return false;
  for (const char* name : {"random", "least_confidence", "margin", "entropy", "mnlp", "diversity"}) {
    QCheckBox* box = dialog->strategyBox(QLatin1String(name));
    if (!box) return false;
    setChecked(box, qstrcmp(name, "random") == 0 || qstrcmp(name, "entropy") == 0);
  }
  return typeInto(dialog->seedsBox(), QStringLiteral("1")) &&
         typeInto(dialog->seedSizeBox(), QStringLiteral("5")) &&
         typeInto(dialog->roundSizeBox(), QStringLiteral("5")) &&
         typeInto(dialog->budgetBox(), QStringLiteral("15")) && typeInto(dialog->epochsBox(), epochs) &&
         typeInto(dialog->patienceBox(), QStringLiteral("0")) && dialog->patienceBox()->value() == 0 &&
         typeInto(dialog->minStepsBox(), QStringLiteral("0")) && dialog->minStepsBox()->value() == 0;
}

}  // namespace

class TestActiveLearningGui : public QObject {
  Q_OBJECT
  quarry::test::DemoProjects m_demos;

 private Q_SLOTS:
  void initTestCase() { quarry::test::isolateSettings(QStringLiteral("test_active_learning_gui")); }
  // English again after a German case, even a failed one: the others read the English texts.
  void cleanup() { quarry::ui::AppTranslations::install(QLocale(QLocale::English)); }

  void simulateFromTheRunsView() {
    const QString project = m_demos.fresh();
    MainWindow window;
    QVERIFY(quarry::test::showOn(window, project));
    QCOMPARE(window.size(), QSize(1280, 800));
    ActiveLearningDialog* dialog = openByButton(window);
    QVERIFY(dialog);
    QVERIFY(!dialog->isModal());
    // The defaults the brief names.
    QVERIFY(dialog->strategyBox(QStringLiteral("random"))->isChecked());
    QVERIFY(dialog->strategyBox(QStringLiteral("mnlp"))->isChecked());
    QVERIFY(dialog->strategyBox(QStringLiteral("diversity"))->isChecked());
    QVERIFY(!dialog->strategyBox(QStringLiteral("entropy"))->isChecked());
    QCOMPARE(dialog->seedsBox()->value(), 3);
    QCOMPARE(dialog->epochsBox()->value(), quarry::train::TrainConfig::defaultsFor("ner").epochs);
    QCOMPARE(dialog->minStepsBox()->value(), 300);
    QCOMPARE(dialog->budgetBox()->value(), 50.0);
    QCOMPARE(dialog->wordsPerHourBox()->value(), 1500);
    QCOMPARE(dialog->poolSplitBox()->currentData().toString(), QStringLiteral("train"));
    QCOMPARE(dialog->devSplitBox()->currentData().toString(), QStringLiteral("dev"));
    QVERIFY(dialog->taskBox()->findData(QStringLiteral("ner")) >= 0);
    QVERIFY(dialog->taskBox()->findData(QStringLiteral("classify")) >= 0);
    QVERIFY(dialog->taskBox()->currentText().contains(QStringLiteral("entities in train")));
    QVERIFY(!dialog->saveChartButton()->isEnabled());
    // Classification has no sentences: documents it is.
    QVERIFY(quarry::test::chooseByKeyboard(dialog->taskBox(), QStringLiteral("classify")));
    QCOMPARE(dialog->unitBox()->currentData().toString(), QStringLiteral("documents"));

    QVERIFY(chooseSmallSimulation(dialog, QStringLiteral("20")));
    QSignalSpy rounds(dialog, &ActiveLearningDialog::roundRecorded);
    QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
    QVERIFY(dialog->isRunning());
    QVERIFY(!dialog->startButton()->isEnabled());
    QVERIFY(dialog->cancelButton()->isEnabled());
    QVERIFY(!dialog->seedsBox()->isEnabled());
    QVERIFY(dialog->outputFolder().contains(QFileInfo(project).completeBaseName() +
                                            QStringLiteral("-models/active-learning-")));
    // The window stays live and says what runs.
    QTRY_VERIFY_WITH_TIMEOUT(dialog->statusLabel()->text().contains(QStringLiteral("labelled")), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 240000);
    QVERIFY2(dialog->lastStatus() == RunStatus::Finished, qPrintable(dialog->statusLabel()->text()));
    QVERIFY2(dialog->statusLabel()->text().startsWith(QStringLiteral("Finished")),
             qPrintable(dialog->statusLabel()->text()));
    QCOMPARE(dialog->progressBar()->value(), dialog->progressBar()->maximum());

    // The Runs view lists every round (and the full-data model) as a run.
    const QVector<ModelRun> randomRounds =
        listedRuns(window, QStringLiteral("Active learning: random seed 1 round"));
    const QVector<ModelRun> entropyRounds =
        listedRuns(window, QStringLiteral("Active learning: entropy seed 1 round"));
    QVERIFY2(randomRounds.size() >= 2 && randomRounds.size() <= 3,
             qPrintable(QString::number(randomRounds.size())));
    QCOMPARE(entropyRounds.size(), randomRounds.size());
    QCOMPARE(listedRuns(window, QStringLiteral("Active learning: full data")).size(), 1);
    QCOMPARE(listedRuns(window, QStringLiteral("Active learning:")).size(),
             int(dialog->outcome().runIds.size()));
    for (const ModelRun& run : listedRuns(window, QStringLiteral("Active learning:")))
      QCOMPARE(run.status, RunStatus::Finished);
    // The Runs view was refreshed after every round, not only at the end.
    QCOMPARE(rounds.count(), int(dialog->outcome().runIds.size()));

    // A line per strategy through a point per round; the dashed 95% and 99% lines.
    const QList<QLineSeries*> lines = dialog->strategySeries();
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0]->name(), QStringLiteral("random"));
    QCOMPARE(lines[1]->name(), QStringLiteral("entropy"));
    for (QLineSeries* line : lines) QCOMPARE(line->count(), int(randomRounds.size()));
    QVERIFY(lines[0]->at(0).x() > 0 && lines[0]->at(1).x() > lines[0]->at(0).x());
    QChart* chart = dialog->chartView()->chart();
    int areas = 0, dashed = 0;
    for (QAbstractSeries* series : chart->series()) {
      if (qobject_cast<QAreaSeries*>(series)) ++areas;
      if (auto* line = qobject_cast<QLineSeries*>(series); line && line->pen().style() == Qt::DashLine)
        ++dashed;
    }
    QCOMPARE(areas, 2);
    QVERIFY2(dialog->outcome().summary.fullScore > 0,
             qPrintable(QString::number(dialog->outcome().summary.fullScore)));
    QCOMPARE(dashed, 2);
    QCOMPARE(chart->axes(Qt::Horizontal).size(), 1);
    QVERIFY(!chart->axes(Qt::Horizontal).front()->titleText().isEmpty());
    QVERIFY(!chart->axes(Qt::Vertical).front()->titleText().isEmpty());

    // The results: a row per strategy; the hours follow the pace.
    QTableWidget* results = dialog->resultsTable();
    QCOMPARE(results->rowCount(), 2);
    QCOMPARE(results->item(0, 0)->text(), QStringLiteral("random"));
    QCOMPARE(results->item(1, 0)->text(), QStringLiteral("entropy"));
    QCOMPARE(results->item(0, 4)->text(), QStringLiteral("—"));  // random is the baseline
    QVERIFY2(results->item(1, 4)->text().endsWith(QStringLiteral(" of %1").arg(randomRounds.size())),
             qPrintable(results->item(1, 4)->text()));
    for (int r = 0; r < 2; ++r)
      if (dialog->outcome().summary.strategies[size_t(r)].tokensAt99) {
        const QString before = results->item(r, 3)->text();
        QVERIFY(typeInto(dialog->wordsPerHourBox(), QStringLiteral("150")));
        QVERIFY2(results->item(r, 3)->text() != before, qPrintable(before));
        QVERIFY(typeInto(dialog->wordsPerHourBox(), QStringLiteral("1500")));
      }

    // Save Chart writes a PNG.
    QTemporaryDir out;
    const QString png = out.filePath(QStringLiteral("curve.png"));
    QVERIFY(dialog->saveChartButton()->isEnabled());
    QVERIFY(dialog->saveChart(png));
    QVERIFY(QFileInfo(png).size() > 0);
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), dialog->chartView()->size() * dialog->chartView()->devicePixelRatio());
    QVERIFY(dialog->statusLabel()->text().startsWith(QStringLiteral("Chart saved to")));
    QTest::qWait(100);  // the chart lays itself out in the event loop
    QVERIFY(dialog->grab().save(quarry::test::artefactPath(QStringLiteral("active-learning.png"))));
    QVERIFY(!dialog->saveChart(out.filePath(QStringLiteral("no/such/folder/curve.png"))));
    QVERIFY(dialog->statusLabel()->text().startsWith(QStringLiteral("Cannot write")));
  }

  // In German and English every label, box and button of the window shows whole at its first size.
  void everyControlWholeInGermanAndEnglish() {
    const QString project = m_demos.fresh();
    for (const QLocale& locale : {QLocale(QLocale::German), QLocale(QLocale::English)}) {
      quarry::ui::AppTranslations::install(locale);
      MainWindow window;
      QVERIFY(quarry::test::showOn(window, project));
      ActiveLearningDialog* dialog = openByButton(window);
      QVERIFY(dialog);
      QTest::qWait(50);
      for (QWidget* w : dialog->findChildren<QWidget*>()) {
        if (!w->isVisible() || !(qobject_cast<QLabel*>(w) || qobject_cast<QAbstractButton*>(w) ||
                                 qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractSpinBox*>(w)))
          continue;
        if (auto* label = qobject_cast<QLabel*>(w); label && label->wordWrap()) continue;
        QVERIFY2(w->width() >= w->minimumSizeHint().width(),
                 qPrintable(QStringLiteral("%1: %2 '%3' %4 < %5")
                                .arg(locale.name(), QString::fromLatin1(w->metaObject()->className()),
                                     w->objectName())
                                .arg(w->width())
                                .arg(w->minimumSizeHint().width())));
      }
      if (locale.language() == QLocale::German)
        QVERIFY(dialog->grab().save(quarry::test::artefactPath(QStringLiteral("active-learning-de.png"))));
    }
  }

  // Cancelled in a strategy's round, Resume Last continues it with the options it started with to the end.
  void resumeAfterCancel() {
    const QString project = m_demos.fresh();
    MainWindow window;
    QVERIFY(quarry::test::showOn(window, project));
    ActiveLearningDialog* dialog = openByButton(window);
    QVERIFY(dialog);
    QVERIFY(!dialog->resumeButton()->isEnabled());  // nothing to resume yet
    QVERIFY(chooseSmallSimulation(dialog, QStringLiteral("20")));
    QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(dialog->statusLabel()->text().startsWith(QStringLiteral("entropy seed 1, round 2")),
                              qPrintable(dialog->statusLabel()->text()), 120000);
    // The chart grew round by round while it ran: random's three rounds and entropy's first.
    const QList<QLineSeries*> live = dialog->strategySeries();
    QCOMPARE(live.size(), 2);
    QCOMPARE(live[0]->count(), 3);
    QCOMPARE(live[1]->count(), 1);
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 60000);
    QCOMPARE(dialog->lastStatus(), RunStatus::Cancelled);
    QVERIFY(dialog->resumeButton()->isEnabled());
    const QString folder = dialog->resumableFolder();
    QCOMPARE(folder, dialog->outputFolder());

    // Other options on the form do not matter: the resumed simulation keeps its own.
    QVERIFY(typeInto(dialog->budgetBox(), QStringLiteral("40")));
    QTest::mouseClick(dialog->resumeButton(), Qt::LeftButton);
    QVERIFY(dialog->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 240000);
    QVERIFY2(dialog->lastStatus() == RunStatus::Finished, qPrintable(dialog->statusLabel()->text()));
    QCOMPARE(dialog->outputFolder(), folder);
    QVERIFY(!dialog->resumeButton()->isEnabled());
    const QList<QLineSeries*> lines = dialog->strategySeries();
    QCOMPARE(lines.size(), 2);
    for (QLineSeries* line : lines) QCOMPARE(line->count(), 3);  // 5%, 10%, 15%: the budget it started with
    // Each round trained to the end once; the entropy round in training when Cancel came (if the cancel did not
    // land between rounds) is listed as cancelled besides.
    int cancelled = 0, finished = 0;
    for (const ModelRun& run : listedRuns(window, QStringLiteral("Active learning: entropy seed 1")))
      (run.status == RunStatus::Cancelled ? cancelled : finished) += 1;
    QVERIFY(cancelled <= 1);
    QCOMPARE(finished, 3);
    QCOMPARE(listedRuns(window, QStringLiteral("Active learning: random seed 1")).size(), 3);
    QCOMPARE(listedRuns(window, QStringLiteral("Active learning: full data")).size(), 1);
  }

  void cancelAndCloseWhileRunning() {
    const QString project = m_demos.fresh();
    MainWindow window;
    QVERIFY(quarry::test::showOn(window, project));
    ActiveLearningDialog* dialog = openByButton(window);
    QVERIFY(dialog);
    // Many epochs: the full-data model is still training when Cancel is pressed.
    QVERIFY(chooseSmallSimulation(dialog, QStringLiteral("200")));
    QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(dialog->statusLabel()->text().contains(QStringLiteral(": training,")),
                              qPrintable(dialog->statusLabel()->text()), 60000);
    static const QRegularExpression says(
        QStringLiteral("^(full data|(random|entropy) seed 1, round \\d+ of \\d+): training, \\d+ of \\d+ "
                       "sentences labelled"));
    QVERIFY2(says.match(dialog->statusLabel()->text()).hasMatch(), qPrintable(dialog->statusLabel()->text()));
    QVERIFY(dialog->progressBar()->maximum() > 0);
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    QVERIFY(!dialog->cancelButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 60000);
    QCOMPARE(dialog->lastStatus(), RunStatus::Cancelled);
    QVERIFY2(dialog->statusLabel()->text().startsWith(QStringLiteral("Cancelled")),
             qPrintable(dialog->statusLabel()->text()));
    QVERIFY(dialog->startButton()->isEnabled());
    QVERIFY(dialog->seedsBox()->isEnabled());
    // The round that was training is listed, as cancelled.
    const QVector<ModelRun> cancelled = listedRuns(window, QStringLiteral("Active learning: full data"));
    QCOMPARE(cancelled.size(), 1);
    QCOMPARE(cancelled.front().status, RunStatus::Cancelled);

    // Closing the window while a simulation runs stops it, then the window goes.
    QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
    QVERIFY(dialog->isRunning());
    QTRY_VERIFY2_WITH_TIMEOUT(dialog->statusLabel()->text().contains(QStringLiteral(": training,")),
                              qPrintable(dialog->statusLabel()->text()), 60000);
    dialog->close();
    QTRY_VERIFY_WITH_TIMEOUT(!window.activeLearningDialog(), 60000);
    QTRY_COMPARE(listedRuns(window, QStringLiteral("Active learning: full data")).size(), 2);
    for (const ModelRun& run : listedRuns(window, QStringLiteral("Active learning:")))
      QCOMPARE(run.status, RunStatus::Cancelled);
  }
};

QTEST_MAIN(TestActiveLearningGui)
#include "test_active_learning_gui.moc"
