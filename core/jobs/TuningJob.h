#pragma once
// Hyper-parameter search as a job (quarry-cli tune): trains the trials of a train::TuningPlan one after
// another, each an ordinary jobs::TrainingJob (a run recorded in the project, in <output>/trial-N), and
// keeps <output>/tuning.json up to date after every trial starts and ends.
//
// BUDGET: with budget_minutes, no trial starts once the search has trained that long, and each trial gets
// the time that is left as its time limit (it then ends as time-limit, its best checkpoint kept). The
// time of an earlier, interrupted session counts.
// RESUME: with `resume`, the plan in <output>/tuning.json is read back (its own space, options and base
// config; those given now are ignored): finished trials stay, the trial that was training resumes from its
// last/ checkpoint (or starts again when it has none), and the search goes on.
// CANCEL: cancel() (any thread) cancels the trial that trains and starts no other; that trial is recorded
// cancelled and a resume trains it again from its last/.
// FAILURES: a trial that fails is recorded failed with its reason and the search goes on; an error of the
// search itself (tuning.json unreadable or unwritable, an empty space) ends it.

#include <QObject>
#include <QString>
#include <QVector>
#include <memory>
#include <mutex>

#include "common/Error.h"
#include "jobs/JobThread.h"
#include "jobs/TrainingJob.h"
#include "train/tune/TuningPlan.h"

namespace quarry::jobs {

struct TuningSpec {
  TrainingSpec training;          // the documents, the base config, the project (outputFolder: unused)
  train::SearchSpace space;       // what is drawn
  train::TuningOptions options;   // strategy, trials, budget
  QString outputFolder;           // tuning.json and trial-N/; required
  bool resume = false;            // go on with the search in outputFolder
};

// A trial starts or ends.
struct TuningProgress {
  int trial = 0;      // its id
  int rung = 0;
  int epochs = 0;
  QString state;      // "started", "finished", "failed", "cancelled"
  double score = -1;  // ended: its best dev figure
  QString metric;
  QString values;     // "learning_rate=3.2e-05 batch_size=16"
  int trialsEnded = 0;
  double bestScore = -1;  // the best figure so far
};

struct TuningOutcome {
  bool ok = false;
  bool cancelled = false;
  Error error;                  // !ok: why
  train::TuningPlan plan;       // the search as it stands
  QString planFile;             // <output>/tuning.json
};

class TuningJob : public QObject {
  Q_OBJECT
 public:
  explicit TuningJob(TuningSpec spec, QObject* parent = nullptr);

  TuningOutcome runHere();
  bool start();
  void cancel();  // thread-safe
  const TuningOutcome& outcome() const { return m_outcome; }

 Q_SIGNALS:
  void progress(const quarry::jobs::TuningProgress& progress);
  // The trial in training reports (relayed from its TrainingJob).
  void trialProgress(const quarry::jobs::TrainingProgress& progress);
  void finished(const quarry::jobs::TuningOutcome& outcome);

 private:
  TuningOutcome execute();
  // Trains `trial` of `plan`; records how it ended in the trial. An error that ends the search (the
  // trial had no dev figure: none will have one).
  Status runTrial(train::TuningPlan& plan, train::TuningTrial& trial, double secondsLeft);

  TuningSpec m_spec;
  TuningOutcome m_outcome;
  std::mutex m_mutex;             // guards m_current
  TrainingJob* m_current = nullptr;
  JobThread m_worker;             // last
};

// "learning_rate=3.2e-05 batch_size=16": a trial's values for people.
QString describeValues(const nlohmann::json& values);

}  // namespace quarry::jobs

Q_DECLARE_METATYPE(quarry::jobs::TuningProgress)
Q_DECLARE_METATYPE(quarry::jobs::TuningOutcome)
