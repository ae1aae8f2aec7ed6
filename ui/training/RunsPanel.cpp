#include "training/RunsPanel.h"

#include <algorithm>

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "jobs/ModelArchive.h"
#include "jobs/RunComparison.h"
#include "jobs/RunLineage.h"
#include "jobs/TrainingEstimate.h"
#include "jobs/TrainingJob.h"
#include "store/ProjectStore.h"
#include "training/RunComparisonDialog.h"
#include "training/RunLogDialog.h"

namespace quarry::ui {
namespace {

enum Column { Id, Name, Task, State, TrainData, DevScore, Lineage, Started, Duration, ColumnCount };

QString dataText(const ModelRun& run) {
  const QJsonObject train = run.data.value(QStringLiteral("train")).toObject();
  if (train.isEmpty()) {
    const qint64 documents = qint64(run.metrics.value(QStringLiteral("documents")).toDouble(-1));
    return documents >= 0 ? QObject::tr("%1 documents").arg(documents) : QString();
  }
  auto n = [&](const char* key) { return qint64(train.value(QLatin1String(key)).toDouble()); };
  QString items;
  if (run.task == QLatin1String("classify"))
    items = QObject::tr("%1 labels").arg(n("labels"));
  else if (run.task == QLatin1String("relation"))
    items = QObject::tr("%1 relations").arg(n("relations") + n("concept_relations"));
  else if (run.task == QLatin1String("qa"))
    items = QObject::tr("%1 questions").arg(n("questions"));
  else
    items = QObject::tr("%1 entities").arg(n("entities"));
  return QObject::tr("%1 docs, %2").arg(n("documents")).arg(items);
}

// Whether what a training run read is still what the project holds: "up to date", or "stale" with what
// changed (the tooltip lists the counts by kind).
std::pair<QString, QString> lineageText(ProjectStore& store, const ModelRun& run) {
  if (!jobs::isTrainingRun(run) || run.status == RunStatus::Running) return {};
  auto lineage = jobs::runLineage(store, run.id);
  if (!lineage) return {QObject::tr("?"), QString::fromStdString(lineage.error().toString())};
  if (!lineage->recorded) return {QObject::tr("not recorded"), QObject::tr("This run predates lineage records")};
  if (!lineage->stale())
    return {QObject::tr("up to date"),
            QObject::tr("Trained on %1 documents and annotations, all unchanged").arg(lineage->trainedOn)};
  auto byKind = [](const QVector<AnnotationVersion>& versions) {
    QMap<QString, int> counts;
    for (const AnnotationVersion& v : versions) ++counts[v.role + QLatin1Char(' ') + v.kind];
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) parts << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
    return parts.join(QStringLiteral(", "));
  };
  QStringList tip;
  if (!lineage->added.isEmpty()) tip << QObject::tr("added: %1").arg(byKind(lineage->added));
  if (!lineage->changed.isEmpty()) tip << QObject::tr("changed: %1").arg(byKind(lineage->changed));
  if (!lineage->removed.isEmpty()) tip << QObject::tr("removed: %1").arg(byKind(lineage->removed));
  return {QObject::tr("stale: +%1 ~%2 −%3")
              .arg(lineage->added.size())
              .arg(lineage->changed.size())
              .arg(lineage->removed.size()),
          QObject::tr("Since this run read them:\n%1").arg(tip.join(QLatin1Char('\n')))};
}

QTableWidgetItem* item(const QString& text, const QString& tooltip = {}) {
  auto* cell = new QTableWidgetItem(text);
  cell->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
  if (!tooltip.isEmpty()) cell->setToolTip(tooltip);
  return cell;
}

}  // namespace

RunsPanel::RunsPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("RunsPanel"));
  m_table = new QTableWidget(0, ColumnCount, this);
  m_table->setObjectName(QStringLiteral("runsTable"));
  m_table->setHorizontalHeaderLabels({tr("Run"), tr("Name"), tr("Task"), tr("State"), tr("Trained on"),
                                      tr("Dev score"), tr("Annotations since"), tr("Started"), tr("Took")});
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_table->verticalHeader()->hide();
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_compare = new QPushButton(tr("Co&mpare Two Runs…"), this);
  m_compare->setObjectName(QStringLiteral("compareRunsButton"));
  m_compare->setEnabled(false);
  m_export = new QPushButton(tr("E&xport Model…"), this);
  m_export->setObjectName(QStringLiteral("exportModelButton"));
  m_export->setEnabled(false);
  m_export->setToolTip(
      tr("A zip with the model folder (Hugging Face's for transformers) and its model card"));
  m_resume = new QPushButton(tr("&Resume"), this);
  m_resume->setObjectName(QStringLiteral("resumeRunButton"));
  m_resume->setEnabled(false);
  m_resume->setToolTip(tr("Continue a cancelled or interrupted training run from its last checkpoint"));
  m_analyse = new QPushButton(tr("Analyse &Errors"), this);
  m_analyse->setObjectName(QStringLiteral("analyseRunErrorsButton"));
  m_analyse->setEnabled(false);
  m_analyse->setToolTip(tr("Where the selected training run's model errs on its dev documents; with two "
                           "selected, what the newer fixed and broke"));
  m_drift = new QPushButton(tr("&Drift"), this);
  m_drift->setObjectName(QStringLiteral("driftRunButton"));
  m_drift->setEnabled(false);
  m_drift->setToolTip(tr("Do the unassigned documents still look like what the selected run's model trained "
                         "on? (Data Quality dock)"));
  m_log = new QPushButton(tr("Lo&g…"), this);  // not &Log: Alt+L toggles the view's type names
  m_log->setObjectName(QStringLiteral("runLogButton"));
  m_log->setEnabled(false);
  m_log->setToolTip(tr("What the selected run's job and the engine said, the reason last when it failed"));
  m_simulate = new QPushButton(tr("Sim&ulate Active Learning…"), this);
  m_simulate->setObjectName(QStringLiteral("simulateActiveLearningButton"));
  m_simulate->setEnabled(false);
  m_simulate->setToolTip(tr("How much would active learning have saved here? A simulated annotator labels the "
                            "project's labelled data strategy by strategy, and the learning curves compare them"));
  auto* hint = new QLabel(
      tr("Select two runs to compare them per type, or one to export its model or read its log."), this);
  hint->setWordWrap(true);  // the row of buttons must fit the bottom dock area at 1280 pixels
  auto* row = new QHBoxLayout;
  row->addWidget(m_simulate);
  row->addWidget(hint, 1);
  row->addWidget(m_log);
  row->addWidget(m_resume);
  row->addWidget(m_analyse);
  row->addWidget(m_drift);
  row->addWidget(m_export);
  row->addWidget(m_compare);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(m_table, 1);
  layout->addLayout(row);
  auto updateButtons = [this] {
    const QVector<ModelRun> selected = selectedRuns();
    m_compare->setEnabled(selected.size() == 2);
    m_log->setEnabled(selected.size() == 1);
    m_export->setEnabled(selected.size() == 1 && QFileInfo::exists(selected.front().checkpointPath));
    m_resume->setEnabled(resumableSelection().has_value());
    m_drift->setEnabled(selected.size() == 1 && jobs::isTrainingRun(selected.front()) &&
                        QFileInfo::exists(selected.front().checkpointPath));
    m_analyse->setEnabled(!selected.isEmpty() && selected.size() <= 2 &&
                          std::all_of(selected.begin(), selected.end(), [](const ModelRun& r) {
                            return jobs::isTrainingRun(r) && QFileInfo::exists(r.checkpointPath);
                          }));
  };
  connect(m_table, &QTableWidget::itemSelectionChanged, this, updateButtons);
  connect(m_compare, &QPushButton::clicked, this, &RunsPanel::compareSelected);
  connect(m_export, &QPushButton::clicked, this, [this] { exportSelected(); });
  connect(m_log, &QPushButton::clicked, this, [this] { showSelectedLog(); });
  connect(m_analyse, &QPushButton::clicked, this, [this] {
    QVector<ModelRun> runs = selectedRuns();
    if (runs.isEmpty() || runs.size() > 2) return;
    if (runs.size() == 2 && runs[0].id < runs[1].id) std::swap(runs[0], runs[1]);
    Q_EMIT errorAnalysisRequested(runs[0].id, runs.size() == 2 ? runs[1].id : 0);
  });
  connect(m_drift, &QPushButton::clicked, this, [this] {
    const QVector<ModelRun> runs = selectedRuns();
    if (runs.size() == 1) Q_EMIT driftRequested(runs[0].id);
  });
  connect(m_simulate, &QPushButton::clicked, this, &RunsPanel::activeLearningRequested);
  connect(m_resume, &QPushButton::clicked, this, [this] {
    if (auto run = resumableSelection()) Q_EMIT resumeRequested(*run);
  });
}

void RunsPanel::refresh(ProjectStore* store) {
  m_store = store;
  m_simulate->setEnabled(store != nullptr);
  m_runs.clear();
  if (store)
    if (auto runs = store->listRuns())
      for (auto it = runs->crbegin(); it != runs->crend(); ++it) m_runs << *it;
  m_table->setRowCount(int(m_runs.size()));
  for (int r = 0; r < m_runs.size(); ++r) {
    const ModelRun& run = m_runs[r];
    const double score = jobs::runPrimaryScore(run);
    const QString metric = jobs::runPrimaryMetric(run);
    const double seconds = run.started.isValid() && run.finished.isValid()
                               ? double(run.started.msecsTo(run.finished)) / 1000
                               : -1;
    m_table->setItem(r, Id, item(QString::number(run.id)));
    m_table->setItem(r, Name, item(run.name, run.baseModel));
    m_table->setItem(r, Task, item(run.task.isEmpty() ? QString() : jobs::taskTitle(run.task.toStdString())));
    m_table->setItem(r, State, item(runStatusName(run.status), run.error));
    m_table->setItem(r, TrainData, item(dataText(run)));
    m_table->setItem(
        r, DevScore,
        item(score >= 0 ? QStringLiteral("%1 %2").arg(score, 0, 'f', 4).arg(metric) : QString()));
    const auto [lineage, lineageTip] = lineageText(*store, run);
    m_table->setItem(r, Lineage, item(lineage, lineageTip));
    m_table->setItem(
        r, Started,
        item(run.started.isValid() ? run.started.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                   : QString()));
    m_table->setItem(r, Duration, item(seconds >= 0 ? jobs::formatDuration(seconds) : QString()));
  }
  m_table->resizeColumnsToContents();
  m_table->clearSelection();  // the buttons below act on a selection made anew
  m_compare->setEnabled(false);
  m_export->setEnabled(false);
  m_resume->setEnabled(false);
  m_analyse->setEnabled(false);
  m_log->setEnabled(false);
}

std::optional<ModelRun> RunsPanel::resumableSelection() const {
  const QVector<ModelRun> runs = selectedRuns();
  if (runs.size() != 1) return std::nullopt;
  const ModelRun& run = runs.front();
  if (run.status != RunStatus::Cancelled && run.status != RunStatus::Interrupted) return std::nullopt;
  const QString folder = run.data.value(QStringLiteral("output_folder")).toString();
  if (folder.isEmpty() || run.config.isEmpty() || !QFileInfo::exists(folder + QStringLiteral("/last")))
    return std::nullopt;
  return run;
}

bool RunsPanel::exportSelected(const QString& zipPath) {
  const QVector<ModelRun> runs = selectedRuns();
  if (!m_store || runs.size() != 1) return false;
  QString path = zipPath;
  if (path.isEmpty()) {
    path = QFileDialog::getSaveFileName(
        this, tr("Export Model"), QStringLiteral("%1-run-%2.zip").arg(runs.front().task).arg(runs.front().id),
        tr("Model archives (*.zip)"));
    if (path.isEmpty()) return false;
  }
  if (Status s = jobs::exportModelArchive(*m_store, runs.front().id, path); !s) {
    QMessageBox::warning(this, tr("Cannot Export the Model"), QString::fromStdString(s.error().toString()));
    return false;
  }
  return true;
}

RunLogDialog* RunsPanel::showSelectedLog() {
  const QVector<ModelRun> runs = selectedRuns();
  if (!m_store || runs.size() != 1) return nullptr;
  auto lines = m_store->runLog(runs.front().id);
  if (!lines) {
    QMessageBox::warning(this, tr("Cannot Read the Log"), QString::fromStdString(lines.error().toString()));
    return nullptr;
  }
  auto* dialog = new RunLogDialog(runs.front(), lines.value(), this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->show();
  return dialog;
}

QVector<ModelRun> RunsPanel::selectedRuns() const {
  QVector<ModelRun> runs;
  for (int r = 0; r < m_runs.size(); ++r)
    if (m_table->item(r, Id) && m_table->item(r, Id)->isSelected()) runs << m_runs[r];
  return runs;
}

bool RunsPanel::compareSelected() {
  QVector<ModelRun> runs = selectedRuns();
  if (runs.size() != 2) return false;
  // Older first: the comparison reads as "what changed since".
  if (runs[0].id > runs[1].id) std::swap(runs[0], runs[1]);
  RunComparisonDialog dialog(runs[0], runs[1], this);
  dialog.exec();
  return true;
}

}  // namespace quarry::ui
