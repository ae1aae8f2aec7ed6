// Training from the workbench, through the real main window on the demo project: the Train dialog (task,
// model folder checked on the spot, the engine's options, the estimate), the run in the background while
// the annotator keeps working, the training panel's live curves, the Runs view and its comparison,
// Retrain in one click, a run's log, Cancel, and closing the window while a model trains. Screenshots of
// each view are kept as artefacts.

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QtTest>

#include "../SharedData.h"
#include "UiTestSupport.h"
#include "jobs/ModelArchive.h"
#include "store/ProjectStore.h"
#include "training/RunComparisonDialog.h"
#include "training/RunLogDialog.h"
#include "training/RunsPanel.h"
#include "training/TrainDialog.h"
#include "training/TrainOptionsForm.h"
#include "training/TrainingController.h"
#include "training/TrainingPanel.h"

using quarry::ModelRun;
using quarry::RunStatus;
using quarry::ui::MainWindow;
using quarry::ui::RunComparisonDialog;
using quarry::ui::RunLogDialog;
using quarry::ui::TrainDialog;

namespace {

// Types `text` into option `key` of the dialog's form, as a person would.
bool typeOption(TrainDialog* dialog, const char* key, const QString& text) {
  auto* edit = qobject_cast<QLineEdit*>(dialog->optionsForm()->editor(QLatin1String(key)));
  if (!edit) return false;
  edit->setFocus();
  edit->selectAll();
  QTest::keyClick(edit, Qt::Key_Backspace);
  QTest::keyClicks(edit, text);
  return edit->text() == text;
}

// A small BiLSTM-CRF: seconds on the demo.
bool chooseSmallNer(TrainDialog* dialog, const QString& epochs) {
  return quarry::test::chooseByKeyboard(dialog->taskBox(), QStringLiteral("ner")) &&
         typeOption(dialog, "epochs", epochs) && typeOption(dialog, "word_dim", QStringLiteral("16")) &&
         typeOption(dialog, "lstm_hidden", QStringLiteral("16")) &&
         typeOption(dialog, "char_filters", QStringLiteral("8")) &&
         typeOption(dialog, "patience", QStringLiteral("0")) &&
         typeOption(dialog, "threads", QStringLiteral("1"));
}

QVector<ModelRun> runsOf(const QString& project) {
  auto store = quarry::ProjectStore::open(project, quarry::OpenMode::ReadOnly);
  if (!store) return {};
  auto runs = store.value()->listRuns();
  return runs ? runs.value() : QVector<ModelRun>{};
}

void grab(QWidget* w, const QString& name) { w->grab().save(quarry::test::artefactPath(name)); }

}  // namespace

class TestTrainingGui : public QObject {
  Q_OBJECT
  quarry::test::DemoProjects m_demos;

 private Q_SLOTS:
  void initTestCase() { quarry::test::isolateSettings(QStringLiteral("test_training_gui")); }

  void trainRetrainAndCompare() {
    MainWindow window;
    const QString project = m_demos.fresh();
    QVERIFY(quarry::test::showOn(window, project));
    quarry::ui::TrainingController* training = window.training();
    QVERIFY(training->trainAction()->isEnabled());
    QVERIFY(!training->retrainAction()->isEnabled());  // nothing to repeat yet

    bool answered = false;
    QString dialogProblem;
    quarry::test::answerNextModal<TrainDialog>([&](TrainDialog* dialog) {
      answered = true;
      if (!dialog->taskBox()->currentText().contains(QStringLiteral("entities in training")))
        dialogProblem = QStringLiteral("task counts");
      if (!dialog->fromScratchButton()->isChecked())
        dialogProblem = QStringLiteral("from scratch is not the default");
      if (!chooseSmallNer(dialog, QStringLiteral("3"))) dialogProblem = QStringLiteral("options not typed");
      if (!dialog->estimateLabel()->text().contains(QStringLiteral("about")))
        dialogProblem = QStringLiteral("no estimate: ") + dialog->estimateLabel()->text();
      if (!dialog->dataLabel()->text().contains(QStringLiteral("split \"dev\"")))
        dialogProblem = QStringLiteral("no data line");
      grab(dialog, QStringLiteral("training-dialog.png"));
      QTest::mouseClick(dialog->trainButton(), Qt::LeftButton);
    });
    training->trainAction()->trigger();
    QVERIFY(answered);
    QVERIFY2(dialogProblem.isEmpty(), qPrintable(dialogProblem));
    QVERIFY(training->isTraining());
    QVERIFY(!training->trainAction()->isEnabled());
    QVERIFY(training->cancelAction()->isEnabled());
    QVERIFY(window.trainingPanel()->isVisible());

    // The annotator keeps working while it trains: the next document opens.
    const qint64 before = window.currentDocument();
    window.annotationView()->setFocus();
    QTest::keyClick(window.annotationView(), Qt::Key_PageDown, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(window.currentDocument() != before || !training->isTraining(), 5000);

    QTRY_VERIFY_WITH_TIMEOUT(!training->isTraining(), 180000);
    quarry::ui::TrainingPanel* panel = window.trainingPanel();
    QVERIFY2(panel->outcomeLabel()->text().contains(QStringLiteral("finished")),
             qPrintable(panel->outcomeLabel()->text()));
    QVERIFY(panel->lossSeries()->count() > 0);
    QCOMPARE(panel->devSeries()->count(), 3);  // one evaluation an epoch
    grab(panel, QStringLiteral("training-panel.png"));

    QVector<ModelRun> runs = runsOf(project);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs[0].status, RunStatus::Finished);
    QCOMPARE(runs[0].task, QStringLiteral("ner"));
    QCOMPARE(runs[0].config.value(QStringLiteral("epochs")).toInt(), 3);
    QCOMPARE(runs[0].config.value(QStringLiteral("lstm_hidden")).toInt(), 16);
    QVERIFY(QFileInfo::exists(runs[0].checkpointPath));
    QTableWidget* table = window.runsPanel()->table();
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("finished"));
    QVERIFY2(table->item(0, 5)->text().contains(QStringLiteral("micro_f1")),
             qPrintable(table->item(0, 5)->text()));

    // Retrain: the same settings again, in one click.
    QVERIFY(training->retrainAction()->isEnabled());
    training->retrainAction()->trigger();
    QVERIFY(training->isTraining());
    QTRY_VERIFY_WITH_TIMEOUT(!training->isTraining(), 180000);
    runs = runsOf(project);
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs[1].status, RunStatus::Finished);
    QCOMPARE(runs[1].config, runs[0].config);
    // The second estimate is measured on the first run.
    {
      TrainDialog again(*window.store(), project, &window);
      again.setConfig(training->lastConfig());
      QVERIFY2(again.estimateLabel()->text().contains(QStringLiteral("measured in run %1").arg(runs[1].id)),
               qPrintable(again.estimateLabel()->text()));
    }

    // Compare the two runs per type.
    QCOMPARE(table->rowCount(), 2);
    QVERIFY(!window.runsPanel()->compareButton()->isEnabled());
    table->selectAll();
    QVERIFY(window.runsPanel()->compareButton()->isEnabled());
    QStringList rowNames;
    quarry::test::answerNextModal<RunComparisonDialog>([&](RunComparisonDialog* dialog) {
      for (int r = 0; r < dialog->table()->rowCount(); ++r) rowNames << dialog->table()->item(r, 0)->text();
      grab(dialog, QStringLiteral("training-run-comparison.png"));
      dialog->reject();
    });
    QTest::mouseClick(window.runsPanel()->compareButton(), Qt::LeftButton);
    QVERIFY2(rowNames.contains(QStringLiteral("DISEASE")) && rowNames.contains(QStringLiteral("micro avg")),
             qPrintable(rowNames.join(QLatin1Char(','))));
    // Export the newest run's model: a zip with its folder and model card.
    table->clearSelection();
    table->selectRow(0);
    QVERIFY(window.runsPanel()->exportButton()->isEnabled());
    QTemporaryDir exports;
    const QString zip = exports.filePath(QStringLiteral("model.zip"));
    QVERIFY(window.runsPanel()->exportSelected(zip));
    QVERIFY(QFileInfo(zip).size() > 0);
    auto imported = quarry::jobs::importModelArchive(zip, exports.filePath(QStringLiteral("imported")));
    QVERIFY2(imported, imported ? "" : imported.error().toString().c_str());
    QVERIFY(QFileInfo::exists(QDir(imported.value()).filePath(QStringLiteral("README.md"))));

    // Log…: the selected run's log in a window beside the workbench, from its configuration to its end.
    quarry::ui::RunsPanel* runsPanel = window.runsPanel();
    QVERIFY(runsPanel->logButton()->isEnabled());
    QTest::mouseClick(runsPanel->logButton(), Qt::LeftButton);
    auto* logDialog = window.findChild<RunLogDialog*>();
    QVERIFY(logDialog);
    QVERIFY(logDialog->isVisible());
    QVERIFY(!logDialog->isModal());
    QVERIFY2(logDialog->headerLabel()->text().contains(QStringLiteral("Run %1").arg(runs[1].id)) &&
                 logDialog->headerLabel()->text().contains(QStringLiteral("finished")),
             qPrintable(logDialog->headerLabel()->text()));
    QVERIFY(logDialog->text()->isReadOnly());
    const QString logText = logDialog->text()->toPlainText();
    QVERIFY2(logText.startsWith(QString::number(runs[1].started.date().year())) &&
                 logText.contains(QStringLiteral(" info training NER bilstm-crf")),
             qPrintable(logText));
    QCOMPARE(logText.count(QStringLiteral(" info evaluation at step ")), 3);
    QVERIFY2(logText.contains(QStringLiteral(" info training finished after ")), qPrintable(logText));
    QTest::mouseClick(logDialog->copyButton(), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), logText);
    const QString saved = exports.filePath(QStringLiteral("run.log"));
    QVERIFY(logDialog->saveAs(saved));
    QFile savedLog(saved);
    QVERIFY(savedLog.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(savedLog.readAll()), logText + QLatin1Char('\n'));
    grab(logDialog, QStringLiteral("training-run-log.png"));
    logDialog->close();
    QTRY_VERIFY(!window.findChild<RunLogDialog*>());  // closed, it goes
    table->selectAll();
    QVERIFY(!runsPanel->logButton()->isEnabled());  // one run's log at a time
    table->clearSelection();
    window.findChild<QDockWidget*>(QStringLiteral("runsDock"))->raise();
    grab(&window, QStringLiteral("training-runs-view.png"));
  }

  void cancelKeepsTheStoreConsistent() {
    MainWindow window;
    const QString project = m_demos.fresh();
    QVERIFY(quarry::test::showOn(window, project));
    quarry::test::answerNextModal<TrainDialog>([&](TrainDialog* dialog) {
      chooseSmallNer(dialog, QStringLiteral("500"));
      QTest::mouseClick(dialog->trainButton(), Qt::LeftButton);
    });
    window.training()->trainAction()->trigger();
    QVERIFY(window.training()->isTraining());
    // Cancel once it trains (the first report has come).
    QTRY_VERIFY_WITH_TIMEOUT(window.trainingPanel()->lossSeries()->count() > 0, 60000);
    QTest::mouseClick(window.trainingPanel()->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!window.training()->isTraining(), 60000);
    QVERIFY2(window.trainingPanel()->outcomeLabel()->text().contains(QStringLiteral("cancelled")),
             qPrintable(window.trainingPanel()->outcomeLabel()->text()));
    const QVector<ModelRun> runs = runsOf(project);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs[0].status, RunStatus::Cancelled);
    QVERIFY(runs[0].finished.isValid());
    const quarry::Status check = quarry::ProjectStore::checkFile(project);
    QVERIFY2(check, check ? "" : check.error().toString().c_str());
    QCOMPARE(window.runsPanel()->table()->item(0, 3)->text(), QStringLiteral("cancelled"));

    // Resume continues it from its last checkpoint, with its settings and folder, as a new run.
    window.runsPanel()->table()->selectRow(0);
    QVERIFY(window.runsPanel()->resumeButton()->isEnabled());
    const qint64 stepsBefore = qint64(runs[0].metrics.value(QStringLiteral("steps")).toDouble());
    QTest::mouseClick(window.runsPanel()->resumeButton(), Qt::LeftButton);
    QVERIFY(window.training()->isTraining());
    QTRY_VERIFY_WITH_TIMEOUT(window.trainingPanel()->lossSeries()->count() > 0, 60000);
    window.training()->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!window.training()->isTraining(), 60000);
    const QVector<ModelRun> after = runsOf(project);
    QCOMPARE(after.size(), 2);
    QVERIFY2(after[1].name.contains(QStringLiteral("resumed run %1").arg(runs[0].id)),
             qPrintable(after[1].name));
    QCOMPARE(after[1].config, runs[0].config);
    QCOMPARE(after[1].data.value(QStringLiteral("output_folder")),
             runs[0].data.value(QStringLiteral("output_folder")));
    QVERIFY2(qint64(after[1].metrics.value(QStringLiteral("steps")).toDouble()) > stepsBefore,
             qPrintable(QStringLiteral("%1 -> %2")
                            .arg(stepsBefore)
                            .arg(after[1].metrics.value(QStringLiteral("steps")).toDouble())));
  }

  void closingWhileTrainingAsks() {
    const QString project = m_demos.fresh();
    auto window = std::make_unique<MainWindow>();
    QVERIFY(quarry::test::showOn(*window, project));
    quarry::test::answerNextModal<TrainDialog>([&](TrainDialog* dialog) {
      chooseSmallNer(dialog, QStringLiteral("500"));
      QTest::mouseClick(dialog->trainButton(), Qt::LeftButton);
    });
    window->training()->trainAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window->trainingPanel()->lossSeries()->count() > 0, 60000);
    // No: the window stays and the model goes on training.
    quarry::test::answerNextModal<QMessageBox>(
        [](QMessageBox* box) { box->button(QMessageBox::No)->click(); });
    QVERIFY(!window->close());
    QVERIFY(window->isVisible());
    QVERIFY(window->training()->isTraining());
    // Yes: cancelled cleanly, then closed.
    quarry::test::answerNextModal<QMessageBox>(
        [](QMessageBox* box) { box->button(QMessageBox::Yes)->click(); });
    QVERIFY(window->close());
    QVERIFY(!window->training()->isTraining());
    window.reset();
    const QVector<ModelRun> runs = runsOf(project);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs[0].status, RunStatus::Cancelled);
  }

  void modelFolderCheckedOnTheSpot() {
    MainWindow window;
    const QString project = m_demos.fresh();
    QVERIFY(quarry::test::showOn(window, project));
    TrainDialog dialog(*window.store(), project, &window);
    dialog.show();
    dialog.fineTuneButton()->click();
    QVERIFY(!dialog.trainButton()->isEnabled());  // no folder yet
    QTemporaryDir empty;
    dialog.folderEdit()->setFocus();
    QTest::keyClicks(dialog.folderEdit(), empty.path());
    QTest::keyClick(dialog.folderEdit(), Qt::Key_Return);
    QVERIFY2(dialog.folderCheckLabel()->text().contains(QStringLiteral("config.json")),
             qPrintable(dialog.folderCheckLabel()->text()));
    QVERIFY(!dialog.trainButton()->isEnabled());
    const QString bert = QString::fromStdString((quarry::test::fixturesDir() / "models" / "bert").string());
    if (!QFileInfo::exists(bert)) QSKIP("SKIP: the shared fixtures are absent (QUARRY_SHARED_DIR)");
    dialog.folderEdit()->selectAll();
    QTest::keyClicks(dialog.folderEdit(), bert);
    QTest::keyClick(dialog.folderEdit(), Qt::Key_Return);
    const QString check = dialog.folderCheckLabel()->text();
    QVERIFY2(check.contains(QStringLiteral("BERT")) && check.contains(QStringLiteral("layers")) &&
                 check.contains(QStringLiteral("vocabulary")),
             qPrintable(check));
    QVERIFY(dialog.trainButton()->isEnabled());
    auto spec = dialog.spec();
    QVERIFY(spec);
    QCOMPARE(spec->config.kind, quarry::train::ModelKind::Transformer);
    QCOMPARE(QString::fromStdString(spec->config.modelFolder), bert);
    // A word where a number belongs names the option.
    QVERIFY(typeOption(&dialog, "learning_rate", QStringLiteral("fast")));
    QVERIFY(!dialog.trainButton()->isEnabled());
    QVERIFY(!dialog.spec());
    QVERIFY(
        QString::fromStdString(dialog.spec().error().toString()).contains(QStringLiteral("learning_rate")));
    grab(&dialog, QStringLiteral("training-dialog-model-folder.png"));
  }
};

QTEST_MAIN(TestTrainingGui)
#include "test_training_gui.moc"
