#include "train/TaskFactory.h"

#include <filesystem>

#include "common/JsonReader.h"
#include "train/TaskModelFile.h"
#include "train/classify/ClassifyTask.h"
#include "train/mlm/MaskedLmTask.h"
#include "train/multi/MultiTask.h"
#include "train/ner/NerEvaluation.h"
#include "train/ner/NerTask.h"
#include "train/qa/QaTask.h"
#include "train/relation/RelationPrediction.h"
#include "train/relation/RelationTask.h"

namespace quarry::train {
namespace fs = std::filesystem;

Result<std::unique_ptr<TrainingTask>> createTrainingTask(const TrainRequest& request) {
  // Options set in code (the jobs, the Train dialog, a bench) pass the checks a JSON configuration does: a
  // model trained with, say, a window stride of half its length or more would not load again.
  if (auto checked = TrainConfig::fromJson(request.config.toJson(), ""); !checked) return checked.error();
  const std::string& task = request.config.task;
  if (task == "ner") {
    auto t = NerTask::create(request);
    if (!t) return t.error();
    return std::unique_ptr<TrainingTask>(std::move(t.value()));
  }
  if (task == "classify") {
    auto t = ClassifyTask::create(request);
    if (!t) return t.error();
    return std::unique_ptr<TrainingTask>(std::move(t.value()));
  }
  if (task == "relation") {
    auto t = RelationTask::create(request);
    if (!t) return t.error();
    return std::unique_ptr<TrainingTask>(std::move(t.value()));
  }
  if (task == "qa") {
    auto t = QaTask::create(request);
    if (!t) return t.error();
    return std::unique_ptr<TrainingTask>(std::move(t.value()));
  }
  if (task == "mlm") {
    auto t = MaskedLmTask::create(request);
    if (!t) return t.error();
    return std::unique_ptr<TrainingTask>(std::move(t.value()));
  }
  if (task == kMultiTaskName) {
    auto t = MultiTask::create(request);
    if (!t) return t.error();
    return std::unique_ptr<TrainingTask>(std::move(t.value()));
  }
  return Error("unknown task \"" + task + "\" (ner, classify, relation, qa, mlm, multi)", "", 0, "task");
}

Result<TrainResult> runTraining(const TrainRequest& request, const TrainCallback& callback) {
  auto task = createTrainingTask(request);
  if (!task) return task.error();
  return Trainer::run(*task.value(), request.config, request.outputFolder, request.resume, callback,
                      request.distributed);
}

Result<MetricReport> evaluateModelFolder(const std::string& folder, const std::vector<document::AnnotatedDocument>& documents,
                                         int batchSize) {
  auto task = modelFolderTask(folder);
  if (!task) return task.error();
  if (*task == "classify") {
    auto classifier = loadDocumentClassifier(folder);
    if (!classifier) return classifier.error();
    const ClassifyRun run = classifyDocuments(*classifier.value(), documents, batchSize);
    return classificationMetricReport(scoreClassifier(*classifier.value(), documents, run));
  }
  if (*task == "relation") {
    auto model = loadRelationModel(folder);
    if (!model) return model.error();
    const auto mentions = goldMentions(documents);
    const RelationRun run = runRelationModel(*model.value(), documents, mentions, true, batchSize);
    return relationMetricReport(*model.value(), documents, mentions, run,
                                relationMetricFor("auto", model.value()->classes(), model.value()->settings().conceptLevel),
                                true);
  }
  if (*task == "qa") {
    auto qa = loadQaModel(folder);
    if (!qa) return qa.error();
    return scoreQaRun(*qa.value(), documents, answerQuestions(*qa.value(), documents, batchSize));
  }
  if (*task == kMultiTaskName) {
    // Each task's own folder on the documents, as its own evaluation would score it.
    auto file = readTaskModelFile(folder, kMultiTaskName);
    if (!file) return file.error();
    std::vector<MetricReport> reports;
    for (const std::string& name : file->labels) {
      auto report = evaluateModelFolder((fs::path(folder) / name).string(), documents, batchSize);
      if (!report) return report.error();
      reports.push_back(std::move(report.value()));
    }
    return multiTaskMetricReport(file->labels, reports);
  }
  if (*task == "mlm") {
    // Every document is dev: its masked-LM loss under the fixed dev mask.
    TrainRequest request;
    request.config = TrainConfig::defaultsFor("mlm");
    request.train = documents;
    request.dev = documents;
    auto mlm = MaskedLmTask::create(request);
    if (!mlm) return mlm.error();
    auto model = mlm.value()->loadModel(folder);
    if (!model) return model.error();
    model.value()->module().eval();
    auto dev = mlm.value()->featurizeDev(*model.value());
    if (!dev) return dev.error();
    if (!dev.value()) return Error("no text to score", folder);
    return mlm.value()->evaluate(*model.value(), *dev.value(), batchSize);
  }
  auto tagger = loadNerTagger(folder);
  if (!tagger) return tagger.error();
  NerDataOptions options;
  options.encoding = tagger.value()->tags().encoding();
  const NerData data = buildNerData(documents, tagger.value()->tags().types(), options);
  return nerMetricReport(evaluateTagger(*tagger.value(), documents, data, batchSize, false).tagReport);
}

Result<std::string> modelFolderTask(const std::string& folder) {
  if (!fs::is_directory(folder)) return Error("not a folder", folder);
  if (fs::is_regular_file(fs::path(folder) / kNerModelFile)) return std::string("ner");
  const fs::path taskFile = fs::path(folder) / kTaskModelFileName;
  if (!fs::is_regular_file(taskFile))
    return Error("not a Quarry model folder: neither quarry_ner.json nor quarry_task.json is there", folder);
  auto parsed = readJsonFile(taskFile);
  if (!parsed) return parsed.error();
  auto task = JsonFields(*parsed, taskFile.string()).string("task", "");
  if (!task) return task.error();
  if (!isKnownTask(*task)) return Error("unknown task \"" + *task + "\"", taskFile.string(), 0, "task");
  return *task;
}

}  // namespace quarry::train
