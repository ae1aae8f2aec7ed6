#pragma once

#include "cli/TrainingCommand.h"
#include "jobs/ActiveLearningSimulation.h"

namespace quarry::cli {

// quarry-cli active-learning simulate: active learning measured on labelled data by a simulated annotator
// (jobs/ActiveLearningSimulation.h). From a seeded random seed set, each round trains on what is labelled,
// scores on dev, predicts the rest of the pool and reveals the batch the strategy picks; several strategies
// and seeds; every round a recorded run. Prints the learning curves as a table, the labelled share at which
// each strategy reaches 95% and 99% of the full-data score with its annotation effort, and writes
// learning-curve.svg. Cancellable (Ctrl-C) and resumable (--resume). `merge FOLDER...` joins simulations run
// side by side (one process per core or machine, each other strategies or seeds) into one table and chart.
class ActiveLearningCommand : public TrainingCommand {
 public:
  QString name() const override { return QStringLiteral("active-learning"); }
  QString summary() const override {
    return QStringLiteral("Measure active learning with a simulated annotator: learning curves per strategy.");
  }
  void configure(QCommandLineParser& parser) const override;
  int run(const QCommandLineParser& parser, CliIo& io) const override;
  QString subject(const QCommandLineParser& parser) const override;

 private:
  // Runs the simulation with Ctrl-C as cancel and prints its table (or JSON); the exit code.
  int simulate(jobs::SimulationSpec spec, bool json, CliIo& io) const;
  // The table, the hours to 99% and where the chart went (or the JSON of it all) of a finished simulation.
  void printOutcome(const jobs::SimulationOutcome& outcome, bool json, double wordsPerHour, CliIo& io) const;
};

}  // namespace quarry::cli
