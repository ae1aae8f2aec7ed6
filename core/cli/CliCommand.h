#pragma once
// One `quarry-cli` subcommand. Commands write results to `out` and one-line errors to `err`, and return
// the process exit code, so tests can run them in-process.

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include "common/Error.h"

namespace quarry::cli {

// Exit codes shared by every subcommand.
enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,    // the operation failed (bad input, I/O error, validation problems)
  kExitUsage = 2,      // wrong arguments
  kExitCancelled = 3,  // interrupted
};

struct CliIo {
  QTextStream& out;
  QTextStream& err;
  bool interactive = false;  // stderr is a terminal: draw progress bars instead of periodic lines
};

class CliCommand {
 public:
  virtual ~CliCommand() = default;
  virtual QString name() const = 0;
  virtual QString summary() const = 0;  // one line for `quarry-cli --help`
  // Declares options and positional arguments; --help is added by the caller.
  virtual void configure(QCommandLineParser& parser) const = 0;
  // Runs with a parser that has already processed the arguments.
  virtual int run(const QCommandLineParser& parser, CliIo& io) const = 0;
  // The file or folder a failure inside the engine concerns, for its message (default: the first
  // positional argument: the project, the model folder, the path).
  virtual QString subject(const QCommandLineParser& parser) const;

 protected:
  // Prints "quarry-cli <name>: <error>" and returns kExitFailure.
  int fail(CliIo& io, const Error& error) const;
  int fail(CliIo& io, const QString& message) const;
  int usage(CliIo& io, const QString& message) const;  // returns kExitUsage
};

}  // namespace quarry::cli
