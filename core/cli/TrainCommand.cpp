#include "cli/TrainCommand.h"

#include <QDir>

#include "cli/TaskCommandSupport.h"

namespace quarry::cli {
QString TrainCommand::subject(const QCommandLineParser& parser) const { return trainingSubject(parser); }

void TrainCommand::configure(QCommandLineParser& parser) const {
  addFineTuningOptions(parser);
  addRunOptions(parser, QStringLiteral("List every training option of --task with its default and exit."));
  addDistributedOptions(parser);
  parser.addOption({QStringLiteral("teacher"),
                    QStringLiteral("Knowledge distillation (ner, classify): learn from this fine-tuned model "
                                   "folder's predictions beside the gold labels (teacher_folder; distill_alpha, "
                                   "distill_temperature)."),
                    QStringLiteral("folder")});
  parser.addOption({QStringLiteral("unlabelled"),
                    QStringLiteral("With --teacher and --train: documents the teacher labels for the student "
                                   "(any import format, comma-separated; their annotations are not read)."),
                    QStringLiteral("files")});
  parser.addOption({QStringLiteral("unlabelled-split"),
                    QStringLiteral("With --teacher and --project: the split(s) whose documents the teacher labels "
                                   "for the student (e.g. unassigned; their annotations are not read)."),
                    QStringLiteral("names")});
}

int TrainCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  if (parser.isSet(QStringLiteral("help-config"))) return printTaskConfigHelp(parser, io);
  jobs::TrainingSpec spec;
  if (const int code = readFineTuningSpec(parser, io, spec); code != kExitOk) return code;
  if (parser.isSet(QStringLiteral("teacher")))
    spec.config.teacherFolder = QDir(parser.value(QStringLiteral("teacher"))).absolutePath().toStdString();
  const bool unlabelledFiles = parser.isSet(QStringLiteral("unlabelled")),
             unlabelledSplits = parser.isSet(QStringLiteral("unlabelled-split"));
  if ((unlabelledFiles || unlabelledSplits) && spec.config.teacherFolder.empty())
    return usage(io, QStringLiteral("unlabelled documents need a teacher to label them: --teacher FOLDER"));
  if (unlabelledFiles && spec.projectPath.size() > 0)
    return usage(io, QStringLiteral("--unlabelled goes with --train; with --project use --unlabelled-split"));
  if (unlabelledSplits && spec.projectPath.isEmpty())
    return usage(io, QStringLiteral("--unlabelled-split goes with --project; with --train use --unlabelled"));
  if (unlabelledFiles) {
    auto set = readDocuments(parser, QString(), QStringLiteral("unlabelled"));
    if (!set) return fail(io, set.error());
    spec.unlabelled = std::move(set.value());
  }
  if (unlabelledSplits) {
    auto splits = readSplits(parser, QStringLiteral("unlabelled-split"));
    if (!splits) return fail(io, splits.error());
    for (Split s : splits.value())
      if (spec.trainSplits.contains(s) || spec.devSplits.contains(s))
        return usage(io, QStringLiteral("the unlabelled split \"%1\" is also a training or dev split").arg(splitName(s)));
    spec.unlabelledSplits = splits.value();
  }
  spec.outputFolder = parser.value(QStringLiteral("output"));
  spec.resume = parser.isSet(QStringLiteral("resume"));
  if (const int code = readDistributedOptions(parser, io, spec); code != kExitOk) return code;
  return runJob(std::move(spec), parser.isSet(QStringLiteral("json")), io);
}

}  // namespace quarry::cli
