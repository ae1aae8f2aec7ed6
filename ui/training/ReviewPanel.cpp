#include "training/ReviewPanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

#include "store/ProjectStore.h"

namespace quarry::ui {
namespace {

constexpr double kHighTarget = 0.95;  // dev precision the auto-accept band keeps
constexpr double kLowTarget = 0.5;    // below the threshold reaching it: escalate

QString bandName(suggest::ConfidenceBand band) {
  switch (band) {
    case suggest::ConfidenceBand::AutoAccept:
      return QObject::tr("auto-accept");
    case suggest::ConfidenceBand::Review:
      return QObject::tr("review");
    case suggest::ConfidenceBand::Escalate:
      return QObject::tr("escalate");
  }
  return {};
}

}  // namespace

ReviewPanel::ReviewPanel(std::function<QString()> latestModel, QWidget* parent)
    : QWidget(parent), m_latestModel(std::move(latestModel)) {
  setObjectName(QStringLiteral("ReviewPanel"));
  m_high = new QDoubleSpinBox(this);
  m_high->setObjectName(QStringLiteral("highThreshold"));
  m_low = new QDoubleSpinBox(this);
  m_low->setObjectName(QStringLiteral("lowThreshold"));
  for (QDoubleSpinBox* box : {m_high, m_low}) {
    box->setRange(0, 1);
    box->setDecimals(3);
    box->setSingleStep(0.05);
  }
  m_high->setValue(0.9);
  m_low->setValue(0.5);
  m_derive = new QPushButton(tr("&Derive from Dev"), this);
  m_derive->setObjectName(QStringLiteral("deriveThresholdsButton"));
  m_derive->setToolTip(
      tr("The lowest thresholds whose precision on the dev split reaches %1% (auto-accept) and %2% "
         "(below it: escalate), with the latest model")
          .arg(kHighTarget * 100)
          .arg(kLowTarget * 100));
  m_calibration = new QLabel(this);
  m_calibration->setObjectName(QStringLiteral("calibrationLabel"));
  m_calibration->setWordWrap(true);
  m_countsLabel = new QLabel(this);
  m_countsLabel->setObjectName(QStringLiteral("bandCountsLabel"));
  m_band = new QComboBox(this);
  m_band->setObjectName(QStringLiteral("bandBox"));
  m_band->addItem(tr("Review band"), int(suggest::ConfidenceBand::Review));
  m_band->addItem(tr("Escalated"), int(suggest::ConfidenceBand::Escalate));
  m_band->addItem(tr("Auto-accept band"), int(suggest::ConfidenceBand::AutoAccept));
  m_band->addItem(tr("All bands"), -1);
  m_table = new QTableWidget(0, 5, this);
  m_table->setObjectName(QStringLiteral("reviewTable"));
  m_table->setHorizontalHeaderLabels({tr("Band"), tr("Document"), tr("Text"), tr("Type"), tr("Confidence")});
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setStretchLastSection(true);

  auto* thresholds = new QHBoxLayout;
  thresholds->addWidget(new QLabel(tr("Auto-accept at or above:"), this));
  thresholds->addWidget(m_high);
  thresholds->addWidget(new QLabel(tr("escalate below:"), this));
  thresholds->addWidget(m_low);
  thresholds->addWidget(m_derive);
  thresholds->addStretch(1);
  thresholds->addWidget(m_band);
  auto* status = new QHBoxLayout;
  status->addWidget(m_countsLabel);
  status->addWidget(m_calibration, 1);
  m_table->setMinimumHeight(40);  // the dock shares its height with the annotations list
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(thresholds);
  layout->addLayout(status);
  layout->addWidget(m_table, 1);

  connect(m_high, &QDoubleSpinBox::valueChanged, this, [this] { refresh(); });
  connect(m_low, &QDoubleSpinBox::valueChanged, this, [this] { refresh(); });
  connect(m_band, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
  connect(m_derive, &QPushButton::clicked, this, &ReviewPanel::deriveFromDev);
  connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int) {
    if (row >= 0 && row < m_shown.size())
      Q_EMIT predictionActivated(m_shown[row].prediction.documentId, m_shown[row].prediction.id);
  });
}

void ReviewPanel::setProject(const QString& path, ProjectStore* store) {
  m_projectPath = path;
  m_store = store;
  m_calibration->clear();
  refresh();
}

void ReviewPanel::setThresholds(double low, double high) {
  const QSignalBlocker blockHigh(m_high), blockLow(m_low);
  m_high->setValue(high);
  m_low->setValue(std::min(low, high));
  refresh();
}

bool ReviewPanel::deriveFromDev() {
  const QString model = m_latestModel ? m_latestModel() : QString();
  if (m_projectPath.isEmpty() || model.isEmpty()) {
    m_calibration->setText(tr("No NER model to derive the thresholds with: train one first."));
    return false;
  }
  auto calibration = jobs::calibrateOnDev(m_projectPath, model, kHighTarget, kLowTarget);
  if (!calibration) {
    m_calibration->setText(QString::fromStdString(calibration.error().toString()));
    return false;
  }
  const suggest::PrecisionThreshold& high = calibration->high;
  const suggest::PrecisionThreshold& low = calibration->low;
  QStringList lines;
  lines << (high.found ? tr("Auto-accept from %1: dev precision %2 on %3 of %4 predictions.")
                             .arg(high.threshold, 0, 'f', 3)
                             .arg(high.precision, 0, 'f', 3)
                             .arg(high.kept)
                             .arg(high.total)
                       : tr("No threshold reaches %1% precision on dev (%2).")
                             .arg(kHighTarget * 100)
                             .arg(QString::fromStdString(high.message)));
  lines << (low.found ? tr("Escalate below %1: dev precision %2 above it.")
                            .arg(low.threshold, 0, 'f', 3)
                            .arg(low.precision, 0, 'f', 3)
                      : tr("No threshold reaches %1% precision on dev.").arg(kLowTarget * 100));
  m_calibration->setText(lines.join(QLatin1Char(' ')));
  // Without a high threshold nothing is safe to take unseen: everything goes to review or escalation.
  const double highValue = high.found ? high.threshold : 1.0;
  const double lowValue = low.found ? low.threshold : 0.0;
  setThresholds(std::min(lowValue, highValue), highValue);
  return high.found || low.found;
}

void ReviewPanel::refresh() {
  m_all.clear();
  m_shown.clear();
  m_counts = {};
  auto bands = suggest::ConfidenceBands::create(std::min(m_low->value(), m_high->value()), m_high->value());
  if (m_store && bands) {
    auto run = m_store->latestRunWithPredictions(QStringLiteral("entity"));
    if (run && run.value() > 0)
      if (auto banded = jobs::bandPredictions(*m_store, run.value(), bands.value()))
        m_all = std::move(banded.value());
  }
  const int wanted = m_band->currentData().toInt();
  for (const jobs::BandedPrediction& b : std::as_const(m_all)) {
    switch (b.band) {
      case suggest::ConfidenceBand::AutoAccept:
        ++m_counts.autoAccept;
        break;
      case suggest::ConfidenceBand::Review:
        ++m_counts.review;
        break;
      case suggest::ConfidenceBand::Escalate:
        ++m_counts.escalate;
        break;
    }
    if (wanted < 0 || int(b.band) == wanted) m_shown << b;
  }
  m_countsLabel->setText(tr("Undecided suggestions: %1 auto-accept · %2 review · %3 escalate")
                             .arg(m_counts.autoAccept)
                             .arg(m_counts.review)
                             .arg(m_counts.escalate));
  m_table->setRowCount(int(m_shown.size()));
  for (int r = 0; r < m_shown.size(); ++r) {
    const jobs::BandedPrediction& b = m_shown[r];
    const QJsonObject& payload = b.prediction.payload;
    m_table->setItem(r, 0, new QTableWidgetItem(bandName(b.band)));
    m_table->setItem(r, 1, new QTableWidgetItem(b.documentName));
    m_table->setItem(r, 2, new QTableWidgetItem(payload.value(QStringLiteral("text")).toString()));
    m_table->setItem(r, 3, new QTableWidgetItem(payload.value(QStringLiteral("type")).toString()));
    m_table->setItem(r, 4, new QTableWidgetItem(QString::number(b.prediction.confidence, 'f', 3)));
  }
  m_table->resizeColumnsToContents();
}

}  // namespace quarry::ui
