#pragma once
// Document classification as a task of the Trainer: each document's labels (AnnotatedDocument::labels)
// as one example, single-label (softmax) or multi-label (sigmoid with per-label thresholds tuned on dev
// at every evaluation), scored by micro F1 over the labels (the primary metric).

#include <memory>
#include <string>
#include <vector>

#include "common/Error.h"
#include "document/AnnotatedDocument.h"
#include "document/Predictions.h"
#include "eval/ClassificationMetrics.h"
#include "train/Distillation.h"
#include "train/Trainer.h"
#include "train/TrainingTask.h"
#include "train/classify/DocumentClassifier.h"

namespace quarry::train {

class ClassifyTask : public TrainingTask {
 public:
  // Labels: request.labels, or those seen in train (sorted). Multi-label per config.multiLabel ("auto":
  // when a training or dev document carries several labels). Errors when no training document has a label.
  static Result<std::unique_ptr<ClassifyTask>> create(const TrainRequest& request);

  std::string name() const override { return "classify"; }
  Result<std::unique_ptr<TaskModel>> createModel(const TrainConfig& config) override;
  Result<std::unique_ptr<TaskModel>> loadModel(const std::string& folder) override;
  Result<std::unique_ptr<TaskInputs>> featurizeTrain(TaskModel& model) override;
  Result<std::unique_ptr<TaskInputs>> featurizeDev(TaskModel& model) override;
  at::Tensor classWeights(const TrainConfig& config, TaskModel& model) override;
  Result<MetricReport> evaluate(TaskModel& model, const TaskInputs& dev, int batchSize) override;
  std::string dataFingerprint() const override { return m_fingerprint; }
  nlohmann::json dataRecord() const override;
  const TeacherTargets* teacherTargets() const override { return m_teacher.active() ? &m_teacher : nullptr; }

  const std::vector<std::string>& labels() const { return m_labels; }
  bool multiLabel() const { return m_multiLabel; }

 private:
  ClassifyTask() = default;
  std::vector<std::string> m_labels;
  bool m_multiLabel = false;
  std::vector<ClassifyExample> m_train;
  std::vector<ClassifyExample> m_dev;
  size_t m_ignoredLabels = 0;  // labels of documents outside the label set
  size_t m_oversampledDocuments = 0;  // oversample_rare: the copies trained on besides the documents
  size_t m_unlabelledDocuments = 0;  // distillation: the last examples of m_train, which the teacher alone labels
  std::string m_fingerprint;
  TeacherTargets m_teacher;  // distillation: set up by create, filled by featurizeTrain
  std::unique_ptr<DocumentClassifier> m_teacherModel;  // distillation: loaded by create, run by featurizeTrain
};

// Examples of `documents` over `labels` (labels outside the set are left out and counted in *ignored).
std::vector<ClassifyExample> classifyExamples(const std::vector<document::AnnotatedDocument>& documents,
                                              const std::vector<std::string>& labels, size_t* ignored = nullptr);

// The classification report as the Trainer's MetricReport (primary: micro F1).
MetricReport classificationMetricReport(const eval::ClassificationReport& r);

// What a classifier predicts for documents: per document, the decided labels with their probabilities.
struct ClassifyRun {
  std::vector<std::vector<document::PredictedLabel>> predicted;   // decided labels, per document
  std::vector<std::vector<float>> probabilities;                  // every label's probability, per document
  double seconds = 0;
};
ClassifyRun classifyDocuments(DocumentClassifier& classifier, const std::vector<document::AnnotatedDocument>& documents,
                              int batchSize);

// Scores a classifier on labelled documents with its own thresholds.
eval::ClassificationReport scoreClassifier(const DocumentClassifier& classifier,
                                           const std::vector<document::AnnotatedDocument>& documents,
                                           const ClassifyRun& run);

}  // namespace quarry::train
