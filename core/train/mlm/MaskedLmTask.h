#pragma once
// Masked-LM pretraining as a task of the Trainer ("mlm"): plain texts (documents given, or a corpus file
// or folder of .txt / .txt.gz streamed through text::TextCorpusReader) packed into max_length sequences
// (train/mlm/PretrainingSequences.h), masked afresh every epoch (mlm_probability, whole_word_mask), and a
// MaskedLmModel that continues a checkpoint's pretraining or pretrains a random encoder.
//
// DEV: request.dev's texts when given; otherwise a seeded share (dev_fraction) of the documents, chosen by
// document, is held back. Dev is masked once (a fixed mask), so its loss compares across evaluations.
//
// METRIC: the primary figure is exp(-dev loss) = 1 / perplexity ("inverse_perplexity": the geometric mean
// probability given to a masked token, in (0, 1]), higher is better and ordered exactly as the loss
// reversed, so the Trainer's early stopping and best/ work on it unchanged; the report also has the dev
// loss, the perplexity and the masked-token accuracy.

#include <memory>
#include <string>
#include <vector>

#include "common/Error.h"
#include "train/Trainer.h"
#include "train/TrainingTask.h"
#include "train/mlm/MaskedLmModel.h"

namespace quarry::train {

class MaskedLmTask : public TrainingTask {
 public:
  // The texts of request.train (request.dev's as dev, when any). Errors when there is no text.
  static Result<std::unique_ptr<MaskedLmTask>> create(const TrainRequest& request);
  // A corpus file or folder (TextCorpusReader); documents are streamed when the model featurizes them.
  static Result<std::unique_ptr<MaskedLmTask>> fromCorpus(const TrainConfig& config,
                                                          const std::string& corpus);

  std::string name() const override { return "mlm"; }
  Result<std::unique_ptr<TaskModel>> createModel(const TrainConfig& config) override;
  Result<std::unique_ptr<TaskModel>> loadModel(const std::string& folder) override;
  Result<std::unique_ptr<TaskInputs>> featurizeTrain(TaskModel& model) override;
  Result<std::unique_ptr<TaskInputs>> featurizeDev(TaskModel& model) override;
  at::Tensor classWeights(const TrainConfig&, TaskModel&) override { return {}; }
  Result<MetricReport> evaluate(TaskModel& model, const TaskInputs& dev, int batchSize) override;
  std::string dataFingerprint() const override { return m_fingerprint; }
  nlohmann::json dataRecord() const override;

  // Whether document `index` is held back for dev: a pure function of (seed, index).
  static bool isDevDocument(uint64_t seed, double fraction, size_t index);

 private:
  MaskedLmTask() = default;
  // Packs the corpus for `model` into train and dev sequences (one pass over a streamed corpus).
  Status pack(const MaskedLmModel& model);
  std::unique_ptr<MaskedLmInputs> inputsOf(PretrainingSequences sequences, const MaskedLmModel& model,
                                           bool dev) const;

  TrainConfig m_config;
  std::vector<std::string> m_texts;     // documents given
  std::vector<std::string> m_devTexts;  // dev documents given (empty: held back from m_texts)
  std::string m_corpus;                 // or a corpus path to stream
  std::string m_fingerprint;
  bool m_packed = false;
  PretrainingSequences m_train, m_dev;
  int64_t m_documents = 0, m_devDocuments = 0, m_sentences = 0;
};

// The masked-LM figures as the Trainer's MetricReport (primary: inverse_perplexity).
MetricReport maskedLmMetricReport(const MaskedLmScore& score);

}  // namespace quarry::train
