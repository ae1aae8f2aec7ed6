#pragma once
// A hyper-parameter search's plan and record (quarry-cli tune): which trials train with which values of
// the search space, for how many epochs, and how each ended. Saved as tuning.json after every change, so
// that a search stopped by a crash or Ctrl-C resumes where it was: finished trials are kept, the trial
// that was training is resumed from its last/ checkpoint, and the next trials are the ones it would have
// run.
//
// STRATEGIES
//   random:  `trials` trials, draw i of the space for trial i + 1, each for the base config's epochs.
//   halving: successive halving. Rung 0 trains `trials` draws for min_epochs epochs each; once a rung
//            has ended, the best 1/eta of its finished trials (at least one) are trained again from the
//            start with eta times the epochs (at most the base config's epochs) as the next rung. The
//            search ends when a rung keeps one trial, or trained at the full epochs.
// Every trial's figure is the best dev value of the task's primary metric (higher is better).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/Error.h"
#include "train/TrainConfig.h"
#include "train/tune/SearchSpace.h"

namespace quarry::train {

struct TuningOptions {
  std::string strategy = "random";  // "random" or "halving"
  int trials = 10;                  // random: trials; halving: the draws of rung 0
  double budgetMinutes = 0;         // the whole search's wall time at most (0 = none); the job keeps it
  int eta = 3;                      // halving: keep 1/eta of a rung, give eta times the epochs
  int minEpochs = 1;                // halving: rung 0's epochs
  uint64_t seed = 42;               // the draws

  nlohmann::json toJson() const;
  static Result<TuningOptions> fromJson(const nlohmann::json& j, const std::string& source);
  Status check() const;
};

struct TuningTrial {
  enum class Status { Pending, Running, Finished, Failed, Cancelled };
  int id = 0;                 // 1-based, in the order trials start
  int rung = 0;               // halving: its rung; random: 0
  int64_t draw = 0;           // which draw of the space; later rungs repeat a draw of rung 0
  nlohmann::json values;      // the drawn values (key -> value)
  int epochs = 0;             // what it trains
  Status status = Status::Pending;
  double score = -1;          // best dev figure; -1 = none
  std::string metric;         // its name ("micro_f1")
  int64_t runId = 0;          // the run recorded in the project; 0 = none
  std::string folder;         // its output folder
  double seconds = 0;         // its training time
  std::string error;          // Failed: why

  // Finished or failed; a cancelled trial trains again (from its last/) when the search resumes.
  bool ended() const { return status == Status::Finished || status == Status::Failed; }
};

const char* trialStatusName(TuningTrial::Status status);

class TuningPlan {
 public:
  TuningPlan() = default;
  // A new search over `space` from `base`.
  static Result<TuningPlan> create(const TuningOptions& options, const SearchSpace& space, const TrainConfig& base);
  static Result<TuningPlan> load(const std::string& file);
  Status save(const std::string& file) const;  // whole or not at all

  // The trial to train next: a trial left Running or Pending (a resumed search), else a new one as the
  // strategy says; nullptr when the search is complete. The pointer stays valid until the next call.
  TuningTrial* next();
  TuningTrial* trial(int id);
  // The config trial `t` trains: the base with its values and epochs applied.
  Result<TrainConfig> configOf(const TuningTrial& t) const;
  // Trials that finished with a figure, best first (ties: the earlier trial).
  std::vector<const TuningTrial*> ranked() const;
  bool complete() const { return m_complete; }

  const TuningOptions& options() const { return m_options; }
  const SearchSpace& space() const { return m_space; }
  const TrainConfig& base() const { return m_base; }
  const std::vector<TuningTrial>& trials() const { return m_trials; }
  double elapsedSeconds() const { return m_elapsedSeconds; }
  void addElapsed(double seconds) { m_elapsedSeconds += seconds; }

  nlohmann::json toJson() const;

 private:
  // Halving: the epochs of `rung`.
  int rungEpochs(int rung) const;
  TuningTrial& add(int rung, int64_t draw, int epochs);

  TuningOptions m_options;
  SearchSpace m_space;
  TrainConfig m_base;
  std::vector<TuningTrial> m_trials;
  double m_elapsedSeconds = 0;
  bool m_complete = false;
};

}  // namespace quarry::train
