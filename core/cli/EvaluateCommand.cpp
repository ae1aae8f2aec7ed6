#include "cli/EvaluateCommand.h"

#include <nlohmann/json.hpp>

#include "cli/NerCommandSupport.h"
#include "model/kernels/CpuThreads.h"
#include <algorithm>

#include "train/NerEvaluation.h"

namespace quarry::cli {

void EvaluateCommand::configure(QCommandLineParser& parser) const {
  parser.addPositionalArgument(QStringLiteral("model"), QStringLiteral("A model folder written by quarry-cli train (best/)."));
  addNerDataOptions(parser, QStringLiteral("dev"));
  parser.addOption({QStringLiteral("data"), QStringLiteral("Labelled file(s) in any import format, comma-separated (instead of --project)."),
                    QStringLiteral("files")});
  parser.addOption({QStringLiteral("errors"), QStringLiteral("Show up to N examples of each kind of error (default 0)."),
                    QStringLiteral("n"), QStringLiteral("0")});
  parser.addOption({QStringLiteral("threads"), QStringLiteral("CPU threads (default: all cores)."), QStringLiteral("n")});
  parser.addOption({QStringLiteral("json"), QStringLiteral("Print every figure as JSON.")});
}

int EvaluateCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  const QStringList args = parser.positionalArguments();
  if (args.size() != 1) return usage(io, QStringLiteral("expects one model folder"));
  model::CpuThreadOptions threads;
  threads.intraOpThreads = parser.value(QStringLiteral("threads")).toInt();
  model::configureCpuThreads(threads);
  auto tagger = train::loadNerTagger(args[0].toStdString());
  if (!tagger) return fail(io, tagger.error());
  auto set = readNerDocuments(parser, QStringLiteral("split"), QStringLiteral("data"));
  if (!set) return fail(io, set.error());
  if (set->documents.empty()) return fail(io, QStringLiteral("no documents to evaluate on"));
  train::NerDataOptions options;
  options.encoding = tagger.value()->tags().encoding();
  const train::NerData data = train::buildNerData(set->documents, tagger.value()->tags().types(), options);
  const int examples = parser.value(QStringLiteral("errors")).toInt();
  train::NerEvaluation e = train::evaluateTagger(*tagger.value(), set->documents, data, 64, false);
  e.errors = eval::analyzeErrors(set->documents, e.predicted, static_cast<size_t>(std::max(0, examples)));
  const double sentencesPerSecond = e.seconds > 0 ? double(e.sentences) / e.seconds : 0.0;
  if (parser.isSet(QStringLiteral("json"))) {
    nlohmann::json j = {{"model", tagger.value()->describe()},
                        {"documents", set->documents.size()},
                        {"sentences", e.sentences},
                        {"seconds", e.seconds},
                        {"sentences_per_second", sentencesPerSecond},
                        {"misaligned_spans", data.misaligned.size()},
                        {"seqeval", e.tagReport.toJson()},
                        {"spans", e.spanReport.toJson()},
                        {"errors", e.errors.toJson()}};
    io.out << QString::fromStdString(j.dump(2)) << '\n';
    io.out.flush();
    return kExitOk;
  }
  io.out << "model      " << QString::fromStdString(tagger.value()->describe()) << '\n'
         << "documents  " << set->documents.size() << " (" << e.sentences << " sentences, "
         << qint64(sentencesPerSecond) << " sentences/s)\n";
  if (!data.misaligned.empty())
    io.out << "misaligned " << data.misaligned.size() << " gold spans are not on word boundaries (scored as annotated in the span table)\n";
  io.out << "\nEntity-level scores (seqeval / conlleval, strict boundaries and type):\n"
         << QString::fromStdString(e.tagReport.formatTable())
         << "\ntoken accuracy " << QString::number(e.tagReport.tokenAccuracy * 100, 'f', 2) << "\n"
         << "\nCharacter spans against the annotations: P " << QString::number(e.spanReport.micro.precision * 100, 'f', 2)
         << " R " << QString::number(e.spanReport.micro.recall * 100, 'f', 2) << " F1 "
         << QString::number(e.spanReport.micro.f1 * 100, 'f', 2) << "\n\nErrors by type:\n"
         << QString::fromStdString(e.errors.formatTable()) << '\n';
  for (const auto& [kind, list] : e.errors.examples) {
    if (list.empty() || examples <= 0) continue;
    io.out << '\n' << QString::fromStdString(kind) << ":\n";
    for (const eval::ErrorExample& x : list)
      io.out << "  " << QString::fromStdString(x.documentId) << ": " << QString::fromStdString(x.context) << '\n';
  }
  io.out.flush();
  return kExitOk;
}

}  // namespace quarry::cli
