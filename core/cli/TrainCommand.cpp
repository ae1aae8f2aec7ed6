#include "cli/TrainCommand.h"

#include "cli/TaskCommandSupport.h"

namespace quarry::cli {
QString TrainCommand::subject(const QCommandLineParser& parser) const { return trainingSubject(parser); }

void TrainCommand::configure(QCommandLineParser& parser) const {
  addFineTuningOptions(parser);
  addRunOptions(parser, QStringLiteral("List every training option of --task with its default and exit."));
}

int TrainCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  if (parser.isSet(QStringLiteral("help-config"))) return printTaskConfigHelp(parser, io);
  jobs::TrainingSpec spec;
  if (const int code = readFineTuningSpec(parser, io, spec); code != kExitOk) return code;
  spec.outputFolder = parser.value(QStringLiteral("output"));
  spec.resume = parser.isSet(QStringLiteral("resume"));
  return runJob(std::move(spec), parser.isSet(QStringLiteral("json")), io);
}

}  // namespace quarry::cli
