#pragma once
// NER as a task of the Trainer: the documents' entity mentions as word-tagged sentences (NerDataBuilder),
// a BiLSTM-CRF or transformer tagger (NerTagger), scored on dev by seqeval's micro F1 over the words
// (the primary metric early stopping uses).

#include <memory>
#include <string>
#include <vector>

#include "common/Error.h"
#include "eval/EntityMetrics.h"
#include "train/Distillation.h"
#include "train/Trainer.h"
#include "train/TrainingTask.h"
#include "train/ner/NerDataBuilder.h"
#include "train/ner/NerTagger.h"

namespace quarry::train {

class NerTask : public TrainingTask {
 public:
  // Builds the tagged sentences of request.train and request.dev (tag set: request.labels, or the types
  // seen in train). Errors when there is nothing to train on.
  static Result<std::unique_ptr<NerTask>> create(const TrainRequest& request);

  std::string name() const override { return "ner"; }
  Result<std::unique_ptr<TaskModel>> createModel(const TrainConfig& config) override;
  Result<std::unique_ptr<TaskModel>> loadModel(const std::string& folder) override;
  Result<std::unique_ptr<TaskInputs>> featurizeTrain(TaskModel& model) override;
  Result<std::unique_ptr<TaskInputs>> featurizeDev(TaskModel& model) override;
  at::Tensor classWeights(const TrainConfig& config, TaskModel& model) override;
  Result<MetricReport> evaluate(TaskModel& model, const TaskInputs& dev, int batchSize) override;
  std::string dataFingerprint() const override { return m_fingerprint; }
  nlohmann::json dataRecord() const override;
  const TeacherTargets* teacherTargets() const override { return m_teacher.active() ? &m_teacher : nullptr; }

  const NerData& trainData() const { return m_train; }
  const NerData& devData() const { return m_dev; }

 private:
  NerTask() = default;
  NerData m_train;
  NerData m_dev;
  size_t m_trainDocuments = 0;
  size_t m_augmentedDocuments = 0;  // augment_copies: the copies trained on besides the documents
  size_t m_devDocuments = 0;
  size_t m_unlabelledDocuments = 0;
  size_t m_oversampledSentences = 0;  // oversample_rare: the copies trained on besides the sentences  // distillation: documents the teacher alone labels
  std::string m_fingerprint;
  TeacherTargets m_teacher;  // distillation: set up by create, filled by featurizeTrain
  std::unique_ptr<NerTagger> m_teacherModel;  // distillation: loaded by create, run (and let go) by featurizeTrain
};

// The seqeval report `r` as the Trainer's MetricReport (primary: micro F1).
MetricReport nerMetricReport(const eval::EntityReport& r);

// NerTask + Trainer in one call.
class NerTrainer {
 public:
  static Result<TrainResult> run(const TrainRequest& request, const TrainCallback& callback = {});
};

}  // namespace quarry::train
