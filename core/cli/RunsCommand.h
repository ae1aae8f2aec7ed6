#pragma once

#include "cli/CliCommand.h"

namespace quarry {
class ProjectStore;
}

namespace quarry::cli {

// quarry-cli runs: every run of a project, newest first, with its task, state, data, dev score and, for
// training runs, whether what it trained on has changed since (jobs/RunLineage.h); --run N lists what was
// added, changed and removed; --log N prints the run's log (jobs/RunLog.h).
class RunsCommand : public CliCommand {
 public:
  QString name() const override { return QStringLiteral("runs"); }
  QString summary() const override {
    return QStringLiteral(
        "List a project's training and prediction runs and whether each model is stale, or one run's log.");
  }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;
  QString subject(const QCommandLineParser& parser) const override;

 private:
  int printLog(ProjectStore& store, qint64 runId, bool json, CliIo& io) const;
};

}  // namespace quarry::cli
