#pragma once
// "How much would active learning have saved here?": the Runs view's window over a simulated annotator
// (jobs/ActiveLearningSimulation.h). The project's labelled pool split is taken as if unlabelled; per
// strategy and seed a model trains on a seed set, picks the next batch by its strategy, and the gold labels
// of that batch are revealed, round after round up to a budget. The learning curves (mean and min..max band
// over the seeds, dashed lines at 95% and 99% of the full-data score) and per strategy the share it needs to
// reach them, the annotation hours that costs, and the rounds it beats random are shown as they end.
//
// The simulation runs on a thread of its own (the window stays live; progress arrives queued) and writes to
// <project>-models/active-learning-<yyyyMMdd-hhmmss> beside the project; every round is recorded as a run of
// the project by the job. Cancel (or closing the window) stops it within one training step.

#include <memory>

#include <QDialog>
#include <QList>
#include <QMap>

#include "jobs/ActiveLearningSimulation.h"

class QChartView;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineSeries;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QThread;

namespace quarry {
class ProjectStore;
}

namespace quarry::ui {

class LearningCurveChart;

class ActiveLearningDialog : public QDialog {
  Q_OBJECT
 public:
  // Reads the project's documents per split through `store` (for the tasks it has labels for) and keeps
  // nothing of it; the simulation opens the project at `projectPath` on its own. `recordRuns` false (a
  // read-only project): the rounds are not recorded as runs.
  ActiveLearningDialog(ProjectStore& store, const QString& projectPath, bool recordRuns = true,
                       QWidget* parent = nullptr);
  // Cancels a simulation still running and waits for its thread (at most one training step).
  ~ActiveLearningDialog() override;

  QString projectPath() const { return m_projectPath; }
  // The spec Start would run (the output folder named afresh); an Error names what is wrong.
  Result<jobs::SimulationSpec> spec() const;
  // Starts the simulation on its own thread; false (the reason in the status line) when it cannot.
  bool start();
  // Continues the project's newest unfinished simulation (resumableFolder()) with the options it started with;
  // false (the reason shown) when there is none or it cannot be read.
  bool resume();
  // The newest "<project>-models/active-learning-*" folder whose simulation has rounds left; empty = none.
  QString resumableFolder() const;
  // Asks the running simulation to stop (it ends as cancelled).
  void cancel();
  bool isRunning() const { return m_thread != nullptr; }
  // The last simulation's end (Failed before any has run) and what it gave.
  RunStatus lastStatus() const { return m_outcome.status; }
  const jobs::SimulationOutcome& outcome() const { return m_outcome; }
  QString outputFolder() const { return m_outputFolder; }
  // Writes the chart as a PNG to `path`; asks where when it is empty. False (the reason in the status
  // line) when it cannot.
  bool saveChart(const QString& path = QString());

  QComboBox* taskBox() const { return m_task; }
  // The check box of strategy `name` ("random", "mnlp", ...), or null.
  QCheckBox* strategyBox(const QString& name) const { return m_strategies.value(name); }
  QSpinBox* seedsBox() const { return m_seeds; }
  QComboBox* unitBox() const { return m_unit; }
  QDoubleSpinBox* seedSizeBox() const { return m_seedSize; }
  QDoubleSpinBox* roundSizeBox() const { return m_roundSize; }
  QDoubleSpinBox* budgetBox() const { return m_budget; }
  QSpinBox* epochsBox() const { return m_epochs; }
  QSpinBox* patienceBox() const { return m_patience; }
  QSpinBox* minStepsBox() const { return m_minSteps; }
  QCheckBox* warmStartBox() const { return m_warmStart; }
  QComboBox* poolSplitBox() const { return m_poolSplit; }
  QComboBox* devSplitBox() const { return m_devSplit; }
  QSpinBox* wordsPerHourBox() const { return m_wordsPerHour; }
  QPushButton* startButton() const { return m_start; }
  QPushButton* resumeButton() const { return m_resume; }
  QPushButton* cancelButton() const { return m_cancel; }
  QPushButton* saveChartButton() const { return m_saveChart; }
  QProgressBar* progressBar() const { return m_bar; }
  QLabel* statusLabel() const { return m_status; }
  QChartView* chartView() const;
  QTableWidget* resultsTable() const { return m_results; }
  // The chart's mean line of each strategy, in the results' order (the 95%/99% lines left out).
  QList<QLineSeries*> strategySeries() const;

  // Closing while a simulation runs cancels it; the window closes once it has stopped.
  void reject() override;

 Q_SIGNALS:
  // The simulation ended (finished, cancelled or failed); the rounds it recorded are runs of the project.
  void simulationEnded(quarry::RunStatus status);
  // A round finished training (and was recorded as a run); the next one starts.
  void roundRecorded();

 private:
  bool startWith(const jobs::SimulationSpec& spec);  // runs `spec` on the worker thread
  std::string currentTask() const;
  void taskChanged();
  void updateTaskTexts();
  void updateButtons();
  void showProgress(const jobs::SimulationProgress& p);
  void ended(const std::shared_ptr<jobs::SimulationOutcome>& outcome);
  void showChart(const suggest::LearningCurveSummary& summary);
  void showResults();
  void showNote();
  void setStatus(const QString& text, bool error = false);

  QString m_projectPath;
  bool m_recordRuns = true;
  // Per split name, the labelled items of each task ("ner", "classify", ...) in it.
  QMap<QString, QMap<QString, int>> m_items;
  QWidget* m_options = nullptr;  // every option; disabled while a simulation runs
  QComboBox* m_task = nullptr;
  QMap<QString, QCheckBox*> m_strategies;
  QSpinBox* m_seeds = nullptr;
  QComboBox* m_unit = nullptr;
  QDoubleSpinBox* m_seedSize = nullptr;
  QDoubleSpinBox* m_roundSize = nullptr;
  QDoubleSpinBox* m_budget = nullptr;
  QSpinBox* m_epochs = nullptr;
  QSpinBox* m_patience = nullptr;
  QSpinBox* m_minSteps = nullptr;  // SimulationSpec::minSteps
  QString m_lastTraining;           // "strategy/seed/round" of the round last seen training
  QCheckBox* m_warmStart = nullptr;
  QComboBox* m_poolSplit = nullptr;
  QComboBox* m_devSplit = nullptr;
  QSpinBox* m_wordsPerHour = nullptr;
  QPushButton* m_start = nullptr;
  QPushButton* m_resume = nullptr;
  QPushButton* m_cancel = nullptr;
  QPushButton* m_saveChart = nullptr;
  QProgressBar* m_bar = nullptr;
  QLabel* m_status = nullptr;
  QLabel* m_note = nullptr;    // the full-data score and the whole pool's hours
  QLabel* m_folder = nullptr;  // the output folder, a link to it
  LearningCurveChart* m_chart = nullptr;
  QTableWidget* m_results = nullptr;

  std::unique_ptr<jobs::ActiveLearningSimulation> m_simulation;
  QThread* m_thread = nullptr;     // owned; null when no simulation runs
  jobs::SimulationSpec m_running;  // the spec of the simulation running or last run
  jobs::SimulationOutcome m_outcome;
  suggest::LearningCurveSummary m_curves;  // what the chart and the table show
  qint64 m_poolUnits = 0;                  // the pool's units, once the simulation has read them
  QString m_outputFolder;
  bool m_closeWhenStopped = false;
};

}  // namespace quarry::ui
