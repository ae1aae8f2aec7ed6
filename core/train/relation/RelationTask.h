#pragma once
// Relation extraction as a task of the Trainer: candidate pairs of the gold mentions (RelationCandidates)
// classified by a RelationModel (the CNN or a transformer with typed markers), scored on dev by the
// relations predicted (RelationPrediction): micro F1 over the types, or SemEval-2010 Task 8's official
// macro-F1, or, for document-level relations, F1 over related concept pairs.
//
// The relation types are the schema's (TrainRequest::relationTypes) or, without a schema, the ones seen in
// training, directed, with the argument types seen. When training relations join entity types the schema
// does not allow, the schema is widened to them (and a warning says how many) rather than the relations
// left unlearnt.

#include <memory>
#include <string>
#include <vector>

#include "train/Trainer.h"
#include "train/TrainingTask.h"
#include "train/relation/RelationModel.h"

namespace quarry::train {

class RelationTask : public TrainingTask {
 public:
  static Result<std::unique_ptr<RelationTask>> create(const TrainRequest& request);

  std::string name() const override { return "relation"; }
  Result<std::unique_ptr<TaskModel>> createModel(const TrainConfig& config) override;
  Result<std::unique_ptr<TaskModel>> loadModel(const std::string& folder) override;
  Result<std::unique_ptr<TaskInputs>> featurizeTrain(TaskModel& model) override;
  Result<std::unique_ptr<TaskInputs>> featurizeDev(TaskModel& model) override;
  at::Tensor classWeights(const TrainConfig& config, TaskModel& model) override;
  Result<MetricReport> evaluate(TaskModel& model, const TaskInputs& dev, int batchSize) override;
  std::string dataFingerprint() const override { return m_fingerprint; }
  nlohmann::json dataRecord() const override;

  const RelationClasses& classes() const { return m_classes; }
  bool conceptLevel() const { return m_settings.conceptLevel; }

 private:
  RelationTask() = default;
  RelationClasses m_classes;
  std::vector<std::string> m_entityTypes;
  RelationSettings m_settings;
  std::string m_metric;  // "micro", "macro", "semeval" (after "auto" is resolved)
  bool m_tuneThreshold = false;  // relation_tune_threshold
  std::vector<document::AnnotatedDocument> m_train;
  std::vector<document::AnnotatedDocument> m_dev;
  std::vector<RelationCandidate> m_trainCandidates;  // negatives sampled
  std::vector<RelationCandidate> m_devCandidates;    // those the model read, set by featurizeDev
  size_t m_trainRelations = 0;       // gold relations (or concept pairs) in training
  size_t m_trainPositives = 0;       // positive candidates before sampling
  size_t m_trainCandidatesAll = 0;   // candidates before sampling
  size_t m_widenedRelations = 0;     // training relations outside the schema's argument types
  std::string m_fingerprint;
};

}  // namespace quarry::train
