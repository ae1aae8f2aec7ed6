#pragma once

#include "cli/CliCommand.h"

namespace quarry::cli {

// quarry-cli export: export a project's documents and annotations, or the whole project as an archive.
class ExportCommand : public CliCommand {
 public:
  QString name() const override { return QStringLiteral("export"); }
  QString summary() const override {
    return QStringLiteral("Export a project's documents and annotations, or the whole project as an archive.");
  }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;
};

}  // namespace quarry::cli
