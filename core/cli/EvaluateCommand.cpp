#include "cli/EvaluateCommand.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "cli/TaskCommandSupport.h"
#include "model/kernels/CpuThreads.h"
#include "train/TaskFactory.h"
#include "train/classify/ClassifyTask.h"
#include "train/ner/NerEvaluation.h"
#include "train/ner/NerTask.h"
#include "train/ner/TransformerTagger.h"
#include "train/qa/QaTask.h"
#include "train/relation/RelationPipeline.h"
#include "train/relation/RelationPrediction.h"

namespace quarry::cli {

int EvaluateCommand::evaluateClassifier(const QCommandLineParser& parser, CliIo& io, const std::string& folder) const {
  auto classifier = train::loadDocumentClassifier(folder);
  if (!classifier) return fail(io, classifier.error());
  auto set = readDocuments(parser, QStringLiteral("split"), QStringLiteral("data"));
  if (!set) return fail(io, set.error());
  if (set->documents.empty()) return fail(io, QStringLiteral("no documents to evaluate on"));
  train::DocumentClassifier& c = *classifier.value();
  const train::ClassifyRun run = train::classifyDocuments(c, set->documents, 64);
  const eval::ClassificationReport report = train::scoreClassifier(c, set->documents, run);
  const train::MetricReport metrics = train::classificationMetricReport(report);
  const int examples = std::max(0, parser.value(QStringLiteral("errors")).toInt());
  nlohmann::json errors = nlohmann::json::array();
  for (size_t i = 0; i < set->documents.size() && static_cast<int>(errors.size()) < examples; ++i) {
    std::vector<std::string> gold = set->documents[i].labels, predicted;
    for (const auto& l : run.predicted[i]) predicted.push_back(l.label);
    std::sort(gold.begin(), gold.end());
    std::sort(predicted.begin(), predicted.end());
    if (gold != predicted)
      errors.push_back({{"document", set->documents[i].id}, {"gold", gold}, {"predicted", predicted}});
  }
  const double perSecond = run.seconds > 0 ? double(set->documents.size()) / run.seconds : 0.0;
  if (parser.isSet(QStringLiteral("json"))) {
    nlohmann::json j = {{"task", "classify"},
                        {"model", c.describe()},
                        {"documents", set->documents.size()},
                        {"seconds", run.seconds},
                        {"documents_per_second", perSecond},
                        {"metrics", metrics.toJson()},
                        {"errors", errors}};
    io.out << QString::fromStdString(j.dump(2)) << '\n';
    io.out.flush();
    return kExitOk;
  }
  io.out << "model      " << QString::fromStdString(c.describe()) << '\n'
         << "documents  " << set->documents.size() << " (" << qint64(perSecond) << " documents/s)\n\n"
         << QString::fromStdString(metrics.table);
  if (!errors.empty()) {
    io.out << "\nmisclassified:\n";
    for (const auto& e : errors)
      io.out << "  " << QString::fromStdString(e["document"].get<std::string>()) << ": gold "
             << QString::fromStdString(e["gold"].dump()) << ", predicted "
             << QString::fromStdString(e["predicted"].dump()) << '\n';
  }
  io.out.flush();
  return kExitOk;
}

int EvaluateCommand::evaluateQa(const QCommandLineParser& parser, CliIo& io, const std::string& folder) const {
  auto model = train::loadQaModel(folder);
  if (!model) return fail(io, model.error());
  auto set = readDocuments(parser, QStringLiteral("split"), QStringLiteral("data"));
  if (!set) return fail(io, set.error());
  const train::QaRun run = train::answerQuestions(*model.value(), set->documents, 64);
  if (run.examples.empty()) return fail(io, QStringLiteral("no questions to evaluate on"));
  const train::MetricReport metrics = train::scoreQaRun(*model.value(), set->documents, run);
  const int examples = std::max(0, parser.value(QStringLiteral("errors")).toInt());
  const std::vector<eval::SquadGold> gold = train::squadGold(set->documents, run.examples);
  const std::vector<std::string> predicted = train::squadPredictions(run.answers);
  nlohmann::json errors = nlohmann::json::array();
  for (size_t e = 0; e < run.examples.size() && static_cast<int>(errors.size()) < examples; ++e)
    if (eval::scoreSquadQuestion(gold[e], predicted[e]).exact < 1)
      errors.push_back({{"question_id", run.examples[e].questionId},
                        {"question", run.examples[e].question},
                        {"gold", gold[e].answers},
                        {"predicted", predicted[e]}});
  const double perSecond = run.seconds > 0 ? double(run.examples.size()) / run.seconds : 0.0;
  if (parser.isSet(QStringLiteral("json"))) {
    nlohmann::json j = {{"task", "qa"},
                        {"model", model.value()->describe()},
                        {"documents", set->documents.size()},
                        {"questions", run.examples.size()},
                        {"windows", run.windows},
                        {"windows_read", run.windowsRead},
                        {"seconds", run.seconds},
                        {"questions_per_second", perSecond},
                        {"metrics", metrics.toJson()},
                        {"errors", errors}};
    io.out << QString::fromStdString(j.dump(2)) << '\n';
    io.out.flush();
    return kExitOk;
  }
  io.out << "model      " << QString::fromStdString(model.value()->describe()) << '\n'
         << "questions  " << run.examples.size() << " in " << set->documents.size() << " documents ("
         << qint64(perSecond) << " questions/s, " << run.windowsRead << " of " << run.windows << " windows read)\n\n"
         << QString::fromStdString(metrics.table);
  if (!errors.empty()) {
    io.out << "\nwrong answers:\n";
    for (const auto& e : errors)
      io.out << "  " << QString::fromStdString(e["question_id"].get<std::string>()) << ": gold "
             << QString::fromStdString(e["gold"].dump()) << ", predicted "
             << QString::fromStdString(e["predicted"].dump()) << '\n';
  }
  io.out.flush();
  return kExitOk;
}

int EvaluateCommand::evaluateRelations(const QCommandLineParser& parser, CliIo& io, const std::string& folder) const {
  auto model = train::loadRelationModel(folder);
  if (!model) return fail(io, model.error());
  auto set = readDocuments(parser, QStringLiteral("split"), QStringLiteral("data"));
  if (!set) return fail(io, set.error());
  if (set->documents.empty()) return fail(io, QStringLiteral("no documents to evaluate on"));
  train::RelationModel& m = *model.value();
  const bool endToEnd = parser.isSet(QStringLiteral("ner-model"));
  std::vector<std::vector<document::EntityMention>> mentions;
  if (endToEnd) {
    auto predicted = train::pipelineMentions(m, parser.value(QStringLiteral("ner-model")).toStdString(), set->documents, 64);
    if (!predicted) return fail(io, predicted.error());
    mentions = std::move(predicted.value());
  } else {
    mentions = train::goldMentions(set->documents);
  }
  const train::RelationRun run = train::runRelationModel(m, set->documents, mentions, !endToEnd, 64);
  const std::string metric = train::relationMetricFor("auto", m.classes(), m.settings().conceptLevel);
  const train::MetricReport metrics = train::relationMetricReport(m, set->documents, mentions, run, metric, !endToEnd);
  const int examples = std::max(0, parser.value(QStringLiteral("errors")).toInt());
  const double perSecond = run.seconds > 0 ? double(run.candidates.size()) / run.seconds : 0.0;
  if (parser.isSet(QStringLiteral("json"))) {
    nlohmann::json j = {{"task", "relation"},
                        {"model", m.describe()},
                        {"entities", endToEnd ? "predicted" : "gold"},
                        {"documents", set->documents.size()},
                        {"candidates", run.candidates.size()},
                        {"seconds", run.seconds},
                        {"candidates_per_second", perSecond},
                        {"metrics", metrics.toJson()}};
    j["metrics"]["errors"] = nlohmann::json::array();
    for (const auto& e : metrics.details["errors"])
      if (static_cast<int>(j["metrics"]["errors"].size()) < examples) j["metrics"]["errors"].push_back(e);
    io.out << QString::fromStdString(j.dump(2)) << '\n';
    io.out.flush();
    return kExitOk;
  }
  io.out << "model      " << QString::fromStdString(m.describe()) << '\n'
         << "documents  " << set->documents.size() << " (" << run.candidates.size() << " candidate pairs, "
         << qint64(perSecond) << " pairs/s)\n"
         << "entities   " << (endToEnd ? QStringLiteral("predicted by ") + parser.value(QStringLiteral("ner-model")) : QStringLiteral("gold"))
         << "\nlevel      " << (m.settings().conceptLevel ? "concept pairs (document level)" : "mention pairs") << "\n\n"
         << QString::fromStdString(metrics.table);
  if (examples > 0) {
    io.out << "\nerrors:\n";
    for (size_t i = 0; i < metrics.details["errors"].size() && static_cast<int>(i) < examples; ++i) {
      const auto& e = metrics.details["errors"][i];
      io.out << "  " << QString::fromStdString(e["kind"].get<std::string>()) << "  "
             << QString::fromStdString(e["document"].get<std::string>()) << ": "
             << QString::fromStdString(e["head_text"].get<std::string>()) << " ["
             << QString::fromStdString(e["head"].get<std::string>()) << "] -> "
             << QString::fromStdString(e["tail_text"].get<std::string>()) << " ["
             << QString::fromStdString(e["tail"].get<std::string>()) << "]  gold "
             << QString::fromStdString(e["gold_type"].get<std::string>()) << ", predicted "
             << QString::fromStdString(e["predicted_type"].get<std::string>()) << '\n';
    }
  }
  io.out.flush();
  return kExitOk;
}

void EvaluateCommand::configure(QCommandLineParser& parser) const {
  parser.addPositionalArgument(QStringLiteral("model"), QStringLiteral("A model folder written by quarry-cli train (best/)."));
  addDataOptions(parser, QStringLiteral("dev"));
  parser.addOption({QStringLiteral("data"), QStringLiteral("Labelled file(s) in any import format, comma-separated (instead of --project)."),
                    QStringLiteral("files")});
  parser.addOption({QStringLiteral("errors"), QStringLiteral("Show up to N examples of each kind of error (default 0)."),
                    QStringLiteral("n"), QStringLiteral("0")});
  parser.addOption({QStringLiteral("ner-model"),
                    QStringLiteral("Relation models: take the entities from this NER model folder (end to end) "
                                   "instead of the annotated ones."),
                    QStringLiteral("folder")});
  parser.addOption({QStringLiteral("int8"),
                    QStringLiteral("NER transformers: score with int8 weights for the linear layers, as "
                                   "predict --int8 runs them (what int8 costs in F1).")});
  parser.addOption({QStringLiteral("threads"), QStringLiteral("CPU threads (default: all cores)."), QStringLiteral("n")});
  parser.addOption({QStringLiteral("json"), QStringLiteral("Print every figure as JSON.")});
}

int EvaluateCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  const QStringList args = parser.positionalArguments();
  if (args.size() != 1) return usage(io, QStringLiteral("expects one model folder"));
  model::CpuThreadOptions threads;
  threads.intraOpThreads = parser.value(QStringLiteral("threads")).toInt();
  model::configureCpuThreads(threads);
  auto task = train::modelFolderTask(args[0].toStdString());
  if (!task) return fail(io, task.error());
  if (*task == "classify") return evaluateClassifier(parser, io, args[0].toStdString());
  if (*task == "qa") return evaluateQa(parser, io, args[0].toStdString());
  if (*task == "relation") return evaluateRelations(parser, io, args[0].toStdString());
  if (*task == train::kPretrainingTaskName || *task == train::kMultiTaskName) {
    // A pretrained encoder (its dev figures on the documents' text) or a multi-task folder (each task's
    // folder scored as its own evaluation scores it, and their mean).
    auto set = readDocuments(parser, QStringLiteral("split"), QStringLiteral("data"));
    if (!set) return fail(io, set.error());
    if (set->documents.empty()) return fail(io, QStringLiteral("no documents to evaluate on"));
    auto report = train::evaluateModelFolder(args[0].toStdString(), set->documents);
    if (!report) return fail(io, report.error());
    if (parser.isSet(QStringLiteral("json"))) {
      const nlohmann::json j = {
          {"task", *task}, {"documents", set->documents.size()}, {"metrics", report->toJson()}};
      io.out << QString::fromStdString(j.dump(2)) << '\n';
    } else {
      io.out << "documents  " << set->documents.size() << "\n\n" << QString::fromStdString(report->table);
    }
    io.out.flush();
    return kExitOk;
  }
  if (parser.isSet(QStringLiteral("ner-model"))) return usage(io, QStringLiteral("--ner-model applies to relation models"));
  auto tagger = train::loadNerTagger(args[0].toStdString());
  if (!tagger) return fail(io, tagger.error());
  const bool int8 = parser.isSet(QStringLiteral("int8"));
  if (int8) {
    auto* transformer = dynamic_cast<train::TransformerTagger*>(tagger.value().get());
    if (!transformer) return usage(io, QStringLiteral("--int8 applies to transformer NER models"));
    if (transformer->encoder().enableDynamicInt8() == 0)
      return fail(io, QStringLiteral("int8 kernels are not available in this LibTorch"));
  }
  auto set = readDocuments(parser, QStringLiteral("split"), QStringLiteral("data"));
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
    nlohmann::json j = {{"task", "ner"},
                        {"model", tagger.value()->describe()},
                        {"int8", int8},
                        {"metrics", train::nerMetricReport(e.tagReport).toJson()},
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
  io.out << "model      " << QString::fromStdString(tagger.value()->describe())
         << (int8 ? QStringLiteral(" (int8 linear layers)") : QString()) << '\n'
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
