#pragma once

#include "cli/CliCommand.h"

namespace quarry::cli {

// quarry-cli predict: run a trained NER model over text files or a project's documents; spans with
// confidence go to JSONL and/or the project's predictions table.
class PredictCommand : public CliCommand {
 public:
  QString name() const override { return QStringLiteral("predict"); }
  QString summary() const override {
    return QStringLiteral("Predict entity spans with confidence for text files or a project's documents.");
  }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;
};

}  // namespace quarry::cli
