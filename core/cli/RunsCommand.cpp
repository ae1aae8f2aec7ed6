#include "cli/RunsCommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "jobs/RunComparison.h"
#include "jobs/RunLineage.h"
#include "jobs/RunLog.h"
#include "jobs/TrainingEstimate.h"
#include "jobs/TrainingJob.h"
#include "store/ProjectStore.h"

namespace quarry::cli {
namespace {

// "up to date", "stale (+2 ~1 -0)", "not recorded" or empty for a prediction run.
QString lineageSummary(const Result<jobs::RunLineage>& lineage) {
  if (!lineage) return QStringLiteral("? (%1)").arg(QString::fromStdString(lineage.error().toString()));
  if (!lineage->recorded) return QStringLiteral("not recorded");
  if (!lineage->stale()) return QStringLiteral("up to date");
  return QStringLiteral("stale (+%1 ~%2 -%3)").arg(lineage->added.size()).arg(lineage->changed.size()).arg(lineage->removed.size());
}

QJsonArray versionsJson(const QVector<AnnotationVersion>& versions) {
  QJsonArray out;
  for (const AnnotationVersion& v : versions)
    out.append(QJsonObject{{QStringLiteral("role"), v.role},
                           {QStringLiteral("kind"), v.kind},
                           {QStringLiteral("id"), v.annotationId},
                           {QStringLiteral("document"), v.documentId}});
  return out;
}

}  // namespace

int RunsCommand::printLog(ProjectStore& store, qint64 runId, bool json, CliIo& io) const {
  if (auto run = store.run(runId); !run) return fail(io, run.error());
  auto lines = store.runLog(runId);
  if (!lines) return fail(io, lines.error());
  if (json) {
    QJsonArray rows;
    for (const RunLogLine& line : lines.value())
      rows.append(QJsonObject{{QStringLiteral("seq"), line.sequence},
                              {QStringLiteral("time"), line.time.toUTC().toString(Qt::ISODateWithMs)},
                              {QStringLiteral("level"), line.level},
                              {QStringLiteral("message"), line.message}});
    io.out << QJsonDocument(rows).toJson(QJsonDocument::Indented);
  } else {
    for (const RunLogLine& line : lines.value()) io.out << jobs::RunLog::lineText(line) << '\n';
    if (lines->isEmpty()) io.err << "run " << runId << " has no log (it ran before Quarry kept run logs)\n";
  }
  io.out.flush();
  io.err.flush();
  return kExitOk;
}

void RunsCommand::configure(QCommandLineParser& parser) const {
  parser.addOption({QStringLiteral("project"), QStringLiteral("The project."), QStringLiteral("project")});
  parser.addOption({QStringLiteral("run"),
                    QStringLiteral("Show what of training run ID's data was added, changed or removed since."),
                    QStringLiteral("id")});
  parser.addOption(
      {QStringLiteral("log"),
       QStringLiteral("Print run ID's log: what the job and the engine said, a line each, the reason "
                      "last when it failed."),
       QStringLiteral("id")});
  parser.addOption(
      {QStringLiteral("json"), QStringLiteral("Print the runs (or the lineage, or the log) as JSON.")});
}

QString RunsCommand::subject(const QCommandLineParser& parser) const { return parser.value(QStringLiteral("project")); }

int RunsCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  if (!parser.positionalArguments().isEmpty()) return usage(io, QStringLiteral("takes no file arguments"));
  if (!parser.isSet(QStringLiteral("project"))) return usage(io, QStringLiteral("--project is required"));
  auto store = ProjectStore::open(parser.value(QStringLiteral("project")), OpenMode::ReadOnly);
  if (!store) return fail(io, store.error());
  const bool json = parser.isSet(QStringLiteral("json"));
  if (parser.isSet(QStringLiteral("run")) && parser.isSet(QStringLiteral("log")))
    return usage(io, QStringLiteral("--run and --log cannot be given together"));
  // The id an option names; 0 when it is not a positive number.
  auto runIdOf = [&parser](const QString& option) {
    const qint64 id = parser.value(option).toLongLong();
    return id > 0 ? id : 0;
  };

  if (parser.isSet(QStringLiteral("log"))) {
    const qint64 runId = runIdOf(QStringLiteral("log"));
    if (runId == 0) return usage(io, QStringLiteral("--log expects a run id (a positive number)"));
    return printLog(*store.value(), runId, json, io);
  }

  if (parser.isSet(QStringLiteral("run"))) {
    const qint64 runId = runIdOf(QStringLiteral("run"));
    if (runId == 0) return usage(io, QStringLiteral("--run expects a run id (a positive number)"));
    auto lineage = jobs::runLineage(*store.value(), runId);
    if (!lineage) return fail(io, lineage.error());
    if (json) {
      const QJsonObject out{{QStringLiteral("run"), runId},
                            {QStringLiteral("recorded"), lineage->recorded},
                            {QStringLiteral("trained_on"), lineage->trainedOn},
                            {QStringLiteral("stale"), lineage->stale()},
                            {QStringLiteral("added"), versionsJson(lineage->added)},
                            {QStringLiteral("changed"), versionsJson(lineage->changed)},
                            {QStringLiteral("removed"), versionsJson(lineage->removed)}};
      io.out << QJsonDocument(out).toJson(QJsonDocument::Indented);
      io.out.flush();
      return kExitOk;
    }
    io.out << "run " << runId << ": " << lineageSummary(lineage) << ", trained on " << lineage->trainedOn
           << " documents and annotations\n";
    for (const auto& [title, versions] : {std::pair{"added", &lineage->added}, std::pair{"changed", &lineage->changed},
                                          std::pair{"removed", &lineage->removed}})
      for (const AnnotationVersion& v : *versions)
        io.out << "  " << title << "  " << v.role << ' ' << v.kind << ' ' << v.annotationId << " (document "
               << v.documentId << ")\n";
    io.out.flush();
    return kExitOk;
  }

  auto runs = store.value()->listRuns();
  if (!runs) return fail(io, runs.error());
  QJsonArray rows;
  if (!json)
    io.out << QStringLiteral("%1  %2 %3 %4 %5 %6 %7\n")
                  .arg(QStringLiteral("run"), 4)
                  .arg(QStringLiteral("name"), -28)
                  .arg(QStringLiteral("task"), -14)
                  .arg(QStringLiteral("state"), -11)
                  .arg(QStringLiteral("dev score"), -20)
                  .arg(QStringLiteral("took"), -8)
                  .arg(QStringLiteral("annotations since"));
  for (auto it = runs->crbegin(); it != runs->crend(); ++it) {
    const ModelRun& run = *it;
    const double score = jobs::runPrimaryScore(run);
    const QString scoreText =
        score >= 0 ? QStringLiteral("%1 %2").arg(score, 0, 'f', 4).arg(jobs::runPrimaryMetric(run)) : QString();
    const double seconds = run.started.isValid() && run.finished.isValid()
                               ? double(run.started.msecsTo(run.finished)) / 1000
                               : -1;
    const QString lineage = jobs::isTrainingRun(run) && run.status != RunStatus::Running
                                ? lineageSummary(jobs::runLineage(*store.value(), run.id))
                                : QString();
    if (json) {
      rows.append(QJsonObject{{QStringLiteral("id"), run.id},
                              {QStringLiteral("name"), run.name},
                              {QStringLiteral("task"), run.task},
                              {QStringLiteral("state"), runStatusName(run.status)},
                              {QStringLiteral("error"), run.error},
                              {QStringLiteral("dev_score"), score},
                              {QStringLiteral("metric"), jobs::runPrimaryMetric(run)},
                              {QStringLiteral("seconds"), seconds},
                              {QStringLiteral("model"), run.checkpointPath},
                              {QStringLiteral("lineage"), lineage}});
      continue;
    }
    io.out << QStringLiteral("%1  %2 %3 %4 %5 %6 %7\n")
                  .arg(run.id, 4)
                  .arg(run.name.left(28), -28)
                  .arg(run.task.isEmpty() ? QString() : jobs::taskTitle(run.task.toStdString()), -14)
                  .arg(runStatusName(run.status), -11)
                  .arg(scoreText, -20)
                  .arg(seconds >= 0 ? jobs::formatDuration(seconds) : QString(), -8)
                  .arg(lineage);
  }
  if (json) io.out << QJsonDocument(rows).toJson(QJsonDocument::Indented);
  io.out.flush();
  return kExitOk;
}

}  // namespace quarry::cli
