#pragma once
// A Hugging Face encoder with its masked-LM head (model/heads/MaskedLmHead: the decoder tied to the word
// embeddings) as the Trainer's TaskModel: either a checkpoint folder whose pretraining is continued (BERT,
// RoBERTa, DistilBERT; a checkpoint without the head gets a new one) or a random encoder of the config's
// random_* shape over config.tokenizer_folder's tokenizer. The loss is the cross-entropy (fp32) over the
// masked positions of a batch, masked afresh for every epoch (train/mlm/MaskedLmMasking.h).
//
// Saved as an ordinary Hugging Face folder (config.json with architectures ["BertForMaskedLM"] or the
// family's, model.safetensors under transformers' names, the tokenizer's files) that every task takes as
// its base model (config.model_folder), plus quarry_task.json (task "mlm", max_length).

#include <memory>
#include <string>
#include <vector>

#include "model/checkpoint/ModelConfig.h"
#include "model/encoder/TransformerModel.h"
#include "text/Tokenizer.h"
#include "train/TaskModel.h"
#include "train/TrainConfig.h"
#include "train/mlm/PretrainingModel.h"

namespace quarry::train {

class MaskedLmModel : public PretrainingModel {
 public:
  static Result<std::unique_ptr<MaskedLmModel>> create(const TrainConfig& config);
  // A folder MaskedLmModel::save wrote.
  static Result<std::unique_ptr<MaskedLmModel>> load(const std::string& folder);

  const text::Tokenizer& tokenizer() const override { return *m_tokenizer; }
  int maxLength() const override { return m_maxLength; }
  model::TransformerModel& transformer() { return m_model; }
  bool setGradientCheckpointing(bool on) override { return m_model->setGradientCheckpointing(on); }
  MaskedLmScore score(const MaskedLmInputs& inputs, const std::vector<int32_t>& items,
                      int64_t epoch) override;

  std::string describe() const override;
  // Mean cross-entropy over the masked tokens of `items`, masked for options.epoch.
  at::Tensor loss(const TaskInputs& inputs, const std::vector<int32_t>& items,
                  const LossOptions& options) override;
  torch::nn::Module& module() override { return *m_model; }
  std::vector<model::ParameterGroup> parameterGroups() override { return m_model->parameterGroups(); }
  model::StateDict weights() const override { return m_model->stateDict(); }
  Status loadWeights(const model::StateDict& weights) override;
  Status save(const std::string& folder) override;
  void to(const c10::Device& device) override;

 private:
  MaskedLmModel() = default;
  static Result<std::unique_ptr<MaskedLmModel>> build(const TrainConfig& config, bool ownFolder);
  // The masked logits [N, vocab] (fp32) and their labels [N] of `items`.
  std::pair<at::Tensor, at::Tensor> maskedLogits(const MaskedLmInputs& inputs,
                                                 const std::vector<int32_t>& items, int64_t epoch);

  int m_maxLength = 128;
  model::ModelConfig m_config;
  std::unique_ptr<text::Tokenizer> m_tokenizer;
  std::vector<std::string> m_tokenizerFiles;
  MaskVocabulary m_vocabulary;
  model::TransformerModel m_model{nullptr};
  c10::Device m_device{c10::kCPU};
};

}  // namespace quarry::train
