#pragma once

#include "cli/CliCommand.h"

namespace quarry::cli {

// quarry-cli agreement PROJECT: how far the project's annotators agree (jobs/AnnotatorAgreement.h).
class AgreementCommand : public CliCommand {
 public:
  QString name() const override { return QStringLiteral("agreement"); }
  QString summary() const override {
    return QStringLiteral("Print the agreement between annotators: spans, relations, answers, labels.");
  }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;
};

}  // namespace quarry::cli
