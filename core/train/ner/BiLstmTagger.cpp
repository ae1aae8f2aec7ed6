#include "train/ner/BiLstmTagger.h"

#include <algorithm>
#include <filesystem>
#include <numeric>

#include <ATen/ops/from_blob.h>
#include <nlohmann/json.hpp>

#include "model/bilstm/BiLstmCrfFolder.h"
#include "model/checkpoint/AtomicFolder.h"
#include "text/Unicode.h"
#include "text/WordSplitter.h"
#include "train/Distillation.h"
#include "train/DocumentEmbeddings.h"
#include "train/ner/TaggerMath.h"

namespace quarry::train {
namespace fs = std::filesystem;

namespace {

class WordInputs : public TaggerInputs {
 public:
  std::vector<std::vector<std::string>> words;
  std::vector<std::vector<int32_t>> tags;  // empty rows when unlabelled
  size_t itemCount() const override { return words.size(); }
  std::vector<int32_t> itemLengths() const override {
    std::vector<int32_t> out;
    for (const auto& w : words) out.push_back(static_cast<int32_t>(w.size()));
    return out;
  }
  size_t sentenceCount() const override { return words.size(); }
};

// Distillation: the CRF loss of the sentences with gold tags, blended with the teacher's soft targets on
// every word's emission scores (the student's per-word distribution before the CRF's transitions).
at::Tensor distilledTaggerLoss(model::BiLstmCrfTagger& tagger, const model::TaggerVocabulary& vocabulary,
                               const c10::Device& device, const WordInputs& inputs, const std::vector<int32_t>& items,
                               const TeacherTargets& teacher) {
  std::vector<const std::vector<std::string>*> batch;
  size_t longest = 1;
  for (int32_t i : items) {
    batch.push_back(&inputs.words[static_cast<size_t>(i)]);
    longest = std::max(longest, inputs.words[static_cast<size_t>(i)].size());
  }
  const model::TaggerBatch b = model::makeTaggerBatch(vocabulary, batch).to(device);
  const at::Tensor emissions = tagger->emissions(b);  // [B, W, C]
  const int64_t classes = emissions.size(2);
  std::vector<int64_t> labelledRows, tags, positions;
  std::vector<const float*> rows;
  for (size_t r = 0; r < items.size(); ++r) {
    const auto item = static_cast<size_t>(items[r]);
    const std::vector<int32_t>& t = inputs.tags[item];
    if (!t.empty()) {
      labelledRows.push_back(static_cast<int64_t>(r));
      std::vector<int64_t> row(longest, 0);
      std::copy(t.begin(), t.end(), row.begin());
      tags.insert(tags.end(), row.begin(), row.end());
    }
    const std::vector<float>& unit = teacher.units[item];
    for (size_t w = 0; w < inputs.words[item].size(); ++w) {
      if ((w + 1) * static_cast<size_t>(classes) > unit.size()) break;
      positions.push_back(static_cast<int64_t>(r * longest + w));
      rows.push_back(unit.data() + w * static_cast<size_t>(classes));
    }
  }
  at::Tensor gold;
  if (!labelledRows.empty()) {
    const at::Tensor pick =
        at::from_blob(labelledRows.data(), {static_cast<int64_t>(labelledRows.size())}, at::kLong).clone().to(device);
    const at::Tensor tagT = at::from_blob(tags.data(), {static_cast<int64_t>(labelledRows.size()), static_cast<int64_t>(longest)},
                                          at::kLong)
                                .clone()
                                .to(device);
    gold = tagger->crf->negativeLogLikelihood(emissions.index_select(0, pick), tagT, b.mask.index_select(0, pick));
  }
  const at::Tensor index =
      at::from_blob(positions.data(), {static_cast<int64_t>(positions.size())}, at::kLong).clone().to(device);
  const at::Tensor soft = train::distillationLoss(emissions.reshape({-1, classes}).index_select(0, index),
                                                  teacherRows(teacher, rows, device), teacher.temperature, false);
  return blendWithTeacher(gold, soft, teacher.alpha);
}

}  // namespace

BiLstmTagger::BiLstmTagger(TagSet tags, model::BiLstmCrfConfig config, model::TaggerVocabulary vocabulary)
    : m_tags(std::move(tags)), m_config(config), m_vocabulary(std::move(vocabulary)) {
  m_model = model::BiLstmCrfTagger(m_config);
  m_model->crf->setAllowed(m_tags.allowedTransitions(), m_tags.allowedStart(), m_tags.allowedEnd());
}

std::string BiLstmTagger::describe() const {
  return "BiLSTM-CRF (" + std::to_string(m_config.wordVocab) + " words, " +
         std::to_string(m_config.lstmHidden) + " units per direction)";
}

Result<std::unique_ptr<BiLstmTagger>> BiLstmTagger::create(
    const TrainConfig& config, const TagSet& tags, const std::vector<SentenceExample>& trainSentences) {
  std::vector<std::vector<std::string>> words;
  words.reserve(trainSentences.size());
  for (const SentenceExample& s : trainSentences) words.push_back(s.words);
  model::TaggerVocabulary vocabulary = model::TaggerVocabulary::build(words, config.minWordCount);
  model::BiLstmCrfConfig mc;
  mc.wordVocab = vocabulary.wordCount();
  mc.charVocab = vocabulary.charCount();
  mc.numTags = static_cast<int64_t>(tags.size());
  mc.wordDim = config.wordDim;
  mc.charDim = config.charDim;
  mc.charFilters = config.charFilters;
  mc.lstmHidden = config.lstmHidden;
  mc.dropout = config.dropout;
  std::unique_ptr<BiLstmTagger> t(new BiLstmTagger(tags, mc, std::move(vocabulary)));
  t->m_model->reset(config.seed);
  return t;
}

Result<std::unique_ptr<BiLstmTagger>> BiLstmTagger::load(const std::string& folder,
                                                         const NerModelFile& file) {
  auto loaded = model::loadBiLstmCrf(folder);
  if (!loaded) return loaded.error();
  if (loaded->config.numTags != static_cast<int64_t>(file.tags.size()))
    return Error(std::to_string(file.tags.size()) + " tags, but the model in config.json has " +
                     std::to_string(loaded->config.numTags) + " (num_tags)",
                 (fs::path(folder) / kNerModelFile).string(), 0, "tags");
  std::unique_ptr<BiLstmTagger> t(new BiLstmTagger(file.tags, loaded->config, loaded->vocab));
  if (Status s = t->loadWeights(loaded->model->stateDict()); !s) return s.error();
  return t;
}

std::unique_ptr<TaggerInputs> BiLstmTagger::featurize(const std::vector<SentenceExample>& sentences) const {
  auto inputs = std::make_unique<WordInputs>();
  for (const SentenceExample& s : sentences) {
    inputs->words.push_back(s.words);
    inputs->tags.push_back(s.tags);
  }
  return inputs;
}

at::Tensor BiLstmTagger::loss(const TaskInputs& base, const std::vector<int32_t>& items,
                              const LossOptions& options) {
  const auto& inputs = static_cast<const WordInputs&>(base);
  if (options.teacher) return distilledTaggerLoss(m_model, m_vocabulary, m_device, inputs, items, *options.teacher);
  std::vector<const std::vector<std::string>*> batch;
  size_t longest = 1;
  for (int32_t i : items) {
    batch.push_back(&inputs.words[static_cast<size_t>(i)]);
    longest = std::max(longest, inputs.words[static_cast<size_t>(i)].size());
  }
  std::vector<int64_t> tags(items.size() * longest, 0);
  for (size_t r = 0; r < items.size(); ++r) {
    const auto& t = inputs.tags[static_cast<size_t>(items[r])];
    std::copy(t.begin(), t.end(), tags.begin() + static_cast<std::ptrdiff_t>(r * longest));
  }
  model::TaggerBatch b = model::makeTaggerBatch(m_vocabulary, batch);
  const at::Tensor tagT =
      at::from_blob(tags.data(), {static_cast<int64_t>(items.size()), static_cast<int64_t>(longest)},
                    at::TensorOptions().dtype(at::kLong))
          .clone()
          .to(m_device);
  return m_model->loss(b.to(m_device), tagT);
}

std::vector<SentenceTags> BiLstmTagger::predict(const TaggerInputs& base, int batchSize, bool distributions) {
  const auto& inputs = static_cast<const WordInputs&>(base);
  std::vector<SentenceTags> out(inputs.words.size());
  std::vector<int32_t> order(inputs.words.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    return inputs.words[static_cast<size_t>(a)].size() < inputs.words[static_cast<size_t>(b)].size();
  });
  const bool wasTraining = m_model->is_training();
  m_model->eval();
  at::NoGradGuard noGrad;
  for (size_t begin = 0; begin < order.size(); begin += static_cast<size_t>(batchSize)) {
    const size_t end = std::min(order.size(), begin + static_cast<size_t>(batchSize));
    std::vector<const std::vector<std::string>*> batch;
    std::vector<size_t> rows;
    for (size_t i = begin; i < end; ++i) {
      const size_t s = static_cast<size_t>(order[i]);
      if (inputs.words[s].empty()) continue;
      batch.push_back(&inputs.words[s]);
      rows.push_back(s);
    }
    if (batch.empty()) continue;
    model::TaggerBatch b = model::makeTaggerBatch(m_vocabulary, batch).to(m_device);
    // One pass of the network; Viterbi, marginals (and log Z) from its emissions.
    std::vector<SentenceTags> tags =
        decodeCrfBatch(*m_model->crf, m_model->emissions(b), b.mask, distributions);
    for (size_t r = 0; r < rows.size(); ++r) out[rows[r]] = std::move(tags[r]);
  }
  if (wasTraining) m_model->train();
  return out;
}

std::vector<model::ParameterGroup> BiLstmTagger::parameterGroups() { return m_model->parameterGroups(); }

model::StateDict BiLstmTagger::weights() const { return m_model.ptr()->stateDict(); }

Status BiLstmTagger::loadWeights(const model::StateDict& weights) { return m_model->loadStateDict(weights); }

Status BiLstmTagger::save(const std::string& folder) {
  return model::AtomicFolder::write(folder, [&](const fs::path& dir) -> Status {
    if (Status s = model::writeBiLstmCrfInto(dir, m_config, m_vocabulary, *m_model); !s) return s;
    return writeNerModelFile(dir, {{"kind", modelKindName(ModelKind::FromScratch)}}, m_tags);
  });
}

void BiLstmTagger::to(const c10::Device& device) {
  m_device = device;
  m_model->to(device);
}

namespace {
constexpr size_t kEmbeddingWords = 128;  // words per piece a text is read in
}  // namespace

std::vector<std::vector<float>> BiLstmTagger::documentEmbeddings(const std::vector<std::string>& texts,
                                                                 int batchSize) {
  // Every piece of every text, and the text it belongs to.
  std::vector<std::vector<std::string>> pieces;
  std::vector<size_t> owner;
  for (size_t t = 0; t < texts.size(); ++t) {
    const text::unicode::DecodedText decoded = text::unicode::decodeUtf8(texts[t]);
    std::vector<std::string> piece;
    for (const text::Span& w : text::splitWords(texts[t], {0, static_cast<int32_t>(decoded.cps.size())})) {
      piece.emplace_back(decoded.slice(texts[t], w.start, w.end));
      if (piece.size() == kEmbeddingWords) {
        pieces.push_back(std::move(piece));
        owner.push_back(t);
        piece.clear();
      }
    }
    if (!piece.empty()) {
      pieces.push_back(std::move(piece));
      owner.push_back(t);
    }
  }
  const int64_t width = 2 * m_config.lstmHidden;
  std::vector<std::vector<double>> sums(texts.size(), std::vector<double>(size_t(width), 0.0));
  const bool wasTraining = m_model->is_training();
  m_model->eval();
  const size_t step = size_t(std::max(1, batchSize));
  for (size_t begin = 0; begin < pieces.size(); begin += step) {
    const size_t end = std::min(pieces.size(), begin + step);
    std::vector<const std::vector<std::string>*> batch;
    for (size_t p = begin; p < end; ++p) batch.push_back(&pieces[p]);
    const at::Tensor states =
        m_model->meanWordStates(model::makeTaggerBatch(m_vocabulary, batch).to(m_device))
            .to(at::kCPU)
            .to(at::kFloat)
            .contiguous();
    const float* data = states.data_ptr<float>();
    for (size_t p = begin; p < end; ++p) {
      const double words = double(pieces[p].size());
      for (int64_t h = 0; h < width; ++h)
        sums[owner[p]][size_t(h)] += words * data[int64_t(p - begin) * width + h];
    }
  }
  if (wasTraining) m_model->train();
  std::vector<std::vector<float>> out(texts.size());
  for (size_t t = 0; t < texts.size(); ++t) {
    out[t].assign(sums[t].begin(), sums[t].end());
    normaliseToUnitLength(out[t]);
  }
  return out;
}

std::vector<std::string> BiLstmTagger::rowKeys(const std::string& tensorName) const {
  const char* field = tensorName == "word_embedding.weight"   ? "words"
                      : tensorName == "char_embedding.weight" ? "chars"
                                                              : nullptr;
  if (!field) return {};
  std::vector<std::string> keys{"\x01pad", "\x01unk"};  // no word or character is spelt so
  const nlohmann::json vocabulary = m_vocabulary.toJson();
  for (const auto& key : vocabulary.at(field)) keys.push_back(key.get<std::string>());
  return keys;
}

}  // namespace quarry::train
