#pragma once

#include "cli/CliCommand.h"

namespace quarry::cli {

// quarry-cli evaluate: score a trained NER model on a split or files: per-type precision, recall, F1
// (seqeval-identical), strict character-span scores and an error breakdown.
class EvaluateCommand : public CliCommand {
 public:
  QString name() const override { return QStringLiteral("evaluate"); }
  QString summary() const override { return QStringLiteral("Score a trained NER model per entity type, with an error breakdown."); }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;
};

}  // namespace quarry::cli
