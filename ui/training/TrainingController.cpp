#include "training/TrainingController.h"
#include "store/ProjectLocation.h"

#include <QAction>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMessageBox>
#include <QSettings>
#include <QWidget>

#include "common/Log.h"
#include "jobs/RunWorker.h"
#include "store/ProjectStore.h"
#include "train/TrainConfig.h"
#include "training/RunsPanel.h"
#include "training/TrainDialog.h"
#include "training/TrainingPanel.h"

namespace quarry::ui {

TrainingController::TrainingController(QWidget* window, TrainingPanel* panel, RunsPanel* runs,
                                       QObject* parent)
    : QObject(parent), m_window(window), m_panel(panel), m_runs(runs) {
  m_train = new QAction(tr("&Train Model…"), this);
  m_train->setObjectName(QStringLiteral("trainAction"));
  m_train->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
  m_retrain = new QAction(tr("&Retrain"), this);
  m_retrain->setObjectName(QStringLiteral("retrainAction"));
  m_retrain->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
  m_retrain->setToolTip(tr("Train again with the last settings"));
  m_cancel = new QAction(tr("&Cancel Training"), this);
  m_cancel->setObjectName(QStringLiteral("cancelTrainingAction"));
  connect(m_train, &QAction::triggered, this, &TrainingController::trainWithDialog);
  connect(m_retrain, &QAction::triggered, this, &TrainingController::retrain);
  connect(m_cancel, &QAction::triggered, this, &TrainingController::cancel);
  connect(m_panel, &TrainingPanel::cancelRequested, this, &TrainingController::cancel);
  connect(m_runs, &RunsPanel::resumeRequested, this, &TrainingController::resume);
  updateActions();
}

TrainingController::~TrainingController() {
  if (m_job) {
    m_job->disconnect(this);
    m_job->cancel();
  }
  m_job.reset();  // waits for the worker thread
}

void TrainingController::setProject(const QString& path, ProjectStore* store, bool readOnly) {
  m_projectPath = ProjectLocation::canonical(path);
  m_store = store;
  m_readOnly = readOnly;
  if (m_store && !m_readOnly)
    if (auto marked = jobs::markInterruptedRuns(*m_store); !marked)
      log::get("ui")->warn("interrupted runs could not be marked: {}", marked.error().toString());
  m_runs->refresh(m_store);
  updateActions();
}

QString TrainingController::settingsKey() const {
  return QStringLiteral("training/lastConfig/") +
         QString::fromLatin1(m_projectPath.toUtf8().toBase64(QByteArray::Base64UrlEncoding));
}

nlohmann::json TrainingController::lastConfig() const {
  if (m_projectPath.isEmpty()) return nlohmann::json::object();
  const QString text = QSettings().value(settingsKey()).toString();
  nlohmann::json config = nlohmann::json::parse(text.toStdString(), nullptr, false);
  return config.is_object() ? config : nlohmann::json::object();
}

void TrainingController::trainWithDialog() {
  if (!m_store || isTraining()) return;
  TrainDialog dialog(*m_store, m_projectPath, m_window);
  const nlohmann::json last = lastConfig();
  if (!last.empty()) dialog.setConfig(last);
  if (dialog.exec() != QDialog::Accepted) return;
  auto spec = dialog.spec();
  if (!spec) {
    QMessageBox::warning(m_window, tr("Cannot Train"), QString::fromStdString(spec.error().toString()));
    return;
  }
  if (auto json = dialog.configJson())
    QSettings().setValue(settingsKey(), QString::fromStdString(json->dump()));
  start(spec.value());
}

bool TrainingController::retrain() {
  if (!m_store || isTraining()) return false;
  const nlohmann::json last = lastConfig();
  if (last.empty()) return false;
  auto config = train::TrainConfig::fromJson(last, "the last training settings");
  if (!config) {
    QMessageBox::warning(m_window, tr("Cannot Retrain"), QString::fromStdString(config.error().toString()));
    return false;
  }
  jobs::TrainingSpec spec;
  spec.projectPath = m_projectPath;
  spec.config = config.value();
  return start(spec);
}

bool TrainingController::resume(const ModelRun& run) {
  if (!m_store || isTraining()) return false;
  const QByteArray text = QJsonDocument(run.config).toJson(QJsonDocument::Compact);
  nlohmann::json json = nlohmann::json::parse(text.toStdString(), nullptr, false);
  auto config = train::TrainConfig::fromJson(json, QStringLiteral("run %1").arg(run.id).toStdString());
  if (!config) {
    QMessageBox::warning(m_window, tr("Cannot Resume"), QString::fromStdString(config.error().toString()));
    return false;
  }
  jobs::TrainingSpec spec;
  spec.projectPath = m_projectPath;
  spec.config = config.value();
  spec.outputFolder = run.data.value(QStringLiteral("output_folder")).toString();
  spec.resume = true;
  spec.runName = tr("%1 (resumed run %2)").arg(run.name).arg(run.id);
  return start(spec);
}

bool TrainingController::start(const jobs::TrainingSpec& spec) {
  if (isTraining() || m_readOnly) return false;
  m_job = std::make_unique<jobs::TrainingJob>(spec);
  const QString title = QStringLiteral("%1 %2").arg(
      jobs::taskTitle(spec.config.task),
      QString::fromLatin1(train::modelKindName(spec.config.kind, spec.config.task)));
  m_panel->watch(m_job.get(), title);
  connect(m_job.get(), &jobs::TrainingJob::finished, this, &TrainingController::finished);
  // The run row appears once the job has read the documents: the first report says it trains.
  connect(m_job.get(), &jobs::TrainingJob::progress, this,
          [this, listed = false](const jobs::TrainingProgress&) mutable {
            if (listed) return;
            listed = true;
            m_runs->refresh(m_store);
          });
  m_job->start();
  updateActions();
  Q_EMIT trainingStarted();
  return true;
}

void TrainingController::cancel() {
  if (m_job) m_job->cancel();
}

void TrainingController::finished(const jobs::TrainingOutcome& outcome) {
  m_runs->refresh(m_store);
  updateActions();
  Q_EMIT trainingFinished(outcome);
}

bool TrainingController::confirmStop() {
  if (!isTraining()) return true;
  const auto answer = QMessageBox::question(m_window, tr("A Model Is Training"),
                                            tr("A model is training. Cancel it? The best model so far is "
                                               "kept and the run is recorded as cancelled."),
                                            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
  if (answer != QMessageBox::Yes) return false;
  m_job->cancel();
  // The job's destructor waits for its thread; its end is recorded before the thread ends.
  m_job->disconnect(this);
  m_job.reset();
  m_runs->refresh(m_store);
  updateActions();
  return true;
}

void TrainingController::updateActions() {
  const bool project = m_store != nullptr && !m_readOnly;
  m_train->setEnabled(project && !isTraining());
  m_retrain->setEnabled(project && !isTraining() && !lastConfig().empty());
  m_cancel->setEnabled(isTraining());
}

}  // namespace quarry::ui
