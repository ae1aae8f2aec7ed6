#pragma once
// What `train` and `pretrain` share: listing a task's options (--help-config), running a jobs::TrainingJob
// on this thread with a progress line and Ctrl-C as cancel, and printing its result (text or --json).

#include "cli/CliCommand.h"
#include "jobs/TrainingJob.h"

namespace quarry::cli {

class TrainingCommand : public CliCommand {
 protected:
  // --config, --set, --threads (TaskCommandSupport), --output, --resume, --help-config, --json.
  static void addRunOptions(QCommandLineParser& parser, const QString& helpConfigText);
  // Every option of `task` (empty = all) with its default and help line, on io.out.
  int printConfigHelp(const std::string& task, CliIo& io) const;
  // Runs the job and prints the result; the exit code (kExitCancelled when interrupted).
  int runJob(jobs::TrainingSpec spec, bool json, CliIo& io) const;
};

}  // namespace quarry::cli
