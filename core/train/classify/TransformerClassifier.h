#pragma once
// A Hugging Face encoder + sequence-classification head as a DocumentClassifier. A document longer than
// max_length is read in windows overlapping by `stride` tokens; in training every window carries the
// document's labels, in prediction the windows' logits are pooled (max or mean) before the softmax or
// sigmoid. Saved as a Hugging Face folder that transformers loads as ...ForSequenceClassification
// (problem_type says single- or multi-label), plus quarry_task.json.

#include <memory>

#include "model/checkpoint/ModelConfig.h"
#include "model/encoder/TransformerModel.h"
#include "text/Tokenizer.h"
#include "train/TaskModelFile.h"
#include "train/classify/DocumentClassifier.h"

namespace quarry::train {

struct TransformerClassifierSettings {
  int maxLength = 128;
  int stride = 32;
  bool meanPooling = false;  // false: max over windows
};

class TransformerClassifier : public DocumentClassifier {
 public:
  static Result<std::unique_ptr<TransformerClassifier>> create(const TrainConfig& config,
                                                               std::vector<std::string> labels, bool multiLabel);
  static Result<std::unique_ptr<TransformerClassifier>> load(const std::string& folder, const TaskModelFile& file);

  const std::vector<std::string>& labels() const override { return m_labels; }
  bool multiLabel() const override { return m_multiLabel; }
  const std::vector<float>& thresholds() const override { return m_thresholds; }
  void setThresholds(std::vector<float> thresholds) override { m_thresholds = std::move(thresholds); }
  std::unique_ptr<ClassifierInputs> featurize(const std::vector<ClassifyExample>& examples) const override;
  std::vector<std::vector<float>> predict(const ClassifierInputs& inputs, int batchSize) override;

  std::string describe() const override;
  bool isTransformer() const override { return true; }
  at::Tensor loss(const TaskInputs& inputs, const std::vector<int32_t>& items, const LossOptions& options) override;
  torch::nn::Module& module() override { return *m_model; }
  std::vector<model::ParameterGroup> parameterGroups() override { return m_model->parameterGroups(); }
  model::StateDict weights() const override { return m_model->stateDict(); }
  Status loadWeights(const model::StateDict& weights) override;
  Status save(const std::string& folder) override;
  void to(const c10::Device& device) override;
  std::vector<std::vector<float>> documentEmbeddings(const std::vector<std::string>& texts,
                                                     int batchSize) override;
  model::TransformerModelImpl* transformerModel() override { return m_model.get(); }

 private:
  TransformerClassifier() = default;
  static Result<std::unique_ptr<TransformerClassifier>> build(const TrainConfig& config,
                                                              std::vector<std::string> labels, bool multiLabel,
                                                              bool sameLabels);
  at::Tensor windowLogits(const TaskInputs& inputs, const std::vector<int32_t>& items);

  std::vector<std::string> m_labels;
  bool m_multiLabel = false;
  std::vector<float> m_thresholds;
  TransformerClassifierSettings m_settings;
  model::ModelConfig m_config;
  std::unique_ptr<text::Tokenizer> m_tokenizer;
  std::vector<std::string> m_tokenizerFiles;
  std::string m_loraBase;  // LoRA: the base folder its adapter names (TransformerFolder.h)
  model::TransformerModel m_model{nullptr};
  c10::Device m_device{c10::kCPU};
};

}  // namespace quarry::train
