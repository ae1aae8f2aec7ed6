#pragma once
// Model runs (training or prediction jobs) and the predictions they leave for documents.

#include <functional>

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
  // The runs in `status`, oldest first.
  Result<QVector<ModelRun>> runsWithStatus(RunStatus status);

  // Records the documents and annotations run `runId` trained on, in one transaction.
  Status recordAnnotations(qint64 runId, const QVector<AnnotationVersion>& versions);
  // What recordAnnotations recorded for run `runId` (none for a run before lineage).
  Result<QVector<AnnotationVersion>> annotations(qint64 runId);

  // Appends `lines` to run `runId`'s log after the lines already there (numbered on from the last), in
  // one transaction; a line without a time gets the current one.
  Status appendLog(qint64 runId, const QVector<RunLogLine>& lines);
  // Run `runId`'s log, in order (empty for a run before logs, or one that logged nothing).
  Result<QVector<RunLogLine>> log(qint64 runId);

  // Adds all of `predictions` for run `runId` in one transaction; returns how many were added.
  Result<int> addPredictions(qint64 runId, const QVector<Prediction>& predictions);
  // Predictions for a document, of run `runId` or (0) of every run, in insertion order.
  Result<QVector<Prediction>> predictionsForDocument(qint64 documentId, qint64 runId = 0);
  // Every prediction of `kind` of run `runId`, in insertion order.
  Result<QVector<Prediction>> predictionsOfRun(qint64 runId, const QString& kind);
  Status clearPredictions(qint64 runId);
  // Records a person's decision about prediction `predictionId` as a suggestion: "accepted" (with the
  // annotation row it became, 0 = none), "rejected", or "" (undecided again, e.g. an undone accept).
  Status decidePrediction(qint64 predictionId, const QString& decision, const QString& decidedBy,
                          qint64 annotationId = 0);
  // The decided suggestions of `kind` ("entity", ...) on the documents of `splits` (empty = every split),
  // over every run.
  Result<SuggestionDecisions> decisionCounts(const QString& kind, const QVector<Split>& splits);
  // The newest run with predictions of `kind` ("entity", ...); 0 = none.
  Result<qint64> latestRunWithPredictions(const QString& kind);

 private:
  // Inserts `count` rows of `statement` (row(i) its values) in one transaction.
  Status insertRows(const QString& operation, const QString& statement, int count,
                    const std::function<QVariantList(int)>& row);
  // The same inside the caller's transaction.
  Status insertRowsInTransaction(const QString& operation, const QString& statement, int count,
                                 const std::function<QVariantList(int)>& row);
  Result<QVector<ModelRun>> select(const QString& where, const QVariantList& values);
  Result<QVector<Prediction>> selectPredictions(const QString& where, const QVariantList& values);

  StoreConnection& m_c;
};

}  // namespace quarry
