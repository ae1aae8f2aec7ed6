#pragma once
// Extractive QA's task model: a Hugging Face encoder with the question-answering head (qa_outputs: start
// and end logits per token) over the question/context windows of train/qa/QaWindows.h. The loss is the
// mean of the start and end cross-entropies (over the window's real tokens). Saved as a Hugging Face
// folder that transformers loads as ...ForQuestionAnswering, plus quarry_task.json with the window and
// answer settings and the no-answer threshold tuned on dev.

#include <memory>
#include <string>
#include <vector>

#include "model/checkpoint/ModelConfig.h"
#include "model/encoder/TransformerModel.h"
#include "text/Tokenizer.h"
#include "train/TaskModel.h"
#include "train/TaskModelFile.h"
#include "train/TrainConfig.h"
#include "train/qa/QaModel.h"

namespace quarry::train {

class TransformerQa : public QaModel {
 public:
  static Result<std::unique_ptr<TransformerQa>> create(const TrainConfig& config);
  // A folder written by save(). Errors name the file and field.
  static Result<std::unique_ptr<TransformerQa>> load(const std::string& folder);
  static Result<std::unique_ptr<TransformerQa>> load(const std::string& folder, const TaskModelFile& file);

  std::unique_ptr<QaInputs> featurize(const std::vector<document::AnnotatedDocument>& documents,
                                      std::vector<QaExample> examples, bool training) const override;

  std::string describe() const override;
  bool isTransformer() const override { return true; }
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
  TransformerQa() = default;
  static Result<std::unique_ptr<TransformerQa>> build(const TrainConfig& config, QaModelSettings settings,
                                                      bool reload);
  std::pair<at::Tensor, at::Tensor> forward(const QaInputs& inputs, const std::vector<int32_t>& items) override;
  c10::Device device() const override { return m_device; }

  model::ModelConfig m_config;
  std::unique_ptr<text::Tokenizer> m_tokenizer;
  std::vector<std::string> m_tokenizerFiles;
  std::string m_loraBase;  // LoRA: the base folder its adapter names (TransformerFolder.h)
  model::TransformerModel m_model{nullptr};
  c10::Device m_device{c10::kCPU};
};

}  // namespace quarry::train
