#include "jobs/PredictionJob.h"

#include <algorithm>

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include "jobs/RunLog.h"
#include "jobs/RunWorker.h"
#include "jobs/TaskPredictor.h"
#include "model/kernels/CpuThreads.h"
#include "model/kernels/EngineFailure.h"
#include "store/ProjectStore.h"
#include "store/ProjectLocation.h"

namespace quarry::jobs {
namespace {

// A task's names in a prediction run: its default name and the keys of its counts in the run's metrics.
struct TaskNames {
  const char* task;
  const char* runName;
  const char* predictions;  // PredictionCounts::predictions
  const char* inputs;       // PredictionCounts::inputs
};

const TaskNames& namesOf(const std::string& task) {
  static const TaskNames names[] = {{"ner", "NER predictions", "spans", "sentences"},
                                    {"classify", "Classification predictions", "labels", "documents"},
                                    {"relation", "Relation predictions", "relations", "candidate_pairs"},
                                    {"qa", "QA predictions", "answers", "questions"}};
  for (const TaskNames& n : names)
    if (task == n.task) return n;
  return names[0];
}

// The documents as the model may read them: no gold annotation but the entities a relation model reads
// when no NER model finds them; QA: the questions asked.
void readyDocuments(DocumentSet& set, const std::string& task, const PredictionSpec& spec) {
  const bool qa = task == "qa", relation = task == "relation";
  const QStringList& asked = spec.questions;
  if (qa && asked.isEmpty()) askQaFields(set);  // (sets read from files have no QA fields)
  for (document::AnnotatedDocument& d : set.documents) {
    if (!relation || !spec.nerModelFolder.isEmpty()) d.entities.clear();
    d.relations.clear();
    d.conceptRelations.clear();
    d.labels.clear();
    if (!qa || !asked.isEmpty()) d.questions.clear();
    for (document::QuestionAnswers& q : d.questions) q.answers.clear();  // QA: the questions are the input
    for (int k = 0; qa && k < asked.size(); ++k)
      d.questions.push_back({"question-" + std::to_string(k + 1), "", asked[k].toStdString(), {}});
  }
}

// The project of `spec`, opened on this thread (read-only unless the predictions are stored), and the
// documents of its splits and statuses, read in one read transaction.
Result<std::unique_ptr<ProjectStore>> readProject(const PredictionSpec& spec, DocumentSet& documents) {
  if (!ProjectLocation::mayExist(spec.projectPath)) return Error("no such project", spec.projectPath.toStdString());
  auto store = ProjectStore::open(spec.projectPath, spec.store ? OpenMode::ReadWrite : OpenMode::ReadOnly);
  if (!store) return store.error();
  if (Status s = store.value()->readConsistently([&]() -> Status {
        auto set = documentsFromStore(*store.value(), spec.splits, spec.statuses);
        if (!set) return set.error();
        documents = std::move(set.value());
        return {};
      });
      !s)
    return s.error();
  return store;
}

bool asksAnything(const DocumentSet& set) {
  return std::any_of(set.documents.begin(), set.documents.end(),
                     [](const document::AnnotatedDocument& d) { return !d.questions.empty(); });
}

// The run log's first line: which model predicts for what.
QString startLine(const PredictionSpec& spec, const std::string& task, size_t documents) {
  QString line = QStringLiteral("predicting with the %1 model %2 for %3 documents, min confidence %4")
                     .arg(QString::fromStdString(task), QFileInfo(spec.modelFolder).absoluteFilePath())
                     .arg(documents)
                     .arg(spec.minConfidence);
  if (!spec.nerModelFolder.isEmpty())
    line += QStringLiteral(", entities found by ") + QFileInfo(spec.nerModelFolder).absoluteFilePath();
  if (spec.int8) line += QStringLiteral(", int8 weights");
  return line;
}

// How prediction ended, in figures.
QString endLine(RunStatus status, const PredictionCounts& counts, const TaskNames& names) {
  return QStringLiteral("prediction %1: %2 documents, %3 %4 from %5 %6 in %7 s")
      .arg(runStatusName(status))
      .arg(counts.documents)
      .arg(counts.predictions)
      .arg(QString::fromLatin1(names.predictions))
      .arg(counts.inputs)
      .arg(QString::fromLatin1(names.inputs))
      .arg(counts.seconds, 0, 'f', 1);
}

// A prediction run's row: created running, ended with its counts.
class PredictionRun {
 public:
  PredictionRun(ProjectStore& store, const TaskNames& names) : m_store(store), m_names(names) {}

  Result<qint64> create(const PredictionSpec& spec, int documents) {
    m_run.name = spec.runName.isEmpty() ? QString::fromLatin1(m_names.runName) : spec.runName;
    m_run.task = QString::fromLatin1(m_names.task);
    m_run.baseModel = QFileInfo(spec.modelFolder).absoluteFilePath();
    m_run.checkpointPath = m_run.baseModel;
    QJsonArray questions;
    for (const QString& q : spec.questions) questions.append(q);
    m_run.config = QJsonObject{{QStringLiteral("min_confidence"), spec.minConfidence},
                               {QStringLiteral("int8"), spec.int8},
                               {QStringLiteral("questions"), questions}};
    if (!spec.nerModelFolder.isEmpty())
      m_run.config.insert(QStringLiteral("ner_model"), QFileInfo(spec.nerModelFolder).absoluteFilePath());
    QJsonArray splits, statuses;
    for (Split s : spec.splits) splits.append(splitName(s));
    for (DocumentStatus s : spec.statuses) statuses.append(statusName(s));
    m_run.data = QJsonObject{{QStringLiteral("splits"), splits},
                             {QStringLiteral("statuses"), statuses},
                             {QStringLiteral("documents"), documents}};
    m_run.status = RunStatus::Running;
    m_run.started = QDateTime::currentDateTimeUtc();
    m_run.worker = currentWorker();
    auto id = m_store.createRun(m_run);
    if (!id) return id.error();
    m_run.id = id.value();
    return m_run.id;
  }

  Status finish(RunStatus status, const PredictionCounts& counts, const Error& error = {}) {
    m_run.status = status;
    m_run.finished = QDateTime::currentDateTimeUtc();
    m_run.metrics = QJsonObject{{QStringLiteral("documents"), counts.documents},
                                {QString::fromLatin1(m_names.predictions), counts.predictions},
                                {QString::fromLatin1(m_names.inputs), counts.inputs},
                                {QStringLiteral("seconds"), counts.seconds}};
    if (status == RunStatus::Failed) {
      m_run.error = QString::fromStdString(error.toString());
      m_run.metrics.insert(QStringLiteral("error"), m_run.error);
    }
    return m_store.updateRun(m_run);
  }

 private:
  ProjectStore& m_store;
  const TaskNames& m_names;
  ModelRun m_run;
};

}  // namespace

PredictionJob::PredictionJob(PredictionSpec spec, QObject* parent)
    : QObject(parent), m_spec(std::move(spec)) {
  // Both travel queued from the worker thread.
  qRegisterMetaType<PredictionProgress>();
  qRegisterMetaType<PredictionOutcome>();
}

void PredictionJob::cancel() { m_worker.cancel(); }

bool PredictionJob::start() {
  return m_worker.start(
      this, QStringLiteral("prediction"), [this] { work(); }, [this] { Q_EMIT finished(m_outcome); });
}

PredictionOutcome PredictionJob::runHere() {
  const bool ran = m_worker.runHere([this] { work(); }, [this] { Q_EMIT finished(m_outcome); });
  if (!ran) {
    PredictionOutcome refused;
    refused.error = Error("this prediction job has already been started");
    return refused;
  }
  return m_outcome;
}

void PredictionJob::work() {
  m_outcome = outcomeOrFailure<PredictionOutcome>("prediction", [this] { return execute(); });
}

PredictionOutcome PredictionJob::execute() {
  RunLog runLog;  // what this thread logs from here on is the run's
  PredictionOutcome outcome;
  auto failed = [&outcome](Error error) {
    outcome.status = RunStatus::Failed;
    outcome.error = std::move(error);
    return outcome;
  };
  model::CpuThreadOptions threads;
  threads.intraOpThreads = m_spec.threads;
  model::configureCpuThreads(threads);

  const std::string modelFolder = m_spec.modelFolder.toStdString();
  std::unique_ptr<TaskPredictor> predictor;
  if (Status s = model::catchEngineFailure(
          "loading the model", modelFolder,
          [&]() -> Status {
            auto loaded = TaskPredictor::load(m_spec, [&](const QString& text) {
              runLog.warn(text);
              Q_EMIT notice(text);
            });
            if (!loaded) return loaded.error();
            predictor = std::move(loaded.value());
            return {};
          });
      !s)
    return failed(s.error());
  outcome.task = QString::fromStdString(predictor->task());

  auto results = std::make_shared<PredictionResults>();
  std::unique_ptr<ProjectStore> store;
  if (!m_spec.projectPath.isEmpty()) {
    auto opened = readProject(m_spec, results->documents);
    if (!opened) return failed(opened.error());
    if (m_spec.store) store = std::move(opened.value());
  } else {
    results->documents = std::move(m_spec.documents);
  }
  readyDocuments(results->documents, predictor->task(), m_spec);
  if (predictor->task() == "qa" && !asksAnything(results->documents)) {
    outcome.nothingToAsk = true;
    return failed(Error(m_spec.projectPath.isEmpty()
                            ? "the documents have no questions: ask some"
                            : "the documents have no questions and the project no QA fields: ask some"));
  }
  predictor->prepare(*results);
  const size_t total = results->documents.documents.size();

  std::unique_ptr<PredictionRun> record;
  auto end = [&](RunStatus status, const Error& error = {}) {
    if (status == RunStatus::Failed)
      runLog.failure(error);
    else
      runLog.info(endLine(status, outcome.counts, namesOf(predictor->task())));
    if (record)
      if (Status s = record->finish(status, outcome.counts, error); !s)
        outcome.recordWarning = QString::fromStdString(s.error().toString());
    if (Status s = runLog.flush(); !s && outcome.recordWarning.isEmpty())
      outcome.recordWarning = QString::fromStdString(s.error().toString());
  };
  if (store) {
    record = std::make_unique<PredictionRun>(*store, namesOf(predictor->task()));
    auto id = record->create(m_spec, int(total));
    if (!id) return failed(id.error());
    outcome.runId = id.value();
    runLog.writeToStore(store.get(), outcome.runId);
    runLog.info(startLine(m_spec, predictor->task(), total));
    runLog.flushOrWarn();
  }

  // Predicts chunk by chunk, then writes every row at once. An exception from inside LibTorch (out of
  // memory, a kernel's check; a progress handler's too) ends the run as failed, like any other failure.
  bool cancelled = false;
  Status done = model::catchEngineFailure("prediction", modelFolder, [&]() -> Status {
    QElapsedTimer clock;
    clock.start();
    Q_EMIT progress({0, int(total), 0.0});
    const size_t chunk = size_t(std::max(1, m_spec.chunkDocuments));
    for (size_t begin = 0; begin < total; begin += chunk) {
      if ((cancelled = m_worker.isCancelled())) return {};
      const size_t stop = std::min(total, begin + chunk);
      predictor->predictChunk(*results, begin, stop, outcome.counts);
      outcome.counts.documents = int(stop);
      Q_EMIT progress({int(stop), int(total), clock.elapsed() / 1000.0});
    }
    if (!record) return {};
    QVector<Prediction> rows;
    for (size_t d = 0; d < total; ++d) {
      rows += predictor->rows(outcome.runId, *results, d);
      if (d < results->uncertainty.size())
        rows += uncertaintyPrediction(outcome.runId, results->documents.storeIds.value(int(d)),
                                      results->uncertainty[d]);
    }
    auto written = store->addPredictions(outcome.runId, rows);
    if (!written) return written.error();
    return {};
  });
  if (!done) {
    end(RunStatus::Failed, done.error());
    return failed(done.error());
  }
  outcome.status = cancelled ? RunStatus::Cancelled : RunStatus::Finished;
  end(outcome.status);
  if (!cancelled) outcome.results = std::move(results);
  return outcome;
}

}  // namespace quarry::jobs
