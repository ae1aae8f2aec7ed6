#include "cli/TrainingCommand.h"

#include <memory>
#include <optional>

#include <QDir>

#include "cli/ProgressReporter.h"
#include "cli/TaskCommandSupport.h"
#include "common/ProcessMemory.h"
#include "common/SignalRouting.h"
#include "train/Trainer.h"

namespace quarry::cli {

void TrainingCommand::addRunOptions(QCommandLineParser& parser, const QString& helpConfigText) {
  addTrainConfigOptions(parser);
  parser.addOption(
      {QStringLiteral("output"),
       QStringLiteral(
           "Folder for best/, last/ and run.json (default: next to the project, or ./quarry-model)."),
       QStringLiteral("folder")});
  parser.addOption({QStringLiteral("resume"),
                    QStringLiteral("Continue the interrupted run in --output exactly where it stopped.")});
  parser.addOption({QStringLiteral("help-config"), helpConfigText});
  parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
}

void TrainingCommand::addDistributedOptions(QCommandLineParser& parser) {
  parser.addOption({QStringLiteral("world-size"),
                    QStringLiteral("Data-parallel training: the number of processes that train together (one "
                                   "per machine or device), each started with the same options and its own "
                                   "--rank; rank 0 evaluates and writes --output (default: 1, alone)."),
                    QStringLiteral("n"), QStringLiteral("1")});
  parser.addOption({QStringLiteral("rank"),
                    QStringLiteral("Data-parallel training: this process, 0 .. world size - 1."),
                    QStringLiteral("r"), QStringLiteral("0")});
  parser.addOption({QStringLiteral("master"),
                    QStringLiteral("Data-parallel training: where rank 0 listens and the others connect "
                                   "(c10d TCPStore; default: 127.0.0.1:29500)."),
                    QStringLiteral("host:port")});
}

int TrainingCommand::readDistributedOptions(const QCommandLineParser& parser, CliIo& io,
                                            jobs::TrainingSpec& spec) const {
  train::DistributedOptions& d = spec.distributed;
  bool ok = true;
  d.worldSize = parser.value(QStringLiteral("world-size")).toInt(&ok);
  if (!ok) return usage(io, QStringLiteral("--world-size takes a number, not \"%1\"").arg(parser.value(QStringLiteral("world-size"))));
  d.rank = parser.value(QStringLiteral("rank")).toInt(&ok);
  if (!ok) return usage(io, QStringLiteral("--rank takes a number, not \"%1\"").arg(parser.value(QStringLiteral("rank"))));
  if (parser.isSet(QStringLiteral("master")))
    if (Status s = d.setMaster(parser.value(QStringLiteral("master")).toStdString()); !s)
      return usage(io, QStringLiteral("--master: ") + QString::fromStdString(s.error().message));
  if (d.worldSize == 1 && (parser.isSet(QStringLiteral("rank")) || parser.isSet(QStringLiteral("master"))))
    return usage(io, QStringLiteral("--rank and --master need --world-size 2 or more"));
  if (Status s = d.check(); !s) return usage(io, QString::fromStdString(s.error().message));
  if (d.active() && !parser.isSet(QStringLiteral("output")))
    return usage(io, QStringLiteral("data-parallel training needs --output on every rank: the folder rank 0 "
                                    "writes (and every rank resumes from with --resume)"));
  return kExitOk;
}

void TrainingCommand::addFineTuningOptions(QCommandLineParser& parser) {
  addDataOptions(parser, QString());
  parser.addOption(
      {QStringLiteral("train"),
       QStringLiteral(
           "Training documents: file(s) in any import format, comma-separated (instead of --project)."),
       QStringLiteral("files")});
  parser.addOption({QStringLiteral("dev"),
                    QStringLiteral("Dev documents for evaluation and early stopping (with --train)."),
                    QStringLiteral("files")});
  parser.addOption({QStringLiteral("train-split"),
                    QStringLiteral("With --project: the training split(s) (default: train)."),
                    QStringLiteral("names"), QStringLiteral("train")});
  parser.addOption({QStringLiteral("dev-split"),
                    QStringLiteral("With --project: the dev split(s) (default: dev)."),
                    QStringLiteral("names"), QStringLiteral("dev")});
  addTaskOption(parser);
  parser.addOption({QStringLiteral("from-scratch"),
                    QStringLiteral("Train the task's model that needs no checkpoint (the default): the "
                                   "BiLSTM-CRF tagger (ner), the n-gram classifier (classify), the CNN (relation).")});
  parser.addOption(
      {QStringLiteral("model"),
       QStringLiteral("Fine-tune this Hugging Face model folder (BERT, RoBERTa, DistilBERT, ELECTRA, DeBERTa-v2/v3)."),
       QStringLiteral("folder")});
  parser.addOption(
      {QStringLiteral("random-encoder"),
       QStringLiteral(
           "Train a randomly initialised transformer (random_* options) with this folder's tokenizer."),
       QStringLiteral("tokenizer-folder")});
  parser.addOption({QStringLiteral("crf"), QStringLiteral("Transformers: add a CRF layer over the head.")});
}

int TrainingCommand::printTaskConfigHelp(const QCommandLineParser& parser, CliIo& io) const {
  const std::string task =
      parser.isSet(QStringLiteral("task")) ? parser.value(QStringLiteral("task")).toStdString() : std::string();
  if (!task.empty() && !train::isKnownTask(task))
    return usage(io, QStringLiteral("unknown task \"%1\" (ner, classify, relation, qa, mlm, multi)")
                         .arg(QString::fromStdString(task)));
  return printConfigHelp(task, io);
}

int TrainingCommand::readFineTuningSpec(const QCommandLineParser& parser, CliIo& io,
                                        jobs::TrainingSpec& spec) const {
  auto configRead = readTrainConfig(parser);
  if (!configRead) return fail(io, configRead.error());
  const bool ner = configRead->task == "ner" || configRead->task == train::kMultiTaskName;
  train::TrainConfig config = configRead.value();
  const int modelChoices = int(parser.isSet(QStringLiteral("from-scratch"))) +
                           int(parser.isSet(QStringLiteral("model"))) +
                           int(parser.isSet(QStringLiteral("random-encoder")));
  if (modelChoices > 1)
    return usage(io, QStringLiteral("choose one of --from-scratch, --model and --random-encoder"));
  if (parser.isSet(QStringLiteral("from-scratch"))) config.kind = train::ModelKind::FromScratch;
  if (parser.isSet(QStringLiteral("model"))) {
    config.kind = train::ModelKind::Transformer;
    config.modelFolder = QDir(parser.value(QStringLiteral("model"))).absolutePath().toStdString();
  }
  if (parser.isSet(QStringLiteral("random-encoder"))) {
    config.kind = train::ModelKind::Transformer;
    config.modelFolder.clear();
    config.tokenizerFolder =
        QDir(parser.value(QStringLiteral("random-encoder"))).absolutePath().toStdString();
  }
  if (parser.isSet(QStringLiteral("crf"))) config.crf = true;
  if (config.crf && !ner) return usage(io, QStringLiteral("--crf applies to the ner task"));
  if (config.crf && config.kind != train::ModelKind::Transformer)
    io.err << "note: --crf applies to transformers; the BiLSTM tagger always has a CRF\n";

  if (!parser.isSet(QStringLiteral("train"))) {
    if (!parser.isSet(QStringLiteral("project")))
      return fail(io, Error("name the documents: --project FILE or --train FILE", "", 0, "project"));
    spec.projectPath = parser.value(QStringLiteral("project"));
    auto trainSplits = readSplits(parser, QStringLiteral("train-split"));
    if (!trainSplits) return fail(io, trainSplits.error());
    auto devSplits = readSplits(parser, QStringLiteral("dev-split"));
    if (!devSplits) return fail(io, devSplits.error());
    spec.trainSplits = trainSplits.value();
    spec.devSplits = devSplits.value();
  } else {
    auto trainSet = readDocuments(parser, QStringLiteral("train-split"), QStringLiteral("train"));
    if (!trainSet) return fail(io, trainSet.error());
    spec.train = std::move(trainSet.value());
    if (parser.isSet(QStringLiteral("dev"))) {
      auto devSet = readDocuments(parser, QStringLiteral("dev-split"), QStringLiteral("dev"));
      if (!devSet) return fail(io, devSet.error());
      spec.dev = std::move(devSet.value());
    }
  }
  spec.config = config;
  return kExitOk;
}

int TrainingCommand::printConfigHelp(const std::string& task, CliIo& io) const {
  for (const auto& [key, help] : train::TrainConfig::describe(task))
    io.out << QString::fromStdString(key) << "\n    " << QString::fromStdString(help) << '\n';
  io.out.flush();
  return kExitOk;
}

int TrainingCommand::runJob(jobs::TrainingSpec spec, bool json, CliIo& io) const {
  const int rank = spec.distributed.rank;
  jobs::TrainingJob job(std::move(spec));
  QObject::connect(&job, &jobs::TrainingJob::notice,
                   [&io](const QString& text) { io.err << "note: " << text << '\n'; });
  std::optional<ProgressReporter> reporter;
  QObject::connect(&job, &jobs::TrainingJob::progress, [&](const jobs::TrainingProgress& p) {
    if (!reporter) reporter.emplace(io.err, QStringLiteral("train"), io.interactive);
    QString detail =
        QStringLiteral("epoch %1/%2 loss %3").arg(p.epoch + 1).arg(p.epochs).arg(p.loss, 0, 'f', 4);
    if (p.devScore > 0 && p.metric == QLatin1String("inverse_perplexity"))  // masked LM: perplexity
      detail += QStringLiteral(" dev perplexity %1 (best %2)")
                    .arg(1.0 / p.devScore, 0, 'f', 2)
                    .arg(1.0 / p.bestDevScore, 0, 'f', 2);
    else if (p.devScore >= 0)
      detail += QStringLiteral(" dev %1 %2 (best %3)")
                    .arg(p.metric)
                    .arg(p.devScore, 0, 'f', 4)
                    .arg(p.bestDevScore, 0, 'f', 4);
    if (p.phase == QLatin1String("eval")) detail += QStringLiteral(" evaluating");
    reporter->setDetail(detail);
    reporter->update(p.step, p.totalSteps);
  });
  // From here an interrupt cancels: the job trains at least one step, so that a recorded run always ends
  // and leaves last/ to resume.
  auto interrupts = std::make_unique<SignalRouting::Scope>([&job](int) { job.cancel(); });
  const jobs::TrainingOutcome outcome = job.runHere();
  interrupts.reset();
  if (reporter) reporter->finish();
  if (!outcome.recordWarning.isEmpty())
    io.err << "warning: the run could not be recorded: " << outcome.recordWarning << '\n';
  if (outcome.status == RunStatus::Failed) return fail(io, outcome.error);
  const train::TrainResult& r = *outcome.engineResult;
  if (json) {
    nlohmann::json j = r.toJson();
    j["peak_memory_mib"] = peakResidentMiB();
    if (outcome.runId) j["run_id"] = outcome.runId;
    io.out << QString::fromStdString(j.dump(2)) << '\n';
  } else {
    io.out << "model      " << QString::fromStdString(r.describeModel) << '\n'
           << "ended      " << train::trainEndName(r.end) << " after " << r.steps << " steps, "
           << r.epochsCompleted << " epochs, " << ProgressReporter::formatDuration(qint64(r.seconds)) << '\n'
           << "speed      " << qint64(r.tokensPerSecond) << " training positions/s, peak memory "
           << qint64(peakResidentMiB()) << " MiB\n";
    if (const int64_t misaligned = r.data.value("misaligned_spans", int64_t{0}); misaligned > 0)
      io.out << "misaligned " << misaligned << " spans not on word boundaries (trained widened)\n";
    if (r.bestDevScore >= 0 && r.task == train::kPretrainingTaskName) {
      io.out << "best dev at step " << r.bestStep << ": "
             << QString::fromStdString(r.bestDevReport.formatTable()) << '\n';
    } else if (r.bestDevScore >= 0) {
      io.out << "best dev " << QString::fromStdString(r.bestDevReport.primaryName) << ' '
             << QString::number(r.bestDevScore * 100, 'f', 2) << " at step " << r.bestStep
             << "\n\n"
             << QString::fromStdString(r.bestDevReport.formatTable()) << '\n';
    }
    if (r.worldSize > 1 && rank != 0)
      io.out << "rank " << rank << " of " << r.worldSize << ": rank 0 evaluated and wrote the model folder\n";
    else
      io.out << "model folder " << QString::fromStdString(r.bestFolder) << '\n';
  }
  io.out.flush();
  return r.end == train::TrainResult::End::Cancelled ? kExitCancelled : kExitOk;
}

}  // namespace quarry::cli
