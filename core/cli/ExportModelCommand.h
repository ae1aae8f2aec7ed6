#pragma once

#include "cli/CliCommand.h"

namespace quarry::cli {

// quarry-cli export-model: a trained run's model as one zip with a model card (jobs/ModelArchive.h).
class ExportModelCommand : public CliCommand {
 public:
  QString name() const override { return QStringLiteral("export-model"); }
  QString summary() const override {
    return QStringLiteral(
        "Export a trained run's model as one zip with a model card (README.md, quarry_card.json).");
  }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;
  QString subject(const QCommandLineParser& parser) const override;
};

}  // namespace quarry::cli
