#pragma once

#include <functional>

#include <QJsonObject>
#include <QVector>

#include "cli/CliCommand.h"
#include "jobs/EngineDocuments.h"
#include "store/StoreTypes.h"
#include "train/classify/DocumentClassifier.h"
#include "train/qa/QaModel.h"

namespace quarry::train {
class RelationModel;
}

namespace quarry::cli {

// quarry-cli predict: run a trained model (the task read from its folder) over text files or a project's
// documents: entity spans (NER), document labels (classification) or answers to the documents' questions
// (QA; --question asks the same questions of every document), each with a confidence, to JSONL and/or the
// project's predictions table.
class PredictCommand : public CliCommand {
 public:
  QString name() const override { return QStringLiteral("predict"); }
  QString summary() const override {
    return QStringLiteral("Predict entity spans, document labels or answers with confidence for text files or a project.");
  }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;

 private:
  int predictAnswers(const QCommandLineParser& parser, CliIo& io, train::QaModel& model,
                     const jobs::DocumentSet& set, double minConfidence) const;
  int predictLabels(const QCommandLineParser& parser, CliIo& io, train::DocumentClassifier& classifier,
                    const jobs::DocumentSet& set, double minConfidence) const;
  // Relations between the documents' own entities, or with --ner-model between the entities it finds.
  int predictRelations(const QCommandLineParser& parser, CliIo& io, train::RelationModel& model,
                       const jobs::DocumentSet& set, double minConfidence) const;
  // Records a finished prediction run in --project with the rows `rowsOf(runId, d)` gives for each of the
  // `documents`; returns its id.
  Result<qint64> storePredictions(const QCommandLineParser& parser, const QString& name, const QJsonObject& metrics,
                                  size_t documents,
                                  const std::function<QVector<Prediction>(qint64, size_t)>& rowsOf) const;
};

}  // namespace quarry::cli
