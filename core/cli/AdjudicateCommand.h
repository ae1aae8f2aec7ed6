#pragma once

#include "cli/CliCommand.h"

namespace quarry::cli {

// quarry-cli adjudicate PROJECT --adjudicator NAME: merges what a document's annotators agree on into the
// gold layer, lists the windows where they disagree, takes one version of a window, finishes a document
// (jobs/Adjudication.h).
class AdjudicateCommand : public CliCommand {
 public:
  QString name() const override { return QStringLiteral("adjudicate"); }
  QString summary() const override {
    return QStringLiteral("Merge agreed annotations into the gold layer, list and decide disagreements.");
  }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;
};

}  // namespace quarry::cli
