#pragma once
// quarry-cli's dispatcher: picks the subcommand, parses its options, runs it.

#include <memory>
#include <vector>

#include "cli/CliCommand.h"

namespace quarry::cli {

class CliApplication {
 public:
  CliApplication();
  ~CliApplication();
  // Runs `arguments` (arguments[0] is the program name) and returns the exit code.
  int run(const QStringList& arguments, CliIo& io) const;
  const std::vector<std::unique_ptr<CliCommand>>& commands() const { return m_commands; }
  // Declares `command`'s options, and --help, on `parser`: what `run` parses and --help and --man print.
  static void configureParser(const CliCommand& command, QCommandLineParser& parser);
  // The line under "Usage:" in `quarry-cli --help` and NAME in the manual page.
  static QString summary();

 private:
  void printHelp(QTextStream& out) const;
  std::vector<std::unique_ptr<CliCommand>> m_commands;
};

}  // namespace quarry::cli
