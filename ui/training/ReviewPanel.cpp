#include "training/ReviewPanel.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "jobs/CalibrationJob.h"
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

// A task's model, as a person names it.
QString modelName(const QString& task) {
  if (task == QLatin1String("ner")) return QObject::tr("NER");
  if (task == QLatin1String("relation")) return QObject::tr("relation");
  if (task == QLatin1String("qa")) return QObject::tr("QA");
  return QObject::tr("classification");
}

QString deriveToolTip() {
  return QObject::tr(
             "The lowest thresholds whose precision on the dev split reaches %1% (auto-accept) and %2% "
             "(below it: escalate), with the latest model of the task")
      .arg(kHighTarget * 100)
      .arg(kLowTarget * 100);
}

}  // namespace

ReviewPanel::ReviewPanel(std::function<QString(const QString&)> latestModel, QWidget* parent)
    : QWidget(parent), m_latestModel(std::move(latestModel)) {
  setObjectName(QStringLiteral("ReviewPanel"));
  m_kind = new QComboBox(this);
  m_kind->setObjectName(QStringLiteral("reviewKindBox"));
  m_kind->setToolTip(tr("Which predictions to review: entities, relations, answers or categories"));
  m_high = new QDoubleSpinBox(this);
  m_high->setObjectName(QStringLiteral("highThreshold"));
  m_low = new QDoubleSpinBox(this);
  m_low->setObjectName(QStringLiteral("lowThreshold"));
  for (QDoubleSpinBox* box : {m_high, m_low}) {
    box->setRange(0, 1);
    box->setDecimals(3);
    box->setSingleStep(0.05);
  }
  const KindState defaults;
  m_high->setValue(defaults.high);
  m_low->setValue(defaults.low);
  m_derive = new QPushButton(tr("&Derive from Dev"), this);
  m_derive->setObjectName(QStringLiteral("deriveThresholdsButton"));
  m_derive->setToolTip(deriveToolTip());
  m_reviewMode = new QAction(tr("&Review Mode"), this);
  m_reviewMode->setObjectName(QStringLiteral("reviewModeAction"));
  m_reviewMode->setCheckable(true);
  m_reviewMode->setToolTip(
      tr("Review the model's suggestions: A accepts, X rejects (the docks' buttons for answers and "
         "categories), recorded with your name; nothing else can be changed"));
  m_reviewButton = new QToolButton(this);
  m_reviewButton->setObjectName(QStringLiteral("reviewModeButton"));
  m_reviewButton->setDefaultAction(m_reviewMode);
  m_reviewButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
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
  m_table = new QTableWidget(0, ColumnCount, this);
  m_table->setObjectName(QStringLiteral("reviewTable"));
  m_table->setHorizontalHeaderLabels({tr("Band"), tr("Document"), tr("Suggestion"), tr("Confidence")});
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setStretchLastSection(true);

  auto* thresholds = new QHBoxLayout;
  thresholds->addWidget(m_kind);
  thresholds->addWidget(new QLabel(tr("Auto-accept at or above:"), this));
  thresholds->addWidget(m_high);
  thresholds->addWidget(new QLabel(tr("escalate below:"), this));
  thresholds->addWidget(m_low);
  thresholds->addWidget(m_derive);
  thresholds->addStretch(1);
  thresholds->addWidget(m_band);
  thresholds->addWidget(m_reviewButton);
  auto* status = new QHBoxLayout;
  status->addWidget(m_countsLabel);
  status->addWidget(m_calibration, 1);
  m_table->setMinimumHeight(40);  // the dock shares its height with the annotations list
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(thresholds);
  layout->addLayout(status);
  layout->addWidget(m_table, 1);

  const auto thresholdChanged = [this] {
    keepThresholds();
    refresh();
  };
  connect(m_high, &QDoubleSpinBox::valueChanged, this, thresholdChanged);
  connect(m_low, &QDoubleSpinBox::valueChanged, this, thresholdChanged);
  connect(m_kind, &QComboBox::currentIndexChanged, this, &ReviewPanel::kindChanged);
  connect(m_band, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
  connect(m_derive, &QPushButton::clicked, this, [this] {
    if (isDeriving())
      cancelDerivation();
    else
      deriveFromDev();
  });
  connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int) {
    if (row >= 0 && row < m_shown.size()) Q_EMIT predictionActivated(m_shown[row].prediction);
  });
}

ReviewPanel::~ReviewPanel() = default;

void ReviewPanel::setProject(const QString& path, ProjectStore* store) {
  if ((path != m_projectPath || !store) && isDeriving()) {
    m_job.reset();  // cancels and waits: its thresholds are for a project no longer shown
    Q_EMIT derivationFinished(false);
  }
  if (path != m_projectPath) m_states.clear();  // the same project reopened keeps its thresholds
  m_projectPath = path;
  m_store = store;
  Result<Schema> schema = store ? store->schema() : Result<Schema>(Schema());
  setSchema(schema ? schema.value() : Schema());
}

void ReviewPanel::setSchema(const Schema& schema) {
  const QString before = kind();
  QVector<QPair<QString, QString>> kinds;  // label, kind
  if (!schema.entityTypes.isEmpty()) kinds.push_back({tr("Entities"), QStringLiteral("entity")});
  if (!schema.relationTypes.isEmpty()) kinds.push_back({tr("Relations"), QStringLiteral("relation")});
  if (!schema.qaFields.isEmpty()) kinds.push_back({tr("Answers"), QStringLiteral("answer")});
  if (!schema.categories.isEmpty()) kinds.push_back({tr("Categories"), QStringLiteral("label")});
  {
    const QSignalBlocker quiet(m_kind);
    m_kind->clear();
    for (const auto& [label, kind] : std::as_const(kinds)) m_kind->addItem(label, kind);
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(before)));
  }
  m_shownKind.clear();  // the boxes show the kind chosen now
  kindChanged();
}

QString ReviewPanel::kind() const { return m_kind->currentData().toString(); }

bool ReviewPanel::setKind(const QString& kind) {
  const int index = m_kind->findData(kind);
  if (index < 0) return false;
  m_kind->setCurrentIndex(index);
  return true;
}

void ReviewPanel::kindChanged() {
  if (m_shownKind == kind() && !m_shownKind.isEmpty()) return;
  m_shownKind = kind();
  const KindState state = m_states.value(m_shownKind);
  {
    const QSignalBlocker blockHigh(m_high), blockLow(m_low);
    m_high->setValue(state.high);
    m_low->setValue(state.low);
  }
  m_calibration->setText(isDeriving() && m_shownKind == m_derivingKind ? m_progress : state.calibration);
  updateDeriveButton();
  refresh();
}

void ReviewPanel::keepThresholds() {
  if (m_shownKind.isEmpty()) return;
  KindState& state = m_states[m_shownKind];
  state.high = m_high->value();
  state.low = m_low->value();
}

void ReviewPanel::setThresholds(double low, double high) {
  {
    const QSignalBlocker blockHigh(m_high), blockLow(m_low);
    m_high->setValue(high);
    m_low->setValue(std::min(low, high));
  }
  keepThresholds();
  refresh();
}

bool ReviewPanel::isDeriving() const { return m_job && m_job->isRunning(); }

bool ReviewPanel::deriveFromDev() {
  if (isDeriving()) return false;
  const QString task = jobs::taskOfKind(kind());
  const QString model = m_latestModel && !task.isEmpty() ? m_latestModel(task) : QString();
  if (m_projectPath.isEmpty() || model.isEmpty()) {
    say(tr("No %1 model to derive the thresholds with: train one first.").arg(modelName(task)));
    return false;
  }
  // The last job may be the sender of the signal that led here.
  if (m_job) m_job.release()->deleteLater();
  m_job = std::make_unique<jobs::CalibrationJob>(
      jobs::CalibrationSpec{m_projectPath, model, kHighTarget, kLowTarget, 0});
  m_derivingKind = kind();
  connect(m_job.get(), &jobs::CalibrationJob::progress, this,
          [this, job = m_job.get()](const jobs::PredictionProgress& p) {
            if (m_job.get() != job || !isDeriving() || job->isCancelled()) return;  // queued before its end
            m_progress = tr("Predicting dev: %1 of %2 documents").arg(p.documentsDone).arg(p.documents);
            if (kind() == m_derivingKind) m_calibration->setText(m_progress);
          });
  connect(m_job.get(), &jobs::CalibrationJob::finished, this, &ReviewPanel::derivationEnded);
  m_progress = tr("Loading the latest %1 model to predict dev…").arg(modelName(task));
  m_calibration->setText(m_progress);
  m_job->start();
  updateDeriveButton();
  return true;
}

void ReviewPanel::cancelDerivation() {
  if (!isDeriving()) return;
  m_job->cancel();
  m_progress = tr("Cancelling…");
  if (kind() == m_derivingKind) m_calibration->setText(m_progress);
  updateDeriveButton();
}

void ReviewPanel::derivationEnded(const jobs::CalibrationOutcome& outcome) {
  const bool shown = m_store && m_job->spec().projectPath == m_projectPath && kind() == m_derivingKind;
  const bool cancelled = outcome.status == RunStatus::Cancelled || m_job->isCancelled();
  m_progress.clear();
  updateDeriveButton();
  bool applied = false;
  if (!shown) {
    // The kind (or project) it was for is no longer shown: its result is dropped.
  } else if (cancelled) {
    say(tr("Deriving from dev was cancelled: the thresholds are unchanged."));
  } else if (outcome.status != RunStatus::Finished) {
    say(outcome.errorText());
  } else {
    applied = applyCalibration(outcome);
  }
  Q_EMIT derivationFinished(applied);
}

bool ReviewPanel::applyCalibration(const jobs::CalibrationOutcome& outcome) {
  const suggest::PrecisionThreshold& high = outcome.high;
  const suggest::PrecisionThreshold& low = outcome.low;
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
  say(lines.join(QLatin1Char(' ')));
  // Without a high threshold nothing is safe to take unseen: everything goes to review or escalation.
  const double highValue = high.found ? high.threshold : 1.0;
  const double lowValue = low.found ? low.threshold : 0.0;
  setThresholds(std::min(lowValue, highValue), highValue);
  return high.found || low.found;
}

void ReviewPanel::say(const QString& text) {
  m_calibration->setText(text);
  if (!m_shownKind.isEmpty()) m_states[m_shownKind].calibration = text;
}

void ReviewPanel::updateDeriveButton() {
  const bool deriving = isDeriving();
  m_derive->setText(deriving ? tr("Cancel &Deriving") : tr("&Derive from Dev"));
  m_derive->setToolTip(deriving ? tr("Stop deriving the %1 thresholds from dev; they stay as they are")
                                      .arg(m_kind->itemText(m_kind->findData(m_derivingKind)).toLower())
                                : deriveToolTip());
  m_derive->setEnabled(deriving ? !m_job->isCancelled() : !kind().isEmpty());
}

void ReviewPanel::refresh() {
  m_all.clear();
  m_shown.clear();
  m_counts = {};
  auto bands = suggest::ConfidenceBands::create(std::min(m_low->value(), m_high->value()), m_high->value());
  if (m_store && bands && !kind().isEmpty())
    if (auto queue = jobs::reviewQueue(*m_store, kind(), bands.value())) {
      m_all = std::move(queue.value());
      m_counts = jobs::countBands(m_all, bands.value());
    }
  const int wanted = m_band->currentData().toInt();
  for (const jobs::BandedPrediction& b : std::as_const(m_all))
    if (wanted < 0 || int(b.band) == wanted) m_shown << b;
  m_countsLabel->setText(tr("Undecided suggestions: %1 auto-accept · %2 review · %3 escalate")
                             .arg(m_counts.autoAccept)
                             .arg(m_counts.review)
                             .arg(m_counts.escalate));
  // The row that was current stays current (the next one, once it was decided).
  const int current = m_table->currentRow();
  m_table->setRowCount(int(m_shown.size()));
  for (int r = 0; r < m_shown.size(); ++r) {
    const jobs::BandedPrediction& b = m_shown[r];
    m_table->setItem(r, BandColumn, new QTableWidgetItem(bandName(b.band)));
    m_table->setItem(r, DocumentColumn, new QTableWidgetItem(b.documentName));
    m_table->setItem(r, SuggestionColumn, new QTableWidgetItem(b.description));
    m_table->setItem(r, ConfidenceColumn,
                     new QTableWidgetItem(QString::number(b.prediction.confidence, 'f', 3)));
  }
  if (current >= 0 && !m_shown.isEmpty())
    m_table->setCurrentCell(std::min(current, int(m_shown.size()) - 1), 0);
  m_table->resizeColumnsToContents();
}

}  // namespace quarry::ui
