#pragma once
// The from-scratch document classifier (fastText, Joulin et al. 2017): a document is the mean of the
// embeddings of its features — lower-cased word unigrams and bigrams seen at least min_feature_count
// times in training (the max_features most frequent) and, optionally, character 3- to 5-grams of its
// words hashed into char_ngram_buckets buckets — then dropout and a linear layer to one logit per label.
// Trains in seconds on a CPU and needs no checkpoint: the default without one.
//
// Saved as a folder: quarry_task.json (kind "ngram", labels, thresholds, sizes), features.txt (the word
// n-grams, one per line, in embedding-row order) and model.safetensors.

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <torch/nn/module.h>

#include "train/TaskModelFile.h"
#include "train/classify/DocumentClassifier.h"

namespace quarry::train {

struct NgramSettings {
  int64_t dim = 64;
  int64_t charBuckets = 65536;
  double dropout = 0.2;
};

class NgramClassifier : public DocumentClassifier {
 public:
  static Result<std::unique_ptr<NgramClassifier>> create(const TrainConfig& config, std::vector<std::string> labels,
                                                         bool multiLabel, const std::vector<ClassifyExample>& train);
  static Result<std::unique_ptr<NgramClassifier>> load(const std::string& folder, const TaskModelFile& file);

  // The feature ids of a text (word n-grams known to the model, then hashed character n-grams), with
  // repeats: the mean counts each occurrence.
  std::vector<int64_t> features(const std::string& text) const;

  const std::vector<std::string>& labels() const override { return m_labels; }
  bool multiLabel() const override { return m_multiLabel; }
  const std::vector<float>& thresholds() const override { return m_thresholds; }
  void setThresholds(std::vector<float> thresholds) override { m_thresholds = std::move(thresholds); }
  std::unique_ptr<ClassifierInputs> featurize(const std::vector<ClassifyExample>& examples) const override;
  std::vector<std::vector<float>> predict(const ClassifierInputs& inputs, int batchSize) override;

  std::string describe() const override;
  bool isTransformer() const override { return false; }
  at::Tensor loss(const TaskInputs& inputs, const std::vector<int32_t>& items, const LossOptions& options) override;
  torch::nn::Module& module() override { return *m_module; }
  std::vector<model::ParameterGroup> parameterGroups() override;
  model::StateDict weights() const override;
  Status loadWeights(const model::StateDict& weights) override;
  Status save(const std::string& folder) override;
  void to(const c10::Device& device) override;

 private:
  NgramClassifier(std::vector<std::string> labels, bool multiLabel, NgramSettings settings,
                  std::vector<std::string> wordFeatures);
  at::Tensor logits(const TaskInputs& inputs, const std::vector<int32_t>& items);

  std::vector<std::string> m_labels;
  bool m_multiLabel = false;
  std::vector<float> m_thresholds;
  NgramSettings m_settings;
  std::vector<std::string> m_wordFeatures;  // row i of the embedding; character buckets follow
  std::unordered_map<std::string, int64_t> m_featureIds;
  std::shared_ptr<torch::nn::Module> m_module;
  at::Tensor m_embedding;   // [words + buckets, dim]
  at::Tensor m_weight;      // [labels, dim]
  at::Tensor m_bias;        // [labels]
  c10::Device m_device{c10::kCPU};
};

}  // namespace quarry::train
