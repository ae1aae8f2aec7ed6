#pragma once
// A Hugging Face encoder reading a candidate pair with typed entity markers, and a linear classifier over
// the two start markers' final states (relation_input "markers", the "entity start" representation of
// Baldini Soares et al. 2019 with the typed markers of Zhong and Chen 2021), or over [CLS] of
// "[CLS] first [SEP] second [SEP] marked context [SEP]" (relation_input "pair").
//
// The markers <e1:T> </e1:T> <e2:T> </e2:T> of every entity type T are new rows of the word embedding
// after the checkpoint's vocab_size, initialised from the rows of existing tokens (the type's name with
// "@", "#" and "/"), so that they start near what they mean. Saved as a Hugging Face encoder folder
// (vocab_size includes the markers; added_tokens.json names them for WordPiece vocabularies) with the
// classifier in relation_head.safetensors and quarry_task.json.

#include <memory>

#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/linear.h>

#include "model/checkpoint/ModelConfig.h"
#include "model/encoder/TransformerModel.h"
#include "text/Tokenizer.h"
#include "train/TaskModelFile.h"
#include "train/relation/RelationModel.h"

namespace quarry::train {

class TransformerRelationModel : public RelationModel {
 public:
  static Result<std::unique_ptr<TransformerRelationModel>> create(const TrainConfig& config, const RelationClasses& classes,
                                                                  const std::vector<std::string>& entityTypes,
                                                                  const RelationSettings& settings);
  static Result<std::unique_ptr<TransformerRelationModel>> load(const std::string& folder, const TaskModelFile& file);

  const RelationClasses& classes() const override { return m_classes; }
  const std::vector<std::string>& entityTypes() const override { return m_entityTypes; }
  const RelationSettings& settings() const override { return m_settings; }
  void setThreshold(double threshold) override { m_settings.threshold = threshold; }

  std::string describe() const override;
  bool isTransformer() const override { return true; }
  torch::nn::Module& module() override { return *m_root; }
  std::vector<model::ParameterGroup> parameterGroups() override;
  model::StateDict weights() const override;
  Status loadWeights(const model::StateDict& weights) override;
  Status save(const std::string& folder) override;
  void to(const c10::Device& device) override;
  std::vector<std::vector<float>> documentEmbeddings(const std::vector<std::string>& texts,
                                                     int batchSize) override;
  model::TransformerModelImpl* transformerModel() override { return m_model.get(); }

 protected:
  at::Tensor logits(const RelationInputs& inputs, const std::vector<int32_t>& items) override;
  std::vector<TextUnit> unitsOf(const std::string& text) const override;
  int64_t markerBase() const override { return m_markerBase; }
  // The marked context in the tokenizer's template ("pair": after the two mentions' own tokens).
  MarkedPair readPair(const std::vector<TextUnit>& units, const RelationCandidate& candidate,
                      const std::vector<document::EntityMention>& mentions, const PairMarkers& markers) const override;

 private:
  TransformerRelationModel() = default;
  static Result<std::unique_ptr<TransformerRelationModel>> build(const TrainConfig& config, const RelationClasses& classes,
                                                                 const std::vector<std::string>& entityTypes,
                                                                 const RelationSettings& settings, bool pairInput,
                                                                 bool reload, int64_t markerBase);

  RelationClasses m_classes;
  std::vector<std::string> m_entityTypes;
  RelationSettings m_settings;
  bool m_pairInput = false;
  int64_t m_markerBase = 0;  // id of <e1:first type>; 4 ids per entity type
  model::ModelConfig m_config;
  std::unique_ptr<text::Tokenizer> m_tokenizer;
  std::vector<std::string> m_tokenizerFiles;
  std::string m_loraBase;  // LoRA: the base folder its adapter names (TransformerFolder.h)
  std::shared_ptr<torch::nn::Module> m_root;
  model::TransformerModel m_model{nullptr};
  torch::nn::Dropout m_dropout{nullptr};
  torch::nn::Linear m_head{nullptr};
  c10::Device m_device{c10::kCPU};
};

}  // namespace quarry::train
