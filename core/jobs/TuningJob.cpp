#include "jobs/TuningJob.h"

#include <chrono>

#include <QDir>
#include <QFileInfo>

#include "common/Log.h"
#include "train/Trainer.h"

namespace quarry::jobs {
namespace {

QString trialState(train::TuningTrial::Status status) { return QString::fromLatin1(train::trialStatusName(status)); }

}  // namespace

QString describeValues(const nlohmann::json& values) {
  QStringList parts;
  for (const auto& [key, value] : values.items()) {
    QString text;
    if (value.is_number_float())
      text = QString::number(value.get<double>(), 'g', 3);
    else if (value.is_string())
      text = QString::fromStdString(value.get<std::string>());
    else
      text = QString::fromStdString(value.dump());
    parts << QString::fromStdString(key) + QLatin1Char('=') + text;
  }
  return parts.join(QLatin1Char(' '));
}

TuningJob::TuningJob(TuningSpec spec, QObject* parent) : QObject(parent), m_spec(std::move(spec)) {
  qRegisterMetaType<TuningProgress>();
  qRegisterMetaType<TuningOutcome>();
}

void TuningJob::cancel() {
  m_worker.cancel();
  std::lock_guard<std::mutex> lock(m_mutex);
  if (m_current) m_current->cancel();
}

bool TuningJob::start() {
  return m_worker.start(
      this, QStringLiteral("tuning"),
      [this] { m_outcome = outcomeOrFailure<TuningOutcome>("tuning", [this] { return execute(); }); },
      [this] { Q_EMIT finished(m_outcome); });
}

TuningOutcome TuningJob::runHere() {
  if (!m_worker.runHere(
          [this] { m_outcome = outcomeOrFailure<TuningOutcome>("tuning", [this] { return execute(); }); },
          [this] { Q_EMIT finished(m_outcome); })) {
    TuningOutcome refused;
    refused.error = Error("this tuning job has already been started");
    return refused;
  }
  return m_outcome;
}

TuningOutcome TuningJob::execute() {
  TuningOutcome outcome;
  if (m_spec.outputFolder.isEmpty()) {
    outcome.error = Error("name the search's folder (--output)", "", 0, "output");
    return outcome;
  }
  const QDir folder(m_spec.outputFolder);
  outcome.planFile = folder.absoluteFilePath(QStringLiteral("tuning.json"));
  const std::string planFile = outcome.planFile.toStdString();
  train::TuningPlan plan;
  if (m_spec.resume) {
    if (!QFileInfo::exists(outcome.planFile)) {
      outcome.error = Error("no search to resume: tuning.json is not there", planFile);
      return outcome;
    }
    auto loaded = train::TuningPlan::load(planFile);
    if (!loaded) {
      outcome.error = loaded.error();
      return outcome;
    }
    plan = std::move(loaded.value());
  } else {
    if (QFileInfo::exists(outcome.planFile)) {
      outcome.error = Error("a search is already there: resume it (--resume) or choose another folder", planFile);
      return outcome;
    }
    auto created = train::TuningPlan::create(m_spec.options, m_spec.space, m_spec.training.config);
    if (!created) {
      outcome.error = created.error();
      return outcome;
    }
    plan = std::move(created.value());
  }
  if (!QDir().mkpath(folder.absolutePath())) {
    outcome.error = Error("cannot create the folder", folder.absolutePath().toStdString());
    return outcome;
  }

  const double budget = plan.options().budgetMinutes * 60.0;
  const auto started = std::chrono::steady_clock::now();
  const double before = plan.elapsedSeconds();
  auto elapsed = [&] {
    return before + std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };
  auto save = [&]() -> Status {
    plan.addElapsed(elapsed() - plan.elapsedSeconds());
    return plan.save(planFile);
  };
  while (!m_worker.isCancelled()) {
    if (budget > 0 && elapsed() >= budget) break;
    train::TuningTrial* trial = plan.next();
    if (!trial) break;
    if (Status s = save(); !s) {
      outcome.error = s.error();
      outcome.plan = std::move(plan);
      return outcome;
    }
    const Status trained = runTrial(plan, *trial, budget > 0 ? budget - elapsed() : 0.0);
    if (!trained) outcome.error = trained.error();
    if (Status s = save(); !s) outcome.error = s.error();
    if (!outcome.error.message.empty()) {
      outcome.plan = std::move(plan);
      return outcome;
    }
  }
  if (Status s = save(); !s) outcome.error = s.error();
  outcome.ok = outcome.error.message.empty();
  outcome.cancelled = m_worker.isCancelled();
  outcome.plan = std::move(plan);
  return outcome;
}

Status TuningJob::runTrial(train::TuningPlan& plan, train::TuningTrial& trial, double secondsLeft) {
  const bool resumeTrial = trial.status == train::TuningTrial::Status::Running ||
                           trial.status == train::TuningTrial::Status::Cancelled;
  if (trial.folder.empty())
    trial.folder = QDir(m_spec.outputFolder).absoluteFilePath(QStringLiteral("trial-%1").arg(trial.id)).toStdString();
  TuningProgress report;
  report.trial = trial.id;
  report.rung = trial.rung;
  report.epochs = trial.epochs;
  report.values = describeValues(trial.values);
  auto ranked = plan.ranked();
  report.bestScore = ranked.empty() ? -1 : ranked.front()->score;
  for (const auto& t : plan.trials()) report.trialsEnded += t.ended() ? 1 : 0;

  auto config = plan.configOf(trial);
  if (!config) {
    trial.status = train::TuningTrial::Status::Failed;
    trial.error = config.error().toString();
    report.state = trialState(trial.status);
    Q_EMIT progress(report);
    return {};
  }
  if (secondsLeft > 0 &&
      (config->timeLimitSeconds <= 0 || config->timeLimitSeconds > secondsLeft))
    config->timeLimitSeconds = std::max(1.0, secondsLeft);
  TrainingSpec spec = m_spec.training;
  spec.config = config.value();
  spec.outputFolder = QString::fromStdString(trial.folder);
  spec.resume = resumeTrial && QFileInfo::exists(spec.outputFolder + QStringLiteral("/last"));
  spec.runName = QStringLiteral("Tuning trial %1 (%2)").arg(trial.id).arg(report.values);
  trial.status = train::TuningTrial::Status::Running;
  report.state = QStringLiteral("started");
  Q_EMIT progress(report);
  if (Status s = plan.save(QDir(m_spec.outputFolder).absoluteFilePath(QStringLiteral("tuning.json")).toStdString()); !s)
    log::get("jobs")->warn("tuning.json could not be written: {}", s.error().toString());

  TrainingJob job(std::move(spec));
  connect(&job, &TrainingJob::progress, this, &TuningJob::trialProgress, Qt::DirectConnection);
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_current = &job;
  }
  if (m_worker.isCancelled()) job.cancel();
  const TrainingOutcome result = job.runHere();
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_current = nullptr;
  }
  trial.runId = result.runId;
  if (result.status == RunStatus::Failed || !result.engineResult) {
    trial.status = train::TuningTrial::Status::Failed;
    trial.error = result.error.toString();
  } else {
    const train::TrainResult& r = *result.engineResult;
    trial.status = result.status == RunStatus::Cancelled ? train::TuningTrial::Status::Cancelled
                                                         : train::TuningTrial::Status::Finished;
    trial.score = r.bestDevScore;
    trial.metric = r.bestDevReport.primaryName;
    trial.seconds = r.seconds;
    if (trial.status == train::TuningTrial::Status::Finished && r.bestDevScore < 0) {
      trial.status = train::TuningTrial::Status::Failed;
      trial.error = "no dev figure: tuning compares trials on dev documents, and there are none";
    }
  }
  report.state = trialState(trial.status);
  report.score = trial.score;
  report.metric = QString::fromStdString(trial.metric);
  report.trialsEnded += 1;
  if (trial.score > report.bestScore) report.bestScore = trial.score;
  Q_EMIT progress(report);
  if (result.engineResult && result.engineResult->bestDevScore < 0 && result.status != RunStatus::Cancelled)
    return Error(trial.error, trial.folder);
  return {};
}

}  // namespace quarry::jobs
