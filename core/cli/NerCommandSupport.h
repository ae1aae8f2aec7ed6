#pragma once
// What the NER subcommands (train, evaluate, predict, cv) share: where documents come from (a project's
// splits or files in any import format), the training configuration (defaults < --config file < flags
// < --set key=value), and how reports are printed.

#include <QCommandLineParser>
#include <QString>

#include "cli/CliCommand.h"
#include "eval/EntityMetrics.h"
#include "jobs/NerDocuments.h"
#include "train/NerTrainConfig.h"

namespace quarry::cli {

// --project, --split, --data, --format, --tag-scheme.
void addNerDataOptions(QCommandLineParser& parser, const QString& defaultSplit);
// The documents named by those options: a project's split(s), or --data files (comma-separated).
Result<jobs::NerDocumentSet> readNerDocuments(const QCommandLineParser& parser, const QString& splitsOption,
                                              const QString& dataOption);

// --config FILE, --set key=value (repeatable), --threads N.
void addTrainConfigOptions(QCommandLineParser& parser);
Result<train::NerTrainConfig> readTrainConfig(const QCommandLineParser& parser);

// What a training command works on, for failure messages: --model, else --random-encoder, else --project,
// else the --train files.
QString trainingSubject(const QCommandLineParser& parser);


}  // namespace quarry::cli
