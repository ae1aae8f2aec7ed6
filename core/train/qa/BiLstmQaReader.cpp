#include "train/qa/BiLstmQaReader.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/ops/bmm.h>
#include <ATen/ops/cat.h>
#include <ATen/ops/embedding.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/from_blob.h>
#include <ATen/ops/linear.h>
#include <ATen/ops/matmul.h>
#include <ATen/ops/relu.h>
#include <ATen/ops/zeros.h>
#include <c10/core/GradMode.h>
#include <nlohmann/json.hpp>

#include "common/JsonReader.h"
#include "model/bilstm/BiLstm.h"
#include "model/checkpoint/SafetensorsFile.h"
#include "model/kernels/BatchedMatmul.h"
#include "model/kernels/FastDropout.h"
#include "model/kernels/FastLinear.h"
#include "text/Unicode.h"
#include "text/WordSplitter.h"
#include "train/ModuleWeights.h"

namespace quarry::train {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kVocabularyFile = "vocabulary.json";
constexpr const char* kVocabularyFormat = "quarry-qa-vocabulary";
const std::vector<std::string> kQaOutputs = {"start", "end"};
constexpr int64_t kPadRow = 0;
constexpr int64_t kNullRow = 1;   // the null position: a word of its own before the context
constexpr int64_t kFirstWordRow = 2;
constexpr size_t kMaxWords = 200000;

// Lower-cased (Python str.lower()), digits and everything else kept.
std::string lowerWord(std::string_view word) {
  text::unicode::DecodedText decoded = text::unicode::decodeUtf8(word);
  std::vector<int32_t> origin(decoded.cps.size(), 0);
  text::unicode::lowerString(decoded.cps, origin);
  return text::unicode::toUtf8(decoded.cps);
}

// FNV-1a, 64 bits: the same bucket for a word on every machine and build.
uint64_t fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// The words of a text (text/WordSplitter.h) with code point and byte offsets.
std::vector<text::Piece> wordPieces(std::string_view utf8) {
  const text::unicode::DecodedText decoded = text::unicode::decodeUtf8(utf8);
  const std::u32string_view cps(decoded.cps.data(), decoded.cps.size());
  std::vector<text::Piece> out;
  for (const text::Span& s : text::splitWords(cps, {0, static_cast<int32_t>(cps.size())})) {
    text::Piece p;
    p.chars = s;
    p.bytes = {static_cast<int32_t>(decoded.byteStart[static_cast<size_t>(s.start)]),
               static_cast<int32_t>(decoded.byteStart[static_cast<size_t>(s.end)])};
    p.token = std::string(utf8.substr(static_cast<size_t>(p.bytes.start), static_cast<size_t>(p.bytes.end - p.bytes.start)));
    out.push_back(std::move(p));
  }
  return out;
}

// [null] question words, context words; question type 0, context type 1.
class ReaderLayout : public QaWindowLayout {
 public:
  explicit ReaderLayout(const BiLstmQaReader& reader) : m_reader(reader) {}
  std::vector<text::Piece> tokenize(std::string_view text) const override {
    std::vector<text::Piece> pieces = wordPieces(text);
    for (text::Piece& p : pieces) p.id = m_reader.wordRow(p.token);
    return pieces;
  }
  int specialCount() const override { return 1; }
  void lay(const std::vector<text::Piece>& question, const std::vector<text::Piece>& context,
           QaWindow& w) const override {
    w.ids.assign(1, kNullRow);
    w.typeIds.assign(1, 0);
    for (const text::Piece& p : question) {
      w.ids.push_back(p.id);
      w.typeIds.push_back(0);
    }
    w.contextBegin = static_cast<int32_t>(w.ids.size());
    for (const text::Piece& p : context) {
      w.ids.push_back(p.id);
      w.typeIds.push_back(1);
    }
  }

 private:
  const BiLstmQaReader& m_reader;
};

at::Tensor longTensor(std::vector<int64_t>& data, at::IntArrayRef shape) {
  return at::from_blob(data.data(), shape, at::TensorOptions().dtype(at::kLong)).clone();
}

at::Tensor boolTensor(std::vector<uint8_t>& data, at::IntArrayRef shape) {
  return at::from_blob(data.data(), shape, at::TensorOptions().dtype(at::kByte)).clone().to(at::kBool);
}

// One side (question or context) of a batch of windows, padded [B, longest] and packed row-major.
struct Side {
  at::Tensor ids;      // [B, T] rows, 0 = padding
  at::Tensor real;     // [B, T] bool: a word of the window
  at::Tensor lengths;  // [B] int64 on the CPU, at least 1 (an empty side reads one padding row)
  at::Tensor packed;   // [N] flat indexes of the positions the LSTM reads, row-major
  at::Tensor realCount;  // [B] float: words of the window (0 for an empty side)
  int64_t longest = 1;
};

Side makeSide(const std::vector<std::vector<int64_t>>& rows, const c10::Device& device) {
  Side s;
  const int64_t b = static_cast<int64_t>(rows.size());
  for (const auto& r : rows) s.longest = std::max<int64_t>(s.longest, static_cast<int64_t>(r.size()));
  std::vector<int64_t> ids(static_cast<size_t>(b * s.longest), kPadRow), lengths, packed;
  std::vector<uint8_t> real(ids.size(), 0);
  std::vector<float> counts;
  for (int64_t r = 0; r < b; ++r) {
    const auto& row = rows[static_cast<size_t>(r)];
    for (size_t k = 0; k < row.size(); ++k) {
      ids[static_cast<size_t>(r * s.longest) + k] = row[k];
      real[static_cast<size_t>(r * s.longest) + k] = 1;
    }
    const int64_t read = std::max<int64_t>(1, static_cast<int64_t>(row.size()));
    lengths.push_back(read);
    for (int64_t k = 0; k < read; ++k) packed.push_back(r * s.longest + k);
    counts.push_back(static_cast<float>(row.size()));
  }
  s.ids = longTensor(ids, {b, s.longest}).to(device);
  s.real = boolTensor(real, {b, s.longest}).to(device);
  s.lengths = longTensor(lengths, {b});
  s.packed = longTensor(packed, {static_cast<int64_t>(packed.size())}).to(device);
  s.realCount = at::from_blob(counts.data(), {b}, at::kFloat).clone().to(device);
  return s;
}

// Runs a BiLSTM over the packed positions of x [B, T, in]; returns [B, T, 2H] (zeros where not read).
at::Tensor readSide(const at::Tensor& x, const Side& side, const std::vector<at::Tensor>& weights,
                    const model::BiLstmOptions& options) {
  const int64_t b = x.size(0), t = x.size(1);
  const at::Tensor packed = x.reshape({b * t, x.size(2)}).index_select(0, side.packed);
  const at::Tensor hidden = model::biLstm(packed, side.lengths, weights, options);
  return at::zeros({b * t, hidden.size(1)}, hidden.options()).index_copy(0, side.packed, hidden).view({b, t, -1});
}

}  // namespace

int64_t BiLstmQaReader::wordRow(std::string_view word) const {
  const std::string lower = lowerWord(word);
  if (auto it = m_wordRows.find(lower); it != m_wordRows.end()) return it->second;
  return kFirstWordRow + vocabularySize() + static_cast<int64_t>(fnv1a(lower) % static_cast<uint64_t>(m_sizes.buckets));
}

void BiLstmQaReader::setVocabulary(std::vector<std::string> words) {
  m_words = std::move(words);
  m_wordRows.clear();
  for (size_t i = 0; i < m_words.size(); ++i) m_wordRows.emplace(m_words[i], static_cast<int64_t>(i) + kFirstWordRow);
}

void BiLstmQaReader::buildNetwork(uint64_t seed) {
  const int64_t d = m_sizes.wordDim, h = m_sizes.hidden;
  m_root = std::make_shared<torch::nn::Module>("BiLstmQaReader");
  auto scope = [this](const char* name) { return m_root->register_module(name, std::make_shared<torch::nn::Module>()); };
  m_embedding = scope("word_embedding")->register_parameter("weight", at::zeros({kFirstWordRow + vocabularySize() + m_sizes.buckets, d}));
  auto align = scope("align");
  m_alignWeight = align->register_parameter("weight", at::zeros({d, d}));
  m_alignBias = align->register_parameter("bias", at::zeros({d}));
  auto lstm = [&](const char* name, int64_t layers, int64_t input, std::vector<at::Tensor>& out) {
    auto s = scope(name);
    out.clear();
    for (int64_t layer = 0; layer < layers; ++layer) {
      const int64_t in = layer == 0 ? input : 2 * h;
      for (const char* suffix : {"", "_reverse"}) {
        const std::string k = std::to_string(layer) + suffix;
        out.push_back(s->register_parameter("weight_ih_l" + k, at::zeros({4 * h, in})));
        out.push_back(s->register_parameter("weight_hh_l" + k, at::zeros({4 * h, h})));
        out.push_back(s->register_parameter("bias_ih_l" + k, at::zeros({4 * h})));
        out.push_back(s->register_parameter("bias_hh_l" + k, at::zeros({4 * h})));
      }
    }
  };
  lstm("context_lstm", m_sizes.contextLayers, 2 * d + 2, m_contextLstm);
  lstm("question_lstm", 1, d, m_questionLstm);
  m_questionAttention = scope("question_attention")->register_parameter("weight", at::zeros({2 * h}));
  m_startWeight = scope("start")->register_parameter("weight", at::zeros({2 * h, 2 * h}));
  m_endWeight = scope("end")->register_parameter("weight", at::zeros({2 * h, 2 * h}));

  // Seeded initialisation: embeddings N(0, 1/sqrt(dim)), the rest uniform as torch.nn's defaults.
  at::NoGradGuard noGrad;
  at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(seed);
  auto fill = [&](at::Tensor& t, double bound, bool normal) { fillSeeded(t, bound, normal, gen); };
  fill(m_embedding, 1.0 / std::sqrt(static_cast<double>(d)), true);
  m_embedding[kPadRow].zero_();
  fill(m_alignWeight, 1.0 / std::sqrt(static_cast<double>(d)), false);
  fill(m_alignBias, 1.0 / std::sqrt(static_cast<double>(d)), false);
  for (at::Tensor& t : m_contextLstm) fill(t, 1.0 / std::sqrt(static_cast<double>(h)), false);
  for (at::Tensor& t : m_questionLstm) fill(t, 1.0 / std::sqrt(static_cast<double>(h)), false);
  const double wide = 1.0 / std::sqrt(static_cast<double>(2 * h));
  fill(m_questionAttention, wide, false);
  fill(m_startWeight, wide, false);
  fill(m_endWeight, wide, false);
}

Result<std::unique_ptr<BiLstmQaReader>> BiLstmQaReader::create(const TrainConfig& config,
                                                               const std::vector<document::AnnotatedDocument>& train) {
  std::unique_ptr<BiLstmQaReader> r(new BiLstmQaReader());
  r->m_settings = qaSettingsOf(config);
  r->m_sizes.wordDim = config.wordDim;
  r->m_sizes.hidden = config.lstmHidden;
  r->m_sizes.dropout = config.dropout;
  std::map<std::string, int64_t> counts;
  auto count = [&](std::string_view text) {
    for (const text::Piece& p : wordPieces(text)) ++counts[lowerWord(p.token)];
  };
  for (const document::AnnotatedDocument& d : train) {
    if (d.questions.empty()) continue;
    count(d.text);
    for (const document::QuestionAnswers& q : d.questions) count(q.question);
  }
  if (counts.empty()) return Error("no training document with a question has a word", "", 0, "train");
  std::vector<std::pair<int64_t, std::string>> kept;
  for (const auto& [word, n] : counts)
    if (n >= std::max(1, config.minWordCount)) kept.emplace_back(-n, word);
  std::sort(kept.begin(), kept.end());
  if (kept.size() > kMaxWords) kept.resize(kMaxWords);
  std::vector<std::string> words;
  words.reserve(kept.size());
  for (auto& [n, w] : kept) words.push_back(std::move(w));
  r->setVocabulary(std::move(words));
  r->buildNetwork(config.seed);
  return r;
}

std::unique_ptr<QaInputs> BiLstmQaReader::featurize(const std::vector<document::AnnotatedDocument>& documents,
                                                    std::vector<QaExample> examples, bool training) const {
  return QaWindowBuilder(ReaderLayout(*this), windowOptions(training)).build(documents, std::move(examples));
}

std::pair<at::Tensor, at::Tensor> BiLstmQaReader::forward(const QaInputs& inputs, const std::vector<int32_t>& items) {
  const bool training = m_root->is_training();
  const int64_t b = static_cast<int64_t>(items.size());
  // The two sides of every window, and where each window position finds its logit.
  std::vector<std::vector<int64_t>> questions, contexts;
  int64_t longest = 1;
  for (int32_t i : items) {
    const QaWindow& w = inputs.windows[static_cast<size_t>(i)];
    const auto begin = w.ids.begin();
    questions.emplace_back(begin + 1, begin + w.contextBegin);
    contexts.emplace_back(1, w.ids[0]);  // the null word, then the context
    contexts.back().insert(contexts.back().end(), begin + w.contextBegin, w.ids.end());
    longest = std::max<int64_t>(longest, static_cast<int64_t>(w.ids.size()));
  }
  const Side q = makeSide(questions, m_device);
  const Side c = makeSide(contexts, m_device);
  std::vector<int64_t> source(static_cast<size_t>(b * longest), 0);
  std::vector<uint8_t> readable(source.size(), 0);  // the null position and the context
  for (int64_t r = 0; r < b; ++r) {
    const QaWindow& w = inputs.windows[static_cast<size_t>(items[static_cast<size_t>(r)])];
    readable[static_cast<size_t>(r * longest)] = 1;
    for (int64_t p = w.contextBegin; p < static_cast<int64_t>(w.ids.size()); ++p) {
      source[static_cast<size_t>(r * longest + p)] = p - w.contextBegin + 1;
      readable[static_cast<size_t>(r * longest + p)] = 1;
    }
  }

  const double dropout = m_sizes.dropout;
  const at::Tensor qEmbedded = model::fastDropout(at::embedding(m_embedding, q.ids, kPadRow), dropout, training);
  const at::Tensor cEmbedded = model::fastDropout(at::embedding(m_embedding, c.ids, kPadRow), dropout, training);
  // Exact match and term frequency of each context word.
  const at::Tensor same = c.ids.unsqueeze(2).eq(q.ids.unsqueeze(1)).logical_and(q.real.unsqueeze(1));
  const at::Tensor exact = same.any(2).logical_and(c.real).to(at::kFloat).unsqueeze(2);
  const at::Tensor repeats =
      c.ids.unsqueeze(2).eq(c.ids.unsqueeze(1)).logical_and(c.real.unsqueeze(1)).sum(2).to(at::kFloat);
  const at::Tensor frequency = (repeats / c.realCount.clamp_min(1).unsqueeze(1)).masked_fill(c.real.logical_not(), 0).unsqueeze(2);
  // The question aligned to each context word.
  const at::Tensor qKeys = at::relu(model::fastLinear(qEmbedded, m_alignWeight, m_alignBias));
  const at::Tensor cKeys = at::relu(model::fastLinear(cEmbedded, m_alignWeight, m_alignBias));
  const at::Tensor alignment = model::batchedMatmul(cKeys, qKeys.transpose(1, 2))
                                   .masked_fill(q.real.logical_not().unsqueeze(1), -1e4)
                                   .softmax(2);
  const at::Tensor aligned = model::batchedMatmul(alignment, qEmbedded);

  model::BiLstmOptions lstm;
  lstm.dropout = dropout;
  lstm.training = training;
  lstm.numLayers = m_sizes.contextLayers;
  const at::Tensor passage =
      model::fastDropout(readSide(at::cat({cEmbedded, aligned, exact, frequency}, 2), c, m_contextLstm, lstm), dropout, training);
  lstm.numLayers = 1;
  const at::Tensor question = model::fastDropout(readSide(qEmbedded, q, m_questionLstm, lstm), dropout, training);
  const at::Tensor weights =
      at::matmul(question, m_questionAttention).masked_fill(q.real.logical_not(), -1e4).softmax(1);  // [B, Tq]
  const at::Tensor qVector = model::batchedMatmul(weights.unsqueeze(1), question).squeeze(1);  // [B, 2H]

  const at::Tensor starts =
      model::batchedMatmul(passage, at::matmul(qVector, m_startWeight.t()).unsqueeze(2)).squeeze(2);
  const at::Tensor ends =
      model::batchedMatmul(passage, at::matmul(qVector, m_endWeight.t()).unsqueeze(2)).squeeze(2);
  const at::Tensor from = longTensor(source, {b, longest}).to(m_device);
  const at::Tensor unreadable = boolTensor(readable, {b, longest}).to(m_device).logical_not();
  return {starts.gather(1, from).masked_fill(unreadable, -1e4), ends.gather(1, from).masked_fill(unreadable, -1e4)};
}

std::string BiLstmQaReader::describe() const {
  return std::string(kKind) + " (" + std::to_string(m_sizes.contextLayers) + "x" + std::to_string(m_sizes.hidden) +
         " BiLSTM, " + std::to_string(m_words.size()) + " words)";
}

std::vector<model::ParameterGroup> BiLstmQaReader::parameterGroups() {
  // Embedding rows of words a batch never holds must not decay away (unseen words' hashed rows).
  return decayGroups(*m_root, "reader", 0, [](const std::string& name) {
    return name.find("bias") != std::string::npos || name.rfind("word_embedding.", 0) == 0;
  });
}

model::StateDict BiLstmQaReader::weights() const { return moduleWeights(*m_root); }

Status BiLstmQaReader::loadWeights(const model::StateDict& weights) { return loadModuleWeights(*m_root, weights); }

Status BiLstmQaReader::save(const std::string& folder) {
  return writeWeightsFolder(folder, weights(), [&](const fs::path& dir) -> Status {
    {
      std::ofstream out(dir / kVocabularyFile, std::ios::binary);
      out << json{{"format", kVocabularyFormat}, {"version", 1}, {"words", m_words}}.dump();
      out.flush();
      if (!out) return Error("cannot write", (dir / kVocabularyFile).string());
    }
    json meta = m_settings.toJson();
    meta["word_dim"] = m_sizes.wordDim;
    meta["hidden"] = m_sizes.hidden;
    meta["context_layers"] = m_sizes.contextLayers;
    meta["buckets"] = m_sizes.buckets;
    meta["dropout"] = m_sizes.dropout;
    return writeTaskModelFile(dir, meta, "qa", kKind, kQaOutputs);
  });
}

Result<std::unique_ptr<BiLstmQaReader>> BiLstmQaReader::load(const std::string& folder, const TaskModelFile& file) {
  if (file.labels != kQaOutputs) return Error("expected [\"start\", \"end\"]", file.path, 0, "labels");
  auto settings = QaModelSettings::fromJson(file.meta, file.path);
  if (!settings) return settings.error();
  const JsonFields meta(file.meta, file.path);
  auto wordDim = meta.integer("word_dim", 100, 1, 4096);
  if (!wordDim) return wordDim.error();
  auto hidden = meta.integer("hidden", 128, 1, 8192);
  if (!hidden) return hidden.error();
  auto layers = meta.integer("context_layers", 2, 1, 16);
  if (!layers) return layers.error();
  auto buckets = meta.integer("buckets", 8192, 1, 1 << 24);
  if (!buckets) return buckets.error();
  auto dropout = meta.number("dropout", 0.3, 0, 0.999);
  if (!dropout) return dropout.error();
  std::unique_ptr<BiLstmQaReader> r(new BiLstmQaReader());
  r->m_settings = settings.value();
  r->m_sizes = {*wordDim, *hidden, *layers, *buckets, *dropout};

  const fs::path vocabularyPath = fs::path(folder) / kVocabularyFile;
  auto vocabulary = readJsonFile(vocabularyPath);
  if (!vocabulary) return vocabulary.error();
  const JsonFields v(*vocabulary, vocabularyPath.string());
  auto format = v.string("format", "");
  if (!format) return format.error();
  if (*format != kVocabularyFormat) return v.error("format", std::string("expected \"") + kVocabularyFormat + "\"");
  const auto words = vocabulary->find("words");
  if (words == vocabulary->end() || !words->is_array()) return v.error("words", "expected a list of words");
  std::vector<std::string> list;
  for (size_t i = 0; i < words->size(); ++i) {
    if (!(*words)[i].is_string()) return v.error("words[" + std::to_string(i) + "]", "expected a string");
    list.push_back((*words)[i].get<std::string>());
  }
  r->setVocabulary(std::move(list));
  if (r->m_wordRows.size() != r->m_words.size()) return v.error("words", "a word occurs twice");
  const std::string weightsPath = (fs::path(folder) / kModuleWeightsFile).string();
  auto weights = model::SafetensorsFile::read(weightsPath);
  if (!weights) return weights.error();
  // The sizes must be those of the stored tensors before any is allocated: a folder cannot make the
  // network ask for more memory than its own weights hold.
  auto shapeIs = [&](const std::string& name, std::vector<int64_t> shape) {
    const auto it = weights->tensors.find(name);
    return it != weights->tensors.end() && it->second.sizes() == at::IntArrayRef(shape);
  };
  const int64_t rows = kFirstWordRow + r->vocabularySize() + r->m_sizes.buckets;
  if (!shapeIs("word_embedding.weight", {rows, r->m_sizes.wordDim}))
    return Error("word_embedding.weight is not [2 + " + std::to_string(r->vocabularySize()) +
                     " words + buckets, word_dim] as quarry_task.json and vocabulary.json say",
                 weightsPath, 0, "word_embedding.weight");
  const int64_t h = r->m_sizes.hidden, last = r->m_sizes.contextLayers - 1;
  if (!shapeIs("context_lstm.weight_hh_l0", {4 * h, h}) ||
      !shapeIs("context_lstm.weight_hh_l" + std::to_string(last), {4 * h, h}))
    return Error("context_lstm does not have the hidden size and layers quarry_task.json says", weightsPath, 0,
                 "context_lstm");
  r->buildNetwork(0);
  if (Status s = r->loadWeights(weights->tensors); !s) return Error(s.error().message, weightsPath, 0, s.error().field);
  return r;
}

void BiLstmQaReader::to(const c10::Device& device) {
  m_device = device;
  m_root->to(device);
}

}  // namespace quarry::train
