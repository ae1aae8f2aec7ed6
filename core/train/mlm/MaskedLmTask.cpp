#include "train/mlm/MaskedLmTask.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <numeric>

#include "text/TextCorpusReader.h"
#include "train/TrainState.h"

namespace quarry::train {
namespace fs = std::filesystem;

namespace {

MaskingOptions maskingOf(const TrainConfig& config) { return {config.mlmProbability, config.wholeWordMask}; }

MaskedLmModel& asMaskedLm(TaskModel& model) { return static_cast<MaskedLmModel&>(model); }

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
  for (const document::AnnotatedDocument& d : request.train)
    if (!d.text.empty()) task->m_texts.push_back(d.text);
  for (const document::AnnotatedDocument& d : request.dev)
    if (!d.text.empty()) task->m_devTexts.push_back(d.text);
  if (task->m_texts.empty())
    return Error("no text to pretrain on: every training document is empty", "", 0, "train");
  task->m_fingerprint = fingerprintDocuments(request.train, request.dev);
  return task;
}

Result<std::unique_ptr<MaskedLmTask>> MaskedLmTask::fromCorpus(const TrainConfig& config,
                                                               const std::string& corpus) {
  auto files = text::TextCorpusReader::corpusFiles(corpus);
  if (!files) return files.error();
  std::unique_ptr<MaskedLmTask> task(new MaskedLmTask());
  task->m_config = config;
  task->m_corpus = corpus;
  // The files' names, sizes and times stand for their text: a changed corpus refuses a resume.
  std::vector<document::AnnotatedDocument> stamps;
  for (const fs::path& f : files.value()) {
    std::error_code ec;
    document::AnnotatedDocument d;
    d.id = f.string();
    d.text = std::to_string(fs::file_size(f, ec)) + ":" +
             std::to_string(fs::last_write_time(f, ec).time_since_epoch().count());
    stamps.push_back(std::move(d));
  }
  task->m_fingerprint = fingerprintDocuments(stamps, {});
  return task;
}

Status MaskedLmTask::pack(const MaskedLmModel& model) {
  SequencePacker train(model.tokenizer(), model.maxLength()), dev(model.tokenizer(), model.maxLength());
  const bool holdBack = m_devTexts.empty();
  m_documents = m_devDocuments = 0;
  auto add = [&](std::string_view text, size_t index, bool given) {
    const bool isDev = given || (holdBack && isDevDocument(m_config.seed, m_config.devFraction, index));
    (isDev ? dev : train).addDocument(text);
    ++m_documents;
    m_devDocuments += isDev ? 1 : 0;
  };
  if (!m_corpus.empty()) {
    text::TextCorpusReader reader;
    if (Status s = reader.read(m_corpus,
                               [&](const text::TextDocument& d) {
                                 add(d.text, d.index, false);
                                 return true;
                               });
        !s)
      return s;
  } else {
    for (size_t i = 0; i < m_texts.size(); ++i) add(m_texts[i], i, false);
    for (size_t i = 0; i < m_devTexts.size(); ++i) add(m_devTexts[i], i, true);
  }
  m_sentences = train.sentenceCount() + dev.sentenceCount();
  m_train = train.finish();
  m_dev = dev.finish();
  m_packed = true;
  return {};
}

std::unique_ptr<MaskedLmInputs> MaskedLmTask::inputsOf(PretrainingSequences sequences,
                                                       const MaskedLmModel& model, bool dev) const {
  auto inputs = std::make_unique<MaskedLmInputs>();
  inputs->sequences = std::move(sequences);
  inputs->masking = maskingOf(m_config);
  inputs->seed = m_config.seed;
  inputs->fixedMask = dev;
  inputs->templateTokens = model.tokenizer().postTemplate().specialCount(false);
  return inputs;
}

Result<std::unique_ptr<TaskModel>> MaskedLmTask::createModel(const TrainConfig& config) {
  if (config.kind != ModelKind::Transformer)
    return Error("masked-LM pretraining trains a transformer (model \"transformer\")", "", 0, "model");
  auto m = MaskedLmModel::create(config);
  if (!m) return m.error();
  return std::unique_ptr<TaskModel>(std::move(m.value()));
}

Result<std::unique_ptr<TaskModel>> MaskedLmTask::loadModel(const std::string& folder) {
  auto m = MaskedLmModel::load(folder);
  if (!m) return m.error();
  return std::unique_ptr<TaskModel>(std::move(m.value()));
}

Result<std::unique_ptr<TaskInputs>> MaskedLmTask::featurizeTrain(TaskModel& model) {
  if (Status s = pack(asMaskedLm(model)); !s) return s.error();
  return std::unique_ptr<TaskInputs>(inputsOf(std::move(m_train), asMaskedLm(model), false));
}

Result<std::unique_ptr<TaskInputs>> MaskedLmTask::featurizeDev(TaskModel& model) {
  if (!m_packed)
    if (Status s = pack(asMaskedLm(model)); !s) return s.error();
  m_packed = false;  // the dev sequences are handed over; a second call packs again
  if (m_dev.size() == 0) return std::unique_ptr<TaskInputs>();
  return std::unique_ptr<TaskInputs>(inputsOf(std::move(m_dev), asMaskedLm(model), true));
}

Result<MetricReport> MaskedLmTask::evaluate(TaskModel& model, const TaskInputs& base, int batchSize) {
  const auto& dev = static_cast<const MaskedLmInputs&>(base);
  MaskedLmScore total;
  const size_t step = static_cast<size_t>(std::max(1, batchSize));
  for (size_t begin = 0; begin < dev.itemCount(); begin += step) {
    std::vector<int32_t> items(std::min(step, dev.itemCount() - begin));
    std::iota(items.begin(), items.end(), static_cast<int32_t>(begin));
    const MaskedLmScore s = asMaskedLm(model).score(dev, items, kFixedMaskEpoch);
    total.lossSum += s.lossSum;
    total.tokens += s.tokens;
    total.correct += s.correct;
  }
  return maskedLmMetricReport(total);
}

nlohmann::json MaskedLmTask::dataRecord() const {
  nlohmann::json j = {{"mlm_probability", m_config.mlmProbability},
                      {"whole_word_mask", m_config.wholeWordMask}};
  if (!m_corpus.empty())
    j["corpus"] = m_corpus;
  else
    j["train_documents"] = m_texts.size();
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
  r.primaryName = "inverse_perplexity";
  r.primary = score.tokens > 0 ? std::exp(-loss) : 0.0;
  r.summary = {{"loss", loss}, {"perplexity", perplexity}, {"accuracy", accuracy}};
  r.details = {{"loss", loss},
               {"perplexity", perplexity},
               {"accuracy", accuracy},
               {"masked_tokens", score.tokens},
               {"inverse_perplexity", r.primary}};
  char line[256];
  std::snprintf(line, sizeof line,
                "masked LM on dev: loss %.4f, perplexity %.3f, accuracy %.4f (%lld masked tokens)\n", loss,
                perplexity, accuracy, static_cast<long long>(score.tokens));
  r.table = line;
  return r;
}

}  // namespace quarry::train
