#pragma once

#include "cli/CliCommand.h"

namespace quarry::cli {

// quarry-cli stats: print documents, splits, statuses and annotations per type.
class StatsCommand : public CliCommand {
 public:
  QString name() const override { return QStringLiteral("stats"); }
  QString summary() const override {
    return QStringLiteral("Print documents, splits, statuses and annotations per type.");
  }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;
};

}  // namespace quarry::cli
