#pragma once

#include "cli/CliCommand.h"

namespace quarry::cli {

// quarry-cli import-model: a model archive (quarry-cli export-model) unpacked into a folder, checked to be a
// model folder before it is moved into place.
class ImportModelCommand : public CliCommand {
 public:
  QString name() const override { return QStringLiteral("import-model"); }
  QString summary() const override {
    return QStringLiteral("Unpack a model archive (export-model) into a folder; prints the model folder.");
  }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;
};

}  // namespace quarry::cli
