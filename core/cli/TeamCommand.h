#pragma once

#include "cli/CliCommand.h"

namespace quarry::cli {

// quarry-cli team PROJECT: the team of a shared project: roles, documents assigned to annotators (each
// document to k of them, balanced and seeded), and their progress (store/TeamStore.h).
class TeamCommand : public CliCommand {
 public:
  QString name() const override { return QStringLiteral("team"); }
  QString summary() const override {
    return QStringLiteral("Set roles, assign documents to annotators (k per document), show their progress.");
  }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;
};

}  // namespace quarry::cli
