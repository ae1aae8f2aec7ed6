#pragma once
// What every extractive QA model is to the QA task (train/qa/QaTask.h): a TaskModel that lays the
// question/context windows of train/qa/QaWindows.h out in its own units and gives start and end logits
// over every position of a window, position 0 standing for "no answer" (the null score). The loss, the
// batched logits of prediction and the answer settings are shared; two models implement it:
// TransformerQa (a Hugging Face encoder with a QA head) and BiLstmQaReader (from scratch, no checkpoint).

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "common/Error.h"
#include "document/AnnotatedDocument.h"
#include "train/TaskModel.h"
#include "train/TrainConfig.h"
#include "train/qa/QaSpanDecoder.h"
#include "train/qa/QaWindows.h"

namespace quarry::train {

struct QaModelSettings {
  int maxLength = 384;             // units (tokens, words) per window
  int stride = 128;                // context units shared by consecutive windows
  int maxAnswerLength = 30;        // units of an answer at most
  int topKWindows = 0;             // windows read per question at prediction (BM25); 0 = all
  std::string noAnswer = "tune";   // "tune" (threshold tuned on dev), "fixed" (noAnswerThreshold), "never"
  double noAnswerThreshold = 0;    // no answer when null score - best span score exceeds it
  double multiSpanThreshold = 0;   // > 0: further answers of at least this probability (see QaSpanDecoder.h)

  // The keys quarry_task.json keeps them under ("max_length", "stride", ...).
  nlohmann::json toJson() const;
  // The reverse; errors name `path` and the key.
  static Result<QaModelSettings> fromJson(const nlohmann::json& meta, const std::string& path);
};

// The settings a training config asks for.
QaModelSettings qaSettingsOf(const TrainConfig& config);

class QaModel : public TaskModel {
 public:
  const QaModelSettings& settings() const { return m_settings; }
  void setNoAnswerThreshold(double threshold) { m_settings.noAnswerThreshold = threshold; }
  QaAnswerRule answerRule() const;
  QaDecodeOptions decodeOptions() const;
  // The window settings: training reads every window, prediction the top k.
  QaWindowOptions windowOptions(bool training) const;

  // The windows of `examples` over `documents`; training reads every window, prediction the top k.
  virtual std::unique_ptr<QaInputs> featurize(const std::vector<document::AnnotatedDocument>& documents,
                                              std::vector<QaExample> examples, bool training) const = 0;
  // Start and end logits of every window read (eval mode, no gradients, batches of similar length);
  // empty for the others.
  std::vector<QaWindowLogits> windowLogits(const QaInputs& inputs, int batchSize);

  // Mean of the start and end cross-entropies against the windows' targets.
  at::Tensor loss(const TaskInputs& inputs, const std::vector<int32_t>& items, const LossOptions& options) override;

 protected:
  // Start and end logits [rows, longest window] of the windows `items`, on the model's device; every
  // position that can be neither an answer's start or end nor the null position holds -1e4.
  virtual std::pair<at::Tensor, at::Tensor> forward(const QaInputs& inputs, const std::vector<int32_t>& items) = 0;
  virtual c10::Device device() const = 0;

  QaModelSettings m_settings;
};

// The model a training config asks for: a transformer (pre-trained folder or random encoder) or the
// from-scratch reader, whose vocabulary comes from the training documents.
Result<std::unique_ptr<QaModel>> createQaModel(const TrainConfig& config,
                                               const std::vector<document::AnnotatedDocument>& train);
// A folder written by a QA model's save(), whichever kind its quarry_task.json names.
Result<std::unique_ptr<QaModel>> loadQaModel(const std::string& folder);

}  // namespace quarry::train
