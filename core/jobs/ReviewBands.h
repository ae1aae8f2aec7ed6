#pragma once
// The review queue's bands. A model's predictions on unlabelled documents fall into three bands by two
// thresholds (suggest::ConfidenceBands): auto-accept (at or above the high one), review (between), escalate
// (below the low one). The thresholds can be derived from dev: the model predicts the project's dev split
// (nothing recorded), each predicted entity is right when a gold entity has its exact span and type, and
// each threshold is the lowest whose dev precision reaches its target (suggest::thresholdForPrecision),
// shown with the precision and coverage it reaches there.
//
// Entities for now; the other tasks' predictions carry confidences in the same table and will take the
// same bands once their dev matching is added here.

#include <QString>
#include <QVector>

#include "common/Error.h"
#include "store/StoreTypes.h"
#include "suggest/ConfidenceBands.h"

namespace quarry {
class ProjectStore;
}

namespace quarry::jobs {

struct DevCalibration {
  suggest::PrecisionThreshold high;  // for the high target (auto-accept)
  suggest::PrecisionThreshold low;   // for the low target (below it: escalate)
  int documents = 0;                 // dev documents predicted
};

// Predicts the dev split of the project at `projectPath` with the NER model in `modelFolder` and derives
// both thresholds (targets in (0, 1]: e.g. 0.95 and 0.5).
Result<DevCalibration> calibrateOnDev(const QString& projectPath, const QString& modelFolder,
                                      double highPrecision, double lowPrecision);

// One undecided entity prediction of a run with its band.
struct BandedPrediction {
  Prediction prediction;
  QString documentName;
  suggest::ConfidenceBand band = suggest::ConfidenceBand::Review;
};

// The undecided entity predictions of run `runId` with their bands, most confident first.
Result<QVector<BandedPrediction>> bandPredictions(ProjectStore& store, qint64 runId,
                                                  const suggest::ConfidenceBands& bands);

}  // namespace quarry::jobs
