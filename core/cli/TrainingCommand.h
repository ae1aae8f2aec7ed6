#pragma once
// What `train`, `tune` and `pretrain` share: the documents and the model to fine-tune (--project or
// --train/--dev, --task, --from-scratch / --model / --random-encoder, --crf); listing a task's options (--help-config), running a jobs::TrainingJob
// on this thread with a progress line and Ctrl-C as cancel, and printing its result (text or --json).

#include "cli/CliCommand.h"
#include "jobs/TrainingJob.h"

namespace quarry::cli {

class TrainingCommand : public CliCommand {
 protected:
  // --project, --train, --dev, --train-split, --dev-split, --task, --from-scratch, --model,
  // --random-encoder, --crf.
  static void addFineTuningOptions(QCommandLineParser& parser);
  // The training spec those options (and --config, --set) name; kExitOk, or the exit code of what was
  // printed on io.err.
  int readFineTuningSpec(const QCommandLineParser& parser, CliIo& io, jobs::TrainingSpec& spec) const;
  // --help-config for the --task given (every task's options without one).
  int printTaskConfigHelp(const QCommandLineParser& parser, CliIo& io) const;
  // --config, --set, --threads (TaskCommandSupport), --output, --resume, --help-config, --json.
  static void addRunOptions(QCommandLineParser& parser, const QString& helpConfigText);
  // --world-size, --rank, --master: data-parallel training (train and pretrain).
  static void addDistributedOptions(QCommandLineParser& parser);
  // spec.distributed from those options (a world of one without them); kExitOk or the exit code printed.
  int readDistributedOptions(const QCommandLineParser& parser, CliIo& io, jobs::TrainingSpec& spec) const;
  // Every option of `task` (empty = all) with its default and help line, on io.out.
  int printConfigHelp(const std::string& task, CliIo& io) const;
  // Runs the job and prints the result; the exit code (kExitCancelled when interrupted).
  int runJob(jobs::TrainingSpec spec, bool json, CliIo& io) const;
};

}  // namespace quarry::cli
