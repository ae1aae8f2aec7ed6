#pragma once
// Active learning measured: a simulated annotator over labelled data ("how much would active learning have
// saved here?"), for quarry-cli active-learning simulate, the Runs view and bench/active_learning.
//
// The pool is a labelled project split (or documents read from files) cut into units (NER: sentences, split
// as training splits them, never inside an entity; any task: documents). Per strategy and seed:
//   round 0   the seed set: seedUnits drawn at random with that seed (the same for every strategy);
//   round r   train on what is labelled (from scratch, or warm-started from round r-1's best model: a
//             setting), score it on the dev split, then predict the pool's unlabelled units and pick the next
//             batch by the strategy (suggest/BatchSelection.h: the same scores the workbench's queue ranks
//             by), and reveal its gold labels (the oracle annotator);
// until the budget of labelled units or the last round (a remainder of the budget under half a round is not
// labelled). Per seed, a model trained on the whole pool: the mean of their scores is the full-data score the
// curves (means over the same seeds) are measured against.
//
// Every round is a TrainingJob (the trainer and options of any training run), recorded as a run of the
// project when there is one (its data says strategy, seed, round and what was labelled). The state is kept
// in <output>/simulation.json after each round, so a cancelled or interrupted simulation resumes at the round
// it stopped in (that round trains again). Resumed with a larger budget (or more rounds) and otherwise the
// same data and options, a simulation is extended: each curve goes on from its latest model as one started
// with that budget would have (exactly so where the old budget ended on a whole round; a partial last round
// stays partial). At the end <output>/learning-curve.svg and learning-curve.txt.
//
// THREADS: run() works on the calling thread; cancel() may be called from any thread and stops the round
// in training within one step.

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "common/Error.h"
#include "jobs/EngineDocuments.h"
#include "store/StoreTypes.h"
#include "suggest/BatchSelection.h"
#include "suggest/LearningCurve.h"
#include "train/TrainConfig.h"

namespace quarry::jobs {

class TrainingJob;
class PredictionJob;

enum class SimulationUnit { Sentence, Document };

struct SimulationSpec {
  // The project whose splits are the pool and dev, and whose run table records every round; empty = `pool`
  // and `dev` below, recording nothing.
  QString projectPath;
  QVector<Split> poolSplits{Split::Train};
  QVector<Split> devSplits{Split::Dev};
  DocumentSet pool;  // without a project
  DocumentSet dev;   // without a project
  train::TrainConfig config;  // the task and every training option of each round
  std::vector<suggest::SelectionStrategy> strategies{suggest::SelectionStrategy::Random,
                                                     suggest::SelectionStrategy::Mnlp,
                                                     suggest::SelectionStrategy::Diversity};
  int seeds = 3;           // curves per strategy, seeds firstSeed, firstSeed + 1, ...
  uint64_t firstSeed = 1;
  SimulationUnit unit = SimulationUnit::Sentence;  // sentences only for ner
  // Sizes in units; a share (0..1 of the pool) is used where the count is 0.
  int seedUnits = 0;
  double seedShare = 0.02;
  int batchUnits = 0;
  double batchShare = 0.02;
  int budgetUnits = 0;      // stop once this many are labelled
  double budgetShare = 0.5;
  int maxRounds = 0;        // 0 = until the budget
  bool warmStart = false;   // round r starts from round r-1's model (train/WarmStart.h)
  // A round on few units trains at least this many optimizer steps (more epochs, evaluated every tenth of
  // them), so that an early round is not scored on a model that barely trained; 0 = the epochs as set.
  int minSteps = 0;
  bool trainFull = true;    // train on the whole pool once per seed for the full-data score
  bool record = true;       // with a project: record every round as a run
  bool keepModels = false;  // keep every round's model folder (else only each curve's latest)
  QString outputFolder;     // required: simulation.json, the rounds' models, the chart
  // Continue the simulation in outputFolder (or, with a larger budget or maxRounds, extend it).
  bool resume = false;
  double wordsPerHour = 1500;  // the simulated annotator's pace, for the effort estimate
  int threads = 0;             // CPU threads for prediction; 0 = all cores
};

struct SimulationProgress {
  QString phase;     // "train", "scored" (a round's dev score is in), "predict", "select", "done"
  QString strategy;  // "full" for the full-data model
  qint64 seed = 0;
  int round = 0;
  int rounds = 0;             // planned rounds of a curve (seed set included)
  int curvesDone = 0;
  int curves = 0;             // strategies x seeds
  qint64 labelledUnits = 0;
  qint64 poolUnits = 0;
  double lastScore = -1;      // the latest round's dev score; -1 before one
  qint64 step = 0, totalSteps = 0;  // the round in training
  // "scored" and "done": every curve so far (for a live chart) and the full-data score (-1 = not known).
  std::shared_ptr<const std::vector<suggest::StrategyCurve>> points;
  double fullScore = -1;
  QString metric;  // the primary dev metric's name ("micro_f1"), once a round has trained
};

struct SimulationOutcome {
  RunStatus status = RunStatus::Failed;  // Finished, Cancelled or Failed
  Error error;
  std::vector<suggest::StrategyCurve> curves;  // what was simulated (Cancelled: so far)
  suggest::LearningCurveSummary summary;
  QString chartPath, tablePath, statePath;  // empty when not written
  QVector<qint64> runIds;                    // runs recorded by this call
  int unitsDropped = 0;                      // NER: sentences with an entity the splitter had to cut (kept whole)

  QString errorText() const { return QString::fromStdString(error.toString()); }
};

// "sentences" / "documents".
QString simulationUnitName(SimulationUnit unit);
// A size of the seed set, a round or the budget as people write it: "N" units (N >= 1) into `units` (share 0),
// or "P%" of the pool (0 < P <= 100) into `share` (units 0); false when it is neither.
bool parseSimulationSize(const QString& text, int& units, double& share);

// The units of `documents`: themselves, or (sentences) each sentence with its entities, relations between
// them and code point offsets shifted to the sentence; ids "<doc id>#<k>".
std::vector<document::AnnotatedDocument> simulationUnits(const std::vector<document::AnnotatedDocument>& documents,
                                                         SimulationUnit unit);
// A round on `units` units trains at least `minSteps` optimizer steps: more epochs where the configured ones
// give fewer, then evaluated every tenth of them (unless an interval is set); minSteps <= 0 changes nothing.
void applyMinSteps(train::TrainConfig& config, int64_t units, int minSteps);
// Words of a text (what an annotator reads): maximal runs of non-space characters.
qint64 wordCount(const std::string& text);

// The state file of a simulation in `folder` (simulation.json).
QString simulationStatePath(const QString& folder);
// Whether the simulation in `folder` has rounds left (it was cancelled or interrupted).
bool simulationUnfinished(const QString& folder);
// The spec that resumes the simulation of a project in `folder`, read from its state: the options it started
// with, resume set. Errors: no state there, or one of files (only a project's simulation can be resumed
// without naming its documents again).
Result<SimulationSpec> resumeSpec(const QString& folder);

// Simulations of the same data and options that hold different curves (other strategies or seeds: one process
// per core or machine, each with its own output folder and --first-seed, with or without their seeds'
// full-data models) as one: their curves side by side, the full-data score the mean over every seed's
// full-data model found (a seed in two folders counts once, from the first), and learning-curve.svg / .txt
// written to `outputFolder` (which may be one of them; no state is written there). Errors: a folder without a
// finished simulation (field curves: resume it first), data or options that differ from the first folder's
// (field fingerprint, naming the key that differs), a curve (strategy and seed) in two folders (field
// curves).
SimulationOutcome mergeSimulations(const QStringList& folders, const QString& outputFolder);

class ActiveLearningSimulation {
 public:
  explicit ActiveLearningSimulation(SimulationSpec spec);

  SimulationOutcome run(const std::function<void(const SimulationProgress&)>& progress = {});
  void cancel();  // thread-safe
  bool isCancelled() const { return m_cancelled.load(); }

 private:
  Result<double> trainRound(const std::vector<int32_t>& labelled, const QString& folder, const QString& strategy,
                            uint64_t seed, int round, const QString& warmFrom, QString* bestFolder,
                            const std::function<void(const SimulationProgress&)>& progress, SimulationProgress p);
  // The unlabelled units' decisions and embeddings by `model`; with `diversity`, hashed words where the model
  // gives no embedding.
  Result<std::vector<suggest::PoolUnit>> predictPool(const std::vector<int32_t>& unlabelled, const QString& model,
                                                     bool diversity);

  SimulationSpec m_spec;
  std::vector<document::AnnotatedDocument> m_units;
  std::vector<qint64> m_unitWords;
  DocumentSet m_schema;  // the pool's labels and schema, documents emptied
  std::vector<document::AnnotatedDocument> m_dev;
  QVector<qint64> m_runIds;
  std::string m_metric;  // the primary dev metric's name, from the first round trained
  std::atomic<bool> m_cancelled{false};
  std::mutex m_mutex;
  TrainingJob* m_training = nullptr;
  PredictionJob* m_prediction = nullptr;
};

}  // namespace quarry::jobs
