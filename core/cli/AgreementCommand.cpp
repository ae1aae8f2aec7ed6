#include "cli/AgreementCommand.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "cli/TaskCommandSupport.h"
#include "jobs/AnnotatorAgreement.h"

namespace quarry::cli {

void AgreementCommand::configure(QCommandLineParser& parser) const {
  parser.addPositionalArgument(QStringLiteral("project"),
                               QStringLiteral("The project: a file (*.quarry) or a postgresql:// URL."));
  parser.addOption({QStringLiteral("annotators"),
                    QStringLiteral("Compare these annotators (comma-separated, at least two). Default: everyone who "
                                   "annotated the documents."),
                    QStringLiteral("names")});
  parser.addOption({QStringLiteral("splits"),
                    QStringLiteral("Only documents of these splits (train, dev, test, unassigned; comma-separated). "
                                   "Default: every split."),
                    QStringLiteral("splits")});
  parser.addOption({QStringLiteral("documents"),
                    QStringLiteral("Also list each pair's documents, least agreement first (where to adjudicate).")});
  parser.addOption({QStringLiteral("json"), QStringLiteral("Print everything as one JSON object.")});
}

int AgreementCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  const QStringList args = parser.positionalArguments();
  if (args.size() != 1) return usage(io, QStringLiteral("expects one project"));
  jobs::AgreementSpec spec;
  spec.projectPath = args[0];
  spec.annotators = parser.value(QStringLiteral("annotators")).split(QLatin1Char(','), Qt::SkipEmptyParts);
  for (QString& name : spec.annotators) name = name.trimmed();
  if (parser.isSet(QStringLiteral("splits"))) {
    Result<QVector<Split>> splits = readSplits(parser, QStringLiteral("splits"));
    if (!splits) return fail(io, splits.error());
    spec.splits = splits.value();
  }
  Result<jobs::AgreementOutcome> outcome = jobs::measureProjectAgreement(spec);
  if (!outcome) return fail(io, outcome.error());
  const eval::AgreementReport& report = outcome->report;
  if (parser.isSet(QStringLiteral("json"))) {
    io.out << QString::fromStdString(report.toJson().dump(2)) << '\n';
    io.out.flush();
    return kExitOk;
  }
  io.out << QString::fromStdString(report.formatTable());
  if (parser.isSet(QStringLiteral("documents"))) {
    for (const eval::PairAgreement& pair : report.pairs) {
      std::vector<const eval::DocumentAgreement*> docs;
      for (const eval::DocumentAgreement& d : pair.perDocument) docs.push_back(&d);
      std::stable_sort(docs.begin(), docs.end(), [](const auto* x, const auto* y) {
        return x->exact.f1() + x->relations.f1() < y->exact.f1() + y->relations.f1();
      });
      io.out << "\ndocuments of " << QString::fromStdString(pair.a) << " vs " << QString::fromStdString(pair.b)
             << ", least agreement first\n  span exact  overlap  token κ  relations  document\n";
      for (const auto* d : docs) {
        const auto figure = [](double v) {
          return std::isnan(v) ? QStringLiteral("      -") : QString::number(v, 'f', 4).rightJustified(7);
        };
        io.out << "  " << figure(d->exact.f1()).rightJustified(10) << "  " << figure(d->overlap.f1()) << "  "
               << figure(d->tokenKappa) << "  "
               << (d->relations.a + d->relations.b ? figure(d->relations.f1()) : QStringLiteral("      -")).rightJustified(9)
               << "  " << QString::fromStdString(d->id) << '\n';
      }
    }
  }
  io.out.flush();
  return kExitOk;
}

}  // namespace quarry::cli
