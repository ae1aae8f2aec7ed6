#include "cli/ActiveLearningCommand.h"

#include <QFileInfo>
#include <nlohmann/json.hpp>
#include <optional>
#include <tuple>

#include "cli/ProgressReporter.h"
#include "cli/TaskCommandSupport.h"
#include "common/SignalRouting.h"
#include "jobs/ActiveLearningSimulation.h"

namespace quarry::cli {
namespace {

nlohmann::json summaryJson(const jobs::SimulationOutcome& outcome) {
  const suggest::LearningCurveSummary& s = outcome.summary;
  nlohmann::json j = {{"metric", s.metric},
                      {"unit", s.unit},
                      {"pool_units", s.poolUnits},
                      {"pool_words", s.poolTokens},
                      {"full_score", s.fullScore},
                      {"full_scores", s.fullScores},
                      {"chart", outcome.chartPath.toStdString()},
                      {"state", outcome.statePath.toStdString()}};
  nlohmann::json runs = nlohmann::json::array();
  for (qint64 id : outcome.runIds) runs.push_back(id);
  j["runs"] = runs;
  nlohmann::json strategies = nlohmann::json::array();
  for (const suggest::StrategySummary& st : s.strategies) {
    nlohmann::json bands = nlohmann::json::array();
    for (const suggest::CurveBand& b : st.bands)
      bands.push_back({{"round", b.round},
                       {"labelled_share", b.labelledShare},
                       {"labelled_units", b.labelledUnits},
                       {"labelled_words", b.labelledTokens},
                       {"mean", b.mean},
                       {"low", b.low},
                       {"high", b.high},
                       {"seeds", b.seeds}});
    nlohmann::json o = {{"strategy", st.strategy},
                        {"rounds", bands},
                        {"rounds_above_random", st.roundsAboveRandom},
                        {"rounds_compared", st.roundsCompared},
                        {"above_random_from", st.aboveRandomFrom}};
    auto opt = [](const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
    o["share_at_95"] = opt(st.shareAt95);
    o["share_at_99"] = opt(st.shareAt99);
    o["words_at_95"] = opt(st.tokensAt95);
    o["words_at_99"] = opt(st.tokensAt99);
    strategies.push_back(o);
  }
  j["strategies"] = strategies;
  nlohmann::json curves = nlohmann::json::array();
  for (const suggest::StrategyCurve& c : outcome.curves) {
    nlohmann::json points = nlohmann::json::array();
    for (const suggest::CurvePoint& p : c.points)
      points.push_back({{"round", p.round},
                        {"labelled_units", p.labelledUnits},
                        {"labelled_share", p.labelledShare},
                        {"labelled_words", p.labelledTokens},
                        {"score", p.score}});
    curves.push_back({{"strategy", c.strategy}, {"seed", c.seed}, {"points", points}});
  }
  j["curves"] = curves;
  return j;
}

// --rounds, where given, into `maxRounds`; the usage error, or empty.
QString readRounds(const QCommandLineParser& parser, int& maxRounds) {
  if (!parser.isSet(QStringLiteral("rounds"))) return {};
  bool ok = false;
  maxRounds = parser.value(QStringLiteral("rounds")).toInt(&ok);
  return ok && maxRounds >= 1 ? QString() : QStringLiteral("--rounds takes a number from 1");
}

}  // namespace

QString ActiveLearningCommand::subject(const QCommandLineParser& parser) const { return trainingSubject(parser); }

void ActiveLearningCommand::configure(QCommandLineParser& parser) const {
  parser.addPositionalArgument(
      QStringLiteral("simulate|merge"),
      QStringLiteral("simulate: learning curves of a simulated annotator. merge FOLDER...: "
                     "the finished simulations in those folders (other strategies or "
                     "seeds of the same data and options) as one table and chart in "
                     "--output."));
  addFineTuningOptions(parser);
  parser.addOption({QStringLiteral("strategies"),
                    QStringLiteral("Comma-separated: random, least_confidence, margin, entropy, mnlp, diversity "
                                   "(default random,mnlp,diversity)."),
                    QStringLiteral("list"), QStringLiteral("random,mnlp,diversity")});
  parser.addOption({QStringLiteral("seeds"), QStringLiteral("Curves per strategy, each its own seed set (default 3)."),
                    QStringLiteral("n"), QStringLiteral("3")});
  parser.addOption({QStringLiteral("first-seed"), QStringLiteral("The first curve's seed (default 1)."),
                    QStringLiteral("n"), QStringLiteral("1")});
  parser.addOption({QStringLiteral("unit"),
                    QStringLiteral("What the annotator labels: sentences (ner's default) or documents."),
                    QStringLiteral("unit")});
  parser.addOption({QStringLiteral("seed-size"),
                    QStringLiteral("The seed set: N units or P% of the pool (default 2%)."), QStringLiteral("size"),
                    QStringLiteral("2%")});
  parser.addOption({QStringLiteral("round-size"),
                    QStringLiteral("Units revealed per round: N or P% of the pool (default 2%)."),
                    QStringLiteral("size"), QStringLiteral("2%")});
  parser.addOption(
      {QStringLiteral("budget"),
       QStringLiteral("Stop once this many units are labelled: N or P% of the pool (default 50%). With "
                      "--resume, a larger budget extends a finished simulation."),
       QStringLiteral("size"), QStringLiteral("50%")});
  parser.addOption({QStringLiteral("rounds"), QStringLiteral("Stop after this many rounds (default: the budget)."),
                    QStringLiteral("n")});
  parser.addOption({QStringLiteral("warm-start"),
                    QStringLiteral("Start each round from the previous round's model instead of from scratch.")});
  parser.addOption({QStringLiteral("min-steps"),
                    QStringLiteral("Train a round on few units for at least this many steps (more epochs, evaluated "
                                   "every tenth); default 0: the epochs as set."),
                    QStringLiteral("n"), QStringLiteral("0")});
  parser.addOption(
      {QStringLiteral("no-full"),
       QStringLiteral("Do not train on the whole pool (by default once per seed, the full-data score being "
                      "their mean; without it no 95%/99% shares).")});
  parser.addOption({QStringLiteral("no-record"), QStringLiteral("Do not record the rounds as runs of the project.")});
  parser.addOption({QStringLiteral("keep-models"),
                    QStringLiteral("Keep every round's model folder (default: each curve's latest).")});
  parser.addOption({QStringLiteral("words-per-hour"),
                    QStringLiteral("The annotator's pace for the effort estimate (default 1500)."),
                    QStringLiteral("n"), QStringLiteral("1500")});
  addRunOptions(parser, QStringLiteral("List every training option of --task with its default and exit."));
}

int ActiveLearningCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  if (parser.isSet(QStringLiteral("help-config"))) return printTaskConfigHelp(parser, io);
  const QStringList args = parser.positionalArguments();
  const bool merging = !args.isEmpty() && args.front() == QLatin1String("merge");
  if (!merging && (args.size() != 1 || args.front() != QLatin1String("simulate")))
    return usage(
        io, QStringLiteral("say what to do: quarry-cli active-learning simulate ... or merge FOLDER..."));
  if (!parser.isSet(QStringLiteral("output")))
    return usage(io, merging
                         ? QStringLiteral("name the folder of the merged table and chart: --output FOLDER")
                         : QStringLiteral("name the simulation's folder: --output FOLDER"));
  const QString output = QFileInfo(parser.value(QStringLiteral("output"))).absoluteFilePath();
  if (merging) {
    if (args.size() < 2)
      return usage(io, QStringLiteral("name the simulations' folders: merge FOLDER FOLDER..."));
    bool ok = false;
    const double wordsPerHour = parser.value(QStringLiteral("words-per-hour")).toDouble(&ok);
    if (!ok || !(wordsPerHour > 0))
      return usage(io, QStringLiteral("--words-per-hour takes a positive number"));
    const jobs::SimulationOutcome merged = jobs::mergeSimulations(args.mid(1), output);
    if (merged.status != RunStatus::Finished) return fail(io, merged.error);
    printOutcome(merged, parser.isSet(QStringLiteral("json")), wordsPerHour, io);
    return kExitOk;
  }
  if (parser.isSet(QStringLiteral("resume")) && !parser.isSet(QStringLiteral("project")) &&
      !parser.isSet(QStringLiteral("train"))) {
    // A project's simulation resumes from its state alone, with the options it started with; a larger
    // --budget or more --rounds extend it.
    auto resumed = jobs::resumeSpec(output);
    if (!resumed) return fail(io, resumed.error());
    jobs::SimulationSpec spec = std::move(resumed.value());
    if (parser.isSet(QStringLiteral("budget"))) {
      if (!jobs::parseSimulationSize(parser.value(QStringLiteral("budget")), spec.budgetUnits,
                                     spec.budgetShare))
        return usage(io, QStringLiteral("--budget takes a number of units or a percentage (\"5%\")"));
      spec.maxRounds = 0;  // the rounds of the new budget, unless --rounds says
    }
    if (const QString bad = readRounds(parser, spec.maxRounds); !bad.isEmpty()) return usage(io, bad);
    return simulate(std::move(spec), parser.isSet(QStringLiteral("json")), io);
  }
  jobs::TrainingSpec training;
  if (const int code = readFineTuningSpec(parser, io, training); code != kExitOk) return code;
  jobs::SimulationSpec spec;
  spec.projectPath = training.projectPath;
  spec.poolSplits = training.trainSplits;
  spec.devSplits = training.devSplits;
  spec.pool = std::move(training.train);
  spec.dev = std::move(training.dev);
  spec.config = training.config;
  spec.outputFolder = output;
  spec.resume = parser.isSet(QStringLiteral("resume"));
  spec.strategies.clear();
  for (const QString& name : parser.value(QStringLiteral("strategies")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    auto strategy = suggest::selectionStrategyFromName(name.trimmed().toStdString());
    if (!strategy) return usage(io, QString::fromStdString(strategy.error().message));
    if (std::find(spec.strategies.begin(), spec.strategies.end(), strategy.value()) == spec.strategies.end())
      spec.strategies.push_back(strategy.value());
  }
  if (spec.strategies.empty()) return usage(io, QStringLiteral("--strategies names no strategy"));
  bool ok = false;
  spec.seeds = parser.value(QStringLiteral("seeds")).toInt(&ok);
  if (!ok || spec.seeds < 1 || spec.seeds > 100) return usage(io, QStringLiteral("--seeds takes a number 1..100"));
  spec.firstSeed = parser.value(QStringLiteral("first-seed")).toULongLong(&ok);
  if (!ok) return usage(io, QStringLiteral("--first-seed takes a whole number"));
  const QString unit = parser.isSet(QStringLiteral("unit"))
                           ? parser.value(QStringLiteral("unit"))
                           : (spec.config.task == "ner" ? QStringLiteral("sentences") : QStringLiteral("documents"));
  if (unit == QLatin1String("sentences") || unit == QLatin1String("sentence"))
    spec.unit = jobs::SimulationUnit::Sentence;
  else if (unit == QLatin1String("documents") || unit == QLatin1String("document"))
    spec.unit = jobs::SimulationUnit::Document;
  else
    return usage(io, QStringLiteral("--unit is sentences or documents, not \"%1\"").arg(unit));
  for (const auto& [flag, units, share] :
       {std::tuple{"seed-size", &spec.seedUnits, &spec.seedShare},
        std::tuple{"round-size", &spec.batchUnits, &spec.batchShare},
        std::tuple{"budget", &spec.budgetUnits, &spec.budgetShare}})
    if (!jobs::parseSimulationSize(parser.value(QString::fromLatin1(flag)), *units, *share))
      return usage(io, QStringLiteral("--%1 takes a number of units or a percentage (\"5%\")").arg(QLatin1String(flag)));
  if (const QString bad = readRounds(parser, spec.maxRounds); !bad.isEmpty()) return usage(io, bad);
  spec.warmStart = parser.isSet(QStringLiteral("warm-start"));
  spec.minSteps = parser.value(QStringLiteral("min-steps")).toInt(&ok);
  if (!ok || spec.minSteps < 0) return usage(io, QStringLiteral("--min-steps takes a whole number"));
  spec.trainFull = !parser.isSet(QStringLiteral("no-full"));
  spec.record = !parser.isSet(QStringLiteral("no-record"));
  spec.keepModels = parser.isSet(QStringLiteral("keep-models"));
  spec.wordsPerHour = parser.value(QStringLiteral("words-per-hour")).toDouble(&ok);
  if (!ok || !(spec.wordsPerHour > 0)) return usage(io, QStringLiteral("--words-per-hour takes a positive number"));
  spec.threads = spec.config.threads;
  return simulate(std::move(spec), parser.isSet(QStringLiteral("json")), io);
}

int ActiveLearningCommand::simulate(jobs::SimulationSpec spec, bool json, CliIo& io) const {
  const double wordsPerHour = spec.wordsPerHour;

  jobs::ActiveLearningSimulation simulation(std::move(spec));
  std::optional<ProgressReporter> reporter;
  QString label;
  auto progress = [&](const jobs::SimulationProgress& p) {
    const QString now =
        p.strategy == QLatin1String("full")
            ? QStringLiteral("full data seed %1").arg(p.seed)
            : QStringLiteral("%1 seed %2 round %3/%4").arg(p.strategy).arg(p.seed).arg(p.round).arg(p.rounds);
    if (now != label || p.phase != QLatin1String("train")) {
      if (reporter) {
        reporter->finish();
        reporter.reset();
      }
      label = now;
    }
    if (p.phase == QLatin1String("train")) {
      if (!reporter) reporter.emplace(io.err, label, io.interactive);
      reporter->setDetail(QStringLiteral("%1 of %2 labelled%3")
                              .arg(p.labelledUnits)
                              .arg(p.poolUnits)
                              .arg(p.lastScore >= 0 ? QStringLiteral(", last round %1").arg(p.lastScore, 0, 'f', 4)
                                                    : QString()));
      reporter->update(p.step, p.totalSteps);
    } else if (p.phase == QLatin1String("predict")) {
      io.err << label << ": dev " << QString::number(p.lastScore, 'f', 4) << " with " << p.labelledUnits
             << " labelled; predicting the pool\n";
      io.err.flush();
    }
  };
  auto interrupts = std::make_unique<SignalRouting::Scope>([&simulation](int) { simulation.cancel(); });
  const jobs::SimulationOutcome outcome = simulation.run(progress);
  interrupts.reset();
  if (reporter) reporter->finish();
  if (outcome.status == RunStatus::Failed) return fail(io, outcome.error);
  if (outcome.status == RunStatus::Cancelled) {
    io.err << "cancelled: resume with --resume (" << outcome.statePath << ")\n";
    return kExitCancelled;
  }
  printOutcome(outcome, json, wordsPerHour, io);
  return kExitOk;
}

void ActiveLearningCommand::printOutcome(const jobs::SimulationOutcome& outcome, bool json,
                                         double wordsPerHour, CliIo& io) const {
  if (json) {
    nlohmann::json j = summaryJson(outcome);
    j["words_per_hour"] = wordsPerHour;
    io.out << QString::fromStdString(j.dump(2)) << '\n';
  } else {
    io.out << QString::fromStdString(suggest::learningCurveTable(outcome.summary));
    for (const suggest::StrategySummary& st : outcome.summary.strategies)
      if (st.tokensAt99)
        io.out << st.strategy.c_str() << ": 99% of full data for about "
               << QString::number(suggest::annotationHours(*st.tokensAt99, wordsPerHour), 'f', 1)
               << " hours of annotation at " << wordsPerHour << " words/hour (full pool: "
               << QString::number(suggest::annotationHours(double(outcome.summary.poolTokens), wordsPerHour), 'f', 1)
               << " hours)\n";
    io.out << "chart  " << outcome.chartPath << '\n' << "table  " << outcome.tablePath << '\n';
    if (!outcome.runIds.isEmpty())
      io.out << "runs   " << outcome.runIds.size() << " recorded (" << outcome.runIds.front() << ".."
             << outcome.runIds.back() << ")\n";
  }
  io.out.flush();
}

}  // namespace quarry::cli
