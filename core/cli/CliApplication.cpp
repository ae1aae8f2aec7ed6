#include "cli/CliApplication.h"

#include "cli/CliManPage.h"
#include "cli/CheckCommand.h"
#include "cli/CvCommand.h"
#include "cli/ErrorsCommand.h"
#include "cli/EvaluateCommand.h"
#include "cli/ExportCommand.h"
#include "cli/ExportModelCommand.h"
#include "cli/HelpText.h"
#include "cli/ImportCommand.h"
#include "cli/ImportModelCommand.h"
#include "cli/InitCommand.h"
#include "cli/PredictCommand.h"
#include "cli/PretrainCommand.h"
#include "cli/RunsCommand.h"
#include "cli/StatsCommand.h"
#include "cli/TrainCommand.h"
#include "cli/TuneCommand.h"
#include "cli/ActiveLearningCommand.h"
#include "cli/ValidateCommand.h"
#include "cli/MigrateCommand.h"
#include "cli/AgreementCommand.h"
#include "cli/TeamCommand.h"
#include "cli/AdjudicateCommand.h"
#include "model/kernels/EngineFailure.h"

namespace quarry::cli {

CliApplication::CliApplication() {
  m_commands.push_back(std::make_unique<InitCommand>());
  m_commands.push_back(std::make_unique<ImportCommand>());
  m_commands.push_back(std::make_unique<ExportCommand>());
  m_commands.push_back(std::make_unique<StatsCommand>());
  m_commands.push_back(std::make_unique<MigrateCommand>());
  m_commands.push_back(std::make_unique<TeamCommand>());
  m_commands.push_back(std::make_unique<AgreementCommand>());
  m_commands.push_back(std::make_unique<AdjudicateCommand>());
  m_commands.push_back(std::make_unique<ValidateCommand>());
  m_commands.push_back(std::make_unique<TrainCommand>());
  m_commands.push_back(std::make_unique<PretrainCommand>());
  m_commands.push_back(std::make_unique<TuneCommand>());
  m_commands.push_back(std::make_unique<ActiveLearningCommand>());
  m_commands.push_back(std::make_unique<EvaluateCommand>());
  m_commands.push_back(std::make_unique<PredictCommand>());
  m_commands.push_back(std::make_unique<CvCommand>());
  m_commands.push_back(std::make_unique<ExportModelCommand>());
  m_commands.push_back(std::make_unique<ImportModelCommand>());
  m_commands.push_back(std::make_unique<RunsCommand>());
  m_commands.push_back(std::make_unique<ErrorsCommand>());
  m_commands.push_back(std::make_unique<CheckCommand>());
}

CliApplication::~CliApplication() = default;

QString CliApplication::summary() {
  return QStringLiteral("Quarry's command line: everything the workbench does, headless.");
}

void CliApplication::configureParser(const CliCommand& command, QCommandLineParser& parser) {
  parser.setApplicationDescription(command.summary());
  parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
  parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
  command.configure(parser);
}

void CliApplication::printHelp(QTextStream& out) const {
  out << "Usage: quarry-cli <command> [options]\n\n" << summary() << "\n\nCommands:\n";
  int width = 0;
  for (const auto& c : m_commands) width = std::max(width, int(c->name().size()));
  for (const auto& c : m_commands)
    out << "  " << c->name().leftJustified(width) << "  " << c->summary() << '\n';
  out << "\nRun 'quarry-cli <command> --help' for a command's options.\n";
  out.flush();
}

int CliApplication::run(const QStringList& arguments, CliIo& io) const {
  if (arguments.size() < 2 || arguments[1] == QLatin1String("--help") ||
      arguments[1] == QLatin1String("-h") || arguments[1] == QLatin1String("help")) {
    printHelp(io.out);
    return arguments.size() < 2 ? kExitUsage : kExitOk;
  }
  if (arguments[1] == QLatin1String("--man")) {  // hidden: the build writes the manual page with it
    io.out << cliManPage(*this);
    io.out.flush();
    return kExitOk;
  }
  if (arguments[1] == QLatin1String("--version")) {
    io.out << "quarry-cli " << QUARRY_VERSION << Qt::endl;
    return kExitOk;
  }
  const QString name = arguments[1];
  const CliCommand* command = nullptr;
  for (const auto& c : m_commands)
    if (c->name() == name) command = c.get();
  if (!command) {
    io.err << "quarry-cli: unknown command '" << name << "' (see quarry-cli --help)" << Qt::endl;
    return kExitUsage;
  }
  QCommandLineParser parser;
  configureParser(*command, parser);
  QStringList commandArgs = arguments.mid(1);
  commandArgs[0] = QStringLiteral("quarry-cli ") + name;
  if (!parser.parse(commandArgs)) {
    io.err << "quarry-cli " << name << ": " << parser.errorText() << " (see quarry-cli " << name << " --help)"
           << Qt::endl;
    return kExitUsage;
  }
  if (parser.isSet(QStringLiteral("help"))) {
    io.out << helpTextFor(parser, QStringLiteral("quarry-cli ") + name);
    io.out.flush();
    return kExitOk;
  }
  // LibTorch and the allocator throw (c10::Error, std::bad_alloc) where the engine could not check first;
  // no exception ends the process: it becomes an error naming the command and what it worked on.
  int exitCode = kExitFailure;
  Status status =
      model::catchEngineFailure(name.toStdString(), command->subject(parser).toStdString(), [&]() -> Status {
        exitCode = command->run(parser, io);
        return {};
      });
  if (!status) {
    io.out.flush();
    io.err << "quarry-cli " << name << ": " << QString::fromStdString(status.error().toString()) << Qt::endl;
    return kExitFailure;
  }
  return exitCode;
}

}  // namespace quarry::cli
