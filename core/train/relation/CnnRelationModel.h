#pragma once
// The relation model that needs no checkpoint: a piecewise convolutional network (PCNN, Zeng et al. 2015)
// over the candidate's words. Each word is its embedding (vocabulary from the training documents, the four
// typed markers of every entity type as words of their own) with two embeddings of its distance to the
// first and to the second mention's start marker; one convolution (width 3, tanh) is max-pooled over the
// three pieces the two markers cut the sequence into, and a linear layer over the pooled features gives
// the classes. It trains in seconds to minutes on a CPU. Saved as weights.safetensors, vocabulary.json
// and quarry_task.json.

#include <memory>

#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/linear.h>

#include "model/bilstm/TaggerVocabulary.h"
#include "train/TaskModelFile.h"
#include "train/relation/RelationModel.h"

namespace quarry::train {

struct CnnRelationSettings {
  int64_t wordDim = 100;
  int64_t positionDim = 10;
  int64_t filters = 230;
  double dropout = 0.5;
  int64_t maxDistance = 40;  // distances beyond are clipped
};

class CnnRelationModel : public RelationModel {
 public:
  static Result<std::unique_ptr<CnnRelationModel>> create(const TrainConfig& config, const RelationClasses& classes,
                                                          const std::vector<std::string>& entityTypes,
                                                          const RelationSettings& settings,
                                                          const std::vector<document::AnnotatedDocument>& train,
                                                          const std::vector<RelationCandidate>& trainCandidates);
  static Result<std::unique_ptr<CnnRelationModel>> load(const std::string& folder, const TaskModelFile& file);

  const RelationClasses& classes() const override { return m_classes; }
  const std::vector<std::string>& entityTypes() const override { return m_entityTypes; }
  const RelationSettings& settings() const override { return m_settings; }
  void setThreshold(double threshold) override { m_settings.threshold = threshold; }

  std::string describe() const override;
  bool isTransformer() const override { return false; }
  torch::nn::Module& module() override { return *m_root; }
  std::vector<model::ParameterGroup> parameterGroups() override;
  model::StateDict weights() const override;
  Status loadWeights(const model::StateDict& weights) override;
  Status save(const std::string& folder) override;
  void to(const c10::Device& device) override;

 protected:
  at::Tensor logits(const RelationInputs& inputs, const std::vector<int32_t>& items) override;
  std::vector<TextUnit> unitsOf(const std::string& text) const override;
  int64_t markerBase() const override { return m_vocabulary.wordCount(); }

 private:
  CnnRelationModel() = default;
  void buildNetwork(uint64_t seed);

  RelationClasses m_classes;
  std::vector<std::string> m_entityTypes;
  RelationSettings m_settings;
  CnnRelationSettings m_cnn;
  model::TaggerVocabulary m_vocabulary;
  std::shared_ptr<torch::nn::Module> m_root;
  torch::nn::Embedding m_words{nullptr};
  torch::nn::Embedding m_firstDistance{nullptr};
  torch::nn::Embedding m_secondDistance{nullptr};
  torch::nn::Conv1d m_conv{nullptr};
  torch::nn::Dropout m_dropout{nullptr};
  torch::nn::Linear m_head{nullptr};
  c10::Device m_device{c10::kCPU};
};

}  // namespace quarry::train
