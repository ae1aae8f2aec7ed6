#pragma once

#include "cli/CliCommand.h"

namespace quarry::cli {

// quarry-cli import: import documents and annotations into a project (all or nothing).
class ImportCommand : public CliCommand {
 public:
  QString name() const override { return QStringLiteral("import"); }
  QString summary() const override {
    return QStringLiteral("Import documents and annotations into a project (all or nothing).");
  }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;
};

}  // namespace quarry::cli
