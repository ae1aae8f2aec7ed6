#include "train/ner/NerTask.h"

#include <iterator>

#include <ATen/ops/from_blob.h>

#include "common/Log.h"
#include "train/TokenLoss.h"
#include "train/TrainState.h"
#include "train/ner/NerAugmentation.h"
#include "train/ner/NerEvaluation.h"

namespace quarry::train {

namespace {

TagEncoding encodingOf(const std::string& name) {
  return (name == "bioes" || name == "iobes") ? TagEncoding::BIOES : TagEncoding::IOB2;
}

NerTagger& taggerOf(TaskModel& model) { return static_cast<NerTagger&>(model); }

}  // namespace

Result<std::unique_ptr<NerTask>> NerTask::create(const TrainRequest& request) {
  if (request.train.empty()) return Error("no training documents", "", 0, "train");
  auto task = std::unique_ptr<NerTask>(new NerTask());
  NerDataOptions dataOptions;
  dataOptions.encoding = encodingOf(request.config.tagEncoding);
  if (request.config.augmentCopies > 0) {
    NerAugmentationOptions augment;
    augment.copies = request.config.augmentCopies;
    augment.mentionReplace = request.config.augmentMentionReplace;
    augment.caseVariant = request.config.augmentCase;
    augment.seed = request.config.seed;
    std::vector<document::AnnotatedDocument> train = request.train;
    std::vector<document::AnnotatedDocument> copies = augmentNerDocuments(request.train, augment);
    task->m_augmentedDocuments = copies.size();
    train.insert(train.end(), std::make_move_iterator(copies.begin()), std::make_move_iterator(copies.end()));
    task->m_train = buildNerData(train, request.labels, dataOptions);
  } else {
    task->m_train = buildNerData(request.train, request.labels, dataOptions);
  }
  if (task->m_train.tags.types().empty())
    return Error("the training documents have no entity annotation", "", 0, "train");
  task->m_dev = buildNerData(request.dev, task->m_train.tags.types(), dataOptions);
  task->m_trainDocuments = request.train.size();
  task->m_devDocuments = request.dev.size();
  task->m_fingerprint = fingerprintDocuments(request.train, request.dev);
  if (!task->m_train.misaligned.empty())
    log::get("train")->warn("{} training spans do not fall on word boundaries ({}); see the report",
                            task->m_train.misaligned.size(),
                            dataOptions.widenMisaligned ? "trained widened to the nearest words" : "left out");
  return task;
}

Result<std::unique_ptr<TaskModel>> NerTask::createModel(const TrainConfig& config) {
  auto t = createNerTagger(config, m_train.tags, m_train.sentences);
  if (!t) return t.error();
  return std::unique_ptr<TaskModel>(std::move(t.value()));
}

Result<std::unique_ptr<TaskModel>> NerTask::loadModel(const std::string& folder) {
  auto t = loadNerTagger(folder);
  if (!t) return t.error();
  return std::unique_ptr<TaskModel>(std::move(t.value()));
}

Result<std::unique_ptr<TaskInputs>> NerTask::featurizeTrain(TaskModel& model) {
  return std::unique_ptr<TaskInputs>(taggerOf(model).featurize(m_train.sentences));
}

Result<std::unique_ptr<TaskInputs>> NerTask::featurizeDev(TaskModel& model) {
  if (m_dev.sentences.empty()) return std::unique_ptr<TaskInputs>();
  return std::unique_ptr<TaskInputs>(taggerOf(model).featurize(m_dev.sentences));
}

at::Tensor NerTask::classWeights(const TrainConfig& config, TaskModel& model) {
  if (config.classWeights != "balanced") return {};
  const size_t classes = taggerOf(model).tags().size();
  std::vector<int64_t> counts(classes, 0);
  for (const SentenceExample& s : m_train.sentences)
    for (int32_t t : s.tags)
      if (t >= 0 && static_cast<size_t>(t) < classes) ++counts[static_cast<size_t>(t)];
  std::vector<float> w = balancedClassWeights(counts);
  return at::from_blob(w.data(), {static_cast<int64_t>(w.size())}, at::TensorOptions().dtype(at::kFloat))
      .clone();
}

MetricReport nerMetricReport(const eval::EntityReport& r) {
  MetricReport m;
  m.primaryName = "micro_f1";
  m.primary = r.micro.f1;
  m.summary = {{"f1", r.micro.f1}, {"precision", r.micro.precision}, {"recall", r.micro.recall}};
  m.details = r.toJson();
  m.table = r.formatTable();
  return m;
}

Result<MetricReport> NerTask::evaluate(TaskModel& model, const TaskInputs& dev, int batchSize) {
  NerTagger& tagger = taggerOf(model);
  const std::vector<SentenceTags> predicted = tagger.predict(static_cast<const TaggerInputs&>(dev), batchSize);
  return nerMetricReport(scoreSentenceTags(tagger.tags(), m_dev.sentences, predicted));
}

nlohmann::json NerTask::dataRecord() const {
  return {{"train_documents", m_trainDocuments},
          {"augmented_documents", m_augmentedDocuments},
          {"dev_documents", m_devDocuments},
          {"train_sentences", m_train.sentences.size()},
          {"dev_sentences", m_dev.sentences.size()},
          {"entity_types", m_train.tags.types()},
          {"misaligned_spans", m_train.misaligned.size() + m_dev.misaligned.size()}};
}

Result<TrainResult> NerTrainer::run(const TrainRequest& request, const TrainCallback& callback) {
  auto task = NerTask::create(request);
  if (!task) return task.error();
  return Trainer::run(*task.value(), request.config, request.outputFolder, request.resume, callback);
}

}  // namespace quarry::train
