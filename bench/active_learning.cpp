// bench_active_learning: active learning measured on the shared corpora by the simulated annotator of
// jobs/ActiveLearningSimulation (the job quarry-cli active-learning simulate runs), one corpus per process.
// Prints the learning-curve table, the labelled share at which each strategy reaches 95% / 99% of the
// full-data dev score, the annotation hours that share costs, and the targets: the best strategy
// reaches 99% of full with at most 30% of the pool, and (each strategy) beats random at every round from the
// third on.
//
//   bench_active_learning --corpus ncbi|bc5cdr|hallmarks|claudette [--strategies random,mnlp,diversity]
//       [--seeds 3] [--seed-size 2%] [--round-size 2%] [--budget 50%] [--min-steps N] [--warm-start]
//       [--first-seed N] [--no-full] [--threads N] [--set key=value]... [--output DIR] [--resume]
//   bench_active_learning --merge DIR,DIR... --output DIR
//   bench_active_learning --corpus C --retrain DIR --round R [--min-steps N] [--set key=value]... --output
//   DIR
//
// --retrain tells selection from training: for every curve of the (finished or not) simulation in DIR, the
// units its strategy had labelled at round R are trained on again from scratch (the curve's seed, the
// options given here), and each curve's warm-started score at R is printed beside the from-scratch one.
//
// One process works one core; to use several, run one process per share of the curves (--strategies,
// --first-seed and --seeds pick them; --no-full leaves the full-data model to one of them) and --merge
// their folders into one table and chart (jobs::mergeSimulations: same data and options, no curve twice).
//
// SPLITS (declared here as in the other benches; no official test split is read):
//   ncbi: ncbi-disease train.tsv = the pool (sentences), devel.tsv = dev; BiLSTM-CRF.
//   bc5cdr: bc5cdr-iob train.tsv = the pool (sentences), devel.tsv = dev; BiLSTM-CRF.
//   hallmarks: hallmarks-of-cancer abstracts sorted by PMID, position % 10 == 1 -> dev, else (except the
//     test position 0) the pool; multi-label n-gram classifier, documents.
//   claudette: CLAUDETTE sentences, documents by name, position % 5 == 1 -> dev, else (except test, 0) the
//     pool; n-gram classifier, sentences as documents.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>
#include <string>

#include <QCoreApplication>
#include <QDir>

#include "BenchOptions.h"
#include "ClassificationCorpora.h"
#include "common/SignalRouting.h"
#include "jobs/ActiveLearningSimulation.h"
#include "jobs/EngineDocuments.h"
#include "jobs/TrainingJob.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace fs = std::filesystem;
using namespace quarry;

namespace {

jobs::DocumentSet classificationSet(std::vector<document::AnnotatedDocument> docs, bool multiLabel) {
  jobs::DocumentSet set;
  std::set<std::string> labels;
  for (const auto& d : docs) labels.insert(d.labels.begin(), d.labels.end());
  for (const std::string& l : labels) set.categories << QString::fromStdString(l);
  set.multiLabelCategories = multiLabel;
  set.documents = std::move(docs);
  return set;
}

// Prints the table, the hours to 99% and the two targets for the best strategy other than random.
int report(const std::string& corpus, const jobs::SimulationOutcome& outcome, double wordsPerHour) {
  const suggest::LearningCurveSummary& s = outcome.summary;
  std::printf("corpus %s\n%s", corpus.c_str(), suggest::learningCurveTable(s).c_str());
  // The best strategy other than random: the earliest to reach 99% of full; among those that do not, the one
  // with the highest mean over its rounds (the area under its curve).
  auto area = [](const suggest::StrategySummary& st) {
    double sum = 0;
    for (const suggest::CurveBand& b : st.bands) sum += b.mean;
    return st.bands.empty() ? 0.0 : sum / double(st.bands.size());
  };
  const suggest::StrategySummary* best = nullptr;
  for (const suggest::StrategySummary& st : s.strategies) {
    if (st.strategy == "random") continue;
    if (!best) {
      best = &st;
    } else if (st.shareAt99 || best->shareAt99) {
      if (st.shareAt99 && (!best->shareAt99 || *st.shareAt99 < *best->shareAt99)) best = &st;
    } else if (area(st) > area(*best)) {
      best = &st;
    }
  }
  for (const suggest::StrategySummary& st : s.strategies)
    if (st.tokensAt99)
      std::printf(
          "%s: 99%% of full after %.1f hours of annotation at %.0f words/hour (the whole pool: %.1f hours)\n",
          st.strategy.c_str(), suggest::annotationHours(*st.tokensAt99, wordsPerHour), wordsPerHour,
          suggest::annotationHours(double(s.poolTokens), wordsPerHour));
  if (best) {
    std::printf(
        "target 1 (99%% of full with <= 30%% of the pool): %s reaches it at %s -> %s\n",
        best->strategy.c_str(),
        best->shareAt99 ? (std::to_string(*best->shareAt99 * 100).substr(0, 5) + "%").c_str() : "never",
        best->shareAt99 && *best->shareAt99 <= 0.30 + 1e-9 ? "met" : "not met");
  }
  // Target 2 for every strategy but random: the best by the rule above need not be the one that meets it.
  for (const suggest::StrategySummary& st : s.strategies)
    if (st.strategy != "random")
      std::printf(
          "target 2 (above random at every round from the third on): %s is above from round %d, %d of %d "
          "rounds -> %s\n",
          st.strategy.c_str(), st.aboveRandomFrom, st.roundsAboveRandom, st.roundsCompared,
          st.aboveRandomFrom >= 0 && st.aboveRandomFrom <= 2 ? "met" : "not met");
  std::printf("chart %s\n", outcome.chartPath.toUtf8().constData());
  return 0;
}

// Trains each curve's round-R selection from scratch; prints strategy, seed, units, warm score, scratch
// score.
int retrain(const QString& folder, int round, const jobs::SimulationSpec& spec, int minSteps,
            const QString& out) {
  QFile f(jobs::simulationStatePath(folder));
  if (!f.open(QIODevice::ReadOnly)) {
    std::fprintf(stderr, "%s: cannot read\n", f.fileName().toUtf8().constData());
    return 1;
  }
  const QJsonObject state = QJsonDocument::fromJson(f.readAll()).object();
  const std::vector<document::AnnotatedDocument> units =
      jobs::simulationUnits(spec.pool.documents, spec.unit);
  std::printf("strategy seed round units warm_score scratch_score steps\n");
  for (const QJsonValue& cv : state.value(QStringLiteral("curves")).toArray()) {
    const QJsonObject c = cv.toObject();
    const QJsonArray points = c.value(QStringLiteral("points")).toArray();
    if (round >= points.size()) continue;
    const QJsonObject point = points.at(round).toObject();
    const int n = point.value(QStringLiteral("labelled_units")).toInt();
    const QJsonArray labelled = c.value(QStringLiteral("labelled")).toArray();
    if (n > labelled.size() || int(units.size()) != state.value(QStringLiteral("fingerprint"))
                                                        .toObject()
                                                        .value(QStringLiteral("pool_units"))
                                                        .toInt()) {
      std::fprintf(stderr, "%s: not this corpus\n", folder.toUtf8().constData());
      return 1;
    }
    jobs::TrainingSpec t;
    t.train = spec.pool;
    t.train.documents.clear();
    for (int i = 0; i < n; ++i) t.train.documents.push_back(units[size_t(labelled.at(i).toInt())]);
    t.dev = spec.dev;
    t.config = spec.config;
    const QString strategy = c.value(QStringLiteral("strategy")).toString();
    const int seed = c.value(QStringLiteral("seed")).toInt();
    t.config.seed = uint64_t(seed);
    jobs::applyMinSteps(t.config, n, minSteps);
    t.outputFolder =
        QDir(out).filePath(QStringLiteral("%1-seed%2-round%3").arg(strategy).arg(seed).arg(round));
    jobs::TrainingJob job(std::move(t));
    const jobs::TrainingOutcome o = job.runHere();
    if (o.status != RunStatus::Finished || !o.engineResult) {
      std::fprintf(stderr, "%s\n", o.error.toString().c_str());
      return 1;
    }
    std::printf("%s %d %d %d %.4f %.4f %lld\n", strategy.toUtf8().constData(), seed, round, n,
                point.value(QStringLiteral("score")).toDouble(), o.engineResult->bestDevScore,
                static_cast<long long>(o.engineResult->steps));
    std::fflush(stdout);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  SignalRouting::install();
  QCoreApplication app(argc, argv);
  std::string corpus, strategies = "random,mnlp,diversity", output, seedSize = "2%", roundSize = "2%",
                      budget = "50%";
  int seeds = 3, minSteps = 0, threads = 1;
  uint64_t firstSeed = 1;
  bool resume = false, warm = false, full = true;
  QStringList merge;
  QString retrainFrom;
  int retrainRound = -1;
  nlohmann::json overrides = nlohmann::json::object();
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : std::string(); };
    if (a == "--corpus") corpus = next();
    else if (a == "--strategies") strategies = next();
    else if (a == "--seeds") seeds = std::stoi(next());
    else if (a == "--first-seed")
      firstSeed = std::stoull(next());
    else if (a == "--no-full")
      full = false;
    else if (a == "--merge")
      merge = QString::fromStdString(next()).split(QLatin1Char(','), Qt::SkipEmptyParts);
    else if (a == "--seed-size") seedSize = next();
    else if (a == "--round-size") roundSize = next();
    else if (a == "--budget") budget = next();
    else if (a == "--min-steps") minSteps = std::stoi(next());
    else if (a == "--threads") threads = std::stoi(next());
    else if (a == "--set") bench::addOverride(overrides, next());
    else if (a == "--output") output = next();
    else if (a == "--resume") resume = true;
    else if (a == "--retrain")
      retrainFrom = QString::fromStdString(next());
    else if (a == "--round")
      retrainRound = std::stoi(next());
    else if (a == "--warm-start") warm = true;
    else {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      return 2;
    }
  }
  if (!merge.isEmpty()) {
    const jobs::SimulationOutcome merged = jobs::mergeSimulations(
        merge, QString::fromStdString(output.empty() ? "bench-active-learning-merged" : output));
    if (merged.status != RunStatus::Finished) {
      std::fprintf(stderr, "%s\n", merged.errorText().toUtf8().constData());
      return 1;
    }
    return report(corpus.empty() ? "merged" : corpus, merged, jobs::SimulationSpec().wordsPerHour);
  }
  const fs::path shared = fs::path(qEnvironmentVariableIsSet("QUARRY_SHARED_DIR")
                                       ? qEnvironmentVariable("QUARRY_SHARED_DIR").toStdString()
                                       : std::string("../shared")) /
                          "datasets";
  jobs::SimulationSpec spec;
  nlohmann::json config = {{"threads", threads}};
  if (corpus == "ncbi" || corpus == "bc5cdr") {
    const fs::path root = shared / (corpus == "ncbi" ? "ncbi-disease" : "bc5cdr-iob");
    if (!fs::exists(root / "train.tsv")) {
      std::printf("SKIP: %s is not here\n", (root / "train.tsv").string().c_str());
      return 0;
    }
    auto pool = jobs::documentsFromFile(QString::fromStdString((root / "train.tsv").string()), {});
    auto dev = jobs::documentsFromFile(QString::fromStdString((root / "devel.tsv").string()), {});
    if (!pool || !dev) {
      std::fprintf(stderr, "%s\n", (pool ? dev.error() : pool.error()).toString().c_str());
      return 1;
    }
    spec.pool = std::move(pool.value());
    spec.dev = std::move(dev.value());
    spec.unit = jobs::SimulationUnit::Sentence;
    config["task"] = "ner";
  } else if (corpus == "hallmarks" || corpus == "claudette") {
    const fs::path root = shared / (corpus == "hallmarks" ? "hallmarks-of-cancer" : "claudette-unfair-tos-en");
    if (!fs::exists(root)) {
      std::printf("SKIP: %s is not here\n", root.string().c_str());
      return 0;
    }
    bench::Splits splits = corpus == "hallmarks" ? bench::readHallmarks(root) : bench::readClaudette(root);
    spec.pool = classificationSet(std::move(splits.train), true);
    spec.dev = classificationSet(std::move(splits.dev), true);
    spec.dev.categories = spec.pool.categories;
    spec.unit = jobs::SimulationUnit::Document;
    config["task"] = "classify";
  } else {
    std::fprintf(stderr, "name a corpus: --corpus ncbi, bc5cdr, hallmarks or claudette\n");
    return 2;
  }
  for (auto it = overrides.begin(); it != overrides.end(); ++it) config[it.key()] = it.value();
  auto parsed = train::TrainConfig::fromJson(config, "bench options");
  if (!parsed) {
    std::fprintf(stderr, "%s\n", parsed.error().toString().c_str());
    return 2;
  }
  spec.config = parsed.value();
  spec.strategies.clear();
  size_t from = 0;
  while (from <= strategies.size()) {
    const size_t comma = strategies.find(',', from);
    const std::string name = strategies.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
    auto s = suggest::selectionStrategyFromName(name);
    if (!s) {
      std::fprintf(stderr, "%s\n", s.error().toString().c_str());
      return 2;
    }
    spec.strategies.push_back(s.value());
    if (comma == std::string::npos) break;
    from = comma + 1;
  }
  spec.seeds = seeds;
  spec.firstSeed = firstSeed;
  spec.trainFull = full;
  spec.minSteps = minSteps;
  spec.warmStart = warm;
  spec.threads = threads;
  auto size = [](const std::string& text, int& units, double& share) {
    return jobs::parseSimulationSize(QString::fromStdString(text), units, share);
  };
  if (!size(seedSize, spec.seedUnits, spec.seedShare) || !size(roundSize, spec.batchUnits, spec.batchShare) ||
      !size(budget, spec.budgetUnits, spec.budgetShare)) {
    std::fprintf(stderr, "sizes are N units or P%%\n");
    return 2;
  }
  spec.outputFolder = QString::fromStdString(output.empty() ? "bench-active-learning-" + corpus : output);
  if (!retrainFrom.isEmpty()) {
    if (retrainRound < 0) {
      std::fprintf(stderr, "--retrain needs --round R\n");
      return 2;
    }
    return retrain(retrainFrom, retrainRound, spec, minSteps, spec.outputFolder);
  }
  spec.resume = resume;
  spec.record = false;
  const double wordsPerHour = spec.wordsPerHour;

  jobs::ActiveLearningSimulation simulation(std::move(spec));
  SignalRouting::Scope interrupts([&simulation](int) { simulation.cancel(); });
  QString last;
  const jobs::SimulationOutcome outcome = simulation.run([&](const jobs::SimulationProgress& p) {
    const QString now = QStringLiteral("%1 seed %2 round %3").arg(p.strategy).arg(p.seed).arg(p.round);
    if (now == last) return;
    last = now;
    std::fprintf(stderr, "%s: %lld of %lld labelled%s\n", now.toUtf8().constData(),
                 static_cast<long long>(p.labelledUnits), static_cast<long long>(p.poolUnits),
                 p.lastScore >= 0 ? (", last round " + std::to_string(p.lastScore)).c_str() : "");
  });
  if (outcome.status != RunStatus::Finished) {
    std::fprintf(stderr, "%s (resume with --resume)\n", outcome.errorText().toUtf8().constData());
    return outcome.status == RunStatus::Cancelled ? 130 : 1;
  }
  return report(corpus, outcome, wordsPerHour);
}
