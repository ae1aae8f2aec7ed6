#include "cli/CvCommand.h"

#include <cmath>

#include <QDir>

#include <nlohmann/json.hpp>

#include "cli/TaskCommandSupport.h"
#include "cli/ProgressReporter.h"
#include "eval/KFold.h"
#include "model/kernels/CpuThreads.h"
#include "train/TaskFactory.h"

namespace quarry::cli {

QString CvCommand::subject(const QCommandLineParser& parser) const { return trainingSubject(parser); }

void CvCommand::configure(QCommandLineParser& parser) const {
  addDataOptions(parser, QStringLiteral("train,dev"));
  addTaskOption(parser);
  parser.addOption({QStringLiteral("data"), QStringLiteral("Labelled file(s) in any import format, comma-separated (instead of --project)."),
                    QStringLiteral("files")});
  parser.addOption({QStringLiteral("folds"), QStringLiteral("Number of folds (default 5)."), QStringLiteral("k"), QStringLiteral("5")});
  parser.addOption({QStringLiteral("model"), QStringLiteral("Fine-tune this Hugging Face model folder (default: the task's from-scratch model)."),
                    QStringLiteral("folder")});
  addTrainConfigOptions(parser);
  parser.addOption({QStringLiteral("output"), QStringLiteral("Folder for each fold's models (default: ./quarry-cv)."), QStringLiteral("folder"),
                    QStringLiteral("quarry-cv")});
  parser.addOption({QStringLiteral("json"), QStringLiteral("Print the figures as JSON.")});
}

int CvCommand::run(const QCommandLineParser& parser, CliIo& io) const {
  auto configRead = readTrainConfig(parser);
  if (!configRead) return fail(io, configRead.error());
  train::TrainConfig config = configRead.value();
  if (parser.isSet(QStringLiteral("model"))) {
    config.kind = train::ModelKind::Transformer;
    config.modelFolder = QDir(parser.value(QStringLiteral("model"))).absolutePath().toStdString();
  }
  const int k = parser.value(QStringLiteral("folds")).toInt();
  auto set = readDocuments(parser, QStringLiteral("split"), QStringLiteral("data"));
  if (!set) return fail(io, set.error());
  // Folds stratified on what the task predicts: entity types, document labels, relation types.
  std::vector<std::vector<std::string>> types;
  for (const document::AnnotatedDocument& d : set->documents) {
    std::vector<std::string> row = d.labels;
    if (config.task == "ner") {
      row.clear();
      for (const document::EntityMention& m : d.entities) row.push_back(m.type);
    } else if (config.task == "relation") {
      row.clear();
      for (const document::RelationMention& r : d.relations) row.push_back(r.type);
      for (const document::ConceptRelation& r : d.conceptRelations) row.push_back(r.type);
    }
    if (config.task == "qa") {  // answerable and unanswerable questions in every fold
      row.clear();
      for (const document::QuestionAnswers& q : d.questions) row.push_back(q.answers.empty() ? "NoAns" : "HasAns");
    }
    types.push_back(std::move(row));
  }
  if (config.task == "classify" && config.multiLabel == "auto" && set->multiLabelCategories) config.multiLabel = "yes";
  auto folds = eval::stratifiedKFold(types, k, config.seed);
  if (!folds) return fail(io, folds.error());
  model::CpuThreadOptions threads;
  threads.intraOpThreads = config.threads;
  model::configureCpuThreads(threads);

  nlohmann::json perFold = nlohmann::json::array();
  std::vector<double> f1s;
  std::map<std::string, std::vector<double>> perType;
  std::string primaryName = "micro_f1";
  for (int fold = 0; fold < k; ++fold) {
    train::TrainRequest request;
    request.config = config;
    request.labels = jobs::toStdStrings(set->labelsFor(config.task));
    request.relationTypes = set->relationSpecs;
    request.outputFolder = QDir(parser.value(QStringLiteral("output"))).absoluteFilePath(QStringLiteral("fold-%1").arg(fold)).toStdString();
    std::vector<document::AnnotatedDocument> test;
    size_t rest = 0;
    for (size_t d = 0; d < set->documents.size(); ++d) {
      if (folds.value()[d] == fold) {
        test.push_back(set->documents[d]);
      } else if (rest++ % 10 == 9) {
        request.dev.push_back(set->documents[d]);  // early stopping never sees the scored fold
      } else {
        request.train.push_back(set->documents[d]);
      }
    }
    ProgressReporter reporter(io.err, QStringLiteral("fold %1/%2").arg(fold + 1).arg(k), io.interactive);
    auto result = train::runTraining(request, [&](const train::TrainProgress& p) {
      reporter.update(p.step, p.totalSteps);
      return true;
    });
    reporter.finish();
    if (!result) return fail(io, result.error());
    auto scored = train::evaluateModelFolder(result->bestFolder, test);
    if (!scored) return fail(io, scored.error());
    const train::MetricReport& e = scored.value();
    f1s.push_back(e.primary);
    primaryName = e.primaryName;
    // Per entity type (ner, relation) or per label (classify).
    for (const char* key : {"per_type", "per_label"})
      if (e.details.contains(key))
        for (const auto& [type, scores] : e.details[key].items()) perType[type].push_back(scores.value("f1", 0.0));
    nlohmann::json row = {{"fold", fold}, {"documents", test.size()}, {"f1", e.primary}, {"primary", e.primary},
                          {"steps", result->steps}, {"seconds", result->seconds}};
    for (const auto& [key, value] : e.summary.items()) row[key] = value;
    row["f1"] = e.primary;
    perFold.push_back(row);
    if (!parser.isSet(QStringLiteral("json")))
      io.out << "fold " << fold + 1 << ": " << test.size() << " documents, " << QString::fromStdString(e.primaryName) << ' '
             << QString::number(e.primary * 100, 'f', 2) << '\n';
    io.out.flush();
  }
  auto meanStd = [](const std::vector<double>& v) {
    double mean = 0, var = 0;
    for (double x : v) mean += x;
    mean /= double(v.size());
    for (double x : v) var += (x - mean) * (x - mean);
    return std::make_pair(mean, v.size() > 1 ? std::sqrt(var / double(v.size() - 1)) : 0.0);
  };
  const auto [mean, sd] = meanStd(f1s);
  if (parser.isSet(QStringLiteral("json"))) {
    nlohmann::json types = nlohmann::json::object();
    for (const auto& [type, v] : perType) types[type] = meanStd(v).first;
    io.out << QString::fromStdString(nlohmann::json({{"task", config.task},
                                                     {"folds", perFold},
                                                     {"f1_mean", mean},
                                                     {"f1_std", sd},
                                                     {"metrics", {{"primary_metric", primaryName}, {"primary", mean}, {"primary_std", sd}}},
                                                     {"per_type_f1_mean", types}})
                                         .dump(2))
           << '\n';
  } else {
    io.out << QString::fromStdString(primaryName) << ' ' << QString::number(mean * 100, 'f', 2) << " ± " << QString::number(sd * 100, 'f', 2) << " over " << k << " folds\n";
    for (const auto& [type, v] : perType)
      io.out << "  " << QString::fromStdString(type) << "  " << QString::number(meanStd(v).first * 100, 'f', 2) << '\n';
  }
  io.out.flush();
  return kExitOk;
}

}  // namespace quarry::cli
