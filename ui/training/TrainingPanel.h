#pragma once
// The training panel: the run in progress as it trains, beside the annotation (the annotator keeps
// working): step and epoch, the ETA, the training loss and the dev metric as live curves (Qt Charts), and
// Cancel; once it ends, how it ended (the best dev figure and where the model is, or why it failed).

#include <QWidget>

#include "jobs/TrainingJob.h"

class QChartView;
class QLabel;
class QLineSeries;
class QProgressBar;
class QPushButton;
class QValueAxis;

namespace quarry::ui {

class TrainingPanel : public QWidget {
  Q_OBJECT
 public:
  explicit TrainingPanel(QWidget* parent = nullptr);

  // Follows `job` (started or about to be): clears the curves and shows `title`.
  void watch(jobs::TrainingJob* job, const QString& title);

  QLabel* statusLabel() const { return m_status; }
  QLabel* outcomeLabel() const { return m_outcome; }
  QPushButton* cancelButton() const { return m_cancel; }
  QProgressBar* progressBar() const { return m_bar; }
  QLineSeries* lossSeries() const { return m_loss; }
  QLineSeries* devSeries() const { return m_dev; }

 Q_SIGNALS:
  void cancelRequested();

 private:
  void progressed(const jobs::TrainingProgress& p);
  void finished(const jobs::TrainingOutcome& outcome);

  QString m_title;
  QLabel* m_status = nullptr;
  QLabel* m_outcome = nullptr;
  QProgressBar* m_bar = nullptr;
  QPushButton* m_cancel = nullptr;
  QChartView* m_chart = nullptr;
  QLineSeries* m_loss = nullptr;
  QLineSeries* m_dev = nullptr;
  QValueAxis* m_steps = nullptr;
  QValueAxis* m_lossAxis = nullptr;
  QValueAxis* m_devAxis = nullptr;
  double m_maxLoss = 0;
  qint64 m_lastLossStep = -1;
};

}  // namespace quarry::ui
