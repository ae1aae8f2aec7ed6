#pragma once

#include <functional>

#include <QJsonObject>
#include <QVector>

#include "cli/CliCommand.h"
#include "jobs/EngineDocuments.h"
#include "store/StoreTypes.h"
#include "train/classify/DocumentClassifier.h"

namespace quarry::train {
class RelationModel;
}

namespace quarry::cli {

// quarry-cli predict: run a trained model (the task read from its folder) over text files or a project's
// documents: entity spans (NER) or document labels (classification), each with a confidence, to JSONL
// and/or the project's predictions table.
class PredictCommand : public CliCommand {
 public:
  QString name() const override { return QStringLiteral("predict"); }
  QString summary() const override {
    return QStringLiteral("Predict entity spans or document labels with confidence for text files or a project.");
  }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;

 private:
  int predictLabels(const QCommandLineParser& parser, CliIo& io, train::DocumentClassifier& classifier,
                    const jobs::DocumentSet& set, double minConfidence) const;
  // Relations between the documents' own entities, or with --ner-model between the entities it finds.
  int predictRelations(const QCommandLineParser& parser, CliIo& io, train::RelationModel& model,
                       const jobs::DocumentSet& set, double minConfidence) const;
  // Records a finished prediction run in --project with the rows `rows(runId)` gives; returns its id.
  Result<qint64> storePredictions(const QCommandLineParser& parser, const QString& name, const QJsonObject& metrics,
                                  const std::function<QVector<Prediction>(qint64)>& rows) const;
};

}  // namespace quarry::cli
