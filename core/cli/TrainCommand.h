#pragma once

#include "cli/TrainingCommand.h"

namespace quarry::cli {

// quarry-cli train: train an NER model on a project's train split (or files), evaluating on dev.
class TrainCommand : public TrainingCommand {
 public:
  QString name() const override { return QStringLiteral("train"); }
  QString summary() const override {
    return QStringLiteral("Train an NER model (from scratch or from a model folder), evaluating on dev.");
  }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;
  QString subject(const QCommandLineParser& parser) const override;
};

}  // namespace quarry::cli
