#pragma once
// Document classification's task model: the from-scratch n-gram classifier and a transformer encoder with
// a sequence-classification head behind one interface the Trainer (TaskModel) and the predictor drive.
//
// DECISION: single-label models give every document the most probable label (softmax); multi-label
// models give each label whose sigmoid probability reaches that label's threshold (0.5 until tuned on
// dev, see tuneThresholds) — possibly none.

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/Error.h"
#include "common/JsonReader.h"
#include "train/TaskModel.h"
#include "train/TrainConfig.h"

namespace quarry::train {

// One document (or sentence) to classify, with its gold label ids when known.
struct ClassifyExample {
  std::string text;             // UTF-8
  std::vector<int32_t> labels;  // indexes into the classifier's labels; empty = none / unknown
};

// A classifier's cached inputs: items are documents (n-gram model) or windows of documents (transformer).
class ClassifierInputs : public TaskInputs {
 public:
  virtual size_t exampleCount() const = 0;
};

class DocumentClassifier : public TaskModel {
 public:
  virtual const std::vector<std::string>& labels() const = 0;
  virtual bool multiLabel() const = 0;
  // Multi-label decision thresholds, one per label (empty for single-label models).
  virtual const std::vector<float>& thresholds() const = 0;
  virtual void setThresholds(std::vector<float> thresholds) = 0;

  virtual std::unique_ptr<ClassifierInputs> featurize(const std::vector<ClassifyExample>& examples) const = 0;
  // A probability per label for every example featurized (eval mode, no gradients).
  virtual std::vector<std::vector<float>> predict(const ClassifierInputs& inputs, int batchSize) = 0;

  // The labels decided from one example's probabilities (see DECISION above).
  std::vector<int32_t> decide(const std::vector<float>& probabilities) const;
};

// The training loss of classifier logits [rows, labels] whose row r has the gold label ids *rowLabels[r]:
// binary cross-entropy over every label (multi-label), else cross-entropy on the first label with
// rows without one left out (0 when no row has a label). `options` as TaskModel::loss takes them; with a
// teacher (distillation) blended with its soft targets for the training example rowExamples[r] of each row
// (rows of unlabelled examples learn from the teacher alone).
at::Tensor classificationLoss(const at::Tensor& logits, const std::vector<const std::vector<int32_t>*>& rowLabels,
                              const std::vector<int32_t>& rowExamples, bool multiLabel, const LossOptions& options);

// A new classifier for `config` (config.kind: the n-gram model or a transformer), its features (n-gram
// model) built from the training examples.
Result<std::unique_ptr<DocumentClassifier>> createDocumentClassifier(const TrainConfig& config,
                                                                     const std::vector<std::string>& labels,
                                                                     bool multiLabel,
                                                                     const std::vector<ClassifyExample>& train);

// A folder written by DocumentClassifier::save. Errors name the file and field.
Result<std::unique_ptr<DocumentClassifier>> loadDocumentClassifier(const std::string& folder);


// The "thresholds" of a model file: one number in [0, 1] per label when multiLabel, else none.
Result<std::vector<float>> readThresholds(const JsonFields& meta, size_t labelCount, bool multiLabel);

// Per-label thresholds maximising each label's F1 over `probabilities` against `gold` (grid 0.05..0.95;
// ties: the one nearest 0.5); 0.5 for a label without a positive example.
std::vector<float> tuneThresholds(const std::vector<std::vector<float>>& probabilities,
                                  const std::vector<std::vector<int32_t>>& gold, size_t labelCount);

}  // namespace quarry::train
