#pragma once

#include "cli/TrainingCommand.h"

namespace quarry::cli {

// quarry-cli tune: hyper-parameter search (random search or successive halving) over training options,
// each trial a recorded training run, within a budget of minutes or trials; prints the trials sorted by
// their dev figure. Cancellable (Ctrl-C) and resumable (--resume) after a crash.
class TuneCommand : public TrainingCommand {
 public:
  QString name() const override { return QStringLiteral("tune"); }
  QString summary() const override {
    return QStringLiteral("Search training options (random search, successive halving), trials ranked on dev.");
  }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;
  QString subject(const QCommandLineParser& parser) const override;
};

}  // namespace quarry::cli
