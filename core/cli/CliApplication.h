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

 private:
  void printHelp(QTextStream& out) const;
  std::vector<std::unique_ptr<CliCommand>> m_commands;
};

}  // namespace quarry::cli
