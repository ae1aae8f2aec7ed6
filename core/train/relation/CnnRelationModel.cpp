#include "train/relation/CnnRelationModel.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/ops/clamp.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/from_blob.h>
#include <ATen/ops/tanh.h>
#include <c10/core/GradMode.h>
#include <nlohmann/json.hpp>

#include "common/JsonReader.h"
#include "model/checkpoint/AtomicFolder.h"
#include "model/checkpoint/SafetensorsFile.h"
#include "text/Unicode.h"
#include "text/WordSplitter.h"
#include "train/ModuleWeights.h"

namespace quarry::train {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kVocabularyFile = "vocabulary.json";

struct DocumentWords {
  std::vector<text::Span> spans;   // code points
  std::vector<std::string> words;  // UTF-8
};

DocumentWords wordsOf(const std::string& utf8) {
  DocumentWords out;
  const text::unicode::DecodedText decoded = text::unicode::decodeUtf8(utf8);
  const std::u32string_view cps(decoded.cps.data(), decoded.cps.size());
  out.spans = text::splitWords(cps, {0, static_cast<int32_t>(cps.size())});
  for (const text::Span& s : out.spans) {
    const uint32_t from = decoded.byteStart[static_cast<size_t>(s.start)];
    const uint32_t to = decoded.byteStart[static_cast<size_t>(s.end)];
    out.words.push_back(utf8.substr(from, to - from));
  }
  return out;
}

at::Tensor int64Tensor(std::vector<int64_t>& data, int64_t rows, int64_t cols) {
  return at::from_blob(data.data(), {rows, cols}, at::TensorOptions().dtype(at::kLong)).clone();
}

}  // namespace

void CnnRelationModel::buildNetwork(uint64_t seed) {
  const int64_t vocabulary = m_vocabulary.wordCount() + 4 * static_cast<int64_t>(m_entityTypes.size());
  const int64_t distances = 2 * m_cnn.maxDistance + 1;
  const int64_t input = m_cnn.wordDim + 2 * m_cnn.positionDim;
  m_root = std::make_shared<torch::nn::Module>("CnnRelationModel");
  m_words = torch::nn::Embedding(torch::nn::EmbeddingOptions(vocabulary, m_cnn.wordDim).padding_idx(model::TaggerVocabulary::kPad));
  m_firstDistance = torch::nn::Embedding(distances, m_cnn.positionDim);
  m_secondDistance = torch::nn::Embedding(distances, m_cnn.positionDim);
  m_conv = torch::nn::Conv1d(torch::nn::Conv1dOptions(input, m_cnn.filters, 3).padding(1));
  m_dropout = torch::nn::Dropout(torch::nn::DropoutOptions(m_cnn.dropout));
  m_head = torch::nn::Linear(3 * m_cnn.filters, static_cast<int64_t>(m_classes.size()));
  m_root->register_module("words", m_words);
  m_root->register_module("first_distance", m_firstDistance);
  m_root->register_module("second_distance", m_secondDistance);
  m_root->register_module("conv", m_conv);
  m_root->register_module("dropout", m_dropout);
  m_root->register_module("head", m_head);
  // Seeded initialisation: embeddings N(0, 1/sqrt(dim)), the rest uniform as torch.nn's defaults.
  at::NoGradGuard noGrad;
  at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(seed);
  auto fill = [&](at::Tensor& t, double bound, bool normal) { fillSeeded(t, bound, normal, gen); };
  fill(m_words->weight, 1.0 / std::sqrt(static_cast<double>(m_cnn.wordDim)), true);
  m_words->weight[model::TaggerVocabulary::kPad].zero_();
  fill(m_firstDistance->weight, 1.0 / std::sqrt(static_cast<double>(m_cnn.positionDim)), true);
  fill(m_secondDistance->weight, 1.0 / std::sqrt(static_cast<double>(m_cnn.positionDim)), true);
  const double convBound = 1.0 / std::sqrt(static_cast<double>(input * 3));
  fill(m_conv->weight, convBound, false);
  fill(m_conv->bias, convBound, false);
  const double headBound = 1.0 / std::sqrt(static_cast<double>(3 * m_cnn.filters));
  fill(m_head->weight, headBound, false);
  fill(m_head->bias, headBound, false);
}

Result<std::unique_ptr<CnnRelationModel>> CnnRelationModel::create(
    const TrainConfig& config, const RelationClasses& classes, const std::vector<std::string>& entityTypes,
    const RelationSettings& settings, const std::vector<document::AnnotatedDocument>& train,
    const std::vector<RelationCandidate>& trainCandidates) {
  if (entityTypes.empty()) return Error("relation extraction needs entity types for its markers", "", 0, "entity_types");
  std::unique_ptr<CnnRelationModel> m(new CnnRelationModel());
  m->m_classes = classes;
  m->m_entityTypes = entityTypes;
  m->m_settings = settings;
  m->m_cnn.wordDim = config.wordDim;
  m->m_cnn.positionDim = config.positionDim;
  m->m_cnn.filters = config.relationFilters;
  m->m_cnn.dropout = config.dropout;
  // The vocabulary: the words of the training documents that hold a candidate.
  std::vector<char> used(train.size(), 0);
  for (const RelationCandidate& c : trainCandidates) used[static_cast<size_t>(c.document)] = 1;
  std::vector<std::vector<std::string>> sentences;
  for (size_t d = 0; d < train.size(); ++d)
    if (used[d]) sentences.push_back(wordsOf(train[d].text).words);
  m->m_vocabulary = model::TaggerVocabulary::build(sentences, std::max(1, config.minWordCount));
  m->buildNetwork(config.seed);
  return m;
}

std::vector<TextUnit> CnnRelationModel::unitsOf(const std::string& text) const {
  const DocumentWords words = wordsOf(text);
  std::vector<TextUnit> units;
  units.reserve(words.words.size());
  for (size_t w = 0; w < words.words.size(); ++w)
    units.push_back({m_vocabulary.wordId(words.words[w]), words.spans[w].start, words.spans[w].end});
  return units;
}

at::Tensor CnnRelationModel::logits(const RelationInputs& inputs, const std::vector<int32_t>& items) {
  size_t longest = 1;
  for (int32_t i : items) longest = std::max(longest, inputs.pairs[static_cast<size_t>(i)].ids.size());
  const int64_t rows = static_cast<int64_t>(items.size());
  const int64_t cols = static_cast<int64_t>(longest);
  const int64_t limit = m_cnn.maxDistance;
  std::vector<int64_t> ids(static_cast<size_t>(rows * cols), model::TaggerVocabulary::kPad);
  std::vector<int64_t> firstDistance(ids.size(), limit), secondDistance(ids.size(), limit);
  std::vector<float> pieceMask(static_cast<size_t>(rows * 3 * cols), 0.0f);
  for (int64_t r = 0; r < rows; ++r) {
    const MarkedPair& p = inputs.pairs[static_cast<size_t>(items[static_cast<size_t>(r)])];
    for (int64_t k = 0; k < static_cast<int64_t>(p.ids.size()); ++k) {
      const size_t at = static_cast<size_t>(r * cols + k);
      ids[at] = p.ids[static_cast<size_t>(k)];
      firstDistance[at] = std::clamp<int64_t>(k - p.firstMarker, -limit, limit) + limit;
      secondDistance[at] = std::clamp<int64_t>(k - p.secondMarker, -limit, limit) + limit;
      const int64_t piece = k <= p.firstMarker ? 0 : k <= p.secondMarker ? 1 : 2;
      pieceMask[static_cast<size_t>((r * 3 + piece) * cols + k)] = 1.0f;
    }
  }
  const at::Tensor words = m_words->forward(int64Tensor(ids, rows, cols).to(m_device));
  const at::Tensor d1 = m_firstDistance->forward(int64Tensor(firstDistance, rows, cols).to(m_device));
  const at::Tensor d2 = m_secondDistance->forward(int64Tensor(secondDistance, rows, cols).to(m_device));
  const at::Tensor x = at::cat({words, d1, d2}, 2).transpose(1, 2);  // [B, D, T]
  const at::Tensor conv = at::tanh(m_conv->forward(x));              // [B, F, T]
  const at::Tensor mask =
      at::from_blob(pieceMask.data(), {rows, 3, 1, cols}, at::kFloat).clone().to(m_device);  // [B, 3, 1, T]
  // Max over each piece (a piece is never empty: the markers belong to the first two, the end marker to
  // the last); the clamp only keeps the masked-out -1e4 out of reach.
  const at::Tensor masked = conv.unsqueeze(1) * mask + (mask - 1.0f) * 1e4f;
  at::Tensor pooled = std::get<0>(masked.max(3));                            // [B, 3, F]
  pooled = at::clamp_min(pooled, -1.0);
  return m_head->forward(m_dropout->forward(pooled.reshape({rows, 3 * m_cnn.filters})));
}

std::string CnnRelationModel::describe() const {
  return "cnn (PCNN, " + std::to_string(m_cnn.filters) + " filters, " + std::to_string(m_vocabulary.wordCount()) +
         " words)";
}

std::vector<model::ParameterGroup> CnnRelationModel::parameterGroups() {
  return decayGroups(*m_root, "cnn", 0, [](const std::string& name) {
    return name.size() >= 4 && name.compare(name.size() - 4, 4, "bias") == 0;
  });
}

model::StateDict CnnRelationModel::weights() const { return moduleWeights(*m_root); }

Status CnnRelationModel::loadWeights(const model::StateDict& weights) { return loadModuleWeights(*m_root, weights); }

Status CnnRelationModel::save(const std::string& folder) {
  return writeWeightsFolder(folder, weights(), [&](const fs::path& dir) -> Status {
    {
      std::ofstream out(dir / kVocabularyFile, std::ios::binary);
      out << m_vocabulary.toJson().dump();
      out.flush();
      if (!out) return Error("cannot write", (dir / kVocabularyFile).string());
    }
    if (Status s = saveConceptDictionary(dir.string()); !s) return s;
    json meta = m_settings.toJson();
    meta["relation_types"] = m_classes.toJson();
    meta["entity_types"] = m_entityTypes;
    meta["word_dim"] = m_cnn.wordDim;
    meta["position_dim"] = m_cnn.positionDim;
    meta["filters"] = m_cnn.filters;
    meta["dropout"] = m_cnn.dropout;
    meta["max_distance"] = m_cnn.maxDistance;
    return writeTaskModelFile(dir, meta, "relation", "cnn", m_classes.names());
  });
}

Result<std::unique_ptr<CnnRelationModel>> CnnRelationModel::load(const std::string& folder, const TaskModelFile& file) {
  auto settings = RelationSettings::fromJson(file.meta, file.path);
  if (!settings) return settings.error();
  const JsonFields meta(file.meta, file.path);
  const auto types = file.meta.find("relation_types");
  if (types == file.meta.end()) return meta.error("relation_types", "missing");
  auto classes = RelationClasses::fromJson(*types, file.path);
  if (!classes) return classes.error();
  if (classes->names() != file.labels) return meta.error("labels", "do not match relation_types");
  std::unique_ptr<CnnRelationModel> m(new CnnRelationModel());
  m->m_classes = classes.value();
  m->m_settings = settings.value();
  const auto et = file.meta.find("entity_types");
  if (et == file.meta.end() || !et->is_array() || et->empty()) return meta.error("entity_types", "expected a list of entity types");
  for (const auto& v : *et) {
    if (!v.is_string()) return meta.error("entity_types", "expected a list of entity types");
    m->m_entityTypes.push_back(v.get<std::string>());
  }
  auto wordDim = meta.integer("word_dim", 100, 1, 4096);
  if (!wordDim) return wordDim.error();
  auto positionDim = meta.integer("position_dim", 10, 1, 1024);
  if (!positionDim) return positionDim.error();
  auto filters = meta.integer("filters", 230, 1, 8192);
  if (!filters) return filters.error();
  auto dropout = meta.number("dropout", 0.5, 0, 0.999);
  if (!dropout) return dropout.error();
  auto distance = meta.integer("max_distance", 40, 1, 100000);
  if (!distance) return distance.error();
  m->m_cnn = {*wordDim, *positionDim, *filters, *dropout, *distance};
  const fs::path vocabularyPath = fs::path(folder) / kVocabularyFile;
  auto vocabularyJson = readJsonFile(vocabularyPath);
  if (!vocabularyJson) return vocabularyJson.error();
  auto vocabulary = model::TaggerVocabulary::fromJson(*vocabularyJson, vocabularyPath.string());
  if (!vocabulary) return vocabulary.error();
  m->m_vocabulary = std::move(vocabulary.value());
  m->buildNetwork(0);
  const std::string weightsPath = (fs::path(folder) / kModuleWeightsFile).string();
  auto weights = model::SafetensorsFile::read(weightsPath);
  if (!weights) return weights.error();
  if (Status s = m->loadWeights(weights->tensors); !s) return Error(s.error().message, weightsPath, 0, s.error().field);
  if (Status s = m->loadConceptDictionary(folder); !s) return s.error();
  return m;
}

void CnnRelationModel::to(const c10::Device& device) {
  m_device = device;
  m_root->to(device);
}

}  // namespace quarry::train
