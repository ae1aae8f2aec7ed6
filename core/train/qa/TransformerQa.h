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
#include "train/qa/QaSpanDecoder.h"
#include "train/qa/QaWindows.h"

namespace quarry::train {

struct QaModelSettings {
  int maxLength = 384;             // tokens per window
  int stride = 128;                // context tokens shared by consecutive windows
  int maxAnswerLength = 30;        // tokens of an answer at most
  int topKWindows = 0;             // windows read per question at prediction (BM25); 0 = all
  std::string noAnswer = "tune";   // "tune" (threshold tuned on dev), "fixed" (noAnswerThreshold), "never"
  double noAnswerThreshold = 0;    // no answer when null score - best span score exceeds it
  double multiSpanThreshold = 0;   // > 0: further answers of at least this probability (see QaSpanDecoder.h)
};

class TransformerQa : public TaskModel {
 public:
  static Result<std::unique_ptr<TransformerQa>> create(const TrainConfig& config);
  // A folder written by save(). Errors name the file and field.
  static Result<std::unique_ptr<TransformerQa>> load(const std::string& folder);

  const QaModelSettings& settings() const { return m_settings; }
  void setNoAnswerThreshold(double threshold) { m_settings.noAnswerThreshold = threshold; }
  QaAnswerRule answerRule() const;
  QaDecodeOptions decodeOptions() const;

  // The windows of `examples` over `documents`; training reads every window, prediction the top k.
  std::unique_ptr<QaInputs> featurize(const std::vector<document::AnnotatedDocument>& documents,
                                      std::vector<QaExample> examples, bool training) const;
  // Start and end logits of every window read (eval mode, no gradients); empty for the others.
  std::vector<QaWindowLogits> windowLogits(const QaInputs& inputs, int batchSize);

  std::string describe() const override;
  bool isTransformer() const override { return true; }
  at::Tensor loss(const TaskInputs& inputs, const std::vector<int32_t>& items, const LossOptions& options) override;
  torch::nn::Module& module() override { return *m_model; }
  std::vector<model::ParameterGroup> parameterGroups() override { return m_model->parameterGroups(); }
  model::StateDict weights() const override { return m_model->stateDict(); }
  Status loadWeights(const model::StateDict& weights) override;
  Status save(const std::string& folder) override;
  void to(const c10::Device& device) override;

 private:
  TransformerQa() = default;
  static Result<std::unique_ptr<TransformerQa>> build(const TrainConfig& config, QaModelSettings settings,
                                                      bool reload);
  // Start and end logits [rows, longest] of the windows `items`, padding masked out.
  std::pair<at::Tensor, at::Tensor> forward(const QaInputs& inputs, const std::vector<int32_t>& items);

  QaModelSettings m_settings;
  model::ModelConfig m_config;
  std::unique_ptr<text::Tokenizer> m_tokenizer;
  std::vector<std::string> m_tokenizerFiles;
  model::TransformerModel m_model{nullptr};
  c10::Device m_device{c10::kCPU};
};

// The settings a training config asks for.
QaModelSettings qaSettingsOf(const TrainConfig& config);

}  // namespace quarry::train
