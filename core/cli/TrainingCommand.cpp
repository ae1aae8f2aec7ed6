#include "cli/TrainingCommand.h"

#include <memory>
#include <optional>

#include "cli/ProgressReporter.h"
#include "cli/TaskCommandSupport.h"
#include "common/ProcessMemory.h"
#include "common/SignalRouting.h"
#include "train/Trainer.h"

namespace quarry::cli {

void TrainingCommand::addRunOptions(QCommandLineParser& parser, const QString& helpConfigText) {
  addTrainConfigOptions(parser);
  parser.addOption(
      {QStringLiteral("output"),
       QStringLiteral(
           "Folder for best/, last/ and run.json (default: next to the project, or ./quarry-model)."),
       QStringLiteral("folder")});
  parser.addOption({QStringLiteral("resume"),
                    QStringLiteral("Continue the interrupted run in --output exactly where it stopped.")});
  parser.addOption({QStringLiteral("help-config"), helpConfigText});
  parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
}

int TrainingCommand::printConfigHelp(const std::string& task, CliIo& io) const {
  for (const auto& [key, help] : train::TrainConfig::describe(task))
    io.out << QString::fromStdString(key) << "\n    " << QString::fromStdString(help) << '\n';
  io.out.flush();
  return kExitOk;
}

int TrainingCommand::runJob(jobs::TrainingSpec spec, bool json, CliIo& io) const {
  jobs::TrainingJob job(std::move(spec));
  QObject::connect(&job, &jobs::TrainingJob::notice,
                   [&io](const QString& text) { io.err << "note: " << text << '\n'; });
  std::optional<ProgressReporter> reporter;
  QObject::connect(&job, &jobs::TrainingJob::progress, [&](const jobs::TrainingProgress& p) {
    if (!reporter) reporter.emplace(io.err, QStringLiteral("train"), io.interactive);
    QString detail =
        QStringLiteral("epoch %1/%2 loss %3").arg(p.epoch + 1).arg(p.epochs).arg(p.loss, 0, 'f', 4);
    if (p.devScore > 0 && p.metric == QLatin1String("inverse_perplexity"))  // masked LM: perplexity
      detail += QStringLiteral(" dev perplexity %1 (best %2)")
                    .arg(1.0 / p.devScore, 0, 'f', 2)
                    .arg(1.0 / p.bestDevScore, 0, 'f', 2);
    else if (p.devScore >= 0)
      detail += QStringLiteral(" dev %1 %2 (best %3)")
                    .arg(p.metric)
                    .arg(p.devScore, 0, 'f', 4)
                    .arg(p.bestDevScore, 0, 'f', 4);
    if (p.phase == QLatin1String("eval")) detail += QStringLiteral(" evaluating");
    reporter->setDetail(detail);
    reporter->update(p.step, p.totalSteps);
  });
  // From here an interrupt cancels: the job trains at least one step, so that a recorded run always ends
  // and leaves last/ to resume.
  auto interrupts = std::make_unique<SignalRouting::Scope>([&job](int) { job.cancel(); });
  const jobs::TrainingOutcome outcome = job.runHere();
  interrupts.reset();
  if (reporter) reporter->finish();
  if (!outcome.recordWarning.isEmpty())
    io.err << "warning: the run could not be recorded: " << outcome.recordWarning << '\n';
  if (outcome.status == RunStatus::Failed) return fail(io, outcome.error);
  const train::TrainResult& r = *outcome.engineResult;
  if (json) {
    nlohmann::json j = r.toJson();
    j["peak_memory_mib"] = peakResidentMiB();
    if (outcome.runId) j["run_id"] = outcome.runId;
    io.out << QString::fromStdString(j.dump(2)) << '\n';
  } else {
    io.out << "model      " << QString::fromStdString(r.describeModel) << '\n'
           << "ended      " << train::trainEndName(r.end) << " after " << r.steps << " steps, "
           << r.epochsCompleted << " epochs, " << ProgressReporter::formatDuration(qint64(r.seconds)) << '\n'
           << "speed      " << qint64(r.tokensPerSecond) << " training positions/s, peak memory "
           << qint64(peakResidentMiB()) << " MiB\n";
    if (const int64_t misaligned = r.data.value("misaligned_spans", int64_t{0}); misaligned > 0)
      io.out << "misaligned " << misaligned << " spans not on word boundaries (trained widened)\n";
    if (r.bestDevScore >= 0 && r.task == train::kPretrainingTaskName) {
      io.out << "best dev at step " << r.bestStep << ": "
             << QString::fromStdString(r.bestDevReport.formatTable()) << '\n';
    } else if (r.bestDevScore >= 0) {
      io.out << "best dev " << QString::fromStdString(r.bestDevReport.primaryName) << ' '
             << QString::number(r.bestDevScore * 100, 'f', 2) << " at step " << r.bestStep
             << "\n\n"
             << QString::fromStdString(r.bestDevReport.formatTable()) << '\n';
    }
    io.out << "model folder " << QString::fromStdString(r.bestFolder) << '\n';
  }
  io.out.flush();
  return r.end == train::TrainResult::End::Cancelled ? kExitCancelled : kExitOk;
}

}  // namespace quarry::cli
