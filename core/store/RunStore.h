#pragma once
// Model runs (training or prediction jobs) and the predictions they leave for documents.

#include "common/Error.h"
#include "store/StoreConnection.h"
#include "store/StoreTypes.h"

namespace quarry {

class RunStore {
 public:
  explicit RunStore(StoreConnection& connection) : m_c(connection) {}

  Result<qint64> createRun(const ModelRun& run);
  // Overwrites every field of run `run.id`.
  Status updateRun(const ModelRun& run);
  // All runs, oldest first.
  Result<QVector<ModelRun>> listRuns();
  Result<ModelRun> run(qint64 id);

  // Adds all of `predictions` for run `runId` in one transaction; returns how many were added.
  Result<int> addPredictions(qint64 runId, const QVector<Prediction>& predictions);
  // Predictions for a document, of run `runId` or (0) of every run, in insertion order.
  Result<QVector<Prediction>> predictionsForDocument(qint64 documentId, qint64 runId = 0);
  Status clearPredictions(qint64 runId);

 private:
  Result<QVector<ModelRun>> select(const QString& where, const QVariantList& values);

  StoreConnection& m_c;
};

}  // namespace quarry
