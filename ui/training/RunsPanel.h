#pragma once
// The Runs view: every training and prediction run of the project, newest first, with its task, the
// data it trained on, its dev figure and its state (running, finished, cancelled, failed with the reason
// as tooltip, interrupted); two selected runs are compared per type (RunComparisonDialog); one is exported
// as a model archive (jobs/ModelArchive.h: the model folder and its model card in a zip). A training run
// says whether it is stale: what of the annotations it trained on was added, changed or removed since
// (jobs/RunLineage.h). Analyse Errors opens the error view on the selected run (with two selected, the
// newer compared with the older). Log… opens the selected run's log (RunLogDialog) beside the workbench.
// Simulate Active Learning… asks for the simulated annotator's window (ActiveLearningDialog) on the project.

#include <optional>

#include <QVector>
#include <QWidget>

#include "store/StoreTypes.h"

class QPushButton;
class QTableWidget;

namespace quarry {
class ProjectStore;
}

namespace quarry::ui {

class RunLogDialog;

class RunsPanel : public QWidget {
  Q_OBJECT
 public:
  explicit RunsPanel(QWidget* parent = nullptr);

  // Re-reads the runs of `store` (null = no project: the list empties).
  void refresh(ProjectStore* store);
  const QVector<ModelRun>& runs() const { return m_runs; }
  // The runs selected in the table, in table order.
  QVector<ModelRun> selectedRuns() const;
  // Shows the comparison of the two selected runs (a modal dialog); false when not two are selected.
  bool compareSelected();
  // Exports the selected run's model as an archive (its folder, a model card) to `zipPath`; asks where
  // when it is empty. False (the reason shown) when it cannot.
  bool exportSelected(const QString& zipPath = QString());
  // Opens the selected run's log in a window of its own (not modal) and returns it; null (the reason shown)
  // when not one run is selected or its log cannot be read.
  RunLogDialog* showSelectedLog();
  // A cancelled or interrupted training run of the selection whose last/ checkpoint exists, or none.
  std::optional<ModelRun> resumableSelection() const;

  QTableWidget* table() const { return m_table; }
  QPushButton* compareButton() const { return m_compare; }
  QPushButton* exportButton() const { return m_export; }
  QPushButton* resumeButton() const { return m_resume; }
  QPushButton* analyseButton() const { return m_analyse; }
  QPushButton* logButton() const { return m_log; }
  QPushButton* driftButton() const { return m_drift; }
  QPushButton* simulateButton() const { return m_simulate; }

 Q_SIGNALS:
  // Resume was pressed for `run` (resumableSelection()).
  void resumeRequested(const quarry::ModelRun& run);
  // Analyse Errors was pressed: analyse run `runId`, compared with `compareWith` (0 = none).
  void errorAnalysisRequested(qint64 runId, qint64 compareWith);
  // Drift was pressed: check the unassigned documents against run `runId`'s training data.
  void driftRequested(qint64 runId);
  // Simulate Active Learning… was pressed: how much active learning would have saved on this project.
  void activeLearningRequested();

 private:
  QTableWidget* m_table = nullptr;
  QPushButton* m_compare = nullptr;
  QPushButton* m_export = nullptr;
  QPushButton* m_resume = nullptr;
  QPushButton* m_analyse = nullptr;
  QPushButton* m_log = nullptr;
  QPushButton* m_drift = nullptr;
  QPushButton* m_simulate = nullptr;
  ProjectStore* m_store = nullptr;
  QVector<ModelRun> m_runs;  // newest first, as listed
};

}  // namespace quarry::ui
