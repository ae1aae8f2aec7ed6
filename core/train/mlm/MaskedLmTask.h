#pragma once
// Masked-LM pretraining as a task of the Trainer ("mlm"): plain texts (documents given, then corpus files
// or folders of .txt / .txt.gz streamed through text::TextCorpusReader) packed into max_length sequences
// (train/mlm/PretrainingSequences.h), masked afresh every epoch (mlm_probability, whole_word_mask), and a
// model that continues a checkpoint's pretraining or pretrains a random encoder: MaskedLmModel
// (pretrain_objective "mlm") or ElectraPretrainingModel ("electra": replaced-token detection).
//
// VOCABULARY: a random encoder with vocab_size > 0 first gets a WordPiece vocabulary of that many tokens
// trained on the training documents (text::WordPieceTrainer; dev documents are not counted), written to
// <output>/vocabulary (vocab.txt, tokenizer_config.json) and used as its tokenizer_folder; the saved
// model folders carry it.
//
// DEV: request.dev's texts when given; otherwise a seeded share (dev_fraction) of the documents, chosen by
// document, is held back. Dev is masked once (a fixed mask), so its loss compares across evaluations.
//
// METRIC: the primary figure is exp(-dev loss) = 1 / perplexity ("inverse_perplexity": the geometric mean
// probability given to a masked token, in (0, 1]), higher is better and ordered exactly as the loss
// reversed, so the Trainer's early stopping and best/ work on it unchanged; the report also has the dev
// loss, the perplexity and the masked-token accuracy. Under ELECTRA the report has the discriminator's
// ROC AUC at telling replaced tokens ("replaced_auc": it ranks, so a discriminator whose calibrated answers
// all say "original" still scores what it tells apart, where F1 would be 0), its F1, loss and accuracy, and
// the generator's masked-LM figures; the primary figure is the generator's 1/perplexity
// ("generator_inverse_perplexity"): the discriminator is measured against the current generator, whose
// samples grow harder to tell as it learns, so its figures fall while training goes well.

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/Error.h"
#include "train/Trainer.h"
#include "train/TrainingTask.h"
#include "train/mlm/MaskedLmModel.h"

namespace quarry::train {

class MaskedLmTask : public TrainingTask {
 public:
  // The texts of request.train (request.dev's as dev, when any) and of request.corpora, streamed when the
  // model featurizes them. Errors when there is neither a text nor a corpus, or a corpus has no file.
  static Result<std::unique_ptr<MaskedLmTask>> create(const TrainRequest& request);

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
  // Calls `visit(text, isDev)` for every document in order: the texts given, then the corpora's.
  Status forEachDocument(const std::function<void(std::string_view, bool)>& visit) const;
  // Packs the corpus for `model` into train and dev sequences (one pass over a streamed corpus).
  Status pack(const PretrainingModel& model);
  // vocab_size > 0: trains the WordPiece vocabulary on the training documents into `folder`.
  Status trainVocabulary(const std::string& folder) const;
  std::unique_ptr<MaskedLmInputs> inputsOf(PretrainingSequences sequences, const PretrainingModel& model,
                                           bool dev) const;

  TrainConfig m_config;
  std::vector<std::string> m_texts;     // documents given
  std::vector<std::string> m_devTexts;  // dev documents given (empty: held back from m_texts)
  std::vector<std::string> m_corpora;   // corpus paths streamed after them
  std::string m_outputFolder;           // the run's, where a trained vocabulary goes
  std::string m_fingerprint;
  bool m_packed = false;
  PretrainingSequences m_train, m_dev;
  int64_t m_documents = 0, m_devDocuments = 0, m_sentences = 0;
};

// The figures as the Trainer's MetricReport (primary: inverse_perplexity; under ELECTRA, the generator's).
MetricReport maskedLmMetricReport(const MaskedLmScore& score);

}  // namespace quarry::train
