#pragma once
// The review queue: the newest suggestions run's undecided entity predictions in three bands by two
// thresholds (auto-accept at or above the high one, review between, escalate below the low one), with the
// count of each band and the thresholds derivable from dev ("Derive from Dev": the lowest thresholds whose
// dev precision reaches 95% and 50%, shown with the precision and coverage reached). Activating a row
// opens its document with that suggestion current, where A and X decide it (recorded with the reviewer's
// name).

#include <functional>

#include <QWidget>

#include "jobs/ReviewBands.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace quarry {
class ProjectStore;
}

namespace quarry::ui {

class ReviewPanel : public QWidget {
  Q_OBJECT
 public:
  // `latestModel` gives the model folder "Derive from Dev" predicts dev with (empty = none).
  explicit ReviewPanel(std::function<QString()> latestModel, QWidget* parent = nullptr);

  void setProject(const QString& path, ProjectStore* store);
  // Re-reads the newest run's predictions and bands them.
  void refresh();
  // Derives both thresholds on dev with the latest model; false (the reason shown) when it cannot.
  bool deriveFromDev();
  void setThresholds(double low, double high);

  const QVector<jobs::BandedPrediction>& shown() const { return m_shown; }
  const suggest::BandCounts& counts() const { return m_counts; }
  QTableWidget* table() const { return m_table; }
  QComboBox* bandBox() const { return m_band; }
  QLabel* countsLabel() const { return m_countsLabel; }
  QLabel* calibrationLabel() const { return m_calibration; }
  QDoubleSpinBox* highBox() const { return m_high; }
  QDoubleSpinBox* lowBox() const { return m_low; }
  QPushButton* deriveButton() const { return m_derive; }

 Q_SIGNALS:
  // A row was activated: show document `documentId` with prediction `predictionId` current.
  void predictionActivated(qint64 documentId, qint64 predictionId);

 private:
  std::function<QString()> m_latestModel;
  QString m_projectPath;
  ProjectStore* m_store = nullptr;
  QVector<jobs::BandedPrediction> m_all;
  QVector<jobs::BandedPrediction> m_shown;
  suggest::BandCounts m_counts;
  QDoubleSpinBox* m_high = nullptr;
  QDoubleSpinBox* m_low = nullptr;
  QPushButton* m_derive = nullptr;
  QLabel* m_calibration = nullptr;
  QLabel* m_countsLabel = nullptr;
  QComboBox* m_band = nullptr;
  QTableWidget* m_table = nullptr;
};

}  // namespace quarry::ui
