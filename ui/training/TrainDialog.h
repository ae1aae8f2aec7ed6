#pragma once
// The Train dialog: what to train (the task, with the project's training and dev annotations of each),
// what to start from (the task's model from scratch, a Hugging Face folder checked on the spot as it is
// chosen: architecture, size, vocabulary, labels; or a random encoder over a folder's tokenizer), every
// option of the engine's declaration with its default and help, and how long it will take. It gives a
// jobs::TrainingSpec; it trains nothing itself.

#include <QDialog>

#include "common/Error.h"
#include "jobs/EngineDocuments.h"
#include "jobs/TrainingJob.h"

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace quarry::ui {

class TrainOptionsForm;

class TrainDialog : public QDialog {
  Q_OBJECT
 public:
  // Reads the project's train and dev splits (for the counts and the estimate) and its runs (for the
  // measured rate) through `store`.
  TrainDialog(ProjectStore& store, const QString& projectPath, QWidget* parent = nullptr);

  // Fills the dialog from a config (the last run's settings).
  void setConfig(const nlohmann::json& config);
  // The spec of the run to start; an error names the option or folder that is wrong.
  Result<jobs::TrainingSpec> spec() const;
  // The config spec() trains with, as JSON (what Retrain repeats).
  Result<nlohmann::json> configJson() const;

  QComboBox* taskBox() const { return m_task; }
  QRadioButton* fromScratchButton() const { return m_fromScratch; }
  QRadioButton* fineTuneButton() const { return m_fineTune; }
  QRadioButton* randomEncoderButton() const { return m_randomEncoder; }
  QLineEdit* folderEdit() const { return m_folder; }
  QLabel* folderCheckLabel() const { return m_check; }
  QLabel* estimateLabel() const { return m_estimate; }
  QLabel* dataLabel() const { return m_data; }
  // Shown when dev or test documents nearly repeat training documents (jobs::trainingLeakage).
  QLabel* leakageLabel() const { return m_leakage; }
  TrainOptionsForm* optionsForm() const { return m_form; }
  QPushButton* trainButton() const { return m_train; }

 private:
  std::string currentTask() const;
  void taskChanged();
  void modelChanged();
  void checkFolder();
  void browse();
  void update();

  ProjectStore& m_store;
  QString m_projectPath;
  jobs::DocumentSet m_trainSet;
  jobs::DocumentSet m_devSet;
  QVector<ModelRun> m_runs;
  QString m_readError;          // the splits could not be read: why
  double m_baseParameters = 0;  // the checked folder's estimated size; 0 = none checked
  bool m_folderOk = false;
  QComboBox* m_task = nullptr;
  QLabel* m_data = nullptr;
  QLabel* m_leakage = nullptr;
  QRadioButton* m_fromScratch = nullptr;
  QRadioButton* m_fineTune = nullptr;
  QRadioButton* m_randomEncoder = nullptr;
  QLineEdit* m_folder = nullptr;
  QPushButton* m_browse = nullptr;
  QLabel* m_check = nullptr;
  TrainOptionsForm* m_form = nullptr;
  QLabel* m_estimate = nullptr;
  QLabel* m_problem = nullptr;
  QPushButton* m_train = nullptr;
};

}  // namespace quarry::ui
