#include "cli/ErrorsCommand.h"


#include <nlohmann/json.hpp>

#include "cli/TaskCommandSupport.h"
#include "common/SignalRouting.h"
#include "eval/ErrorReportWriter.h"
#include "jobs/ErrorAnalysisJob.h"

namespace quarry::cli {
namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

QString percent(double fraction) { return QString::number(fraction * 100, 'f', 1); }

// One error on one line: kind, document, gold and predicted sides, confidence, context.
QString errorLine(const eval::AnalysedError& e) {
  auto side = [](const std::string& type, const std::string& text) {
    if (type.empty()) return QStringLiteral("none");
    return text.empty() || text == type ? q(type) : QStringLiteral("%1 \"%2\"").arg(q(type), q(text));
  };
  QString line = QStringLiteral("  %1  %2: gold %3, predicted %4")
                     .arg(q(eval::errorKindTitle(e.kind)), q(e.documentId), side(e.goldType, e.goldText),
                          side(e.predictedType, e.predictedText));
  if (e.confidence >= 0) line += QStringLiteral(" (%1)").arg(e.confidence, 0, 'f', 2);
  if (!e.item.empty()) line += QStringLiteral("  [%1]").arg(q(e.item));
  if (!e.context.empty()) line += QStringLiteral("\n      %1").arg(q(e.context));
  return line;
}

// The per-type table, the matrix and the counts per kind, as text.
void printAnalysis(QTextStream& out, const eval::ErrorAnalysis& a) {
  out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
             .arg(QStringLiteral("type"), -24)
             .arg(QStringLiteral("precision"), 9)
             .arg(QStringLiteral("recall"), 9)
             .arg(QStringLiteral("f1"), 9)
             .arg(QStringLiteral("correct"), 8)
             .arg(QStringLiteral("predicted"), 9)
             .arg(QStringLiteral("gold"), 8);
  auto row = [&](const std::string& name, const eval::EntityScores& s) {
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
               .arg(q(name).left(24), -24)
               .arg(percent(s.precision), 9)
               .arg(percent(s.recall), 9)
               .arg(percent(s.f1), 9)
               .arg(s.truePositives, 8)
               .arg(s.predicted, 9)
               .arg(s.support, 8);
  };
  for (size_t i = 0; i < a.types.size(); ++i) row(a.types[i], a.perType[i]);
  row("micro", a.micro);
  out << "\nconfusion (rows gold, columns predicted):\n" << QString(18, QLatin1Char(' '));
  for (const std::string& l : a.matrixLabels) out << QStringLiteral("%1").arg(q(l).left(8), 9);
  out << '\n';
  for (size_t g = 0; g < a.matrixLabels.size(); ++g) {
    out << QStringLiteral("%1").arg(q(a.matrixLabels[g]).left(18), -18);
    for (int64_t v : a.confusion[g]) out << QStringLiteral("%1").arg(v, 9);
    out << '\n';
  }
  out << "\nerrors by kind:";
  for (const std::string& k : a.kinds) out << "  " << q(eval::errorKindTitle(k)) << ' ' << a.counts.at(k);
  out << '\n';
}

}  // namespace

void ErrorsCommand::configure(QCommandLineParser& parser) const {
  parser.addOption({QStringLiteral("project"), QStringLiteral("The project that trained the model."), QStringLiteral("project")});
  parser.addOption({QStringLiteral("run"), QStringLiteral("The training run to analyse (quarry-cli runs lists them)."),
                    QStringLiteral("id")});
  parser.addOption({QStringLiteral("compare"),
                    QStringLiteral("Another training run: list what --run fixed and broke against it."),
                    QStringLiteral("id")});
  parser.addOption({QStringLiteral("split"),
                    QStringLiteral("Analyse these splits (comma-separated) instead of the run's dev splits."),
                    QStringLiteral("splits")});
  parser.addOption({QStringLiteral("errors"), QStringLiteral("Print up to N errors (default 20; 0 = none)."),
                    QStringLiteral("n"), QStringLiteral("20")});
  parser.addOption({QStringLiteral("html"), QStringLiteral("Write the report as one HTML page with its charts."),
                    QStringLiteral("file")});
  parser.addOption({QStringLiteral("csv"),
                    QStringLiteral("Write every error as CSV (and the per-type table beside it as <name>-per-type.csv)."),
                    QStringLiteral("file")});
  parser.addOption({QStringLiteral("threads"), QStringLiteral("CPU threads (default: all cores)."), QStringLiteral("n")});
  parser.addOption({QStringLiteral("json"), QStringLiteral("Print the whole analysis as JSON.")});
}

QString ErrorsCommand::subject(const QCommandLineParser& parser) const {
  return parser.value(QStringLiteral("project"));
}

int ErrorsCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  if (!parser.positionalArguments().isEmpty()) return usage(io, QStringLiteral("takes no file arguments"));
  if (!parser.isSet(QStringLiteral("project"))) return usage(io, QStringLiteral("--project is required"));
  bool isNumber = false;
  const qint64 runId = parser.value(QStringLiteral("run")).toLongLong(&isNumber);
  if (!isNumber || runId <= 0) return usage(io, QStringLiteral("--run expects a run id (a positive number)"));
  qint64 compareId = 0;
  if (parser.isSet(QStringLiteral("compare"))) {
    compareId = parser.value(QStringLiteral("compare")).toLongLong(&isNumber);
    if (!isNumber || compareId <= 0 || compareId == runId)
      return usage(io, QStringLiteral("--compare expects another run's id"));
  }
  const int shown = parser.value(QStringLiteral("errors")).toInt(&isNumber);
  if (!isNumber || shown < 0) return usage(io, QStringLiteral("--errors expects a number of errors (0 or more)"));
  jobs::ErrorAnalysisSpec spec;
  spec.projectPath = parser.value(QStringLiteral("project"));
  spec.threads = parser.value(QStringLiteral("threads")).toInt();
  if (parser.isSet(QStringLiteral("split"))) {
    auto splits = readSplits(parser, QStringLiteral("split"));
    if (!splits) return fail(io, splits.error());
    spec.splits = splits.value();
  }

  auto analyse = [&](qint64 id, jobs::ErrorAnalysisOutcome& outcome) {
    spec.runId = id;
    jobs::ErrorAnalysisJob job(spec);
    auto interrupts = std::make_unique<SignalRouting::Scope>([&job](int) { job.cancel(); });
    outcome = job.runHere();
    return outcome.status;
  };
  jobs::ErrorAnalysisOutcome main, other;
  for (auto [id, outcome] : {std::pair{runId, &main}, std::pair{compareId, &other}}) {
    if (id == 0) continue;
    const RunStatus status = analyse(id, *outcome);
    if (status == RunStatus::Cancelled) {
      io.err << "quarry-cli " << name() << ": cancelled" << Qt::endl;
      return kExitCancelled;
    }
    if (status != RunStatus::Finished) return fail(io, outcome->error);
  }
  const eval::ErrorAnalysis& a = *main.analysis;
  eval::ErrorDifference difference;
  if (compareId) difference = eval::compareErrors(*other.analysis, a);

  QStringList splits;
  for (Split s : main.splits) splits << splitName(s);
  if (parser.isSet(QStringLiteral("html")))
    if (Status s = jobs::writeErrorReportHtml(parser.value(QStringLiteral("html")), main, spec.projectPath,
                                              QStringLiteral("quarry-cli errors"), compareId ? &other : nullptr);
        !s)
      return fail(io, s.error());
  if (parser.isSet(QStringLiteral("csv")))
    if (auto perType = jobs::writeErrorCsv(parser.value(QStringLiteral("csv")), a); !perType)
      return fail(io, perType.error());

  if (parser.isSet(QStringLiteral("json"))) {
    nlohmann::json j = a.toJson();
    j["run"] = runId;
    j["splits"] = splits.join(QLatin1Char(',')).toStdString();
    if (compareId) {
      auto list = [](const std::vector<eval::AnalysedError>& errors) {
        eval::ErrorAnalysis holder;
        holder.errors = errors;
        return holder.toJson()["errors"];
      };
      j["compared_with"] = {{"run", compareId},
                            {"micro", other.analysis->micro.toJson()},
                            {"fixed", list(difference.fixed)},
                            {"broken", list(difference.broken)},
                            {"common", difference.common}};
    }
    io.out << QString::fromStdString(j.dump(2)) << '\n';
    io.out.flush();
    return kExitOk;
  }
  io.out << "run        " << runId << " (" << main.runName << ", " << q(a.task) << ")\n"
         << "model      " << main.modelFolder << '\n'
         << "documents  " << a.documents << " of " << splits.join(QStringLiteral(", ")) << ", " << a.errors.size()
         << " errors\n\n";
  printAnalysis(io.out, a);
  if (compareId)
    io.out << "\nagainst run " << compareId << " (F1 " << percent(other.analysis->micro.f1) << " -> "
           << percent(a.micro.f1) << "): " << difference.fixed.size() << " fixed, " << difference.broken.size()
           << " broken, " << difference.common << " in both\n";
  auto list = [&](const char* title, const std::vector<eval::AnalysedError>& errors) {
    if (shown == 0 || errors.empty()) return;
    io.out << '\n' << title << ":\n";
    for (size_t i = 0; i < errors.size() && int(i) < shown; ++i) io.out << errorLine(errors[i]) << '\n';
    if (errors.size() > size_t(shown)) io.out << "  … " << errors.size() - size_t(shown) << " more\n";
  };
  if (compareId) {
    list("fixed", difference.fixed);
    list("broken", difference.broken);
  } else {
    list("errors", a.errors);
  }
  io.out.flush();
  return kExitOk;
}

}  // namespace quarry::cli
