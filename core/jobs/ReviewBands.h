#pragma once
// The review queue's bands, for every task. A model's predictions on unlabelled documents fall into three
// bands by two thresholds (suggest::ConfidenceBands): auto-accept (at or above the high one), review
// (between), escalate (below the low one). The thresholds can be derived from dev (jobs/CalibrationJob.h):
// the model predicts the project's dev split (nothing recorded), each prediction is marked right or wrong
// against the gold (markDevPredictions), and each threshold is the lowest whose dev precision reaches its
// target (suggest::thresholdForPrecision), shown with the precision and coverage it reaches there.
//
// A task's predictions are rows of one kind in the store: "entity" (ner), "relation", "answer" (qa) and
// "label" (classify).

#include <vector>

#include <QString>
#include <QVector>

#include "common/Error.h"
#include "store/StoreTypes.h"
#include "suggest/ConfidenceBands.h"

namespace quarry {
class ProjectStore;
}

namespace quarry::jobs {

struct DocumentSet;
struct PredictionResults;

// The prediction kind of a task's rows ("ner" -> "entity", "qa" -> "answer", "classify" -> "label",
// "relation" -> "relation"); empty for an unknown task. taskOfKind is its inverse.
QString predictionKindOf(const QString& task);
QString taskOfKind(const QString& kind);

// Each prediction of `results` marked right or wrong against `gold`, the same documents with their gold
// annotations (paired by store id when both sets have them, else by position; a predicted document without
// gold is left out). Every part of a DocumentPrediction is read, so one call serves any task:
//   entity    right when a gold entity has its exact span and type;
//   relation  right when a gold relation of its type joins entities with the same spans (start, end) as
//             its head and tail (results.mentions index them; without mentions, the gold entities), head
//             to head, tail to tail; a type gold.relationSpecs declares undirected either way round. A
//             concept relation: the same head and tail concepts and type, undirected types either way;
//   answer    right when it is exactly the span of a gold answer to its question (by question id); a
//             no-answer verdict right when that question has no gold answer. A question the gold document
//             does not ask (the QA fields asked of a document that annotates no answer) has no gold to
//             say: its answers are left out;
//   label     right when the document's gold labels contain it.
std::vector<suggest::ScoredPrediction> markDevPredictions(const DocumentSet& gold,
                                                          const PredictionResults& results);

// One undecided prediction of a run with its band.
struct BandedPrediction {
  Prediction prediction;
  QString documentName;
  QString description;  // describePrediction()
  suggest::ConfidenceBand band = suggest::ConfidenceBand::Review;
};

// A prediction row in words: entity "DRUG: aspirin"; relation "TREATS: aspirin → headache" (concepts for
// a document-level one); answer "effective_date: 1 May 2020" (or "(no answer)"; the question id when it
// has no field); label: its category.
QString describePrediction(const Prediction& prediction);

// The undecided predictions of kind `kind` of run `runId` with their bands, most confident first.
Result<QVector<BandedPrediction>> bandPredictions(ProjectStore& store, qint64 runId, const QString& kind,
                                                  const suggest::ConfidenceBands& bands);
// The same for the newest run with predictions of `kind`; none when there is no such run.
Result<QVector<BandedPrediction>> reviewQueue(ProjectStore& store, const QString& kind,
                                              const suggest::ConfidenceBands& bands);

// How many of `banded` fall in each band of `bands`.
suggest::BandCounts countBands(const QVector<BandedPrediction>& banded,
                               const suggest::ConfidenceBands& bands);

}  // namespace quarry::jobs
