#include "jobs/TrainingJob.h"

#include <exception>

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

#include "common/Log.h"
#include "jobs/ReviewBands.h"
#include "jobs/RunLog.h"
#include "jobs/RunWorker.h"
#include "jobs/TrainingSnapshot.h"
#include "model/kernels/CpuThreads.h"
#include "model/kernels/EngineFailure.h"
#include "store/ProjectStore.h"
#include "store/ProjectLocation.h"
#include "train/TaskFactory.h"

namespace quarry::jobs {
namespace {

QJsonObject toQJson(const nlohmann::json& j) {
  return QJsonDocument::fromJson(QByteArray::fromStdString(j.dump())).object();
}

TrainingProgress toProgress(const train::TrainProgress& p) {
  // In the order TrainingProgress declares its fields.
  return {QString::fromStdString(p.phase),
          p.step,
          p.totalSteps,
          p.epoch,
          p.epochs,
          p.loss,
          QString::fromStdString(p.metric),
          p.devScore,
          p.bestDevScore,
          p.elapsedSeconds,
          p.etaSeconds,
          p.tokensPerSecond};
}

// What the model starts from, for people: a folder, a random encoder with a tokenizer, or from scratch.
QString baseModelOf(const train::TrainConfig& config) {
  if (config.kind == train::ModelKind::FromScratch)
    return QString::fromLatin1(train::modelKindName(config.kind, config.task)) +
           QStringLiteral(" (from scratch)");
  if (config.modelFolder.empty() && config.vocabSize > 0)
    return QStringLiteral("random encoder + a %1-token WordPiece vocabulary trained on the text")
        .arg(config.vocabSize);
  if (config.modelFolder.empty())
    return QStringLiteral("random encoder + ") + QString::fromStdString(config.tokenizerFolder);
  return QString::fromStdString(config.modelFolder);
}

// The documents of a project's train and dev splits, read through `store` (the job's connection).
Status readProject(ProjectStore& store, const TrainingSpec& spec, DocumentSet& train, DocumentSet& dev,
                   DocumentSet& unlabelled) {
  auto trainSet = documentsFromStore(store, spec.trainSplits);
  if (!trainSet) return trainSet.error();
  train = std::move(trainSet.value());
  if (!spec.unlabelledSplits.isEmpty()) {
    auto unlabelledSet = documentsFromStore(store, spec.unlabelledSplits);
    if (!unlabelledSet) return unlabelledSet.error();
    unlabelled = std::move(unlabelledSet.value());
  }
  if (!spec.readDev) return {};
  auto devSet = documentsFromStore(store, spec.devSplits);
  if (!devSet) return devSet.error();
  dev = std::move(devSet.value());
  return {};
}

QJsonArray splitNames(const QVector<Split>& splits) {
  QJsonArray names;
  for (Split s : splits) names.append(splitName(s));
  return names;
}

// The run log's first line: what trains on what, with which options, into which folder.
QString startLine(const train::TrainConfig& config, size_t trainDocuments, size_t devDocuments,
                  const std::string& outputFolder, bool resume) {
  const QString from = config.kind == train::ModelKind::FromScratch
                           ? QStringLiteral("from scratch")
                           : QStringLiteral("from ") + baseModelOf(config);
  const QString learningRate =
      config.learningRate > 0 ? QString::number(config.learningRate) : QStringLiteral("default");
  return QStringLiteral(
             "%1 %2 %3 %4 on %5 documents (dev %6): %7 epochs, batch size %8, learning rate %9, "
             "patience %10, seed %11, device %12, CPU threads %13; into %14")
      .arg(resume ? QStringLiteral("resuming") : QStringLiteral("training"), taskTitle(config.task),
           QString::fromLatin1(train::modelKindName(config.kind, config.task)), from)
      .arg(trainDocuments)
      .arg(devDocuments)
      .arg(config.epochs)
      .arg(config.batchSize)
      .arg(learningRate)
      .arg(config.patience)
      .arg(config.seed)
      .arg(QString::fromStdString(config.device))
      .arg(config.threads > 0 ? QString::number(config.threads) : QStringLiteral("all"))
      .arg(QString::fromStdString(outputFolder));
}

// A figure of an evaluation's summary: counts as they are, rates to four places.
QString figure(const nlohmann::json& value) {
  if (value.is_number_integer()) return QString::number(value.get<qint64>());
  if (value.is_number()) return QString::number(value.get<double>(), 'f', 4);
  return QString::fromStdString(value.dump());
}

// After a dev evaluation: the primary figure, the best so far, the loss and the rest of the summary.
QString evaluationLine(const train::TrainProgress& p) {
  QStringList others;
  for (const auto& [key, value] : p.evaluation.items())
    if (key.rfind("dev_", 0) == 0 && key != "dev_score")
      others << QString::fromStdString(key.substr(4)) + QLatin1Char(' ') + figure(value);
  QString line = QStringLiteral("evaluation at step %1 of %2: dev %3 %4, best %5; train loss %6")
                     .arg(p.step)
                     .arg(p.totalSteps)
                     .arg(QString::fromStdString(p.metric))
                     .arg(p.devScore, 0, 'f', 4)
                     .arg(p.bestDevScore, 0, 'f', 4)
                     .arg(p.loss, 0, 'f', 4);
  if (!others.isEmpty()) line += QStringLiteral("; ") + others.join(QStringLiteral(", "));
  return line;
}

// How training ended, and where the best model is.
QString endLine(const train::TrainResult& r) {
  QString line = QStringLiteral("training %1 after %2 steps, %3 epochs, in %4 s")
                     .arg(QString::fromLatin1(train::trainEndName(r.end)))
                     .arg(r.steps)
                     .arg(r.epochsCompleted)
                     .arg(r.seconds, 0, 'f', 1);
  if (r.bestDevScore >= 0)
    line +=
        QStringLiteral("; best dev %1 %2 at step %3")
            .arg(r.bestDevReport.primaryName.empty() ? QStringLiteral("score")
                                                     : QString::fromStdString(r.bestDevReport.primaryName))
            .arg(r.bestDevScore, 0, 'f', 4)
            .arg(r.bestStep);
  if (!r.bestFolder.empty())
    line += QStringLiteral("; best model in ") + QString::fromStdString(r.bestFolder);
  return line;
}

// At the end: the outcome says when the log could not be written.
void flushAtEnd(RunLog& runLog, TrainingOutcome& outcome) {
  if (Status s = runLog.flush(); !s && outcome.recordWarning.isEmpty())
    outcome.recordWarning = QString::fromStdString(s.error().toString());
}

// A run's row while it trains: created running, its figures after every dev evaluation, its end.
class RunRecord {
 public:
  explicit RunRecord(ProjectStore& store) : m_store(store) {}

  Result<qint64> create(const TrainingSpec& spec, const train::TrainConfig& config, QJsonObject data) {
    m_run.name =
        spec.runName.isEmpty()
            ? QStringLiteral("%1 %2").arg(taskTitle(config.task),
                                          QString::fromLatin1(train::modelKindName(config.kind, config.task)))
            : spec.runName;
    m_run.task = QString::fromStdString(config.task);
    m_run.baseModel = baseModelOf(config);
    m_run.config = toQJson(config.toJson());
    m_run.data = std::move(data);
    m_run.status = RunStatus::Running;
    m_run.started = QDateTime::currentDateTimeUtc();
    m_run.worker = currentWorker();
    auto id = m_store.createRun(m_run);
    if (!id) return id.error();
    m_run.id = id.value();
    return m_run.id;
  }

  // After a dev evaluation: the history so far, the best figure and the best checkpoint, for a watcher. A
  // failure to write is logged, not fatal: the end is recorded again in full.
  void evaluated(const train::TrainProgress& p, const QString& bestFolder) {
    m_history.append(toQJson(p.evaluation));
    m_run.metrics = QJsonObject{{QStringLiteral("primary_metric"), QString::fromStdString(p.metric)},
                                {QStringLiteral("best_dev_score"), p.bestDevScore},
                                {QStringLiteral("steps"), qint64(p.step)},
                                {QStringLiteral("history"), m_history}};
    if (QFileInfo::exists(bestFolder)) m_run.checkpointPath = bestFolder;
    if (Status s = m_store.updateRun(m_run); !s)
      log::get("jobs")->warn("run {}: the evaluation could not be recorded: {}", m_run.id,
                             s.error().toString());
  }

  Status finish(const Result<train::TrainResult>& result) {
    m_run.finished = QDateTime::currentDateTimeUtc();
    if (!result) {
      m_run.status = RunStatus::Failed;
      m_run.error = QString::fromStdString(result.error().toString());
      m_run.metrics =
          QJsonObject{{QStringLiteral("error"), m_run.error}, {QStringLiteral("history"), m_history}};
    } else {
      m_run.status =
          result->end == train::TrainResult::End::Cancelled ? RunStatus::Cancelled : RunStatus::Finished;
      m_run.metrics = toQJson(result->toJson());
      m_run.data.insert(QStringLiteral("engine"), toQJson(result->data));
      m_run.checkpointPath = QString::fromStdString(result->bestFolder);
    }
    return m_store.updateRun(m_run);
  }

  // Where best/, last/ and run.json go: recorded at once, so that an interrupted run can be resumed.
  Status setOutputFolder(const QString& folder) {
    m_run.data.insert(QStringLiteral("output_folder"), folder);
    return m_store.updateRun(m_run);
  }

  qint64 id() const { return m_run.id; }
  RunStatus status() const { return m_run.status; }

 private:
  ProjectStore& m_store;
  ModelRun m_run;
  QJsonArray m_history;
};

}  // namespace

QString taskTitle(const std::string& task) {
  if (task == "classify") return QStringLiteral("Classification");
  if (task == "relation") return QStringLiteral("Relations");
  if (task == "qa") return QStringLiteral("QA");
  if (task == train::kPretrainingTaskName) return QStringLiteral("Pretraining");
  if (task == train::kMultiTaskName) return QStringLiteral("Multi-task");
  return QStringLiteral("NER");
}

TrainingJob::TrainingJob(TrainingSpec spec, QObject* parent) : QObject(parent), m_spec(std::move(spec)) {
  // Both travel queued from the worker thread.
  qRegisterMetaType<TrainingProgress>();
  qRegisterMetaType<TrainingOutcome>();
}

void TrainingJob::cancel() { m_worker.cancel(); }

bool TrainingJob::start() {
  return m_worker.start(
      this, QStringLiteral("training"), [this] { work(); }, [this] { Q_EMIT finished(m_outcome); });
}

TrainingOutcome TrainingJob::runHere() {
  if (!m_worker.runHere([this] { work(); }, [this] { Q_EMIT finished(m_outcome); })) {
    TrainingOutcome refused;
    refused.error = Error("this training job has already been started");
    return refused;
  }
  return m_outcome;
}

void TrainingJob::work() {
  // The engine's exceptions are caught around the training itself; this catches what could escape the
  // rest (an allocation failure while reading).
  m_outcome = outcomeOrFailure<TrainingOutcome>("training", [this] { return execute(); });
}

TrainingOutcome TrainingJob::execute() {
  RunLog runLog;  // what this thread logs from here on is the run's
  TrainingOutcome outcome;
  auto failed = [&outcome](Error error) {
    outcome.status = RunStatus::Failed;
    outcome.error = std::move(error);
    return outcome;
  };
  train::TrainConfig config = m_spec.config;
  const bool writes = m_spec.distributed.rank == 0;  // data parallel: rank 0 records and writes
  if (!writes && m_spec.outputFolder.isEmpty())
    return failed(Error("rank " + std::to_string(m_spec.distributed.rank) +
                            " needs the output folder named: the one rank 0 writes, where --resume reads last/",
                        "", 0, "output"));
  std::unique_ptr<ProjectStore> store;
  DocumentSet trainSet, devSet, unlabelledSet;
  QVector<AnnotationVersion> lineage;  // what the run reads, recorded with it
  SuggestionDecisions decisions;       // decided suggestions on the training documents
  if (!m_spec.projectPath.isEmpty()) {
    if (!ProjectLocation::mayExist(m_spec.projectPath))
      return failed(Error("no such project", m_spec.projectPath.toStdString()));
    auto opened = ProjectStore::open(m_spec.projectPath);
    if (!opened) return failed(opened.error());
    store = std::move(opened.value());
    // Runs left "running" by a process that has ended are marked interrupted before this one is added.
    if (auto marked = writes ? markInterruptedRuns(*store) : Result<int>(0); !marked)
      log::get("jobs")->warn("interrupted runs could not be marked: {}", marked.error().toString());
    if (Status s = store->readConsistently([&]() -> Status {
          if (Status r = readProject(*store, m_spec, trainSet, devSet, unlabelledSet); !r) return r;
          auto versions = store->annotationVersions(m_spec.trainSplits,
                                                    m_spec.readDev ? m_spec.devSplits : m_spec.trainSplits);
          if (!versions) return versions.error();
          lineage = std::move(versions.value());
          auto counted = store->decisionCounts(predictionKindOf(QString::fromStdString(config.task)),
                                               m_spec.trainSplits);
          if (!counted) return counted.error();
          decisions = counted.value();
          return {};
        });
        !s)
      return failed(s.error());
  } else {
    trainSet = std::move(m_spec.train);
    devSet = std::move(m_spec.dev);
    unlabelledSet = std::move(m_spec.unlabelled);
    if (!m_spec.recordProject.isEmpty() && writes) {
      if (!ProjectLocation::mayExist(m_spec.recordProject))
        return failed(Error("no such project", m_spec.recordProject.toStdString()));
      auto opened = ProjectStore::open(m_spec.recordProject);
      if (!opened) return failed(opened.error());
      store = std::move(opened.value());
    }
  }
  const QString projectPath = m_spec.projectPath.isEmpty() ? m_spec.recordProject : m_spec.projectPath;
  if (trainSet.documents.empty() && m_spec.corpora.isEmpty()) return failed(Error("no training documents"));
  if (config.task == "classify" && config.multiLabel == "auto" && trainSet.multiLabelCategories)
    config.multiLabel = "yes";
  if (config.task == "ner" && trainSet.discontinuous > 0) {
    const QString text =
        QStringLiteral("%1 discontinuous spans are trained as the span covering their fragments")
            .arg(trainSet.discontinuous);
    runLog.warn(text);
    Q_EMIT notice(text);
  }

  model::CpuThreadOptions threads;
  threads.intraOpThreads = config.threads;
  model::configureCpuThreads(threads);

  std::unique_ptr<RunRecord> record;
  QString output = m_spec.outputFolder;
  if (store && writes) {
    QJsonObject data = dataSnapshot(trainSet, devSet);
    // Suggestions people decided on the training documents: an accepted one is an annotation trained on;
    // a rejected one is trained on as what it is not (its span is no entity, its pair no relation, ...).
    QJsonObject train = data.value(QStringLiteral("train")).toObject();
    train.insert(QStringLiteral("suggestions_accepted"), decisions.accepted);
    train.insert(QStringLiteral("suggestions_rejected"), decisions.rejected);
    data.insert(QStringLiteral("train"), train);
    if (!m_spec.projectPath.isEmpty()) data.insert(QStringLiteral("train_splits"), splitNames(m_spec.trainSplits));
    if (!m_spec.unlabelledSplits.isEmpty()) {
      data.insert(QStringLiteral("unlabelled_splits"), splitNames(m_spec.unlabelledSplits));
      data.insert(QStringLiteral("unlabelled_documents"), qint64(unlabelledSet.documents.size()));
    }
    if (m_spec.readDev && !m_spec.projectPath.isEmpty())
      data.insert(QStringLiteral("dev_splits"), splitNames(m_spec.devSplits));
    for (auto it = m_spec.runData.begin(); it != m_spec.runData.end(); ++it) data.insert(it.key(), it.value());
    if (!m_spec.corpora.isEmpty()) data.insert(QStringLiteral("corpora"), QJsonArray::fromStringList(m_spec.corpora));
    record = std::make_unique<RunRecord>(*store);
    auto id = record->create(m_spec, config, std::move(data));
    if (!id) return failed(id.error());
    outcome.runId = id.value();
    runLog.writeToStore(store.get(), outcome.runId);
    if (Status s = store->recordRunAnnotations(outcome.runId, lineage); !s) {
      runLog.failure(s.error());
      if (Status ended = record->finish(s.error()); !ended)
        outcome.recordWarning = QString::fromStdString(ended.error().toString());
      flushAtEnd(runLog, outcome);
      return failed(s.error());
    }
    if (output.isEmpty()) {
      Result<ProjectLocation> project = ProjectLocation::parse(projectPath);
      if (!project) return failed(project.error());
      output = QDir(project->defaultModelsFolder()).filePath(QStringLiteral("run-%1").arg(outcome.runId));
    }
  }
  if (output.isEmpty()) output = QStringLiteral("quarry-model");

  const size_t trainDocuments = trainSet.documents.size(), devDocuments = devSet.documents.size();
  train::TrainRequest request;
  request.config = config;
  request.train = std::move(trainSet.documents);
  request.dev = std::move(devSet.documents);
  request.unlabelled = std::move(unlabelledSet.documents);
  request.labels = toStdStrings(trainSet.labelsFor(config.task));
  request.relationTypes = trainSet.relationSpecs;
  for (const QString& corpus : m_spec.corpora) request.corpora.push_back(corpus.toStdString());
  request.outputFolder = QDir(output).absolutePath().toStdString();
  request.resume = m_spec.resume;
  request.distributed = m_spec.distributed;
  if (record)
    if (Status s = record->setOutputFolder(QString::fromStdString(request.outputFolder)); !s)
      log::get("jobs")->warn("run {}: its folder could not be recorded: {}", record->id(),
                             s.error().toString());
  const QDir outputDir(QString::fromStdString(request.outputFolder));
  const QString bestFolder = outputDir.filePath(QStringLiteral("best"));
  runLog.writeToFile(outputDir.filePath(
      writes ? QStringLiteral("train.log") : QStringLiteral("train-rank%1.log").arg(m_spec.distributed.rank)));
  runLog.info(startLine(config, trainDocuments, devDocuments, request.outputFolder, request.resume));
  if (!request.corpora.empty())
    runLog.info(QStringLiteral("and the text files of %1").arg(m_spec.corpora.join(QStringLiteral(", "))));
  if (config.device.rfind("cuda", 0) != 0)  // how the CPU was shared, for reproducing the run's speed
    runLog.info(QString::fromStdString(model::cpuKernelChoice().describe()));
  runLog.flushOrWarn();

  double bestSoFar = -1;  // the best dev figure before this report (a resumed run's from the start)
  auto callback = [&](const train::TrainProgress& p) {
    if (p.phase == "evaluated") {
      runLog.info(evaluationLine(p));
      if (p.bestDevScore > bestSoFar)
        runLog.info(QStringLiteral("best model saved to %1 (dev %2 %3)")
                        .arg(bestFolder, QString::fromStdString(p.metric))
                        .arg(p.bestDevScore, 0, 'f', 4));
      if (record) record->evaluated(p, bestFolder);
      runLog.flushOrWarn();
    }
    bestSoFar = p.bestDevScore;
    Q_EMIT progress(toProgress(p));
    return !m_worker.isCancelled();
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

  if (!result) {
    runLog.failure(result.error());
  } else {
    if (result->end == train::TrainResult::End::EarlyStopped)
      runLog.info(
          QStringLiteral("stopped early: no better dev figure in %1 evaluations").arg(config.patience));
    runLog.info(endLine(result.value()));
  }
  if (record)
    if (Status s = record->finish(result); !s)
      outcome.recordWarning = QString::fromStdString(s.error().toString());
  flushAtEnd(runLog, outcome);
  if (!result) return failed(result.error());
  outcome.status =
      result->end == train::TrainResult::End::Cancelled ? RunStatus::Cancelled : RunStatus::Finished;
  outcome.result = toQJson(result->toJson());
  outcome.bestFolder = QString::fromStdString(result->bestFolder);
  outcome.engineResult = std::make_shared<const train::TrainResult>(std::move(result.value()));
  return outcome;
}

}  // namespace quarry::jobs
