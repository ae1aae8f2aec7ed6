#include "train/mlm/MaskedLmTask.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <numeric>

#include "common/Log.h"
#include "text/TextCorpusReader.h"
#include "text/WordPieceTrainer.h"
#include "train/TaskModelFile.h"
#include "train/TrainState.h"
#include "train/mlm/ElectraPretrainingModel.h"

namespace quarry::train {
namespace fs = std::filesystem;

namespace {

MaskingOptions maskingOf(const TrainConfig& config) { return {config.mlmProbability, config.wholeWordMask}; }

PretrainingModel& asPretraining(TaskModel& model) { return static_cast<PretrainingModel&>(model); }

}  // namespace

bool MaskedLmTask::isDevDocument(uint64_t seed, double fraction, size_t index) {
  uint64_t z = seed * 0x9E3779B97F4A7C15ull + static_cast<uint64_t>(index) + 0x632BE59BD9B4E019ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return static_cast<double>(z >> 11) * 0x1.0p-53 < fraction;
}

Result<std::unique_ptr<MaskedLmTask>> MaskedLmTask::create(const TrainRequest& request) {
  std::unique_ptr<MaskedLmTask> task(new MaskedLmTask());
  task->m_config = request.config;
  task->m_outputFolder = request.outputFolder;
  for (const document::AnnotatedDocument& d : request.train)
    if (!d.text.empty()) task->m_texts.push_back(d.text);
  for (const document::AnnotatedDocument& d : request.dev)
    if (!d.text.empty()) task->m_devTexts.push_back(d.text);
  // The corpus files' names, sizes and times stand for their text: a changed corpus refuses a resume.
  std::vector<document::AnnotatedDocument> stamps;
  for (const std::string& corpus : request.corpora) {
    auto files = text::TextCorpusReader::corpusFiles(corpus);
    if (!files) return files.error();
    for (const fs::path& f : files.value()) {
      std::error_code ec;
      document::AnnotatedDocument d;
      d.id = f.string();
      d.text = std::to_string(fs::file_size(f, ec)) + ":" +
               std::to_string(fs::last_write_time(f, ec).time_since_epoch().count());
      stamps.push_back(std::move(d));
    }
    task->m_corpora.push_back(corpus);
  }
  if (task->m_texts.empty() && task->m_corpora.empty())
    return Error("no text to pretrain on: every training document is empty and no corpus is given", "", 0,
                 "train");
  std::vector<document::AnnotatedDocument> documents = request.train;
  documents.insert(documents.end(), stamps.begin(), stamps.end());
  task->m_fingerprint = fingerprintDocuments(documents, request.dev);
  return task;
}

Status MaskedLmTask::forEachDocument(const std::function<void(std::string_view, bool)>& visit) const {
  const bool holdBack = m_devTexts.empty();
  size_t index = 0;  // over the texts and the corpora, in order
  auto add = [&](std::string_view text) {
    visit(text, holdBack && isDevDocument(m_config.seed, m_config.devFraction, index));
    ++index;
  };
  for (const std::string& text : m_texts) add(text);
  for (const std::string& corpus : m_corpora) {
    text::TextCorpusReader reader;
    if (Status s = reader.read(corpus,
                               [&](const text::TextDocument& d) {
                                 add(d.text);
                                 return true;
                               });
        !s)
      return s;
  }
  for (const std::string& text : m_devTexts) visit(text, true);
  return {};
}

Status MaskedLmTask::pack(const PretrainingModel& model) {
  SequencePacker train(model.tokenizer(), model.maxLength()), dev(model.tokenizer(), model.maxLength());
  m_documents = m_devDocuments = 0;
  if (Status s = forEachDocument([&](std::string_view text, bool isDev) {
        (isDev ? dev : train).addDocument(text);
        ++m_documents;
        m_devDocuments += isDev ? 1 : 0;
      });
      !s)
    return s;
  m_sentences = train.sentenceCount() + dev.sentenceCount();
  m_train = train.finish();
  m_dev = dev.finish();
  m_packed = true;
  return {};
}

Status MaskedLmTask::trainVocabulary(const std::string& folder) const {
  text::WordPieceTrainerOptions options;
  options.vocabSize = static_cast<size_t>(m_config.vocabSize);
  options.lowercase = m_config.vocabLowercase;
  text::WordPieceTrainer trainer(options);
  if (Status s = forEachDocument([&](std::string_view text, bool isDev) {
        if (!isDev) trainer.add(text);
      });
      !s)
    return s;
  auto tokens = trainer.train();
  if (!tokens) return tokens.error();
  log::get("train")->info("WordPiece vocabulary of {} tokens trained on {} distinct words into {}",
                          tokens->size(), trainer.distinctWords(), folder);
  return trainer.writeFolder(folder, tokens.value(), std::max(512, m_config.maxLength));
}

std::unique_ptr<MaskedLmInputs> MaskedLmTask::inputsOf(PretrainingSequences sequences,
                                                       const PretrainingModel& model, bool dev) const {
  auto inputs = std::make_unique<MaskedLmInputs>();
  inputs->sequences = std::move(sequences);
  inputs->masking = maskingOf(m_config);
  inputs->seed = m_config.seed;
  inputs->fixedMask = dev;
  inputs->templateTokens = model.tokenizer().postTemplate().specialCount(false);
  return inputs;
}

Result<std::unique_ptr<TaskModel>> MaskedLmTask::createModel(const TrainConfig& given) {
  if (given.kind != ModelKind::Transformer)
    return Error("masked-LM pretraining trains a transformer (model \"transformer\")", "", 0, "model");
  TrainConfig config = given;
  if (config.vocabSize > 0 && config.modelFolder.empty()) {
    if (m_outputFolder.empty())
      return Error("a vocabulary to train needs the run's output folder", "", 0, "vocab_size");
    const std::string folder = (fs::path(m_outputFolder) / "vocabulary").string();
    if (Status s = trainVocabulary(folder); !s) return s.error();
    config.tokenizerFolder = folder;
  }
  if (config.pretrainObjective == "electra") {
    auto m = ElectraPretrainingModel::create(config);
    if (!m) return m.error();
    return std::unique_ptr<TaskModel>(std::move(m.value()));
  }
  auto m = MaskedLmModel::create(config);
  if (!m) return m.error();
  return std::unique_ptr<TaskModel>(std::move(m.value()));
}

Result<std::unique_ptr<TaskModel>> MaskedLmTask::loadModel(const std::string& folder) {
  auto saved = savedPretrainingConfig(folder);
  if (!saved) return saved.error();
  if (saved->pretrainObjective == "electra") {
    auto m = ElectraPretrainingModel::load(folder);
    if (!m) return m.error();
    return std::unique_ptr<TaskModel>(std::move(m.value()));
  }
  auto m = MaskedLmModel::load(folder);
  if (!m) return m.error();
  return std::unique_ptr<TaskModel>(std::move(m.value()));
}

Result<std::unique_ptr<TaskInputs>> MaskedLmTask::featurizeTrain(TaskModel& model) {
  if (Status s = pack(asPretraining(model)); !s) return s.error();
  return std::unique_ptr<TaskInputs>(inputsOf(std::move(m_train), asPretraining(model), false));
}

Result<std::unique_ptr<TaskInputs>> MaskedLmTask::featurizeDev(TaskModel& model) {
  if (!m_packed)
    if (Status s = pack(asPretraining(model)); !s) return s.error();
  m_packed = false;  // the dev sequences are handed over; a second call packs again
  if (m_dev.size() == 0) return std::unique_ptr<TaskInputs>();
  return std::unique_ptr<TaskInputs>(inputsOf(std::move(m_dev), asPretraining(model), true));
}

Result<MetricReport> MaskedLmTask::evaluate(TaskModel& model, const TaskInputs& base, int batchSize) {
  const auto& dev = static_cast<const MaskedLmInputs&>(base);
  MaskedLmScore total;
  const size_t step = static_cast<size_t>(std::max(1, batchSize));
  for (size_t begin = 0; begin < dev.itemCount(); begin += step) {
    std::vector<int32_t> items(std::min(step, dev.itemCount() - begin));
    std::iota(items.begin(), items.end(), static_cast<int32_t>(begin));
    total.add(asPretraining(model).score(dev, items, kFixedMaskEpoch));
  }
  return maskedLmMetricReport(total);
}

nlohmann::json MaskedLmTask::dataRecord() const {
  nlohmann::json j = {{"mlm_probability", m_config.mlmProbability},
                      {"whole_word_mask", m_config.wholeWordMask},
                      {"objective", m_config.pretrainObjective}};
  j["train_documents"] = m_texts.size();
  if (!m_corpora.empty()) j["corpora"] = m_corpora;
  if (m_documents > 0) {  // packed: what was read
    j["documents_read"] = m_documents;
    j["dev_documents_read"] = m_devDocuments;
    j["sentences"] = m_sentences;
  }
  if (m_config.vocabSize > 0 && m_config.modelFolder.empty()) j["vocab_size"] = m_config.vocabSize;
  if (m_devTexts.empty())
    j["dev_fraction"] = m_config.devFraction;
  else
    j["dev_documents"] = m_devTexts.size();
  return j;
}

MetricReport maskedLmMetricReport(const MaskedLmScore& score) {
  MetricReport r;
  const double loss = score.meanLoss();
  const double perplexity = std::exp(loss);
  const double accuracy =
      score.tokens > 0 ? static_cast<double>(score.correct) / static_cast<double>(score.tokens) : 0.0;
  const double inverse = score.tokens > 0 ? std::exp(-loss) : 0.0;
  char line[512];
  if (score.rtdTokens == 0) {
    r.primaryName = "inverse_perplexity";
    r.primary = inverse;
    r.summary = {{"loss", loss}, {"perplexity", perplexity}, {"accuracy", accuracy}};
    r.details = {{"loss", loss},
                 {"perplexity", perplexity},
                 {"accuracy", accuracy},
                 {"masked_tokens", score.tokens},
                 {"inverse_perplexity", r.primary}};
    std::snprintf(line, sizeof line,
                  "masked LM on dev: loss %.4f, perplexity %.3f, accuracy %.4f (%lld masked tokens)\n", loss,
                  perplexity, accuracy, static_cast<long long>(score.tokens));
    r.table = line;
    return r;
  }
  const auto ratio = [](int64_t a, int64_t b) {
    return b > 0 ? static_cast<double>(a) / static_cast<double>(b) : 0.0;
  };
  const double precision = ratio(score.rtdTruePositive, score.rtdPredicted);
  const double recall = ratio(score.rtdTruePositive, score.rtdReplaced);
  const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
  const double rtdLoss = score.rtdTokens > 0 ? score.rtdLossSum / static_cast<double>(score.rtdTokens) : 0.0;
  const double rtdAccuracy = ratio(score.rtdCorrect, score.rtdTokens);
  const double replacedShare = ratio(score.rtdReplaced, score.rtdTokens);
  const double auc = score.rtdAuc();
  // The discriminator's figures are measured against the current generator, whose samples grow harder to
  // tell as it learns: they fall while training goes well and cannot choose best/. The generator's
  // 1/perplexity moves with training and chooses it.
  r.primaryName = "generator_inverse_perplexity";
  r.primary = inverse;
  r.summary = {{"loss", rtdLoss},
               {"replaced_auc", auc},
               {"replaced_f1", f1},
               {"replaced_precision", precision},
               {"replaced_recall", recall},
               {"accuracy", rtdAccuracy},
               {"generator_loss", loss},
               {"generator_perplexity", perplexity},
               {"generator_accuracy", accuracy}};
  r.details = r.summary;
  r.details["tokens"] = score.rtdTokens;
  r.details["replaced_tokens"] = score.rtdReplaced;
  r.details["replaced_share"] = replacedShare;
  r.details["masked_tokens"] = score.tokens;
  r.details["generator_inverse_perplexity"] = inverse;
  std::snprintf(
      line, sizeof line,
      "replaced-token detection on dev: AUC %.4f, F1 %.4f (precision %.4f, recall %.4f), loss %.4f, "
      "accuracy %.4f over %lld tokens, %.1f%% replaced\n"
      "generator (masked LM): loss %.4f, perplexity %.3f, accuracy %.4f (%lld masked tokens)\n",
      auc, f1, precision, recall, rtdLoss, rtdAccuracy, static_cast<long long>(score.rtdTokens),
      100.0 * replacedShare, loss, perplexity, accuracy, static_cast<long long>(score.tokens));
  r.table = line;
  return r;
}

}  // namespace quarry::train
