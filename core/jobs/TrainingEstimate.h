#pragma once
// How long a training run will take, said before it starts (the Train dialog): the training words times
// the epochs over a rate in words per second of wall time (evaluations included). The rate is measured: the
// latest run of this project that trained the same model kind (and the same base model) and recorded its
// words; without one it is a rough figure for two CPU cores, scaled for a transformer by its size, and the
// estimate says so. Early stopping can end a run sooner; a time limit caps the estimate.

#include <QString>
#include <QVector>

#include "jobs/EngineDocuments.h"
#include "store/StoreTypes.h"
#include "train/TrainConfig.h"

namespace quarry::jobs {

struct TrainingEstimate {
  qint64 trainWords = 0;
  qint64 devWords = 0;
  double wordsPerSecond = 0;  // the rate used
  double seconds = 0;         // the estimate for config.epochs (capped by time_limit_seconds)
  qint64 measuredRun = 0;     // the run the rate was measured in; 0 = a rough default rate
  // "about 4 min (rate measured in run 12)" / "about 1 h 10 min (a rough rate: no earlier run of this
  // model)".
  QString text() const;
};

// `baseParameters`: a transformer's estimated parameter count (BaseModelInfo::parameters; 0 = a random
// encoder of config's random_* shape).
TrainingEstimate estimateTraining(const DocumentSet& train, const DocumentSet& dev,
                                  const train::TrainConfig& config, const QVector<ModelRun>& pastRuns,
                                  double baseParameters = 0);

// "45 s", "4 min", "1 h 10 min".
QString formatDuration(double seconds);

}  // namespace quarry::jobs
