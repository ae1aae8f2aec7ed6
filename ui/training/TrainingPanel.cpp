#include "training/TrainingPanel.h"

#include <algorithm>

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include "jobs/TrainingEstimate.h"

namespace quarry::ui {

TrainingPanel::TrainingPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("TrainingPanel"));
  m_status = new QLabel(tr("No model is training. Model ▸ Train… starts one."), this);
  m_status->setObjectName(QStringLiteral("trainingStatus"));
  m_status->setWordWrap(true);
  m_outcome = new QLabel(this);
  m_outcome->setObjectName(QStringLiteral("trainingOutcome"));
  m_outcome->setWordWrap(true);
  m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_bar = new QProgressBar(this);
  m_bar->setRange(0, 1);
  m_bar->setValue(0);
  m_cancel = new QPushButton(tr("&Cancel Training"), this);
  m_cancel->setObjectName(QStringLiteral("cancelTrainingButton"));
  m_cancel->setEnabled(false);

  auto* chart = new QChart;
  chart->legend()->setAlignment(Qt::AlignBottom);
  chart->setMargins(QMargins(4, 4, 4, 4));
  m_loss = new QLineSeries(chart);
  m_loss->setName(tr("training loss"));
  m_dev = new QLineSeries(chart);
  m_dev->setName(tr("dev score"));
  m_dev->setPointsVisible(true);
  chart->addSeries(m_loss);
  chart->addSeries(m_dev);
  m_steps = new QValueAxis(chart);
  m_steps->setTitleText(tr("step"));
  m_steps->setLabelFormat(QStringLiteral("%d"));
  m_lossAxis = new QValueAxis(chart);
  m_lossAxis->setTitleText(tr("loss"));
  m_devAxis = new QValueAxis(chart);
  m_devAxis->setRange(0, 1);
  m_devAxis->setTitleText(tr("dev"));
  chart->addAxis(m_steps, Qt::AlignBottom);
  chart->addAxis(m_lossAxis, Qt::AlignLeft);
  chart->addAxis(m_devAxis, Qt::AlignRight);
  m_loss->attachAxis(m_steps);
  m_loss->attachAxis(m_lossAxis);
  m_dev->attachAxis(m_steps);
  m_dev->attachAxis(m_devAxis);
  m_chart = new QChartView(chart, this);
  m_chart->setObjectName(QStringLiteral("trainingChart"));
  m_chart->setRenderHint(QPainter::Antialiasing);
  m_chart->setMinimumHeight(80);  // the dock shares its height with the annotations list

  auto* row = new QHBoxLayout;
  row->addWidget(m_bar, 1);
  row->addWidget(m_cancel);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(m_status);
  layout->addLayout(row);
  layout->addWidget(m_chart, 1);
  layout->addWidget(m_outcome);
  connect(m_cancel, &QPushButton::clicked, this, [this] {
    m_cancel->setEnabled(false);
    m_status->setText(tr("%1: cancelling after this step…").arg(m_title));
    Q_EMIT cancelRequested();
  });
}

void TrainingPanel::watch(jobs::TrainingJob* job, const QString& title) {
  m_title = title;
  m_loss->clear();
  m_dev->clear();
  m_maxLoss = 0;
  m_lastLossStep = -1;
  m_steps->setRange(0, 1);
  m_lossAxis->setRange(0, 1);
  m_bar->setRange(0, 0);  // busy until the first report says how many steps
  m_outcome->clear();
  m_status->setText(tr("%1: reading the documents…").arg(title));
  m_cancel->setEnabled(true);
  connect(job, &jobs::TrainingJob::progress, this, &TrainingPanel::progressed);
  connect(job, &jobs::TrainingJob::finished, this, &TrainingPanel::finished);
}

void TrainingPanel::progressed(const jobs::TrainingProgress& p) {
  if (p.totalSteps > 0) {
    m_bar->setRange(0, int(std::min<qint64>(p.totalSteps, 1 << 30)));
    m_bar->setValue(int(std::min<qint64>(p.step, 1 << 30)));
    m_steps->setRange(0, double(std::max<qint64>(p.totalSteps, 1)));
  }
  if (p.phase == QLatin1String("train") && p.step > m_lastLossStep && p.step > 0) {
    m_lastLossStep = p.step;
    m_loss->append(double(p.step), p.loss);
    m_maxLoss = std::max(m_maxLoss, p.loss);
    m_lossAxis->setRange(0, m_maxLoss > 0 ? m_maxLoss * 1.05 : 1);
  }
  if (p.phase == QLatin1String("evaluated") && p.devScore >= 0) m_dev->append(double(p.step), p.devScore);
  QString text = tr("%1: epoch %2 of %3, step %4 of %5")
                     .arg(m_title)
                     .arg(p.epoch + 1)
                     .arg(p.epochs)
                     .arg(p.step)
                     .arg(p.totalSteps);
  if (p.etaSeconds >= 0) text += tr(", about %1 left").arg(jobs::formatDuration(p.etaSeconds));
  text += tr(" · loss %1").arg(p.loss, 0, 'f', 4);
  if (p.devScore >= 0)
    text +=
        tr(" · dev %1 %2 (best %3)").arg(p.metric).arg(p.devScore, 0, 'f', 4).arg(p.bestDevScore, 0, 'f', 4);
  if (p.phase == QLatin1String("eval")) text += tr(" · evaluating on dev…");
  m_status->setText(text);
}

void TrainingPanel::finished(const jobs::TrainingOutcome& outcome) {
  m_cancel->setEnabled(false);
  m_bar->setRange(0, 1);
  m_bar->setValue(1);
  const QString run = outcome.runId > 0 ? tr("Run %1").arg(outcome.runId) : m_title;
  QString text;
  if (outcome.status == RunStatus::Failed) {
    text = tr("%1 failed: %2").arg(run, outcome.errorText());
    m_outcome->setStyleSheet(QStringLiteral("color: #b00020"));
  } else {
    m_outcome->setStyleSheet(QString());
    const double best = outcome.result.value(QStringLiteral("best_dev_score")).toDouble(-1);
    const double seconds = outcome.result.value(QStringLiteral("seconds")).toDouble();
    text = (outcome.status == RunStatus::Cancelled ? tr("%1 cancelled after %2") : tr("%1 finished in %2"))
               .arg(run, jobs::formatDuration(seconds));
    if (best >= 0) text += tr("; best dev score %1").arg(best, 0, 'f', 4);
    if (!outcome.bestFolder.isEmpty()) text += tr("; model in %1").arg(outcome.bestFolder);
  }
  if (!outcome.recordWarning.isEmpty())
    text += tr(" (its end could not be recorded: %1)").arg(outcome.recordWarning);
  m_outcome->setText(text);
  m_status->setText(tr("No model is training. Model ▸ Retrain repeats the last settings."));
}

}  // namespace quarry::ui
