#include "cli/TrainCommand.h"

#include <atomic>
#include <memory>

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

#include "cli/TaskCommandSupport.h"
#include "cli/ProgressReporter.h"
#include "common/ProcessMemory.h"
#include "common/SignalRouting.h"
#include "model/kernels/CpuThreads.h"
#include "model/kernels/EngineFailure.h"
#include "store/ProjectStore.h"
#include "train/TaskFactory.h"

namespace quarry::cli {
namespace {

// Ctrl+C (SIGINT), SIGTERM or SIGHUP asks the trainer to stop after the current step, keeping best/
// and writing last/ and run.json; a second one ends the process at once (see common/SignalRouting.h:
// signals are taken by a thread of their own, never on a thread inside a GEMM).
std::atomic<bool> g_interrupted{false};

QJsonObject toQJson(const nlohmann::json& j) {
  return QJsonDocument::fromJson(QByteArray::fromStdString(j.dump())).object();
}

}  // namespace

QString TrainCommand::subject(const QCommandLineParser& parser) const { return trainingSubject(parser); }

void TrainCommand::configure(QCommandLineParser& parser) const {
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
  addTrainConfigOptions(parser);
  parser.addOption(
      {QStringLiteral("output"),
       QStringLiteral(
           "Folder for best/, last/ and run.json (default: next to the project, or ./quarry-model)."),
       QStringLiteral("folder")});
  parser.addOption({QStringLiteral("resume"),
                    QStringLiteral("Continue the interrupted run in --output exactly where it stopped.")});
  parser.addOption({QStringLiteral("help-config"),
                    QStringLiteral("List every training option of --task with its default and exit.")});
  parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
}

int TrainCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  if (parser.isSet(QStringLiteral("help-config"))) {
    const std::string task = parser.isSet(QStringLiteral("task")) ? parser.value(QStringLiteral("task")).toStdString()
                                                                   : std::string();
    if (!task.empty() && !train::isKnownTask(task))
      return usage(io, QStringLiteral("unknown task \"%1\" (ner, classify, relation, qa)").arg(QString::fromStdString(task)));
    for (const auto& [key, help] : train::TrainConfig::describe(task))
      io.out << QString::fromStdString(key) << "\n    " << QString::fromStdString(help) << '\n';
    io.out.flush();
    return kExitOk;
  }
  auto configRead = readTrainConfig(parser);
  if (!configRead) return fail(io, configRead.error());
  const bool ner = configRead->task == "ner";
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

  const bool fromProject = !parser.isSet(QStringLiteral("train"));
  auto trainSet = readDocuments(parser, QStringLiteral("train-split"), QStringLiteral("train"));
  if (!trainSet) return fail(io, trainSet.error());
  jobs::DocumentSet devSet;
  if (!fromProject && parser.isSet(QStringLiteral("dev"))) {
    auto d = readDocuments(parser, QStringLiteral("dev-split"), QStringLiteral("dev"));
    if (!d) return fail(io, d.error());
    devSet = std::move(d.value());
  } else if (fromProject) {
    auto d = readDocuments(parser, QStringLiteral("dev-split"), QString());
    if (!d) return fail(io, d.error());
    devSet = std::move(d.value());
  }
  if (trainSet->documents.empty()) return fail(io, QStringLiteral("no training documents"));
  if (config.task == "classify" && config.multiLabel == "auto" && trainSet->multiLabelCategories)
    config.multiLabel = "yes";
  if (ner && trainSet->discontinuous > 0)
    io.err << "note: " << trainSet->discontinuous
           << " discontinuous spans are trained as the span covering their fragments\n";

  model::CpuThreadOptions threads;
  threads.intraOpThreads = config.threads;
  model::configureCpuThreads(threads);

  // From here an interrupt cancels (before the run is recorded, so that a recorded run always ends).
  g_interrupted = false;
  auto interrupts = std::make_unique<SignalRouting::Scope>([](int) { g_interrupted.store(true); });

  // A project run is recorded in the project's model-run table.
  std::unique_ptr<ProjectStore> store;
  ModelRun run;
  QString output = parser.value(QStringLiteral("output"));
  if (fromProject) {
    auto opened = ProjectStore::open(parser.value(QStringLiteral("project")));
    if (!opened) return fail(io, opened.error());
    store = std::move(opened.value());
    run.name = QStringLiteral("%1 %2")
                   .arg(taskTitle(config.task), QString::fromLatin1(train::modelKindName(config.kind, config.task)));
    run.baseModel = config.kind == train::ModelKind::FromScratch
                        ? QString::fromLatin1(train::modelKindName(config.kind, config.task)) +
                              QStringLiteral(" (from scratch)")
                    : config.modelFolder.empty()
                        ? QStringLiteral("random encoder + ") + QString::fromStdString(config.tokenizerFolder)
                        : QString::fromStdString(config.modelFolder);
    run.config = toQJson(config.toJson());
    run.status = RunStatus::Running;
    run.started = QDateTime::currentDateTimeUtc();
    auto id = store->createRun(run);
    if (!id) return fail(io, id.error());
    run.id = id.value();
    if (output.isEmpty()) {
      const QFileInfo project(parser.value(QStringLiteral("project")));
      output = project.absoluteDir().filePath(project.completeBaseName() +
                                              QStringLiteral("-models/run-%1").arg(run.id));
    }
  }
  if (output.isEmpty()) output = QStringLiteral("quarry-model");

  train::TrainRequest request;
  request.config = config;
  request.train = std::move(trainSet->documents);
  request.dev = std::move(devSet.documents);
  request.labels = jobs::toStdStrings(trainSet->labelsFor(config.task));
  request.relationTypes = trainSet->relationSpecs;
  request.outputFolder = QDir(output).absolutePath().toStdString();
  request.resume = parser.isSet(QStringLiteral("resume"));

  ProgressReporter reporter(io.err, QStringLiteral("train"), io.interactive);
  auto callback = [&](const train::TrainProgress& p) {
    QString detail =
        QStringLiteral("epoch %1/%2 loss %3").arg(p.epoch + 1).arg(p.epochs).arg(p.loss, 0, 'f', 4);
    if (p.devScore >= 0)
      detail += QStringLiteral(" dev %1 %2 (best %3)")
                    .arg(QString::fromStdString(p.metric))
                    .arg(p.devScore, 0, 'f', 4)
                    .arg(p.bestDevScore, 0, 'f', 4);
    if (p.phase == "eval") detail += QStringLiteral(" evaluating");
    reporter.setDetail(detail);
    reporter.update(p.step, p.totalSteps);
    return !g_interrupted.load();
  };
  // An exception from inside LibTorch (out of memory, a kernel's check) ends the run as failed, recorded
  // with its reason like any other failure.
  Result<train::TrainResult> result = Error("not run");
  if (Status s = model::catchEngineFailure("training", request.outputFolder,
                                           [&]() -> Status {
                                             result = train::runTraining(request, callback);
                                             return {};
                                           });
      !s)
    result = s.error();
  interrupts.reset();
  reporter.finish();

  if (store) {
    run.finished = QDateTime::currentDateTimeUtc();
    if (!result) {
      run.status = RunStatus::Failed;
      run.metrics = QJsonObject{{QStringLiteral("error"), QString::fromStdString(result.error().toString())}};
    } else {
      run.status =
          result->end == train::TrainResult::End::Cancelled ? RunStatus::Cancelled : RunStatus::Finished;
      run.metrics = toQJson(result->toJson());
      run.checkpointPath = QString::fromStdString(result->bestFolder);
    }
    if (Status s = store->updateRun(run); !s)
      io.err << "warning: the run could not be recorded: " << QString::fromStdString(s.error().toString())
             << '\n';
  }
  if (!result) return fail(io, result.error());
  const train::TrainResult& r = result.value();
  if (parser.isSet(QStringLiteral("json"))) {
    nlohmann::json j = r.toJson();
    j["peak_memory_mib"] = peakResidentMiB();
    if (run.id) j["run_id"] = run.id;
    io.out << QString::fromStdString(j.dump(2)) << '\n';
  } else {
    io.out << "model      " << QString::fromStdString(r.describeModel) << '\n'
           << "ended      " << train::trainEndName(r.end) << " after " << r.steps << " steps, "
           << r.epochsCompleted << " epochs, " << ProgressReporter::formatDuration(qint64(r.seconds)) << '\n'
           << "speed      " << qint64(r.tokensPerSecond) << " training positions/s, peak memory "
           << qint64(peakResidentMiB()) << " MiB\n";
    if (const int64_t misaligned = r.data.value("misaligned_spans", int64_t{0}); misaligned > 0)
      io.out << "misaligned " << misaligned << " spans not on word boundaries (trained widened)\n";
    if (r.bestDevScore >= 0) {
      io.out << "best dev " << QString::fromStdString(r.bestDevReport.primaryName) << ' '
             << QString::number(r.bestDevScore * 100, 'f', 2) << " at step " << r.bestStep
             << "\n\n"
             << QString::fromStdString(r.bestDevReport.formatTable()) << '\n';
    }
    io.out << "model folder " << QString::fromStdString(r.bestFolder) << '\n';
  }
  io.out.flush();
  return r.end == train::TrainResult::End::Cancelled ? kExitCancelled : kExitOk;
}

}  // namespace quarry::cli
