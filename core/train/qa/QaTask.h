#pragma once
// Extractive question answering as a task of the Trainer: every question of a document
// (AnnotatedDocument::questions) is an example, read in windows by a QA model (train/qa/QaModel.h: a
// transformer with a QA head, or the from-scratch BiLSTM reader). Scored by the official SQuAD evaluation (eval/SquadScore.h) on each
// question's best answer: the primary metric is SQuAD F1, the report adds EM, the HasAns/NoAns breakdown
// and the retrieval recall of the windows read.
//
// NO-ANSWER THRESHOLD: with no_answer = "tune", every evaluation on dev sets the threshold to the
// official best-F1 threshold on dev (eval::bestNoAnswerThreshold over null score - best span score),
// which the saved model keeps in quarry_task.json.

#include <memory>
#include <string>
#include <vector>

#include "common/Error.h"
#include "document/AnnotatedDocument.h"
#include "document/Predictions.h"
#include "eval/SquadScore.h"
#include "train/Trainer.h"
#include "train/TrainingTask.h"
#include "train/qa/QaModel.h"

namespace quarry::train {

class QaTask : public TrainingTask {
 public:
  // Errors when no training document has a question, or the config asks for a model QA cannot use.
  static Result<std::unique_ptr<QaTask>> create(const TrainRequest& request);

  std::string name() const override { return "qa"; }
  Result<std::unique_ptr<TaskModel>> createModel(const TrainConfig& config) override;
  Result<std::unique_ptr<TaskModel>> loadModel(const std::string& folder) override;
  Result<std::unique_ptr<TaskInputs>> featurizeTrain(TaskModel& model) override;
  Result<std::unique_ptr<TaskInputs>> featurizeDev(TaskModel& model) override;
  at::Tensor classWeights(const TrainConfig&, TaskModel&) override { return {}; }
  Result<MetricReport> evaluate(TaskModel& model, const TaskInputs& dev, int batchSize) override;
  std::string dataFingerprint() const override { return m_fingerprint; }
  nlohmann::json dataRecord() const override;

 private:
  QaTask() = default;
  std::vector<document::AnnotatedDocument> m_train;
  std::vector<document::AnnotatedDocument> m_dev;
  std::string m_fingerprint;
};

// What a QA model answers for the questions of documents.
struct QaRun {
  std::vector<QaExample> examples;                                // one per question, in document order
  std::vector<std::vector<document::PredictedAnswer>> answers;    // per example, best first
  std::vector<QaQuestionScores> scores;                           // per example
  double retrievalRecall = 1;   // answerable questions with a gold answer in a window read
  int64_t windows = 0;
  int64_t windowsRead = 0;
  double seconds = 0;
};
QaRun answerQuestions(QaModel& model, const std::vector<document::AnnotatedDocument>& documents, int batchSize);

// The gold answers of the examples as texts cut from their documents (SQuAD's gold).
std::vector<eval::SquadGold> squadGold(const std::vector<document::AnnotatedDocument>& documents,
                                       const std::vector<QaExample>& examples);
// Each example's best answer as the official script reads a prediction ("" = no answer).
std::vector<std::string> squadPredictions(const std::vector<std::vector<document::PredictedAnswer>>& answers);

// The official best-F1 threshold on null score - best span score over `scores` against `gold`.
eval::NoAnswerThreshold tuneNoAnswerThreshold(const std::vector<QaQuestionScores>& scores,
                                              const std::vector<eval::SquadGold>& gold,
                                              const std::vector<document::AnnotatedDocument>& documents,
                                              const std::vector<QaExample>& examples);

// The SQuAD report as the Trainer's MetricReport (primary: F1), with the retrieval recall and the
// no-answer threshold used.
MetricReport qaMetricReport(const eval::SquadReport& report, double retrievalRecall, double noAnswerThreshold);

// Scores a run against the documents' gold answers.
MetricReport scoreQaRun(const QaModel& model, const std::vector<document::AnnotatedDocument>& documents,
                        const QaRun& run);

}  // namespace quarry::train
