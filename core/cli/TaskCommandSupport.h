#pragma once
// What the model subcommands (train, evaluate, predict, cv) share for every task: which task (--task),
// where documents come from (a project's splits or files in any import format), the training
// configuration (defaults < --config file < flags < --set key=value), and how reports are printed.

#include <QCommandLineParser>
#include <QString>

#include "cli/CliCommand.h"
#include "eval/EntityMetrics.h"
#include "jobs/EngineDocuments.h"
#include "train/TrainConfig.h"

namespace quarry::cli {

// --project, --split, --data, --format, --tag-scheme.
void addDataOptions(QCommandLineParser& parser, const QString& defaultSplit);
// The documents named by those options: a project's split(s), or --data files (comma-separated).
Result<jobs::DocumentSet> readDocuments(const QCommandLineParser& parser, const QString& splitsOption,
                                              const QString& dataOption);
// The splits named by `splitsOption` (comma-separated); none = every split.
Result<QVector<Split>> readSplits(const QCommandLineParser& parser, const QString& splitsOption);

// --task ner|classify|qa (default ner).
void addTaskOption(QCommandLineParser& parser);

// --config FILE, --set key=value (repeatable), --threads N; readTrainConfig also reads --task when the
// command has it. `task` given: the command's own task, which a config file or --set may only repeat.
void addTrainConfigOptions(QCommandLineParser& parser);
Result<train::TrainConfig> readTrainConfig(const QCommandLineParser& parser, const std::string& task = {});

// What a training command works on, for failure messages: --model, else --random-encoder, else --project,
// else the --train files.
QString trainingSubject(const QCommandLineParser& parser);


}  // namespace quarry::cli
