#pragma once

#include "cli/CliCommand.h"

namespace quarry::cli {

// quarry-cli validate: check an input file or a project and list every problem, changing nothing.
class ValidateCommand : public CliCommand {
 public:
  QString name() const override { return QStringLiteral("validate"); }
  QString summary() const override {
    return QStringLiteral("Check an input file or a project and list every problem, changing nothing.");
  }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;
};

}  // namespace quarry::cli
