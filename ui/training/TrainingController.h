#pragma once
// Training from the workbench: the Model menu's Train… (the Train dialog), Retrain (the last settings of
// this project again, in one click) and Cancel Training; one job at a time on its own thread while the
// annotator keeps working; its progress in the training panel and its run in the Runs view. The last
// settings of each project are kept in QSettings. Closing the window or the project while a model trains
// asks first, then cancels and waits for the job to end cleanly (best/ kept, run recorded cancelled).

#include <memory>

#include <QObject>
#include <QString>
#include <nlohmann/json.hpp>

#include "jobs/TrainingJob.h"

class QAction;
class QWidget;

namespace quarry {
class ProjectStore;
}

namespace quarry::ui {

class RunsPanel;
class TrainingPanel;

class TrainingController : public QObject {
  Q_OBJECT
 public:
  TrainingController(QWidget* window, TrainingPanel* panel, RunsPanel* runs, QObject* parent = nullptr);
  ~TrainingController() override;

  // The project the actions work on (`store` read on the GUI thread for the dialog and the Runs view;
  // the job opens its own connection). Marks runs whose process ended as interrupted, unless read-only.
  void setProject(const QString& path, ProjectStore* store, bool readOnly);

  // Opens the Train dialog (prefilled with the last settings) and starts what it gives.
  void trainWithDialog();
  // Trains again with the last settings of this project; false when there are none or a job runs.
  bool retrain();
  // Continues a cancelled or interrupted training run from its last/ checkpoint (same config and
  // folder; a new run is recorded); false (the reason shown) when it cannot.
  bool resume(const ModelRun& run);
  // Starts `spec` (a job runs at a time); false when one runs already.
  bool start(const jobs::TrainingSpec& spec);
  void cancel();
  bool isTraining() const { return m_job && m_job->isRunning(); }
  jobs::TrainingJob* job() const { return m_job.get(); }
  // Asks whether to cancel a running job; true when nothing runs or the user agreed (the job is then
  // cancelled and waited for). False = keep the window open.
  bool confirmStop();
  // The last settings used for this project (empty object = none).
  nlohmann::json lastConfig() const;

  QAction* trainAction() const { return m_train; }
  QAction* retrainAction() const { return m_retrain; }
  QAction* cancelAction() const { return m_cancel; }

 Q_SIGNALS:
  void trainingStarted();
  void trainingFinished(const quarry::jobs::TrainingOutcome& outcome);

 private:
  void finished(const jobs::TrainingOutcome& outcome);
  void updateActions();
  QString settingsKey() const;

  QWidget* m_window;
  TrainingPanel* m_panel;
  RunsPanel* m_runs;
  QString m_projectPath;
  ProjectStore* m_store = nullptr;
  bool m_readOnly = false;
  std::unique_ptr<jobs::TrainingJob> m_job;
  QAction* m_train = nullptr;
  QAction* m_retrain = nullptr;
  QAction* m_cancel = nullptr;
};

}  // namespace quarry::ui
