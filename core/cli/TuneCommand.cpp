#include "cli/TuneCommand.h"

#include <optional>

#include <QFileInfo>

#include "cli/ProgressReporter.h"
#include "cli/TaskCommandSupport.h"
#include "common/SignalRouting.h"
#include "jobs/TuningJob.h"

namespace quarry::cli {
namespace {

// The trials, best first, then those without a figure: rank, trial, rung, epochs, figure, seconds, run,
// values.
QString trialTable(const train::TuningPlan& plan) {
  QString text;
  QTextStream out(&text);
  const auto ranked = plan.ranked();
  const QString metric = ranked.empty() ? QStringLiteral("dev") : QString::fromStdString(ranked.front()->metric);
  out << QStringLiteral("rank  trial  rung  epochs  %1  seconds    run  values\n").arg(metric.rightJustified(10));
  int rank = 0;
  for (const train::TuningTrial* t : ranked)
    out << QString::number(++rank).rightJustified(4) << "  " << QString::number(t->id).rightJustified(5) << "  "
        << QString::number(t->rung).rightJustified(4) << "  " << QString::number(t->epochs).rightJustified(6) << "  "
        << QString::number(t->score * 100, 'f', 2).rightJustified(std::max(10, int(metric.size()))) << "  "
        << QString::number(t->seconds, 'f', 0).rightJustified(7) << "  " << QString::number(t->runId).rightJustified(5)
        << "  " << jobs::describeValues(t->values) << '\n';
  for (const train::TuningTrial& t : plan.trials())
    if (std::find(ranked.begin(), ranked.end(), &t) == ranked.end())
      out << "   -  " << QString::number(t.id).rightJustified(5) << "  " << QString::number(t.rung).rightJustified(4)
          << "  " << QString::number(t.epochs).rightJustified(6) << "  "
          << QString::fromLatin1(train::trialStatusName(t.status)).rightJustified(std::max(10, int(metric.size())))
          << "  " << QString::number(t.seconds, 'f', 0).rightJustified(7) << "  "
          << QString::number(t.runId).rightJustified(5) << "  " << jobs::describeValues(t.values)
          << (t.error.empty() ? QString() : QStringLiteral(" (%1)").arg(QString::fromStdString(t.error))) << '\n';
  out.flush();
  return text;
}

}  // namespace

QString TuneCommand::subject(const QCommandLineParser& parser) const { return trainingSubject(parser); }

void TuneCommand::configure(QCommandLineParser& parser) const {
  addFineTuningOptions(parser);
  parser.addOption(
      {QStringLiteral("space"),
       QStringLiteral("One searched option, repeatable: key=log:LOW:HIGH, key=uniform:LOW:HIGH, key=int:LOW:HIGH or "
                      "key=choice:A,B,C (default: learning rate, batch size, dropout, warm-up, layer decay as "
                      "the model has them)."),
       QStringLiteral("key=kind:args")});
  parser.addOption({QStringLiteral("strategy"),
                    QStringLiteral("random (the default) or halving (successive halving)."),
                    QStringLiteral("name"), QStringLiteral("random")});
  parser.addOption({QStringLiteral("trials"),
                    QStringLiteral("Random: trials to train; halving: configurations of the first rung (default 10)."),
                    QStringLiteral("n"), QStringLiteral("10")});
  parser.addOption({QStringLiteral("budget-minutes"),
                    QStringLiteral("Start no trial after this many minutes; the last gets what is left."),
                    QStringLiteral("minutes")});
  parser.addOption({QStringLiteral("eta"),
                    QStringLiteral("Halving: keep the best 1/eta of a rung, train them eta times longer (default 3)."),
                    QStringLiteral("n"), QStringLiteral("3")});
  parser.addOption({QStringLiteral("min-epochs"),
                    QStringLiteral("Halving: the first rung's epochs (default 1)."), QStringLiteral("n"),
                    QStringLiteral("1")});
  parser.addOption({QStringLiteral("search-seed"), QStringLiteral("Seed of the draws (default 42)."),
                    QStringLiteral("n"), QStringLiteral("42")});
  addRunOptions(parser, QStringLiteral("List every training option of --task with its default and exit."));
}

int TuneCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  if (parser.isSet(QStringLiteral("help-config"))) return printTaskConfigHelp(parser, io);
  if (!parser.isSet(QStringLiteral("output")))
    return usage(io, QStringLiteral("name the search's folder: --output FOLDER"));
  jobs::TuningSpec spec;
  spec.outputFolder = QFileInfo(parser.value(QStringLiteral("output"))).absoluteFilePath();
  spec.resume = parser.isSet(QStringLiteral("resume"));
  // The documents are named every time; a resumed search's space, options and base config come from
  // tuning.json.
  if (const int code = readFineTuningSpec(parser, io, spec.training); code != kExitOk) return code;
  if (!spec.resume) {
    nlohmann::json options = {{"strategy", parser.value(QStringLiteral("strategy")).toStdString()}};
    for (const auto& [flag, key] : {std::pair{"trials", "trials"}, std::pair{"eta", "eta"},
                                    std::pair{"min-epochs", "min_epochs"}, std::pair{"search-seed", "seed"}}) {
      bool ok = false;
      const qlonglong v = parser.value(QString::fromLatin1(flag)).toLongLong(&ok);
      if (!ok) return usage(io, QStringLiteral("--%1 takes a whole number").arg(QString::fromLatin1(flag)));
      options[key] = v;
    }
    if (parser.isSet(QStringLiteral("budget-minutes"))) {
      bool ok = false;
      options["budget_minutes"] = parser.value(QStringLiteral("budget-minutes")).toDouble(&ok);
      if (!ok) return usage(io, QStringLiteral("--budget-minutes takes a number"));
    }
    auto tuning = train::TuningOptions::fromJson(options, "command line");
    if (!tuning) return fail(io, tuning.error());
    spec.options = tuning.value();
    std::vector<std::string> dimensions;
    for (const QString& d : parser.values(QStringLiteral("space"))) dimensions.push_back(d.toStdString());
    auto space = dimensions.empty() ? Result<train::SearchSpace>(train::SearchSpace::defaultsFor(spec.training.config))
                                    : train::SearchSpace::parse(dimensions);
    if (!space) return fail(io, space.error());
    spec.space = std::move(space.value());
  }

  jobs::TuningJob job(std::move(spec));
  std::optional<ProgressReporter> reporter;
  QString trialLabel;
  QObject::connect(&job, &jobs::TuningJob::progress, [&](const jobs::TuningProgress& p) {
    if (reporter) {
      reporter->finish();
      reporter.reset();
    }
    if (p.state == QLatin1String("started")) {
      trialLabel = QStringLiteral("trial %1").arg(p.trial);
      io.err << "trial " << p.trial << " (rung " << p.rung << ", " << p.epochs << " epochs): " << p.values << '\n';
    } else {
      io.err << "trial " << p.trial << " " << p.state;
      if (p.score >= 0) io.err << ": dev " << p.metric << ' ' << QString::number(p.score * 100, 'f', 2);
      if (p.bestScore >= 0) io.err << " (best so far " << QString::number(p.bestScore * 100, 'f', 2) << ')';
      io.err << '\n';
    }
    io.err.flush();
  });
  QObject::connect(&job, &jobs::TuningJob::trialProgress, [&](const jobs::TrainingProgress& p) {
    if (!reporter) reporter.emplace(io.err, trialLabel, io.interactive);
    QString detail = QStringLiteral("epoch %1/%2 loss %3").arg(p.epoch + 1).arg(p.epochs).arg(p.loss, 0, 'f', 4);
    if (p.devScore >= 0) detail += QStringLiteral(" dev %1 %2").arg(p.metric).arg(p.devScore, 0, 'f', 4);
    reporter->setDetail(detail);
    reporter->update(p.step, p.totalSteps);
  });
  auto interrupts = std::make_unique<SignalRouting::Scope>([&job](int) { job.cancel(); });
  const jobs::TuningOutcome outcome = job.runHere();
  interrupts.reset();
  if (reporter) reporter->finish();
  if (!outcome.ok && outcome.plan.trials().empty()) return fail(io, outcome.error);
  if (parser.isSet(QStringLiteral("json"))) {
    nlohmann::json j = outcome.plan.toJson();
    const auto ranked = outcome.plan.ranked();
    if (!ranked.empty()) j["best_trial"] = ranked.front()->id;
    io.out << QString::fromStdString(j.dump(2)) << '\n';
  } else {
    io.out << trialTable(outcome.plan);
    const auto ranked = outcome.plan.ranked();
    if (!ranked.empty())
      io.out << "best: trial " << ranked.front()->id << ", model folder "
             << QString::fromStdString(ranked.front()->folder) << "/best\n";
    io.out << "search: " << outcome.planFile << (outcome.plan.complete() ? " (complete)" : " (resume with --resume)")
           << '\n';
  }
  io.out.flush();
  if (!outcome.ok) return fail(io, outcome.error);
  return outcome.cancelled ? kExitCancelled : kExitOk;
}

}  // namespace quarry::cli
