#pragma once

#include "cli/CliCommand.h"

namespace quarry::cli {

// quarry-cli cv: stratified k-fold cross-validation over documents; each fold trains on the others
// (a tenth of them held out for early stopping) and is scored on its own documents.
class CvCommand : public CliCommand {
 public:
  QString name() const override { return QStringLiteral("cv"); }
  QString summary() const override { return QStringLiteral("k-fold cross-validation of an NER model over documents."); }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;
  QString subject(const QCommandLineParser& parser) const override;
};

}  // namespace quarry::cli
