#pragma once

#include "cli/CliCommand.h"

namespace quarry::cli {

// quarry-cli predict: run a trained model (the task read from its folder) over text files or a project's
// documents: entity spans (NER), document labels (classification), relations between entities (the
// annotated ones, or with --ner-model those a NER model finds) or answers to the documents' questions
// (QA; --question asks the same questions of every document), each with a confidence, to JSONL and/or the
// project's predictions table. The work is a jobs::PredictionJob; this command parses and prints.
class PredictCommand : public CliCommand {
 public:
  QString name() const override { return QStringLiteral("predict"); }
  QString summary() const override {
    return QStringLiteral(
        "Predict entity spans, document labels or answers with confidence for text files or a project.");
  }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;
};

}  // namespace quarry::cli
