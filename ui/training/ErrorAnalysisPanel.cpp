#include "training/ErrorAnalysisPanel.h"

#include <algorithm>

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QValueAxis>
#include <QVBoxLayout>

#include "jobs/RunComparison.h"
#include "jobs/TrainingJob.h"
#include "store/ProjectStore.h"
#include "training/ConfusionHeatMap.h"

namespace quarry::ui {
namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

QTableWidgetItem* cell(const QString& text, bool number = false) {
  auto* item = new QTableWidgetItem(text);
  item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
  if (number) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

QString percent(double fraction) { return QString::number(fraction * 100, 'f', 1); }

// One side of an error for the list: "Disease “heart attack”", or "—".
QString sideText(const std::string& type, const std::string& text) {
  if (type.empty()) return QStringLiteral("—");
  if (text.empty() || text == type) return q(type);
  return QStringLiteral("%1 “%2”").arg(q(type), q(text));
}

// A span to mark in a text window: [start, end) in code points, with its label.
struct Mark {
  int start = -1;
  int end = -1;
  QString label;
};

// The code points [from, to) of `text` as HTML with `marks` highlighted in `colour` and labelled.
QString markedHtml(const QList<uint>& text, int from, int to, QVector<Mark> marks, const QString& colour) {
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.start < b.start; });
  QString html;
  if (from > 0) html += QStringLiteral("…");
  int at = from;
  auto plain = [&](int a, int b) {
    if (b > a) html += QString::fromUcs4(reinterpret_cast<const char32_t*>(text.constData() + a), b - a).toHtmlEscaped();
  };
  for (const Mark& m : marks) {
    const int s = std::clamp(m.start, at, to), e = std::clamp(m.end, s, to);
    if (m.start < 0 || e <= s) continue;
    plain(at, s);
    html += QStringLiteral("<span style='background:%1;font-weight:bold'>").arg(colour);
    plain(s, e);
    html += QStringLiteral("</span><sup style='color:#555'>%1</sup>").arg(m.label.toHtmlEscaped());
    at = e;
  }
  plain(at, to);
  if (to < text.size()) html += QStringLiteral("…");
  return html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

// A relation error's two arguments from its item ("12-18:Chemical → 30-37:Disease"); none for concepts.
QVector<Mark> relationArguments(const eval::AnalysedError& e, const std::string& type) {
  static const QRegularExpression key(QStringLiteral("^(\\d+)-(\\d+):.* → (\\d+)-(\\d+):.*$"));
  const QRegularExpressionMatch m = key.match(q(e.item));
  if (!m.hasMatch()) return {};
  return {{m.captured(1).toInt(), m.captured(2).toInt(), QObject::tr("%1 head").arg(q(type))},
          {m.captured(3).toInt(), m.captured(4).toInt(), QObject::tr("tail")}};
}

}  // namespace

ErrorAnalysisPanel::ErrorAnalysisPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("ErrorAnalysisPanel"));
  qRegisterMetaType<jobs::ErrorAnalysisOutcome>();
  m_runBox = new QComboBox(this);
  m_runBox->setObjectName(QStringLiteral("errorRunBox"));
  m_runBox->setMinimumContentsLength(24);
  m_compareBox = new QComboBox(this);
  m_compareBox->setObjectName(QStringLiteral("errorCompareBox"));
  m_compareBox->setMinimumContentsLength(20);
  m_analyse = new QPushButton(tr("&Analyse"), this);
  m_analyse->setObjectName(QStringLiteral("analyseErrorsButton"));
  m_analyse->setToolTip(tr("Predict the run's dev documents with its best model and list where it errs"));
  m_cancel = new QPushButton(tr("Cancel"), this);
  m_cancel->setVisible(false);
  m_progress = new QProgressBar(this);
  m_progress->setVisible(false);
  m_progress->setMaximumWidth(180);
  m_exportHtml = new QPushButton(tr("Export &HTML…"), this);
  m_exportHtml->setObjectName(QStringLiteral("exportErrorsHtmlButton"));
  m_exportCsv = new QPushButton(tr("Export &CSV…"), this);
  m_exportCsv->setObjectName(QStringLiteral("exportErrorsCsvButton"));
  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Run:"), this));
  top->addWidget(m_runBox, 2);
  top->addWidget(new QLabel(tr("Compare with:"), this));
  top->addWidget(m_compareBox, 1);
  top->addWidget(m_analyse);
  top->addWidget(m_progress);
  top->addWidget(m_cancel);
  top->addStretch();
  top->addWidget(m_exportHtml);
  top->addWidget(m_exportCsv);
  m_summary = new QLabel(tr("Choose a training run and press Analyse."), this);
  m_summary->setObjectName(QStringLiteral("errorSummary"));
  m_summary->setWordWrap(true);

  m_typeTable = new QTableWidget(0, 7, this);
  m_typeTable->setObjectName(QStringLiteral("errorTypeTable"));
  m_typeTable->verticalHeader()->hide();
  m_typeTable->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_heatMap = new ConfusionHeatMap(this);
  m_heatMap->setToolTip(tr("Click a cell to list its errors"));
  auto* chart = new QChart;
  chart->legend()->setVisible(false);
  chart->setMargins(QMargins(4, 4, 4, 4));
  m_kindChart = new QChartView(chart, this);
  m_kindChart->setObjectName(QStringLiteral("errorKindChart"));
  m_kindChart->setRenderHint(QPainter::Antialiasing);
  m_kindChart->setMinimumSize(160, 60);

  m_source = new QComboBox(this);
  m_source->setObjectName(QStringLiteral("errorSourceBox"));
  m_kind = new QComboBox(this);
  m_kind->setObjectName(QStringLiteral("errorKindBox"));
  m_type = new QComboBox(this);
  m_type->setObjectName(QStringLiteral("errorTypeBox"));
  for (QComboBox* box : {m_source, m_kind, m_type}) box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  m_cellFilter = new QLabel(this);
  auto* clearCell = new QPushButton(tr("Show All Cells"), this);
  clearCell->setVisible(false);
  auto* filters = new QHBoxLayout;
  filters->addWidget(new QLabel(tr("Show:"), this));
  filters->addWidget(m_source);
  filters->addWidget(new QLabel(tr("Kind:"), this));
  filters->addWidget(m_kind);
  filters->addWidget(new QLabel(tr("Type:"), this));
  filters->addWidget(m_type);
  filters->addWidget(m_cellFilter);
  filters->addWidget(clearCell);
  filters->addStretch();
  m_errorTable = new QTableWidget(0, 6, this);
  m_errorTable->setObjectName(QStringLiteral("errorTable"));
  m_errorTable->setHorizontalHeaderLabels(
      {tr("Document"), tr("Kind"), tr("Gold"), tr("Predicted"), tr("Confidence"), tr("Context")});
  m_errorTable->verticalHeader()->hide();
  m_errorTable->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_errorTable->setSelectionMode(QAbstractItemView::SingleSelection);
  m_errorTable->horizontalHeader()->setStretchLastSection(true);
  m_goldView = new QTextBrowser(this);
  m_goldView->setObjectName(QStringLiteral("errorGoldView"));
  m_predictedView = new QTextBrowser(this);
  m_predictedView->setObjectName(QStringLiteral("errorPredictedView"));
  for (QWidget* w : {static_cast<QWidget*>(m_errorTable), static_cast<QWidget*>(m_typeTable),
                     static_cast<QWidget*>(m_goldView), static_cast<QWidget*>(m_predictedView)})
    w->setMinimumHeight(40);
  auto* sides = new QSplitter(Qt::Horizontal, this);
  for (auto [view, title] : {std::pair{m_goldView, tr("Gold")}, std::pair{m_predictedView, tr("Predicted")}}) {
    auto* box = new QWidget(sides);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(title), box));
    layout->addWidget(view);
    sides->addWidget(box);
  }
  auto* errorsPage = new QWidget(this);
  auto* errorsLayout = new QVBoxLayout(errorsPage);
  errorsLayout->addLayout(filters);
  auto* split = new QSplitter(Qt::Vertical, errorsPage);
  split->addWidget(m_errorTable);
  split->addWidget(sides);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  errorsLayout->addWidget(split, 1);

  m_tabs = new QTabWidget(this);
  m_tabs->setObjectName(QStringLiteral("errorTabs"));
  m_tabs->addTab(errorsPage, tr("&Errors"));
  m_tabs->addTab(m_typeTable, tr("Per &Type"));
  // Docked below the text: no part may ask for more height than the bottom dock area gives.
  auto* mapScroll = new QScrollArea(this);
  mapScroll->setWidget(m_heatMap);
  mapScroll->setWidgetResizable(true);
  mapScroll->setMinimumHeight(60);
  m_tabs->addTab(mapScroll, tr("Confusion &Matrix"));
  m_tabs->addTab(m_kindChart, tr("&Kinds"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  // Docked under the text beside the other model panels: it asks for no more height than they do (its
  // parts shrink, the heat map and the lists scroll).
  setMinimumHeight(120);
  layout->addLayout(top);
  layout->addWidget(m_summary);
  layout->addWidget(m_tabs, 1);

  connect(m_analyse, &QPushButton::clicked, this, [this] {
    analyse(m_runBox->currentData().toLongLong(), m_compareBox->currentData().toLongLong());
  });
  connect(m_cancel, &QPushButton::clicked, this, &ErrorAnalysisPanel::cancel);
  connect(m_exportHtml, &QPushButton::clicked, this, [this] { exportHtml(); });
  connect(m_exportCsv, &QPushButton::clicked, this, [this] { exportCsv(); });
  connect(m_runBox, &QComboBox::currentIndexChanged, this, &ErrorAnalysisPanel::updateButtons);
  for (QComboBox* box : {m_source, m_kind, m_type})
    connect(box, &QComboBox::currentIndexChanged, this, &ErrorAnalysisPanel::fillErrors);
  connect(m_heatMap, &ConfusionHeatMap::cellActivated, this, [this, clearCell](int g, int p) {
    filterByCell(g, p);
    clearCell->setVisible(true);
    m_tabs->setCurrentIndex(0);
  });
  connect(clearCell, &QPushButton::clicked, this, [this, clearCell] {
    filterByCell(-1, -1);
    clearCell->setVisible(false);
  });
  connect(m_errorTable, &QTableWidget::currentCellChanged, this, &ErrorAnalysisPanel::showCurrentError);
  connect(m_errorTable, &QTableWidget::cellClicked, this, [this](int row) { activateError(row); });
  connect(m_errorTable, &QTableWidget::cellActivated, this, [this](int row) { activateError(row); });
  updateButtons();
}

ErrorAnalysisPanel::~ErrorAnalysisPanel() = default;

QSize ErrorAnalysisPanel::sizeHint() const { return {QWidget::sizeHint().width(), 240}; }

void ErrorAnalysisPanel::setProject(const QString& path, ProjectStore* store) {
  if (path != m_projectPath || !store) {
    m_job.reset();  // cancels and waits
    m_main.reset();
    m_other.reset();
    m_difference = {};
    showAnalysis();
  }
  m_projectPath = store ? path : QString();
  m_store = store;
  refreshRuns();
}

void ErrorAnalysisPanel::refreshRuns() {
  const qint64 run = m_runBox->currentData().toLongLong(), other = m_compareBox->currentData().toLongLong();
  m_runBox->clear();
  m_compareBox->clear();
  m_compareBox->addItem(tr("(nothing)"), qint64(0));
  if (m_store)
    if (auto runs = m_store->listRuns())
      for (auto it = runs->crbegin(); it != runs->crend(); ++it) {
        if (!jobs::isTrainingRun(*it) || it->checkpointPath.isEmpty())
          continue;
        const QString text = tr("%1 · %2 · %3").arg(it->id).arg(jobs::taskTitle(it->task.toStdString()), it->name);
        m_runBox->addItem(text, it->id);
        m_compareBox->addItem(text, it->id);
      }
  if (int i = m_runBox->findData(run); i >= 0) m_runBox->setCurrentIndex(i);
  if (int i = m_compareBox->findData(other); i >= 0) m_compareBox->setCurrentIndex(i);
  updateButtons();
}

bool ErrorAnalysisPanel::isAnalysing() const { return m_job && m_job->isRunning(); }

bool ErrorAnalysisPanel::analyse(qint64 runId, qint64 compareWith) {
  if (isAnalysing() || !m_store || runId <= 0) return false;
  if (int i = m_runBox->findData(runId); i >= 0) m_runBox->setCurrentIndex(i);
  if (int i = m_compareBox->findData(compareWith == runId ? 0 : compareWith); i >= 0) m_compareBox->setCurrentIndex(i);
  m_main.reset();
  m_other.reset();
  m_difference = {};
  m_pendingCompare = compareWith == runId ? 0 : compareWith;
  startJob(runId);
  return true;
}

bool ErrorAnalysisPanel::analyseLatest() {
  refreshRuns();
  return m_runBox->count() > 0 && analyse(m_runBox->itemData(0).toLongLong());
}

void ErrorAnalysisPanel::startJob(qint64 runId) {
  m_job = std::make_unique<jobs::ErrorAnalysisJob>(jobs::ErrorAnalysisSpec{m_projectPath, runId, {}, 0});
  connect(m_job.get(), &jobs::ErrorAnalysisJob::progress, this, [this](const jobs::PredictionProgress& p) {
    m_progress->setRange(0, std::max(1, p.documents));
    m_progress->setValue(p.documentsDone);
    m_progress->setFormat(tr("%v of %m documents"));
  });
  connect(m_job.get(), &jobs::ErrorAnalysisJob::finished, this, &ErrorAnalysisPanel::jobFinished);
  m_summary->setText(tr("Predicting the dev documents of run %1…").arg(runId));
  m_progress->setRange(0, 0);
  m_job->start();
  updateButtons();
}

void ErrorAnalysisPanel::cancel() {
  if (m_job) m_job->cancel();
  m_pendingCompare = 0;
}

void ErrorAnalysisPanel::jobFinished(const jobs::ErrorAnalysisOutcome& outcome) {
  if (outcome.status != RunStatus::Finished) {
    m_pendingCompare = 0;
    const QString why = outcome.status == RunStatus::Cancelled ? tr("Analysis cancelled.")
                                                                : tr("Cannot analyse run %1: %2")
                                                                      .arg(outcome.runId)
                                                                      .arg(outcome.errorText());
    m_summary->setText(why);
    Q_EMIT message(why);
    if (!m_main) {
      Q_EMIT analysisFinished(outcome);
      updateButtons();
      return;
    }
  } else if (!m_main) {
    m_main = std::make_unique<jobs::ErrorAnalysisOutcome>(outcome);
  } else {
    m_other = std::make_unique<jobs::ErrorAnalysisOutcome>(outcome);
  }
  if (m_pendingCompare > 0) {
    const qint64 next = m_pendingCompare;
    m_pendingCompare = 0;
    // The job that called this is still on the stack: the next one starts once it has returned.
    QMetaObject::invokeMethod(this, [this, next] { startJob(next); }, Qt::QueuedConnection);
    return;
  }
  if (m_main && m_other && m_other->analysis && m_main->analysis)
    m_difference = eval::compareErrors(*m_other->analysis, *m_main->analysis);
  showAnalysis();
  Q_EMIT analysisFinished(*m_main);
  updateButtons();
}

QString ErrorAnalysisPanel::matrixLabelOf(const std::string& type) const {
  if (type.empty()) return QStringLiteral("none");
  if (m_main && m_main->analysis && m_main->analysis->task == "qa") return QStringLiteral("answer");
  return q(type);
}

void ErrorAnalysisPanel::showAnalysis() {
  m_cellGold.clear();
  m_cellPredicted.clear();
  const eval::ErrorAnalysis* a = hasAnalysis() ? m_main->analysis.get() : nullptr;
  if (!a) {
    m_typeTable->setRowCount(0);
    m_heatMap->setMatrix({}, {});
    m_errorTable->setRowCount(0);
    m_shown.clear();
    m_goldView->clear();
    m_predictedView->clear();
    if (!isAnalysing()) m_summary->setText(tr("Choose a training run and press Analyse."));
    fillKindChart();
    return;
  }
  QStringList splits;
  for (Split s : m_main->splits) splits << splitName(s);
  QString summary = tr("Run %1 (%2) on %3: %4 documents; micro P %5, R %6, F1 %7; %8 errors.")
                        .arg(m_main->runId)
                        .arg(jobs::taskTitle(a->task), splits.join(QStringLiteral(", ")))
                        .arg(a->documents)
                        .arg(percent(a->micro.precision), percent(a->micro.recall), percent(a->micro.f1))
                        .arg(a->errors.size());
  if (m_other && m_other->analysis)
    summary += tr(" Against run %1 (F1 %2): %3 fixed, %4 broken, %5 in both.")
                   .arg(m_other->runId)
                   .arg(percent(m_other->analysis->micro.f1))
                   .arg(m_difference.fixed.size())
                   .arg(m_difference.broken.size())
                   .arg(m_difference.common);
  m_summary->setText(summary);
  fillTypeTable();
  QStringList labels;
  for (const std::string& l : a->matrixLabels) labels << q(l);
  QVector<QVector<qint64>> counts;
  for (const auto& row : a->confusion) counts << QVector<qint64>(row.begin(), row.end());
  m_heatMap->setMatrix(labels, counts);
  fillKindChart();
  fillFilters();
  fillErrors();
}

void ErrorAnalysisPanel::fillTypeTable() {
  const eval::ErrorAnalysis& a = *m_main->analysis;
  const eval::ErrorAnalysis* b = m_other && m_other->analysis ? m_other->analysis.get() : nullptr;
  QStringList headers{a.task == "qa" ? tr("Field") : a.task == "classify" ? tr("Label") : tr("Type"),
                      tr("Precision"), tr("Recall"), tr("F1"), tr("Correct"), tr("Predicted"), tr("Gold")};
  if (b) headers << tr("F1 of run %1").arg(m_other->runId) << tr("Change");
  m_typeTable->setColumnCount(int(headers.size()));
  m_typeTable->setHorizontalHeaderLabels(headers);
  m_typeTable->setRowCount(int(a.types.size()) + 1);
  auto row = [&](int r, const std::string& name, const eval::EntityScores& s, const eval::EntityScores* other) {
    m_typeTable->setItem(r, 0, cell(q(name)));
    m_typeTable->setItem(r, 1, cell(percent(s.precision), true));
    m_typeTable->setItem(r, 2, cell(percent(s.recall), true));
    m_typeTable->setItem(r, 3, cell(percent(s.f1), true));
    m_typeTable->setItem(r, 4, cell(QString::number(s.truePositives), true));
    m_typeTable->setItem(r, 5, cell(QString::number(s.predicted), true));
    m_typeTable->setItem(r, 6, cell(QString::number(s.support), true));
    if (!b) return;
    m_typeTable->setItem(r, 7, cell(other ? percent(other->f1) : QString(), true));
    const double change = other ? (s.f1 - other->f1) * 100 : 0.0;
    auto* delta = cell(other ? QStringLiteral("%1%2").arg(change > 0 ? QStringLiteral("+") : QString())
                                   .arg(change, 0, 'f', 1)
                             : QString(),
                       true);
    if (other && std::abs(change) >= 0.05) delta->setForeground(change > 0 ? QColor(0, 120, 0) : QColor(180, 0, 0));
    m_typeTable->setItem(r, 8, delta);
  };
  for (size_t i = 0; i < a.types.size(); ++i) {
    const eval::EntityScores* other = nullptr;
    if (b)
      for (size_t j = 0; j < b->types.size(); ++j)
        if (b->types[j] == a.types[i]) other = &b->perType[j];
    row(int(i), a.types[i], a.perType[i], other);
  }
  row(int(a.types.size()), "micro", a.micro, b ? &b->micro : nullptr);
  QFont bold = m_typeTable->font();
  bold.setBold(true);
  for (int c = 0; c < m_typeTable->columnCount(); ++c)
    if (auto* it = m_typeTable->item(int(a.types.size()), c)) it->setFont(bold);
  m_typeTable->resizeColumnsToContents();
}

void ErrorAnalysisPanel::fillKindChart() {
  QChart* chart = m_kindChart->chart();
  chart->removeAllSeries();
  for (QAbstractAxis* axis : chart->axes()) {
    chart->removeAxis(axis);
    delete axis;
  }
  if (!hasAnalysis()) {
    chart->setTitle(QString());
    return;
  }
  const eval::ErrorAnalysis& a = *m_main->analysis;
  auto* series = new QHorizontalBarSeries;
  QStringList kinds;
  auto setOf = [&](const QString& name, const eval::ErrorAnalysis& analysis) {
    auto* set = new QBarSet(name);
    for (const std::string& k : a.kinds) {
      const auto it = analysis.counts.find(k);
      *set << (it == analysis.counts.end() ? 0.0 : double(it->second));
    }
    set->setLabelColor(Qt::black);
    return set;
  };
  for (const std::string& k : a.kinds) kinds << q(eval::errorKindTitle(k));
  series->append(setOf(tr("run %1").arg(m_main->runId), a));
  if (m_other && m_other->analysis) series->append(setOf(tr("run %1").arg(m_other->runId), *m_other->analysis));
  series->setLabelsVisible(true);
  chart->addSeries(series);
  chart->legend()->setVisible(m_other != nullptr);
  chart->setTitle(tr("Errors by kind"));
  auto* axisY = new QBarCategoryAxis;
  axisY->append(kinds);
  chart->addAxis(axisY, Qt::AlignLeft);
  series->attachAxis(axisY);
  auto* axisX = new QValueAxis;
  int64_t most = 1;
  for (const auto& [k, n] : a.counts) most = std::max(most, n);
  if (m_other && m_other->analysis)
    for (const auto& [k, n] : m_other->analysis->counts) most = std::max(most, n);
  axisX->setRange(0, double(most) * 1.15);
  axisX->setLabelFormat(QStringLiteral("%d"));
  chart->addAxis(axisX, Qt::AlignBottom);
  series->attachAxis(axisX);
}

void ErrorAnalysisPanel::fillFilters() {
  const eval::ErrorAnalysis& a = *m_main->analysis;
  const QSignalBlocker b1(m_source), b2(m_kind), b3(m_type);
  m_source->clear();
  m_source->addItem(tr("Every error of run %1").arg(m_main->runId), int(ErrorSource::All));
  if (m_other && m_other->analysis) {
    m_source->addItem(tr("Fixed since run %1 (%2)").arg(m_other->runId).arg(m_difference.fixed.size()),
                      int(ErrorSource::Fixed));
    m_source->addItem(tr("Broken since run %1 (%2)").arg(m_other->runId).arg(m_difference.broken.size()),
                      int(ErrorSource::Broken));
  }
  m_source->setEnabled(m_source->count() > 1);
  m_kind->clear();
  m_kind->addItem(tr("All kinds"), QString());
  for (const std::string& k : a.kinds)
    m_kind->addItem(QStringLiteral("%1 (%2)").arg(q(eval::errorKindTitle(k))).arg(a.counts.count(k) ? a.counts.at(k) : 0),
                    q(k));
  m_type->clear();
  m_type->addItem(tr("All types"), QString());
  for (const std::string& t : a.types) m_type->addItem(q(t), q(t));
}

void ErrorAnalysisPanel::setErrorSource(ErrorSource source) {
  if (int i = m_source->findData(int(source)); i >= 0) m_source->setCurrentIndex(i);
}

void ErrorAnalysisPanel::filterByCell(int gold, int predicted) {
  const QStringList& labels = m_heatMap->labels();
  if (gold < 0 || predicted < 0 || gold >= labels.size() || predicted >= labels.size()) {
    m_cellGold.clear();
    m_cellPredicted.clear();
    m_cellFilter->clear();
  } else {
    m_cellGold = labels[gold];
    m_cellPredicted = labels[predicted];
    m_cellFilter->setText(tr("gold %1, predicted %2").arg(m_cellGold, m_cellPredicted));
  }
  fillErrors();
}

void ErrorAnalysisPanel::fillErrors() {
  m_shown.clear();
  if (hasAnalysis()) {
    const auto source = ErrorSource(m_source->currentData().toInt());
    const QString kind = m_kind->currentData().toString(), type = m_type->currentData().toString();
    // Fixed errors are the compared run's: their document indexes are its.
    const bool fixed = source == ErrorSource::Fixed && m_other;
    const jobs::ErrorAnalysisOutcome& owner = fixed ? *m_other : *m_main;
    const std::vector<eval::AnalysedError>& errors = source == ErrorSource::Fixed    ? m_difference.fixed
                                                     : source == ErrorSource::Broken ? m_difference.broken
                                                                                     : m_main->analysis->errors;
    for (const eval::AnalysedError& e : errors) {
      if (!kind.isEmpty() && q(e.kind) != kind) continue;
      if (!type.isEmpty() && q(e.goldType) != type && q(e.predictedType) != type) continue;
      if (!m_cellGold.isEmpty() && (matrixLabelOf(e.goldType) != m_cellGold || matrixLabelOf(e.predictedType) != m_cellPredicted))
        continue;
      m_shown.push_back({e, owner.documentIds.value(int(e.document))});
    }
  }
  const QSignalBlocker block(m_errorTable);
  m_errorTable->setRowCount(int(m_shown.size()));
  for (int r = 0; r < m_shown.size(); ++r) {
    const eval::AnalysedError& e = m_shown[r].error;
    m_errorTable->setItem(r, 0, cell(q(e.documentId)));
    m_errorTable->setItem(r, 1, cell(q(eval::errorKindTitle(e.kind))));
    m_errorTable->setItem(r, 2, cell(sideText(e.goldType, e.goldText)));
    m_errorTable->setItem(r, 3, cell(sideText(e.predictedType, e.predictedText)));
    m_errorTable->setItem(r, 4, cell(e.confidence >= 0 ? QString::number(e.confidence, 'f', 2) : QString(), true));
    QString context = q(e.context);
    if (!e.item.empty() && m_main->analysis->task == "qa") context = q(e.item) + QStringLiteral("  ·  ") + context;
    m_errorTable->setItem(r, 5, cell(context));
  }
  m_errorTable->resizeColumnsToContents();
  m_errorTable->setCurrentCell(m_shown.isEmpty() ? -1 : 0, 0);
  showCurrentError();
  updateButtons();
}

void ErrorAnalysisPanel::showCurrentError() {
  const int row = m_errorTable->currentRow();
  if (row < 0 || row >= m_shown.size() || !m_store) {
    m_goldView->clear();
    m_predictedView->clear();
    return;
  }
  const ShownError& shown = m_shown[row];
  const eval::AnalysedError& e = shown.error;
  auto stored = m_store->loadDocument(shown.documentId);
  if (!stored) {
    m_goldView->setPlainText(QString::fromStdString(stored.error().toString()));
    m_predictedView->clear();
    return;
  }
  const QList<uint> text = stored->document.text.toUcs4();
  const int length = int(text.size());
  int from = length, to = 0;
  for (int v : {e.goldStart, e.predictedStart})
    if (v >= 0) from = std::min(from, v);
  for (int v : {e.goldEnd, e.predictedEnd})
    if (v >= 0) to = std::max(to, v);
  if (from > to) from = to = 0;  // about the whole document: its beginning
  from = std::max(0, from - 160);
  to = std::min(length, to + 160);
  const bool relation = m_main->analysis->task == "relation";
  auto marks = [&](const std::string& type, int start, int end) -> QVector<Mark> {
    if (type.empty()) return {};
    if (relation) {
      QVector<Mark> arguments = relationArguments(e, type);
      if (!arguments.isEmpty()) return arguments;
    }
    return {{start, end, q(type)}};
  };
  // (QString, not auto: a QStringBuilder returned would point into this lambda's locals.)
  auto page = [&](const std::string& type, const std::string& label, int start, int end,
                  const QString& colour) -> QString {
    QString head;
    if (!e.item.empty() && m_main->analysis->task == "qa") head += QStringLiteral("<p><i>%1</i></p>").arg(q(e.item).toHtmlEscaped());
    if (type.empty())
      head += tr("<p><b>none</b></p>");
    else if (m_main->analysis->task == "classify")
      head += QStringLiteral("<p><b>%1</b></p>").arg(q(label).toHtmlEscaped());
    return head + QStringLiteral("<p>%1</p>").arg(markedHtml(text, from, to, marks(type, start, end), colour));
  };
  m_goldView->setHtml(page(e.goldType, e.goldText, e.goldStart, e.goldEnd, QStringLiteral("#c9e7c9")));
  m_predictedView->setHtml(page(e.predictedType, e.predictedText, e.predictedStart, e.predictedEnd,
                                e.kind == "spurious" ? QStringLiteral("#f4c7c3") : QStringLiteral("#f9e1a8")));
}

bool ErrorAnalysisPanel::activateError(int row) {
  if (row < 0 || row >= m_shown.size()) return false;
  const eval::AnalysedError& e = m_shown[row].error;
  int start = e.goldStart >= 0 ? e.goldStart : e.predictedStart;
  int end = e.goldStart >= 0 ? e.goldEnd : e.predictedEnd;
  if (e.goldStart >= 0 && e.predictedStart >= 0) {
    start = std::min(e.goldStart, e.predictedStart);
    end = std::max(e.goldEnd, e.predictedEnd);
  }
  Q_EMIT errorActivated(m_shown[row].documentId, start, end);
  return true;
}

void ErrorAnalysisPanel::updateButtons() {
  const bool busy = isAnalysing();
  m_analyse->setEnabled(!busy && m_runBox->count() > 0);
  m_cancel->setVisible(busy);
  m_progress->setVisible(busy);
  m_exportHtml->setEnabled(hasAnalysis() && !busy);
  m_exportCsv->setEnabled(hasAnalysis() && !busy);
}

QString ErrorAnalysisPanel::reportTitle() const {
  return tr("Errors of run %1 (%2)").arg(m_main->runId).arg(m_main->runName);
}

bool ErrorAnalysisPanel::exportHtml(const QString& path) {
  if (!hasAnalysis()) return false;
  const QString target = path.isEmpty() ? QFileDialog::getSaveFileName(
                                              this, tr("Export the Error Report"),
                                              QStringLiteral("errors-run-%1.html").arg(m_main->runId),
                                              tr("HTML pages (*.html)"))
                                        : path;
  if (target.isEmpty()) return false;
  const bool comparing = m_other && m_other->analysis;
  if (Status s = jobs::writeErrorReportHtml(target, *m_main, m_projectPath, QStringLiteral("Quarry"),
                                            comparing ? m_other.get() : nullptr);
      !s) {
    QMessageBox::warning(this, tr("Cannot Export the Report"), QString::fromStdString(s.error().toString()));
    return false;
  }
  Q_EMIT message(tr("Error report written to %1").arg(target));
  return true;
}

bool ErrorAnalysisPanel::exportCsv(const QString& path) {
  if (!hasAnalysis()) return false;
  const QString target = path.isEmpty() ? QFileDialog::getSaveFileName(
                                              this, tr("Export the Errors"),
                                              QStringLiteral("errors-run-%1.csv").arg(m_main->runId),
                                              tr("CSV files (*.csv)"))
                                        : path;
  if (target.isEmpty()) return false;
  const Result<QString> perType = jobs::writeErrorCsv(target, *m_main->analysis);
  if (!perType) {
    QMessageBox::warning(this, tr("Cannot Export the Errors"), QString::fromStdString(perType.error().toString()));
    return false;
  }
  Q_EMIT message(tr("Errors written to %1, the per-type table to %2").arg(target, perType.value()));
  return true;
}

}  // namespace quarry::ui
