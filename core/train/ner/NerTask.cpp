#include "train/ner/NerTask.h"

#include <algorithm>
#include <iterator>
#include <set>

#include <ATen/ops/from_blob.h>

#include "common/Log.h"
#include "train/RareLabelOversampling.h"
#include "train/TaskFactory.h"
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
  std::vector<std::string> labels = request.labels;
  if (!request.config.teacherFolder.empty()) {
    auto teacher = loadNerTagger(request.config.teacherFolder);
    if (!teacher) return teacherLoadError(teacher.error());
    task->m_teacherModel = std::move(teacher.value());
    // The student learns every type the teacher knows, besides those given or seen in its training
    // documents: a few labelled documents need not show every type the teacher teaches.
    if (labels.empty()) {
      std::set<std::string> seen;
      for (const auto& d : request.train)
        for (const auto& e : d.entities) seen.insert(e.type);
      labels.assign(seen.begin(), seen.end());
    }
    for (const std::string& type : task->m_teacherModel->tags().types())
      if (std::find(labels.begin(), labels.end(), type) == labels.end()) labels.push_back(type);
  }
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
    task->m_train = buildNerData(train, labels, dataOptions);
  } else {
    task->m_train = buildNerData(request.train, labels, dataOptions);
  }
  if (task->m_train.tags.types().empty())
    return Error("the training documents have no entity annotation", "", 0, "train");
  if (request.config.oversampleRare > 0) {
    // Per sentence the entity types it holds, by the tags' names ("B-Disease" -> Disease).
    const TagSet& tags = task->m_train.tags;
    const std::vector<std::string>& types = tags.types();
    std::vector<std::vector<int32_t>> held;
    for (const SentenceExample& s : task->m_train.sentences) {
      std::vector<int32_t> typesHere;
      for (int32_t t : s.tags) {
        const std::string& name = tags.name(t);
        const size_t dash = name.find('-');
        if (dash == std::string::npos) continue;
        auto at = std::find(types.begin(), types.end(), name.substr(dash + 1));
        if (at != types.end()) typesHere.push_back(static_cast<int32_t>(at - types.begin()));
      }
      held.push_back(std::move(typesHere));
    }
    const std::vector<int> copies = oversamplingCopies(held, static_cast<int32_t>(types.size()), request.config.oversampleRare);
    const size_t sentences = task->m_train.sentences.size();
    for (size_t s = 0; s < sentences; ++s)
      for (int c = 0; c < copies[s]; ++c) task->m_train.sentences.push_back(task->m_train.sentences[s]);
    task->m_oversampledSentences = task->m_train.sentences.size() - sentences;
  }
  task->m_dev = buildNerData(request.dev, task->m_train.tags.types(), dataOptions);
  task->m_trainDocuments = request.train.size();
  task->m_devDocuments = request.dev.size();
  task->m_fingerprint = fingerprintDocuments(request.train, request.dev);
  if (Status s = setUpTeacher(request.config, !request.unlabelled.empty(), task->m_teacher); !s) return s.error();
  if (!request.config.teacherFolder.empty()) {
    if (!request.unlabelled.empty()) {
      // Sentences without tags: the gold loss skips them, the teacher's soft targets train on them.
      NerData unlabelled = buildNerData(request.unlabelled, task->m_train.tags.types(), dataOptions);
      for (SentenceExample& s : unlabelled.sentences) {
        s.tags.clear();
        s.document += static_cast<int32_t>(request.train.size());
        task->m_train.sentences.push_back(std::move(s));
      }
      task->m_unlabelledDocuments = request.unlabelled.size();
      task->m_fingerprint += "+" + fingerprintDocuments(request.unlabelled, {});
    }
  }
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
  if (m_teacherModel && !m_teacher.active()) {
    // The teacher's word distributions over the training sentences, once, in the student's tag order.
    std::unique_ptr<NerTagger> teacher = std::move(m_teacherModel);
    const TagSet& studentTags = taggerOf(model).tags();
    std::vector<std::string> teacherNames, studentNames;
    for (int32_t i = 0; i < static_cast<int32_t>(teacher->tags().size()); ++i) teacherNames.push_back(teacher->tags().name(i));
    for (int32_t i = 0; i < static_cast<int32_t>(studentTags.size()); ++i) studentNames.push_back(studentTags.name(i));
    auto map = mapTeacherClasses(teacherNames, studentNames, m_teacher.teacherFolder);
    if (!map) return map.error();
    teacher->to(deviceOf(model));  // the student's device: a GPU run labels on the GPU
    teacher->module().eval();
    const auto inputs = teacher->featurize(m_train.sentences);
    const std::vector<SentenceTags> predicted = teacher->predict(*inputs, 64, true);
    m_teacher.classes = static_cast<int64_t>(studentNames.size());
    m_teacher.units.assign(m_train.sentences.size(), {});
    m_teacher.unlabelled.assign(m_train.sentences.size(), 0);
    for (size_t s = 0; s < m_train.sentences.size(); ++s) {
      std::vector<float>& unit = m_teacher.units[s];
      unit.reserve(m_train.sentences[s].words.size() * studentNames.size());
      for (const std::vector<float>& word : predicted[s].distributions) appendMappedRow(word.data(), map.value(), unit);
      m_teacher.unlabelled[s] = m_train.sentences[s].tags.empty() ? 1 : 0;
    }
    log::get("train")->info("the teacher {} labelled {} training sentences ({} without gold tags)", teacher->describe(),
                            m_train.sentences.size(), m_unlabelledDocuments > 0 ? std::count(m_teacher.unlabelled.begin(), m_teacher.unlabelled.end(), 1) : 0);
  }
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
          {"unlabelled_documents", m_unlabelledDocuments},
          {"oversampled_sentences", m_oversampledSentences},
          {"teacher_folder", m_teacher.teacherFolder},
          {"misaligned_spans", m_train.misaligned.size() + m_dev.misaligned.size()}};
}

Result<TrainResult> NerTrainer::run(const TrainRequest& request, const TrainCallback& callback) {
  if (request.config.task != "ner")
    return Error("NerTrainer trains NER, not \"" + request.config.task + "\"", "", 0, "task");
  return runTraining(request, callback);
}

}  // namespace quarry::train
