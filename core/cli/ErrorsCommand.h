#pragma once

#include "cli/CliCommand.h"

namespace quarry::cli {

// quarry-cli errors: where a training run's model errs on the dev documents it was scored on
// (jobs/ErrorAnalysisJob.h): per-type scores, the confusion matrix with "none", the count of each kind of
// error and the first errors in context; --compare RUN lists what this run fixed and broke against another;
// --html and --csv write the reports the workbench's error view writes.
class ErrorsCommand : public CliCommand {
 public:
  QString name() const override { return QStringLiteral("errors"); }
  QString summary() const override {
    return QStringLiteral(
        "Analyse a training run's errors on its dev documents: per type, confusion matrix, kinds, each error in "
        "context; compare two runs; HTML and CSV reports.");
  }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;
  QString subject(const QCommandLineParser& parser) const override;
};

}  // namespace quarry::cli
