#pragma once
// The state of an active-learning simulation between rounds (<output>/simulation.json): what it was started
// with, each curve's points and labelled units, and each seed's full-data model. ActiveLearningSimulation
// writes it after every round and reads it to resume; mergeSimulations reads several to draw them as one.

#include <QJsonObject>
#include <QString>
#include <cstdint>
#include <string>
#include <vector>

#include "common/Error.h"
#include "suggest/LearningCurve.h"

namespace quarry::jobs {

// One curve's state between rounds.
struct CurveState {
  std::string strategy;
  uint64_t seed = 0;
  std::vector<suggest::CurvePoint> points;
  std::vector<int32_t> labelled;  // unit indexes, in the order they were revealed
  int nextRound = 0;
  // nextRound's batch is still to be picked: the previous round is trained and scored, its model is `model`.
  // Saved so that a simulation stopped between training and selection (cancelled while it predicts the pool,
  // or killed) resumes by picking the batch, neither training that round again nor warm-starting from a
  // model already removed.
  bool needsBatch = false;
  bool done = false;
  QString model;  // the latest round's best/ folder
};

// One full-data model: the whole pool trained on with one seed.
struct FullModel {
  uint64_t seed = 0;
  double score = -1;
  QString model;  // its best/ folder
};

// The full-data score the curves are measured against: the mean over the seeds trained; -1 = none yet.
double meanFullScore(const std::vector<FullModel>& full);
// Their scores in seed order.
std::vector<double> fullScoresBySeed(std::vector<FullModel> full);

struct SimulationState {
  QJsonObject fingerprint;  // the data, sizes and options: a resume or a merge must match it
  QJsonObject spec;  // what resumeSpec needs beyond the fingerprint: project, splits, strategies, seeds, ...
  std::string metric;
  // The full-data models trained so far, one per seed of the simulation (a merge may hold others' seeds too).
  std::vector<FullModel> full;
  std::vector<CurveState> curves;

  const FullModel* fullOf(uint64_t seed) const;
  double fullScore() const { return meanFullScore(full); }
  // Whether rounds (or full-data models of the simulation's seeds) are left to train.
  bool unfinished() const;
};

// The state as simulation.json holds it; "full" keeps the mean score and first model that states written
// before per-seed full-data models held, besides "seeds".
QJsonObject simulationStateJson(const SimulationState& state);
// Errors: the file unreadable, not JSON, or of another version (field version). A state written before
// per-seed full-data models reads its one model as the first seed's.
Result<SimulationState> readSimulationState(const QString& path);

}  // namespace quarry::jobs
