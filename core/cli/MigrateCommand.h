#pragma once

#include "cli/CliCommand.h"

namespace quarry::cli {

// quarry-cli migrate FROM TO: copies a project between a file and a PostgreSQL database (either way, or
// file to file), every row with its keys, then checks that the two hold the same rows.
class MigrateCommand : public CliCommand {
 public:
  QString name() const override { return QStringLiteral("migrate"); }
  QString summary() const override {
    return QStringLiteral("Copy a project between a file and a PostgreSQL database, losslessly, and check it.");
  }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;
};

}  // namespace quarry::cli
