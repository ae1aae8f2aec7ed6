#pragma once
// One task's model over documents, a chunk at a time, for PredictionJob: loads a model folder of any task
// (the task read from the folder), predicts for a range of documents into PredictionResults, and turns a
// document's predictions into the store's prediction rows. Every task keeps only predictions whose
// confidence reaches the spec's minConfidence.
//
// Engine exceptions (LibTorch, allocation) pass through: the job catches them around each call.

#include <functional>
#include <memory>
#include <string>

#include <QString>
#include <QVector>

#include "common/Error.h"
#include "jobs/PredictionSpec.h"
#include "store/StoreTypes.h"

namespace quarry::train {
class TaskModel;
}

namespace quarry::jobs {

class TaskPredictor {
 public:
  virtual ~TaskPredictor() = default;

  // The model of spec.modelFolder (and spec.nerModelFolder for relations); errors name the folder or file.
  // `notice` hears what a person should know ("int8 kernels are not available in this LibTorch").
  static Result<std::unique_ptr<TaskPredictor>> load(const PredictionSpec& spec,
                                                     const std::function<void(const QString&)>& notice);

  virtual std::string task() const = 0;
  // Sizes results' per-document parts for results.documents (and names the classifier's labels); predict
  // fills results.uncertainty when the spec asks for it (jobs/DocumentUncertainty.h says how per task).
  virtual void prepare(PredictionResults& results) const;
  // Predicts for documents [begin, end) of results.documents into their slots of `results`, adding to
  // `counts` what it predicted, read and took; with uncertainty, also each document's embedding by the
  // model (DocumentDecisions::embedding) when the model gives one.
  void predictChunk(PredictionResults& results, size_t begin, size_t end, PredictionCounts& counts);
  // The prediction rows of document `d` for run `runId`.
  virtual QVector<Prediction> rows(qint64 runId, const PredictionResults& results, size_t d) const = 0;

 protected:
  // predictChunk's predictions.
  virtual void predict(PredictionResults& results, size_t begin, size_t end, PredictionCounts& counts) = 0;
  // The model whose document embeddings diversity sampling clusters; null = none.
  virtual train::TaskModel* embeddingModel() = 0;

  explicit TaskPredictor(const PredictionSpec& spec)
      : m_minConfidence(spec.minConfidence),
        m_batchSize(spec.batchSize),
        m_uncertainty((spec.uncertainty && spec.store && !spec.projectPath.isEmpty()) || spec.decisions) {}

  double m_minConfidence;
  int m_batchSize;
  bool m_uncertainty;  // gather each document's uncertainty decisions (PredictionResults::uncertainty)
};

}  // namespace quarry::jobs
