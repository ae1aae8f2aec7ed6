#pragma once

#include <string>

#include "cli/CliCommand.h"

namespace quarry::cli {

// quarry-cli evaluate: score a trained model on a split or files, the task read from the model folder.
// NER: per-type precision, recall, F1 (seqeval-identical), strict character-span scores and an error
// breakdown. Classification: per-label P/R/F1, micro and macro averages, accuracy, confusion matrix.
// Relations: per-type P/R/F1, micro and macro, SemEval-2010 Task 8's official score for its types, the
// errors (missed, spurious, wrong type, wrong direction); with gold entities or a NER model's.
// QA: the official SQuAD EM/F1 with the HasAns/NoAns breakdown and the retrieval recall.
class EvaluateCommand : public CliCommand {
 public:
  QString name() const override { return QStringLiteral("evaluate"); }
  QString summary() const override { return QStringLiteral("Score a trained model (NER per entity type, classification per label, relations per type, QA by SQuAD EM/F1), with its errors."); }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;
 private:
  // A classifier's scores on labelled documents; with --errors N, up to N misclassified documents.
  int evaluateClassifier(const QCommandLineParser& parser, CliIo& io, const std::string& folder) const;
  // A QA model's SQuAD scores on documents with questions; with --errors N, up to N wrong answers.
  int evaluateQa(const QCommandLineParser& parser, CliIo& io, const std::string& folder) const;
  // A relation model's scores with the documents' entities, or end to end with --ner-model's.
  int evaluateRelations(const QCommandLineParser& parser, CliIo& io, const std::string& folder) const;
};

}  // namespace quarry::cli
