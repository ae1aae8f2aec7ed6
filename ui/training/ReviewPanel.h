#pragma once
// The review queue, for every task: the newest prediction run's undecided predictions of one kind (the
// selector offers those the schema has: entities, relations, answers, categories), each described in words
// with its document, confidence and band by two thresholds (auto-accept at or above the high one, review
// between, escalate below the low one), with the count of each band. Each kind keeps its own thresholds,
// derivable from dev ("Derive from Dev": with the latest model of the kind's task, the lowest thresholds
// whose dev precision reaches 95% and 50%, shown with the precision and coverage reached). Activating a row
// asks the owner to show it: its document with that suggestion current, where A and X (or the docks'
// buttons) decide it, recorded with the reviewer's name. The Review Mode action (a button here, the owner
// puts it in its menu too) asks the owner to make everything but deciding suggestions read-only.

#include <functional>

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

namespace quarry::ui {

class ReviewPanel : public QWidget {
  Q_OBJECT
 public:
  enum Column { BandColumn, DocumentColumn, SuggestionColumn, ConfidenceColumn, ColumnCount };

  // `latestModel` gives the model folder of a task ("ner", "relation", "qa", "classify") that "Derive
  // from Dev" predicts dev with (empty = none).
  explicit ReviewPanel(std::function<QString(const QString& task)> latestModel, QWidget* parent = nullptr);

  // The project's store (nullptr = none) and its schema's kinds.
  void setProject(const QString& path, ProjectStore* store);
  // The kinds offered follow `schema` (the one shown is kept when the schema still has it).
  void setSchema(const Schema& schema);
  // Re-reads the newest run's predictions of the kind shown and bands them.
  void refresh();
  // Derives both thresholds of the kind shown on dev with the latest model of its task; false (the
  // reason shown) when it cannot.
  bool deriveFromDev();
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

 private:
  // What each kind keeps while another is shown.
  struct KindState {
    double low = 0.5;
    double high = 0.9;
    QString calibration;
  };
  void kindChanged();
  void keepThresholds();

  std::function<QString(const QString&)> m_latestModel;
  QString m_projectPath;
  ProjectStore* m_store = nullptr;
  QHash<QString, KindState> m_states;  // by kind
  QString m_shownKind;                 // whose state the boxes show
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
