#include "jobs/ActiveLearningSimulation.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "common/AtomicFile.h"
#include "common/Log.h"
#include "corpus/Document.h"
#include "jobs/HashedTextEmbedding.h"
#include "jobs/PredictionJob.h"
#include "jobs/SimulationState.h"
#include "jobs/TrainingJob.h"
#include "store/ProjectLocation.h"
#include "store/ProjectStore.h"
#include "text/SentenceSplitter.h"
#include "train/MetricReport.h"
#include "train/Trainer.h"

namespace quarry::jobs {
namespace {

using suggest::CurvePoint;
using suggest::SelectionStrategy;
using suggest::StrategyCurve;

Status writeText(const QString& path, const std::string& text) {
  return AtomicFile::write(path.toStdString(), [&](std::ostream& out) { out << text; });
}

// A count from units or a share of the pool (at least 1 when the share is positive).
int sizeOf(int units, double share, int pool) {
  if (units > 0) return std::min(units, pool);
  if (share <= 0) return 0;
  return std::clamp(static_cast<int>(std::lround(share * pool)), 1, pool);
}

void removeFolder(const QString& folder) {
  if (!folder.isEmpty()) QDir(folder).removeRecursively();
}

QJsonArray splitArray(const QVector<Split>& splits) {
  QJsonArray out;
  for (Split s : splits) out.append(splitName(s));
  return out;
}

QVector<Split> splitsOf(const QJsonValue& value) {
  QVector<Split> out;
  for (const QJsonValue& v : value.toArray()) {
    Split s;
    if (parseSplit(v.toString(), &s)) out << s;
  }
  return out;
}

// A resume with a larger budget or more rounds than the simulation in `state` was started with, and otherwise
// the same data and options, extends it: its fingerprint becomes `fingerprint`, and each curve that ended at
// the old budget goes on from its latest model, picking the batch after its last round as a simulation
// started with this budget would have (the same selection seed). Where the old budget ended in a partial
// round (a remainder under a whole batch), that round stays as it was and the rounds after it are whole, so
// the extended curve labels that many units fewer per round than one started with the new budget. Errors:
// anything else differs (field fingerprint), the budget or rounds are smaller, or a curve to extend lost its
// latest model (field curves).
Status extendSimulation(SimulationState& state, const QJsonObject& fingerprint, int poolUnits) {
  static const QStringList kExtensible{QStringLiteral("budget_units"), QStringLiteral("rounds")};
  QJsonObject before = state.fingerprint, after = fingerprint;
  for (const QString& key : kExtensible) {
    before.remove(key);
    after.remove(key);
  }
  if (before != after)
    return Error(
        "the data, sizes or options differ from the simulation being resumed; start a new one in "
        "another folder (only a larger budget or more rounds extend it)",
        "", 0, "fingerprint");
  for (const QString& key : kExtensible)
    if (fingerprint.value(key).toInt() < state.fingerprint.value(key).toInt())
      return Error(
          QStringLiteral("a smaller %1 (%2, was %3) than the simulation being resumed: a simulation is "
                         "extended, never cut; start a new one in another folder")
              .arg(key)
              .arg(fingerprint.value(key).toInt())
              .arg(state.fingerprint.value(key).toInt())
              .toStdString(),
          "", 0, "fingerprint");
  const int budget = fingerprint.value(QStringLiteral("budget_units")).toInt();
  const int rounds = fingerprint.value(QStringLiteral("rounds")).toInt();
  for (CurveState& c : state.curves) {
    if (!c.done || static_cast<int>(c.labelled.size()) >= std::min(budget, poolUnits) ||
        static_cast<int>(c.points.size()) >= rounds)
      continue;
    if (c.model.isEmpty() || !QFileInfo::exists(c.model))
      return Error("the " + c.strategy + " curve of seed " + std::to_string(c.seed) +
                       " cannot go on: its latest model is gone (" + c.model.toStdString() + ")",
                   "", 0, "curves");
    c.done = false;
    c.nextRound = static_cast<int>(c.points.size());
    c.needsBatch = true;
  }
  state.fingerprint = fingerprint;
  return {};
}

// The options a resume needs that the fingerprint does not hold.
QJsonObject specJson(const SimulationSpec& spec) {
  QJsonArray strategies;
  for (suggest::SelectionStrategy s : spec.strategies)
    strategies.append(QString::fromStdString(suggest::selectionStrategyName(s)));
  return QJsonObject{{QStringLiteral("project"), spec.projectPath},
                     {QStringLiteral("pool_splits"), splitArray(spec.poolSplits)},
                     {QStringLiteral("dev_splits"), splitArray(spec.devSplits)},
                     {QStringLiteral("strategies"), strategies},
                     {QStringLiteral("seeds"), spec.seeds},
                     {QStringLiteral("first_seed"), qint64(spec.firstSeed)},
                     {QStringLiteral("train_full"), spec.trainFull},
                     {QStringLiteral("record"), spec.record},
                     {QStringLiteral("keep_models"), spec.keepModels},
                     {QStringLiteral("words_per_hour"), spec.wordsPerHour},
                     {QStringLiteral("threads"), spec.threads}};
}

}  // namespace

QString simulationStatePath(const QString& folder) { return QDir(folder).filePath(QStringLiteral("simulation.json")); }

namespace {

// The written report of finished curves: learning-curve.svg and .txt in `folder`.
Status writeReport(const QString& folder, const suggest::LearningCurveSummary& summary,
                   const std::string& task, SimulationUnit unit, int poolUnits, SimulationOutcome& outcome) {
  const QDir out(folder);
  const QString chart = out.filePath(QStringLiteral("learning-curve.svg"));
  const QString table = out.filePath(QStringLiteral("learning-curve.txt"));
  // Grouped as the table groups it ("5,433 sentences").
  const std::string title =
      "Active learning on " +
      QLocale(QLocale::English, QLocale::UnitedStates).toString(poolUnits).toStdString() + " " +
      simulationUnitName(unit).toStdString() + " (" + task + ")";
  if (Status s = writeText(chart, suggest::learningCurveSvg(summary, title)); !s) return s;
  if (Status s = writeText(table, suggest::learningCurveTable(summary)); !s) return s;
  outcome.chartPath = chart;
  outcome.tablePath = table;
  return {};
}

}  // namespace

bool simulationUnfinished(const QString& folder) {
  auto state = readSimulationState(simulationStatePath(folder));
  return state && state->unfinished();
}

SimulationOutcome mergeSimulations(const QStringList& folders, const QString& outputFolder) {
  SimulationOutcome outcome;
  auto failed = [&outcome](Error e) {
    outcome.status = RunStatus::Failed;
    outcome.error = std::move(e);
    return outcome;
  };
  if (folders.isEmpty()) return failed(Error("name the simulations to merge", "", 0, "folders"));
  if (outputFolder.isEmpty())
    return failed(Error("the merged report needs an output folder", "", 0, "output"));
  QJsonObject fingerprint;
  std::vector<FullModel> full;  // every seed's full-data model, the first folder naming a seed giving it
  std::string metric;
  for (const QString& folder : folders) {
    const QString path = simulationStatePath(folder);
    if (!QFileInfo::exists(path)) return failed(Error("there is no simulation here", path.toStdString()));
    auto state = readSimulationState(path);
    if (!state) return failed(state.error());
    if (state->unfinished())
      return failed(Error("this simulation has rounds or full-data models left: resume it before merging",
                          path.toStdString(), 0, "curves"));
    if (fingerprint.isEmpty()) {
      fingerprint = state->fingerprint;
    } else if (state->fingerprint != fingerprint) {
      QString key;
      for (const QString& k : fingerprint.keys() + state->fingerprint.keys())
        if (fingerprint.value(k) != state->fingerprint.value(k)) {
          key = k;
          break;
        }
      return failed(Error("this simulation ran on other data or options than " +
                              folders.front().toStdString() + " (" + key.toStdString() +
                              " differs): only curves of one setting merge",
                          path.toStdString(), 0, "fingerprint"));
    }
    for (const FullModel& f : state->full)
      if (std::none_of(full.begin(), full.end(), [&f](const FullModel& g) { return g.seed == f.seed; }))
        full.push_back(f);
    if (metric.empty()) metric = state->metric;
    for (const CurveState& c : state->curves) {
      for (const StrategyCurve& have : outcome.curves)
        if (have.strategy == c.strategy && have.seed == c.seed)
          return failed(Error("the " + c.strategy + " curve of seed " + std::to_string(c.seed) +
                                  " is in two of the simulations merged",
                              path.toStdString(), 0, "curves"));
      outcome.curves.push_back({c.strategy, c.seed, c.points});
    }
  }
  const std::string task = fingerprint.value(QStringLiteral("task")).toString().toStdString();
  const SimulationUnit unit =
      fingerprint.value(QStringLiteral("unit")).toString() == QLatin1String("sentences")
          ? SimulationUnit::Sentence
          : SimulationUnit::Document;
  const int n = fingerprint.value(QStringLiteral("pool_units")).toInt();
  outcome.summary = suggest::summarizeCurves(
      outcome.curves, meanFullScore(full), metric.empty() ? "score" : metric,
      simulationUnitName(unit).toStdString(), n, fingerprint.value(QStringLiteral("pool_words")).toInteger());
  outcome.summary.fullScores = fullScoresBySeed(full);
  if (!QDir(outputFolder).mkpath(QStringLiteral(".")))
    return failed(Error("cannot create the output folder", outputFolder.toStdString()));
  if (Status s = writeReport(outputFolder, outcome.summary, task, unit, n, outcome); !s)
    return failed(s.error());
  outcome.status = RunStatus::Finished;
  return outcome;
}

Result<SimulationSpec> resumeSpec(const QString& folder) {
  const QString path = simulationStatePath(folder);
  if (!QFileInfo::exists(path)) return Error("there is no simulation to resume here", path.toStdString());
  auto state = readSimulationState(path);
  if (!state) return state.error();
  const QJsonObject f = state->fingerprint, o = state->spec;
  SimulationSpec spec;
  spec.projectPath = o.value(QStringLiteral("project")).toString();
  if (spec.projectPath.isEmpty())
    return Error("this simulation read its documents from files: resume it with the same files named "
                 "(quarry-cli active-learning simulate ... --resume)",
                 path.toStdString(), 0, "spec");
  spec.poolSplits = splitsOf(o.value(QStringLiteral("pool_splits")));
  spec.devSplits = splitsOf(o.value(QStringLiteral("dev_splits")));
  spec.strategies.clear();
  for (const QJsonValue& v : o.value(QStringLiteral("strategies")).toArray()) {
    auto s = suggest::selectionStrategyFromName(v.toString().toStdString());
    if (!s) return Error(s.error().message, path.toStdString(), 0, "spec.strategies");
    spec.strategies.push_back(s.value());
  }
  spec.seeds = o.value(QStringLiteral("seeds")).toInt(1);
  spec.firstSeed = static_cast<uint64_t>(o.value(QStringLiteral("first_seed")).toInteger(1));
  spec.trainFull = o.value(QStringLiteral("train_full")).toBool(true);
  spec.record = o.value(QStringLiteral("record")).toBool(true);
  spec.keepModels = o.value(QStringLiteral("keep_models")).toBool(false);
  spec.wordsPerHour = o.value(QStringLiteral("words_per_hour")).toDouble(1500);
  spec.threads = o.value(QStringLiteral("threads")).toInt(0);
  spec.unit = f.value(QStringLiteral("unit")).toString() == QLatin1String("sentences") ? SimulationUnit::Sentence
                                                                                        : SimulationUnit::Document;
  spec.seedUnits = f.value(QStringLiteral("seed_units")).toInt();
  spec.batchUnits = f.value(QStringLiteral("batch_units")).toInt();
  spec.budgetUnits = f.value(QStringLiteral("budget_units")).toInt();
  // The rounds it was started with (a --rounds below the budget's), so that a resume plans the same rounds.
  spec.maxRounds = f.value(QStringLiteral("rounds")).toInt();
  spec.warmStart = f.value(QStringLiteral("warm_start")).toBool();
  spec.minSteps = f.value(QStringLiteral("min_steps")).toInt();
  auto config = train::TrainConfig::fromJson(
      nlohmann::json::parse(QJsonDocument(f.value(QStringLiteral("config")).toObject()).toJson().toStdString()),
      path.toStdString());
  if (!config) return config.error();
  spec.config = config.value();
  spec.outputFolder = QFileInfo(folder).absoluteFilePath();
  spec.resume = true;
  return spec;
}


QString simulationUnitName(SimulationUnit unit) {
  return unit == SimulationUnit::Sentence ? QStringLiteral("sentences") : QStringLiteral("documents");
}

bool parseSimulationSize(const QString& text, int& units, double& share) {
  bool ok = false;
  if (text.endsWith(QLatin1Char('%'))) {
    const double p = text.chopped(1).toDouble(&ok);
    if (!ok || !(p > 0) || p > 100) return false;
    units = 0;
    share = p / 100.0;
    return true;
  }
  const int n = text.toInt(&ok);
  if (!ok || n < 1) return false;
  units = n;
  share = 0;
  return true;
}

qint64 wordCount(const std::string& text) {
  qint64 words = 0;
  bool inWord = false;
  for (const QChar c : QString::fromStdString(text)) {
    const bool space = c.isSpace();
    if (!space && !inWord) ++words;
    inWord = !space;
  }
  return words;
}

void applyMinSteps(train::TrainConfig& config, int64_t units, int minSteps) {
  if (minSteps <= 0 || units <= 0) return;
  const int64_t perEpoch =
      std::max<int64_t>(1, (units + config.batchSize - 1) / std::max(1, config.batchSize) /
                               std::max(1, config.gradientAccumulation));
  const int64_t epochs = (minSteps + perEpoch - 1) / perEpoch;
  if (epochs <= config.epochs) return;
  config.epochs = static_cast<int>(epochs);
  if (config.evalEverySteps == 0)
    config.evalEverySteps = static_cast<int>(std::max(perEpoch, int64_t(minSteps / 10)));
}

std::vector<document::AnnotatedDocument> simulationUnits(const std::vector<document::AnnotatedDocument>& documents,
                                                         SimulationUnit unit) {
  if (unit == SimulationUnit::Document) return documents;
  std::vector<document::AnnotatedDocument> out;
  for (const document::AnnotatedDocument& doc : documents) {
    const QVector<uint> ucs4 = QString::fromStdString(doc.text).toUcs4();
    const std::u32string cps(ucs4.begin(), ucs4.end());
    std::vector<text::Span> entities;
    for (const auto& e : doc.entities) entities.push_back({e.start, e.end});
    const std::vector<text::Span> sentences = text::splitSentences(cps, {}, entities);
    int k = 0;
    for (const text::Span& s : sentences) {
      document::AnnotatedDocument u;
      u.id = doc.id + "#" + std::to_string(k++);
      u.text = QString::fromUcs4(cps.data() + s.start, s.end - s.start).toStdString();
      std::vector<int32_t> newIndex(doc.entities.size(), -1);
      for (size_t i = 0; i < doc.entities.size(); ++i) {
        const auto& e = doc.entities[i];
        if (e.start < s.start || e.end > s.end) continue;
        newIndex[i] = static_cast<int32_t>(u.entities.size());
        u.entities.emplace_back(e.start - s.start, e.end - s.start, e.type, e.conceptId);
      }
      for (const auto& r : doc.relations) {
        const int32_t h = r.head >= 0 && size_t(r.head) < newIndex.size() ? newIndex[size_t(r.head)] : -1;
        const int32_t t = r.tail >= 0 && size_t(r.tail) < newIndex.size() ? newIndex[size_t(r.tail)] : -1;
        if (h >= 0 && t >= 0) u.relations.push_back({h, t, r.type});
      }
      u.labels = doc.labels;
      out.push_back(std::move(u));
    }
  }
  return out;
}

ActiveLearningSimulation::ActiveLearningSimulation(SimulationSpec spec) : m_spec(std::move(spec)) {}

void ActiveLearningSimulation::cancel() {
  m_cancelled.store(true);
  std::lock_guard<std::mutex> lock(m_mutex);
  if (m_training) m_training->cancel();
  if (m_prediction) m_prediction->cancel();
}

Result<double> ActiveLearningSimulation::trainRound(const std::vector<int32_t>& labelled, const QString& folder,
                                                    const QString& strategy, uint64_t seed, int round,
                                                    const QString& warmFrom, QString* bestFolder,
                                                    const std::function<void(const SimulationProgress&)>& progress,
                                                    SimulationProgress p) {
  TrainingSpec spec;
  spec.train = m_schema;
  for (int32_t u : labelled) spec.train.documents.push_back(m_units[static_cast<size_t>(u)]);
  spec.dev = m_schema;
  spec.dev.documents = m_dev;
  spec.config = m_spec.config;
  spec.config.seed = seed;
  spec.config.warmStartFolder = warmFrom.toStdString();
  applyMinSteps(spec.config, static_cast<int64_t>(labelled.size()), m_spec.minSteps);
  spec.outputFolder = folder;
  qint64 words = 0;
  for (int32_t u : labelled) words += m_unitWords[static_cast<size_t>(u)];
  const double share = m_units.empty() ? 0.0 : double(labelled.size()) / double(m_units.size());
  if (m_spec.record && !m_spec.projectPath.isEmpty()) {
    spec.recordProject = m_spec.projectPath;
    spec.runName = strategy == QLatin1String("full")
                       ? QStringLiteral("Active learning: full data, seed %1 (%2 %3)")
                             .arg(seed)
                             .arg(labelled.size())
                             .arg(simulationUnitName(m_spec.unit))
                       : QStringLiteral("Active learning: %1 seed %2 round %3 (%4% labelled)")
                             .arg(strategy)
                             .arg(seed)
                             .arg(round)
                             .arg(share * 100, 0, 'f', 1);
    spec.runData = QJsonObject{
        {QStringLiteral("active_learning"),
         QJsonObject{{QStringLiteral("strategy"), strategy},
                     {QStringLiteral("seed"), qint64(seed)},
                     {QStringLiteral("round"), round},
                     {QStringLiteral("unit"), simulationUnitName(m_spec.unit)},
                     {QStringLiteral("labelled_units"), qint64(labelled.size())},
                     {QStringLiteral("pool_units"), qint64(m_units.size())},
                     {QStringLiteral("labelled_share"), share},
                     {QStringLiteral("labelled_words"), words},
                     {QStringLiteral("warm_start"), !warmFrom.isEmpty()},
                     {QStringLiteral("simulation"), QDir(m_spec.outputFolder).absolutePath()}}}};
  }
  TrainingJob job(std::move(spec));
  QObject::connect(
      &job, &TrainingJob::progress, &job,
      [&](const TrainingProgress& t) {
        p.phase = QStringLiteral("train");
        p.step = t.step;
        p.totalSteps = t.totalSteps;
        if (progress) progress(p);
      },
      Qt::DirectConnection);
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_cancelled.load()) return Error("the simulation was cancelled");
    m_training = &job;
  }
  const TrainingOutcome outcome = job.runHere();
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_training = nullptr;
  }
  if (outcome.runId > 0) m_runIds << outcome.runId;
  if (!outcome.recordWarning.isEmpty())
    log::get("jobs")->warn("active learning round {}: {}", round, outcome.recordWarning.toStdString());
  if (outcome.status == RunStatus::Cancelled || m_cancelled.load()) return Error("the simulation was cancelled");
  if (outcome.status != RunStatus::Finished || !outcome.engineResult) return outcome.error;
  removeFolder(QDir(folder).filePath(QStringLiteral("last")));  // rounds are not resumed mid-training
  *bestFolder = outcome.bestFolder;
  if (m_metric.empty()) m_metric = outcome.engineResult->bestDevReport.primaryName;
  return outcome.engineResult->bestDevScore;
}

Result<std::vector<suggest::PoolUnit>> ActiveLearningSimulation::predictPool(const std::vector<int32_t>& unlabelled,
                                                                             const QString& model, bool diversity) {
  PredictionSpec spec;
  spec.modelFolder = model;
  spec.documents = m_schema;
  spec.documents.documents.reserve(unlabelled.size());
  for (int32_t u : unlabelled) spec.documents.documents.push_back(m_units[static_cast<size_t>(u)]);
  spec.store = false;
  spec.uncertainty = false;
  spec.decisions = true;
  spec.threads = m_spec.threads;
  spec.chunkDocuments = 256;
  PredictionJob job(std::move(spec));
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_cancelled.load()) return Error("the simulation was cancelled");
    m_prediction = &job;
  }
  const PredictionOutcome outcome = job.runHere();
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_prediction = nullptr;
  }
  if (outcome.status == RunStatus::Cancelled || m_cancelled.load()) return Error("the simulation was cancelled");
  if (outcome.status != RunStatus::Finished || !outcome.results) return outcome.error;
  std::vector<suggest::PoolUnit> pool(unlabelled.size());
  const PredictionResults& results = *outcome.results;
  bool everyEmbedding = true;
  for (size_t i = 0; i < pool.size() && i < results.uncertainty.size(); ++i) {
    pool[i].decisions = results.uncertainty[i].decisions;
    pool[i].aggregation = results.uncertainty[i].aggregation;
    pool[i].embedding = results.uncertainty[i].embedding;
    pool[i].sequenceLogProbability = results.uncertainty[i].sequenceLogProbability;
    everyEmbedding = everyEmbedding && !pool[i].embedding.empty();
  }
  // A model without a document embedding (the n-gram classifier, the from-scratch relation and QA models):
  // diversity clusters the hashed bag of words, as the workbench's queue does.
  if (!everyEmbedding && diversity) {
    QStringList texts;
    for (int32_t u : unlabelled) texts << QString::fromStdString(m_units[static_cast<size_t>(u)].text);
    std::vector<std::vector<float>> hashed = hashedTextEmbeddings(texts);
    for (size_t i = 0; i < pool.size() && i < hashed.size(); ++i) pool[i].embedding = std::move(hashed[i]);
  }
  return pool;
}

SimulationOutcome ActiveLearningSimulation::run(const std::function<void(const SimulationProgress&)>& progress) {
  SimulationOutcome outcome;
  auto failed = [&outcome](Error e) {
    outcome.status = RunStatus::Failed;
    outcome.error = std::move(e);
    return outcome;
  };
  const std::string task = m_spec.config.task;
  if (m_spec.outputFolder.isEmpty())
    return failed(Error("the simulation needs an output folder", "", 0, "output"));
  if (m_spec.unit == SimulationUnit::Sentence && task != "ner")
    return failed(Error("sentences are units of NER only; simulate " + task + " by documents", "", 0, "unit"));
  if (task == train::kPretrainingTaskName)
    return failed(Error("active learning labels documents: pretraining has nothing to label", "", 0, "task"));
  if (m_spec.strategies.empty()) return failed(Error("no strategy to simulate", "", 0, "strategy"));
  if (m_spec.seeds < 1) return failed(Error("at least one seed is needed", "", 0, "seeds"));

  // The pool and dev.
  DocumentSet pool, dev;
  if (!m_spec.projectPath.isEmpty()) {
    if (!ProjectLocation::mayExist(m_spec.projectPath))
      return failed(Error("no such project", m_spec.projectPath.toStdString()));
    auto opened = ProjectStore::open(m_spec.projectPath, OpenMode::ReadOnly);
    if (!opened) return failed(opened.error());
    auto poolSet = documentsFromStore(*opened.value(), m_spec.poolSplits);
    if (!poolSet) return failed(poolSet.error());
    auto devSet = documentsFromStore(*opened.value(), m_spec.devSplits);
    if (!devSet) return failed(devSet.error());
    pool = std::move(poolSet.value());
    dev = std::move(devSet.value());
  } else {
    pool = std::move(m_spec.pool);
    dev = std::move(m_spec.dev);
  }
  if (pool.documents.empty()) return failed(Error("the pool has no labelled documents", "", 0, "pool"));
  if (dev.documents.empty())
    return failed(Error("no dev documents to score the rounds on: a simulation needs a dev split", "", 0, "dev"));
  m_units = simulationUnits(pool.documents, m_spec.unit);
  pool.documents.clear();
  m_schema = std::move(pool);
  m_dev = std::move(dev.documents);
  m_unitWords.reserve(m_units.size());
  qint64 poolWords = 0;
  for (const auto& u : m_units) {
    m_unitWords.push_back(wordCount(u.text));
    poolWords += m_unitWords.back();
  }
  const int n = static_cast<int>(m_units.size());
  const int seedCount = sizeOf(m_spec.seedUnits, m_spec.seedShare, n);
  const int batchCount = std::max(1, sizeOf(m_spec.batchUnits, m_spec.batchShare, n));
  const int budget = std::max(seedCount, sizeOf(m_spec.budgetUnits, m_spec.budgetShare, n));
  if (seedCount < 1) return failed(Error("the seed set is empty", "", 0, "seed"));
  // Whole rounds up to the budget; a remainder of half a round or more makes one more (smaller) round, a
  // smaller one is left out (a round of a few units would cost a training for nothing).
  int rounds = 1 + static_cast<int>(std::lround(double(budget - seedCount) / double(batchCount)));
  if (m_spec.maxRounds > 0) rounds = std::min(rounds, m_spec.maxRounds);

  const QDir out(m_spec.outputFolder);
  if (!out.mkpath(QStringLiteral(".")))
    return failed(Error("cannot create the output folder", m_spec.outputFolder.toStdString()));
  const QString statePath = simulationStatePath(m_spec.outputFolder);
  outcome.statePath = statePath;

  QJsonObject fingerprint{{QStringLiteral("task"), QString::fromStdString(task)},
                          {QStringLiteral("unit"), simulationUnitName(m_spec.unit)},
                          {QStringLiteral("pool_units"), n},
                          {QStringLiteral("pool_words"), poolWords},
                          {QStringLiteral("dev_documents"), qint64(m_dev.size())},
                          {QStringLiteral("seed_units"), seedCount},
                          {QStringLiteral("batch_units"), batchCount},
                          {QStringLiteral("budget_units"), budget},
                          {QStringLiteral("rounds"), rounds},
                          {QStringLiteral("warm_start"), m_spec.warmStart},
                          {QStringLiteral("min_steps"), m_spec.minSteps},
                          {QStringLiteral("config"), QJsonDocument::fromJson(QByteArray::fromStdString(
                                                                                  m_spec.config.toJson().dump()))
                                                         .object()}};
  SimulationState state;
  if (m_spec.resume) {
    if (!QFileInfo::exists(statePath))
      return failed(Error("there is no simulation to resume here", statePath.toStdString()));
    auto loaded = readSimulationState(statePath);
    if (!loaded) return failed(loaded.error());
    state = std::move(loaded.value());
    if (state.fingerprint != fingerprint) {
      if (Status s = extendSimulation(state, fingerprint, n); !s)
        return failed(Error(s.error().message, statePath.toStdString(), 0, s.error().field));
    }
  } else {
    if (QFileInfo::exists(statePath))
      return failed(Error("a simulation is already here: resume it, or choose another folder",
                          statePath.toStdString()));
    state.fingerprint = fingerprint;
  }
  state.spec = specJson(m_spec);
  auto save = [&]() -> Status {
    return writeText(statePath,
                     QJsonDocument(simulationStateJson(state)).toJson(QJsonDocument::Indented).toStdString());
  };
  auto curvesOf = [&state]() {
    std::vector<StrategyCurve> curves;
    for (const CurveState& c : state.curves)
      if (!c.points.empty()) curves.push_back({c.strategy, c.seed, c.points});
    return curves;
  };

  SimulationProgress p;
  p.curves = static_cast<int>(m_spec.strategies.size()) * m_spec.seeds;
  p.rounds = rounds;
  p.poolUnits = n;
  auto stopped = [&](const Error& e) {
    outcome.curves = curvesOf();
    outcome.runIds = m_runIds;
    if (Status s = save(); !s) log::get("jobs")->warn("simulation state: {}", s.error().toString());
    if (m_cancelled.load()) {
      outcome.status = RunStatus::Cancelled;
      outcome.error = Error("the simulation was cancelled");
      return outcome;
    }
    return failed(e);
  };

  // The full-data models, one per seed: the curves are means over seeds, and so is what they are measured by.
  for (int k = 0; m_spec.trainFull && k < m_spec.seeds; ++k) {
    const uint64_t seed = m_spec.firstSeed + static_cast<uint64_t>(k);
    if (state.fullOf(seed)) continue;
    std::vector<int32_t> all(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) all[static_cast<size_t>(i)] = i;
    p.strategy = QStringLiteral("full");
    p.seed = static_cast<qint64>(seed);
    p.labelledUnits = n;
    QString best;
    auto score = trainRound(all, out.filePath(QStringLiteral("full-seed%1").arg(seed)),
                            QStringLiteral("full"), seed, 0, {}, &best, progress, p);
    if (!score) return stopped(score.error());
    state.full.push_back({seed, score.value(), best});
    state.metric = m_metric;
    if (Status s = save(); !s) return failed(s.error());
  }

  for (SelectionStrategy strategy : m_spec.strategies) {
    const std::string name = suggest::selectionStrategyName(strategy);
    for (int k = 0; k < m_spec.seeds; ++k) {
      const uint64_t seed = m_spec.firstSeed + static_cast<uint64_t>(k);
      auto found = std::find_if(state.curves.begin(), state.curves.end(), [&](const CurveState& c) {
        return c.strategy == name && c.seed == seed;
      });
      if (found == state.curves.end()) {
        CurveState fresh;
        fresh.strategy = name;
        fresh.seed = seed;
        fresh.labelled = suggest::randomSample(n, seedCount, seed);
        state.curves.push_back(std::move(fresh));
        found = std::prev(state.curves.end());
      }
      const size_t index = static_cast<size_t>(found - state.curves.begin());
      p.strategy = QString::fromStdString(name);
      p.seed = static_cast<qint64>(seed);
      p.lastScore = state.curves[index].points.empty() ? -1.0 : state.curves[index].points.back().score;
      while (!state.curves[index].done) {
        CurveState& curve = state.curves[index];
        if (curve.needsBatch) {
          // The next batch, from the units still unlabelled (in pool order), by the last round's model.
          const int round = curve.nextRound - 1;
          p.round = round;
          p.labelledUnits = static_cast<qint64>(curve.labelled.size());
          std::vector<char> taken(static_cast<size_t>(n), 0);
          for (int32_t u : curve.labelled) taken[static_cast<size_t>(u)] = 1;
          std::vector<int32_t> unlabelled;
          for (int i = 0; i < n; ++i)
            if (!taken[static_cast<size_t>(i)]) unlabelled.push_back(i);
          std::vector<suggest::PoolUnit> units(unlabelled.size());
          if (strategy != SelectionStrategy::Random) {
            p.phase = QStringLiteral("predict");
            if (progress) progress(p);
            auto predicted = predictPool(unlabelled, curve.model, strategy == SelectionStrategy::Diversity);
            if (!predicted) return stopped(predicted.error());
            units = std::move(predicted.value());
          }
          p.phase = QStringLiteral("select");
          if (progress) progress(p);
          suggest::SelectionOptions options;
          options.strategy = strategy;
          options.batchSize = std::min(batchCount, budget - static_cast<int>(curve.labelled.size()));
          options.seed = seed * 1000003ULL + static_cast<uint64_t>(round);
          auto batch = suggest::selectBatch(units, options);
          if (!batch) return stopped(batch.error());
          for (int32_t b : batch.value()) curve.labelled.push_back(unlabelled[static_cast<size_t>(b)]);
          curve.needsBatch = false;
          if (Status s = save(); !s) return failed(s.error());
          continue;
        }
        const int round = curve.nextRound;
        p.round = round;
        p.labelledUnits = static_cast<qint64>(curve.labelled.size());
        const QString folder =
            out.filePath(QStringLiteral("%1-seed%2/round-%3").arg(QString::fromStdString(name)).arg(seed).arg(round));
        QString best;
        auto score = trainRound(curve.labelled, folder, p.strategy, seed, round,
                                m_spec.warmStart ? curve.model : QString(), &best, progress, p);
        if (!score) return stopped(score.error());
        CurveState& c = state.curves[index];
        CurvePoint point;
        point.round = round;
        point.labelledUnits = static_cast<int64_t>(c.labelled.size());
        point.labelledShare = double(c.labelled.size()) / double(n);
        for (int32_t u : c.labelled) point.labelledTokens += m_unitWords[static_cast<size_t>(u)];
        point.score = score.value();
        c.points.push_back(point);
        const QString previousModel = c.model;
        c.model = best;
        p.lastScore = score.value();
        if (static_cast<int>(c.labelled.size()) >= budget || static_cast<int>(c.labelled.size()) >= n ||
            round + 1 >= rounds) {
          c.done = true;
        } else {
          c.nextRound = round + 1;
          c.needsBatch = true;
        }
        // Saved before the previous model goes: the state on disk always names a model that exists.
        if (Status s = save(); !s) return failed(s.error());
        if (!m_spec.keepModels && !previousModel.isEmpty() && previousModel != c.model)
          removeFolder(QFileInfo(previousModel).absolutePath());
        if (progress) {
          p.phase = QStringLiteral("scored");
          p.points = std::make_shared<const std::vector<StrategyCurve>>(curvesOf());
          p.fullScore = state.fullScore();
          p.metric = QString::fromStdString(m_metric.empty() ? state.metric : m_metric);
          progress(p);
          p.points.reset();
        }
      }
      ++p.curvesDone;
    }
  }

  outcome.curves = curvesOf();
  outcome.runIds = m_runIds;
  if (state.metric.empty()) state.metric = m_metric.empty() ? "score" : m_metric;
  outcome.summary = suggest::summarizeCurves(outcome.curves, state.fullScore(), state.metric,
                                             simulationUnitName(m_spec.unit).toStdString(), n, poolWords);
  outcome.summary.fullScores = fullScoresBySeed(state.full);
  if (Status s = writeReport(m_spec.outputFolder, outcome.summary, task, m_spec.unit, n, outcome); !s)
    return failed(s.error());
  outcome.status = RunStatus::Finished;
  p.phase = QStringLiteral("done");
  p.points = std::make_shared<const std::vector<StrategyCurve>>(outcome.curves);
  p.fullScore = state.fullScore();
  p.metric = QString::fromStdString(state.metric);
  if (progress) progress(p);
  return outcome;
}

}  // namespace quarry::jobs
