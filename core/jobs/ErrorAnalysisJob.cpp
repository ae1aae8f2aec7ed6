#include "jobs/ErrorAnalysisJob.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>

#include "eval/ErrorReportWriter.h"
#include "formats/TextFile.h"
#include "jobs/EngineDocuments.h"
#include "jobs/RunComparison.h"
#include "jobs/RunLineage.h"
#include "store/ProjectStore.h"
#include "store/ProjectLocation.h"

namespace quarry::jobs {
namespace {

// The run, its checkpoint and the splits to analyse, read through a connection of this thread.
struct RunToAnalyse {
  ModelRun run;
  QVector<Split> splits;
};

Result<RunToAnalyse> readRun(const ErrorAnalysisSpec& spec) {
  if (!ProjectLocation::mayExist(spec.projectPath)) return Error("no such project", spec.projectPath.toStdString());
  auto store = ProjectStore::open(spec.projectPath, OpenMode::ReadOnly);
  if (!store) return store.error();
  auto run = store.value()->run(spec.runId);
  if (!run) return run.error();
  RunToAnalyse out{run.value(), spec.splits};
  const std::string name = "run " + std::to_string(spec.runId);
  if (!isTrainingRun(out.run))
    return Error(name + " is not a training run: errors are analysed for trained models");
  if (out.run.checkpointPath.isEmpty())
    return Error(name + " has no checkpoint to analyse (it ended before its first evaluation)");
  if (!QFileInfo::exists(out.run.checkpointPath))
    return Error(name + "'s model folder is gone", out.run.checkpointPath.toStdString());
  if (out.splits.isEmpty()) out.splits = snapshotSplits(out.run.data, QStringLiteral("dev_splits"));
  if (out.splits.isEmpty()) out.splits = {Split::Dev};
  return out;
}

// The gold documents of `splits`, by store id.
Result<QHash<qint64, document::AnnotatedDocument>> readGold(const QString& projectPath, const QVector<Split>& splits) {
  auto store = ProjectStore::open(projectPath, OpenMode::ReadOnly);
  if (!store) return store.error();
  auto set = documentsFromStore(*store.value(), splits);
  if (!set) return set.error();
  QHash<qint64, document::AnnotatedDocument> byId;
  for (size_t d = 0; d < set->documents.size(); ++d) byId.insert(set->storeIds.value(int(d)), std::move(set->documents[d]));
  return byId;
}

}  // namespace

Status writeErrorReportHtml(const QString& path, const ErrorAnalysisOutcome& outcome, const QString& projectPath,
                            const QString& writer, const ErrorAnalysisOutcome* compared) {
  if (!outcome.analysis) return Error("no analysis to write", path.toStdString());
  QStringList splits;
  for (Split s : outcome.splits) splits << splitName(s);
  const eval::ErrorReportHeading heading{
      QStringLiteral("Errors of run %1 (%2)").arg(outcome.runId).arg(outcome.runName).toStdString(),
      {QStringLiteral("Model: %1").arg(outcome.modelFolder).toStdString(),
       QStringLiteral("Documents: the %1 split(s) of %2").arg(splits.join(QStringLiteral(", ")), projectPath).toStdString(),
       QStringLiteral("Written %1 by %2").arg(QDateTime::currentDateTime().toString(Qt::ISODate), writer).toStdString()}};
  const bool comparing = compared && compared->analysis;
  eval::ErrorDifference difference;
  if (comparing) difference = eval::compareErrors(*compared->analysis, *outcome.analysis);
  const std::string html =
      eval::errorReportHtml(*outcome.analysis, heading, comparing ? &difference : nullptr,
                            comparing ? "run " + std::to_string(compared->runId) : std::string());
  return writeFileBytes(path, QByteArray::fromStdString(html));
}

Result<QString> writeErrorCsv(const QString& path, const eval::ErrorAnalysis& analysis) {
  const QFileInfo info(path);
  const QString perType = info.dir().filePath(info.completeBaseName() + QStringLiteral("-per-type.csv"));
  if (Status s = writeFileBytes(path, QByteArray::fromStdString(eval::errorsCsv(analysis))); !s) return s.error();
  if (Status s = writeFileBytes(perType, QByteArray::fromStdString(eval::perTypeCsv(analysis))); !s)
    return s.error();
  return perType;
}

ErrorAnalysisJob::ErrorAnalysisJob(ErrorAnalysisSpec spec, QObject* parent) : QObject(parent), m_spec(std::move(spec)) {
  qRegisterMetaType<PredictionProgress>();
  qRegisterMetaType<ErrorAnalysisOutcome>();
}

ErrorAnalysisJob::~ErrorAnalysisJob() { cancel(); }

void ErrorAnalysisJob::cancel() {
  m_worker.cancel();
  m_prediction.cancel();
}

bool ErrorAnalysisJob::start() {
  return m_worker.start(
      this, QStringLiteral("error analysis"),
      [this] { m_outcome = outcomeOrFailure<ErrorAnalysisOutcome>("error analysis", [this] { return execute(); }); },
      [this] { Q_EMIT finished(m_outcome); });
}

ErrorAnalysisOutcome ErrorAnalysisJob::runHere() {
  m_worker.runHere(
      [this] { m_outcome = outcomeOrFailure<ErrorAnalysisOutcome>("error analysis", [this] { return execute(); }); },
      [this] { Q_EMIT finished(m_outcome); });
  return m_outcome;
}

ErrorAnalysisOutcome ErrorAnalysisJob::execute() {
  ErrorAnalysisOutcome outcome;
  outcome.runId = m_spec.runId;
  auto failed = [&outcome](Error error) {
    outcome.status = RunStatus::Failed;
    outcome.error = std::move(error);
    return outcome;
  };
  auto toAnalyse = readRun(m_spec);
  if (!toAnalyse) return failed(toAnalyse.error());
  outcome.runName = toAnalyse->run.name;
  outcome.modelFolder = toAnalyse->run.checkpointPath;
  outcome.splits = toAnalyse->splits;

  const PredictionOutcome predicted =
      m_prediction.run(m_spec.projectPath, outcome.modelFolder, outcome.splits, m_spec.threads,
                       [this](const PredictionProgress& p) { Q_EMIT progress(p); });
  outcome.task = predicted.task;
  if (predicted.status == RunStatus::Cancelled) {
    outcome.status = RunStatus::Cancelled;
    return outcome;
  }
  if (predicted.status != RunStatus::Finished || !predicted.results) return failed(predicted.error);

  auto gold = readGold(m_spec.projectPath, outcome.splits);
  if (!gold) return failed(gold.error());
  const PredictionResults& results = *predicted.results;
  std::vector<document::AnnotatedDocument> goldDocuments;
  std::vector<document::DocumentPrediction> predictions;
  std::vector<std::vector<document::EntityMention>> mentions;
  for (size_t d = 0; d < results.predictions.size(); ++d) {
    const qint64 id = results.documents.storeIds.value(int(d));
    auto g = gold->find(id);
    if (g == gold->end()) continue;
    goldDocuments.push_back(g.value());
    predictions.push_back(results.predictions[d]);
    mentions.push_back(d < results.mentions.size() ? results.mentions[d] : g.value().entities);
    outcome.documentIds.push_back(id);
    outcome.documentNames.push_back(QString::fromStdString(results.documents.documents[d].id));
  }
  if (goldDocuments.empty())
    return failed(Error("no documents to analyse in the run's splits", m_spec.projectPath.toStdString()));

  const std::string task = predicted.task.toStdString();
  eval::ErrorAnalysis analysis;
  if (task == "relation")
    analysis = eval::analyseRelationErrors(goldDocuments, predictions, mentions, results.documents.relationSpecs);
  else if (task == "qa")
    analysis = eval::analyseQaErrors(goldDocuments, predictions);
  else if (task == "classify")
    analysis = eval::analyseClassificationErrors(goldDocuments, predictions, results.labels);
  else
    analysis = eval::analyseNerErrors(goldDocuments, predictions, toStdStrings(results.documents.entityTypes));
  outcome.analysis = std::make_shared<const eval::ErrorAnalysis>(std::move(analysis));
  outcome.status = RunStatus::Finished;
  return outcome;
}

}  // namespace quarry::jobs
