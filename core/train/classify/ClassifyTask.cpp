#include "train/classify/ClassifyTask.h"

#include <algorithm>
#include <chrono>
#include <set>

#include <ATen/ops/from_blob.h>

#include "common/Log.h"
#include "train/RareLabelOversampling.h"
#include "train/TokenLoss.h"
#include "train/TrainState.h"

namespace quarry::train {

namespace {

DocumentClassifier& classifierOf(TaskModel& model) { return static_cast<DocumentClassifier&>(model); }

std::vector<std::vector<int32_t>> goldOf(const std::vector<ClassifyExample>& examples) {
  std::vector<std::vector<int32_t>> out;
  out.reserve(examples.size());
  for (const ClassifyExample& e : examples) out.push_back(e.labels);
  return out;
}

}  // namespace

std::vector<ClassifyExample> classifyExamples(const std::vector<document::AnnotatedDocument>& documents,
                                              const std::vector<std::string>& labels, size_t* ignored) {
  std::vector<ClassifyExample> out;
  out.reserve(documents.size());
  for (const document::AnnotatedDocument& d : documents) {
    ClassifyExample e;
    e.text = d.text;
    for (const std::string& l : d.labels) {
      auto it = std::find(labels.begin(), labels.end(), l);
      if (it == labels.end()) {
        if (ignored) ++*ignored;
        continue;
      }
      const auto id = static_cast<int32_t>(it - labels.begin());
      if (std::find(e.labels.begin(), e.labels.end(), id) == e.labels.end()) e.labels.push_back(id);
    }
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::unique_ptr<ClassifyTask>> ClassifyTask::create(const TrainRequest& request) {
  if (request.train.empty()) return Error("no training documents", "", 0, "train");
  auto task = std::unique_ptr<ClassifyTask>(new ClassifyTask());
  task->m_labels = request.labels;
  if (!request.config.teacherFolder.empty()) {
    auto teacher = loadDocumentClassifier(request.config.teacherFolder);
    if (!teacher) return teacherLoadError(teacher.error());
    task->m_teacherModel = std::move(teacher.value());
  }
  if (task->m_labels.empty()) {
    std::set<std::string> seen;
    for (const auto& d : request.train) seen.insert(d.labels.begin(), d.labels.end());
    task->m_labels.assign(seen.begin(), seen.end());
  }
  // With a teacher the student learns every label it knows: a few labelled documents need not show them all.
  if (task->m_teacherModel)
    for (const std::string& label : task->m_teacherModel->labels())
      if (std::find(task->m_labels.begin(), task->m_labels.end(), label) == task->m_labels.end())
        task->m_labels.push_back(label);
  if (task->m_labels.empty()) return Error("the training documents have no label", "", 0, "train");
  const std::string& multi = request.config.multiLabel;
  bool several = false;
  for (const auto* docs : {&request.train, &request.dev})
    for (const auto& d : *docs) several = several || std::set<std::string>(d.labels.begin(), d.labels.end()).size() > 1;
  if (multi == "no" && several)
    return Error("multi_label is \"no\" but some documents carry several labels", "", 0, "multi_label");
  task->m_multiLabel = multi == "yes" || (multi == "auto" && several);
  task->m_train = classifyExamples(request.train, task->m_labels, &task->m_ignoredLabels);
  task->m_dev = classifyExamples(request.dev, task->m_labels, &task->m_ignoredLabels);
  const bool anyLabel = std::any_of(task->m_train.begin(), task->m_train.end(),
                                    [](const ClassifyExample& e) { return !e.labels.empty(); });
  if (!anyLabel) return Error("no training document carries one of the labels", "", 0, "labels");
  if (task->m_ignoredLabels > 0)
    log::get("train")->warn("{} document labels are not in the label set and are left out", task->m_ignoredLabels);
  task->m_fingerprint = fingerprintDocuments(request.train, request.dev);
  if (request.config.oversampleRare > 0) {
    std::vector<std::vector<int32_t>> held;
    for (const ClassifyExample& e : task->m_train) held.push_back(e.labels);
    const std::vector<int> copies =
        oversamplingCopies(held, static_cast<int32_t>(task->m_labels.size()), request.config.oversampleRare);
    const size_t documents = task->m_train.size();
    for (size_t d = 0; d < documents; ++d)
      for (int c = 0; c < copies[d]; ++c) task->m_train.push_back(task->m_train[d]);
    task->m_oversampledDocuments = task->m_train.size() - documents;
  }
  if (Status s = setUpTeacher(request.config, !request.unlabelled.empty(), task->m_teacher); !s) return s.error();
  if (!request.config.teacherFolder.empty()) {
    task->m_teacher.multiLabel = task->m_multiLabel;
    for (const auto& d : request.unlabelled) task->m_train.push_back(ClassifyExample{d.text, {}});
    task->m_unlabelledDocuments = request.unlabelled.size();
    if (!request.unlabelled.empty()) task->m_fingerprint += "+" + fingerprintDocuments(request.unlabelled, {});
  }
  return task;
}

Result<std::unique_ptr<TaskModel>> ClassifyTask::createModel(const TrainConfig& config) {
  auto c = createDocumentClassifier(config, m_labels, m_multiLabel, m_train);
  if (!c) return c.error();
  return std::unique_ptr<TaskModel>(std::move(c.value()));
}

Result<std::unique_ptr<TaskModel>> ClassifyTask::loadModel(const std::string& folder) {
  auto c = loadDocumentClassifier(folder);
  if (!c) return c.error();
  if (c.value()->labels() != m_labels)
    return Error("the model's labels differ from the task's", folder, 0, "labels");
  return std::unique_ptr<TaskModel>(std::move(c.value()));
}

Result<std::unique_ptr<TaskInputs>> ClassifyTask::featurizeTrain(TaskModel& model) {
  if (m_teacherModel && !m_teacher.active()) {
    // The teacher's probabilities for every training document, once, over the student's labels.
    std::unique_ptr<DocumentClassifier> teacher = std::move(m_teacherModel);
    if (teacher->multiLabel() != m_multiLabel)
      return Error(std::string("the teacher is a ") + (teacher->multiLabel() ? "multi-label" : "single-label") +
                       " classifier and the student is not: distil between classifiers of one kind (multi_label)",
                   m_teacher.teacherFolder, 0, "teacher_folder");
    auto map = mapTeacherClasses(teacher->labels(), m_labels, m_teacher.teacherFolder);
    if (!map) return map.error();
    teacher->to(deviceOf(model));  // the student's device: a GPU run labels on the GPU
    teacher->module().eval();
    const auto inputs = teacher->featurize(m_train);
    const std::vector<std::vector<float>> probabilities = teacher->predict(*inputs, 64);
    m_teacher.classes = static_cast<int64_t>(m_labels.size());
    m_teacher.units.assign(m_train.size(), {});
    m_teacher.unlabelled.assign(m_train.size(), 0);
    for (size_t i = 0; i < m_train.size(); ++i) {
      appendMappedRow(probabilities[i].data(), map.value(), m_teacher.units[i]);
      m_teacher.unlabelled[i] = i + m_unlabelledDocuments >= m_train.size() ? 1 : 0;
    }
    log::get("train")->info("the teacher {} labelled {} training documents ({} without gold labels)",
                            teacher->describe(), m_train.size(), m_unlabelledDocuments);
  }
  return std::unique_ptr<TaskInputs>(classifierOf(model).featurize(m_train));
}

Result<std::unique_ptr<TaskInputs>> ClassifyTask::featurizeDev(TaskModel& model) {
  if (m_dev.empty()) return std::unique_ptr<TaskInputs>();
  return std::unique_ptr<TaskInputs>(classifierOf(model).featurize(m_dev));
}

at::Tensor ClassifyTask::classWeights(const TrainConfig& config, TaskModel&) {
  if (config.classWeights != "balanced") return {};
  std::vector<int64_t> counts(m_labels.size(), 0);
  int64_t documents = 0;
  for (const ClassifyExample& e : m_train) {
    if (!m_multiLabel && e.labels.empty()) continue;
    ++documents;
    for (int32_t l : e.labels) ++counts[static_cast<size_t>(l)];
  }
  std::vector<float> w;
  if (m_multiLabel) {
    // BCE's pos_weight: a label's positives count as often as its negatives (at least 1).
    for (int64_t c : counts)
      w.push_back(c > 0 ? std::max(1.0f, static_cast<float>(documents - c) / static_cast<float>(c)) : 1.0f);
  } else {
    w = balancedClassWeights(counts);
  }
  return at::from_blob(w.data(), {static_cast<int64_t>(w.size())}, at::TensorOptions().dtype(at::kFloat)).clone();
}

MetricReport classificationMetricReport(const eval::ClassificationReport& r) {
  MetricReport m;
  m.primaryName = "micro_f1";
  m.primary = r.micro.f1;
  m.summary = {{"f1", r.micro.f1}, {"macro_f1", r.macro.f1}, {"accuracy", r.accuracy}};
  m.details = r.toJson();
  m.table = r.formatTable();
  return m;
}

Result<MetricReport> ClassifyTask::evaluate(TaskModel& model, const TaskInputs& dev, int batchSize) {
  DocumentClassifier& classifier = classifierOf(model);
  const std::vector<std::vector<float>> probabilities =
      classifier.predict(static_cast<const ClassifierInputs&>(dev), batchSize);
  const std::vector<std::vector<int32_t>> gold = goldOf(m_dev);
  if (classifier.multiLabel()) classifier.setThresholds(tuneThresholds(probabilities, gold, m_labels.size()));
  std::vector<std::vector<int32_t>> predicted;
  predicted.reserve(probabilities.size());
  for (const auto& p : probabilities) predicted.push_back(classifier.decide(p));
  return classificationMetricReport(eval::scoreClassification(m_labels, gold, predicted, m_multiLabel));
}

nlohmann::json ClassifyTask::dataRecord() const {
  auto unlabelled = [](const std::vector<ClassifyExample>& examples) {
    return std::count_if(examples.begin(), examples.end(), [](const ClassifyExample& e) { return e.labels.empty(); });
  };
  return {{"train_documents", m_train.size() - m_unlabelledDocuments - m_oversampledDocuments},
          {"oversampled_documents", m_oversampledDocuments},
          {"dev_documents", m_dev.size()},
          {"labels", m_labels},
          {"multi_label", m_multiLabel},
          {"unlabelled_train_documents", unlabelled(m_train) - static_cast<std::ptrdiff_t>(m_unlabelledDocuments)},
          {"unlabelled_documents", m_unlabelledDocuments},
          {"teacher_folder", m_teacher.teacherFolder},
          {"ignored_labels", m_ignoredLabels}};
}

ClassifyRun classifyDocuments(DocumentClassifier& classifier, const std::vector<document::AnnotatedDocument>& documents,
                              int batchSize) {
  const auto started = std::chrono::steady_clock::now();
  ClassifyRun run;
  std::vector<ClassifyExample> examples = classifyExamples(documents, classifier.labels());
  auto inputs = classifier.featurize(examples);
  run.probabilities = classifier.predict(*inputs, batchSize);
  for (const auto& p : run.probabilities) {
    std::vector<document::PredictedLabel> labels;
    for (int32_t id : classifier.decide(p))
      labels.push_back({classifier.labels()[static_cast<size_t>(id)], static_cast<double>(p[static_cast<size_t>(id)])});
    run.predicted.push_back(std::move(labels));
  }
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return run;
}

eval::ClassificationReport scoreClassifier(const DocumentClassifier& classifier,
                                           const std::vector<document::AnnotatedDocument>& documents,
                                           const ClassifyRun& run) {
  const std::vector<ClassifyExample> examples = classifyExamples(documents, classifier.labels());
  std::vector<std::vector<int32_t>> predicted;
  for (const auto& p : run.probabilities) predicted.push_back(classifier.decide(p));
  return eval::scoreClassification(classifier.labels(), goldOf(examples), predicted, classifier.multiLabel());
}

}  // namespace quarry::train
