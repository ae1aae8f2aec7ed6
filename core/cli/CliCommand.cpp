#include "cli/CliCommand.h"

namespace quarry::cli {

int CliCommand::fail(CliIo& io, const Error& error) const {
  return fail(io, QString::fromStdString(error.toString()));
}

int CliCommand::fail(CliIo& io, const QString& message) const {
  io.err << "quarry-cli " << name() << ": " << message << Qt::endl;
  return kExitFailure;
}

QString CliCommand::subject(const QCommandLineParser& parser) const {
  return parser.positionalArguments().value(0);
}

int CliCommand::usage(CliIo& io, const QString& message) const {
  io.err << "quarry-cli " << name() << ": " << message << " (see quarry-cli " << name() << " --help)"
         << Qt::endl;
  return kExitUsage;
}

}  // namespace quarry::cli
