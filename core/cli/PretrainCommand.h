#pragma once

#include "cli/TrainingCommand.h"

namespace quarry::cli {

// quarry-cli pretrain: masked-LM pretraining of a transformer encoder on a project's documents (all of
// them, labelled or not) and/or folders of text files, continuing a checkpoint's pretraining or
// pretraining a random encoder (with a WordPiece vocabulary trained on the text, or a given tokenizer).
// The result is an ordinary Hugging Face *ForMaskedLM folder that every task takes as its base model.
class PretrainCommand : public TrainingCommand {
 public:
  QString name() const override { return QStringLiteral("pretrain"); }
  QString summary() const override {
    return QStringLiteral("Pretrain an encoder (masked LM) on a project's text and text folders.");
  }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;
  QString subject(const QCommandLineParser& parser) const override;
};

}  // namespace quarry::cli
