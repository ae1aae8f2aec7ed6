#pragma once
// The review queue, for every task: the newest prediction run's undecided predictions of one kind (the
// selector offers those the schema has: entities, relations, answers, categories), each described in words
// with its document, confidence and band by two thresholds (auto-accept at or above the high one, review
// between, escalate below the low one), with the count of each band. Each kind keeps its own thresholds,
// derivable from dev ("Derive from Dev": with the latest model of the kind's task, the lowest thresholds
// whose dev precision reaches 95% and 50%, shown with the precision and coverage reached; in the background,
// jobs/CalibrationJob.h, with its progress shown and the button cancelling it meanwhile). Activating a row
// asks the owner to show it: its document with that suggestion current, where A and X (or the docks'
// buttons) decide it, recorded with the reviewer's name. The Review Mode action (a button here, the owner
// puts it in its menu too) asks the owner to make everything but deciding suggestions read-only.

#include <functional>
#include <memory>

#include <QHash>
#include <QWidget>

#include "corpus/Schema.h"
#include "jobs/ReviewBands.h"

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QToolButton;

namespace quarry {
class ProjectStore;
}

namespace quarry::jobs {
class CalibrationJob;
struct CalibrationOutcome;
}  // namespace quarry::jobs

namespace quarry::ui {

class ReviewPanel : public QWidget {
  Q_OBJECT
 public:
  enum Column { BandColumn, DocumentColumn, SuggestionColumn, ConfidenceColumn, ColumnCount };

  // `latestModel` gives the model folder of a task ("ner", "relation", "qa", "classify") that "Derive
  // from Dev" predicts dev with (empty = none).
  explicit ReviewPanel(std::function<QString(const QString& task)> latestModel, QWidget* parent = nullptr);
  // A derivation still running is cancelled and waited for.
  ~ReviewPanel() override;

  // The project's store (nullptr = none) and its schema's kinds. Another project (or none) cancels a
  // derivation still running and waits for it; its result is dropped.
  void setProject(const QString& path, ProjectStore* store);
  // The kinds offered follow `schema` (the one shown is kept when the schema still has it).
  void setSchema(const Schema& schema);
  // Re-reads the newest run's predictions of the kind shown and bands them.
  void refresh();
  // Starts deriving both thresholds of the kind shown on dev with the latest model of its task, in the
  // background: true when it started (derivationFinished() follows); false (the reason shown) when there
  // is no project or no model of the task, or a derivation is running already.
  bool deriveFromDev();
  // Stops the running derivation; the thresholds stay as they are.
  void cancelDerivation();
  bool isDeriving() const;
  // The derivation running, or the last one; null before the first.
  const jobs::CalibrationJob* derivation() const { return m_job.get(); }
  void setThresholds(double low, double high);
  // The prediction kind shown: "entity", "relation", "answer" or "label"; empty when the schema has none.
  QString kind() const;
  // Shows `kind`; false when the selector does not offer it.
  bool setKind(const QString& kind);

  const QVector<jobs::BandedPrediction>& shown() const { return m_shown; }
  const suggest::BandCounts& counts() const { return m_counts; }
  QTableWidget* table() const { return m_table; }
  QComboBox* kindBox() const { return m_kind; }
  QComboBox* bandBox() const { return m_band; }
  QLabel* countsLabel() const { return m_countsLabel; }
  QLabel* calibrationLabel() const { return m_calibration; }
  QDoubleSpinBox* highBox() const { return m_high; }
  QDoubleSpinBox* lowBox() const { return m_low; }
  QPushButton* deriveButton() const { return m_derive; }
  QAction* reviewModeAction() const { return m_reviewMode; }
  QToolButton* reviewModeButton() const { return m_reviewButton; }

 Q_SIGNALS:
  // A row was activated: show prediction `prediction` (of kind() in its document) as the current suggestion.
  void predictionActivated(const quarry::Prediction& prediction);
  // A derivation ended: `applied` when its thresholds were set (dev reached a target); false when it
  // failed or was cancelled, or its kind or project is no longer shown (its result dropped).
  void derivationFinished(bool applied);

 private:
  // What each kind keeps while another is shown.
  struct KindState {
    double low = 0.5;
    double high = 0.9;
    QString calibration;
  };
  void kindChanged();
  void keepThresholds();
  void derivationEnded(const jobs::CalibrationOutcome& outcome);
  // Sets the thresholds `outcome` derived, and says what they reach; false when dev reaches neither target.
  bool applyCalibration(const jobs::CalibrationOutcome& outcome);
  // The calibration label says `text`, kept for the kind shown.
  void say(const QString& text);
  void updateDeriveButton();

  std::function<QString(const QString&)> m_latestModel;
  QString m_projectPath;
  ProjectStore* m_store = nullptr;
  QHash<QString, KindState> m_states;           // by kind
  QString m_shownKind;                          // whose state the boxes show
  std::unique_ptr<jobs::CalibrationJob> m_job;  // the last derivation
  QString m_derivingKind;                       // the kind m_job derives thresholds for
  QString m_progress;                           // what the label says of m_job while it runs
  QVector<jobs::BandedPrediction> m_all;
  QVector<jobs::BandedPrediction> m_shown;
  suggest::BandCounts m_counts;
  QComboBox* m_kind = nullptr;
  QDoubleSpinBox* m_high = nullptr;
  QDoubleSpinBox* m_low = nullptr;
  QPushButton* m_derive = nullptr;
  QAction* m_reviewMode = nullptr;
  QToolButton* m_reviewButton = nullptr;
  QLabel* m_calibration = nullptr;
  QLabel* m_countsLabel = nullptr;
  QComboBox* m_band = nullptr;
  QTableWidget* m_table = nullptr;
};

}  // namespace quarry::ui
