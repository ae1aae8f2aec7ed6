#pragma once

#include "cli/CliCommand.h"

namespace quarry::cli {

// quarry-cli init: create a new project file (optionally with a schema, or restored from an archive).
class InitCommand : public CliCommand {
 public:
  QString name() const override { return QStringLiteral("init"); }
  QString summary() const override {
    return QStringLiteral("Create a new project file (optionally with a schema, or restored from an archive).");
  }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;
};

}  // namespace quarry::cli
