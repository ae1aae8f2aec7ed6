#include "train/relation/RelationModel.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>

#include <ATen/ops/softmax.h>
#include <c10/core/GradMode.h>

#include "common/JsonReader.h"
#include "train/TaskModelFile.h"
#include "train/classify/DocumentClassifier.h"
#include "train/relation/CnnRelationModel.h"
#include "train/relation/TransformerRelationModel.h"

namespace quarry::train {

RelationSettings RelationSettings::fromConfig(const TrainConfig& config, bool conceptLevel) {
  RelationSettings s;
  s.windowSentences = config.relationWindow;
  s.conceptLevel = conceptLevel;
  s.aggregation = config.relationAggregation;
  s.threshold = config.relationThreshold;
  s.maxLength = config.maxLength;
  return s;
}

nlohmann::json RelationSettings::toJson() const {
  return {{"relation_window", windowSentences},
          {"relation_level", conceptLevel ? "concept" : "mention"},
          {"relation_aggregation", aggregation},
          {"relation_threshold", threshold},
          {"max_length", maxLength}};
}

Result<RelationSettings> RelationSettings::fromJson(const nlohmann::json& meta, const std::string& source) {
  const JsonFields f(meta, source);
  RelationSettings s;
  auto window = f.integer("relation_window", 0, -1, 1'000'000);
  if (!window) return window.error();
  auto level = f.string("relation_level", "mention");
  if (!level) return level.error();
  if (*level != "mention" && *level != "concept") return f.error("relation_level", "expected \"mention\" or \"concept\"");
  auto aggregation = f.string("relation_aggregation", "max");
  if (!aggregation) return aggregation.error();
  if (*aggregation != "max" && *aggregation != "logsumexp")
    return f.error("relation_aggregation", "expected \"max\" or \"logsumexp\"");
  auto threshold = f.number("relation_threshold", 0, 0, 0.999999);
  if (!threshold) return threshold.error();
  auto maxLength = f.integer("max_length", 128, 8, 65536);
  if (!maxLength) return maxLength.error();
  s.windowSentences = static_cast<int>(*window);
  s.conceptLevel = *level == "concept";
  s.aggregation = *aggregation;
  s.threshold = *threshold;
  s.maxLength = static_cast<int>(*maxLength);
  return s;
}

MarkedPair markPair(const std::vector<TextUnit>& units, const RelationCandidate& c,
                    const std::vector<document::EntityMention>& mentions, const PairMarkers& markers, int budget) {
  const document::EntityMention& a = mentions[static_cast<size_t>(c.first)];
  const document::EntityMention& b = mentions[static_cast<size_t>(c.second)];
  std::vector<int64_t> segment[5];
  auto begin = std::lower_bound(units.begin(), units.end(), c.contextStart,
                                [](const TextUnit& u, int32_t at) { return u.start < at; });
  for (auto it = begin; it != units.end() && it->start < c.contextEnd; ++it) {
    const int s = it->start < a.start ? 0 : it->start < a.end ? 1 : it->start < b.start ? 2 : it->start < b.end ? 3 : 4;
    segment[s].push_back(it->id);
  }
  const size_t available = static_cast<size_t>(std::max(0, budget - 4));
  std::vector<int64_t>& left = segment[0];
  std::vector<int64_t>& first = segment[1];
  std::vector<int64_t>& middle = segment[2];
  std::vector<int64_t>& second = segment[3];
  std::vector<int64_t>& right = segment[4];
  if (first.size() + second.size() > available) {
    const size_t each = std::max<size_t>(1, available / 2);
    if (first.size() > each) first.resize(each);
    if (second.size() > each) second.resize(each);
  }
  size_t rest = available > first.size() + second.size() ? available - first.size() - second.size() : 0;
  if (middle.size() > rest) {
    const size_t head = rest / 2;
    std::vector<int64_t> kept(middle.begin(), middle.begin() + static_cast<std::ptrdiff_t>(head));
    kept.insert(kept.end(), middle.end() - static_cast<std::ptrdiff_t>(rest - head), middle.end());
    middle = std::move(kept);
  }
  rest -= middle.size();
  size_t r = std::min(right.size(), rest / 2);
  const size_t l = std::min(left.size(), rest - r);
  r = std::min(right.size(), rest - l);
  MarkedPair out;
  out.ids.reserve(l + first.size() + middle.size() + second.size() + r + 4);
  out.ids.insert(out.ids.end(), left.end() - static_cast<std::ptrdiff_t>(l), left.end());
  out.firstMarker = static_cast<int32_t>(out.ids.size());
  out.ids.push_back(markers.firstStart);
  out.ids.insert(out.ids.end(), first.begin(), first.end());
  out.ids.push_back(markers.firstEnd);
  out.ids.insert(out.ids.end(), middle.begin(), middle.end());
  out.secondMarker = static_cast<int32_t>(out.ids.size());
  out.ids.push_back(markers.secondStart);
  out.ids.insert(out.ids.end(), second.begin(), second.end());
  out.ids.push_back(markers.secondEnd);
  out.ids.insert(out.ids.end(), right.begin(), right.begin() + static_cast<std::ptrdiff_t>(r));
  return out;
}

std::vector<int32_t> RelationInputs::itemLengths() const {
  std::vector<int32_t> out;
  out.reserve(pairs.size());
  for (const MarkedPair& p : pairs) out.push_back(static_cast<int32_t>(p.ids.size()));
  return out;
}

bool RelationModel::knowsTypes(const std::string& first, const std::string& second) const {
  const auto& types = entityTypes();
  return std::find(types.begin(), types.end(), first) != types.end() &&
         std::find(types.begin(), types.end(), second) != types.end();
}

MarkedPair RelationModel::readPair(const std::vector<TextUnit>& units, const RelationCandidate& candidate,
                                   const std::vector<document::EntityMention>& mentions, const PairMarkers& markers) const {
  return markPair(units, candidate, mentions, markers, settings().maxLength);
}

std::unique_ptr<RelationInputs> RelationModel::featurize(const std::vector<document::AnnotatedDocument>& documents,
                                                         const std::vector<std::vector<document::EntityMention>>& mentions,
                                                         const std::vector<RelationCandidate>& candidates) const {
  auto inputs = std::make_unique<RelationInputs>();
  const std::vector<std::string>& types = entityTypes();
  auto typeIndex = [&](const std::string& t) {
    return static_cast<int64_t>(std::find(types.begin(), types.end(), t) - types.begin());
  };
  std::map<int32_t, std::vector<TextUnit>> units;
  for (const RelationCandidate& c : candidates) {
    const auto& ms = mentions[static_cast<size_t>(c.document)];
    const auto& first = ms[static_cast<size_t>(c.first)];
    const auto& second = ms[static_cast<size_t>(c.second)];
    if (!knowsTypes(first.type, second.type)) continue;
    auto found = units.find(c.document);
    if (found == units.end()) found = units.emplace(c.document, unitsOf(documents[static_cast<size_t>(c.document)].text)).first;
    const int64_t a = markerBase() + 4 * typeIndex(first.type);
    const int64_t b = markerBase() + 4 * typeIndex(second.type);
    inputs->pairs.push_back(readPair(found->second, c, ms, {a, a + 1, b + 2, b + 3}));
    inputs->labels.push_back({c.label});
  }
  return inputs;
}

Status RelationModel::saveConceptDictionary(const std::string& dir) const {
  if (m_dictionary.empty()) return {};
  const std::string path = (std::filesystem::path(dir) / "concept_dictionary.json").string();
  std::ofstream out(path, std::ios::binary);
  out << m_dictionary.toJson().dump();
  out.flush();
  if (!out) return Error("cannot write", path);
  return {};
}

Status RelationModel::loadConceptDictionary(const std::string& folder) {
  const std::filesystem::path path = std::filesystem::path(folder) / "concept_dictionary.json";
  if (!std::filesystem::is_regular_file(path)) return {};
  auto json = readJsonFile(path);
  if (!json) return json.error();
  auto dictionary = ConceptDictionary::fromJson(*json, path.string());
  if (!dictionary) return dictionary.error();
  m_dictionary = std::move(dictionary.value());
  return {};
}

at::Tensor RelationModel::loss(const TaskInputs& base, const std::vector<int32_t>& items, const LossOptions& options) {
  const auto& inputs = static_cast<const RelationInputs&>(base);
  std::vector<const std::vector<int32_t>*> rowLabels;
  rowLabels.reserve(items.size());
  for (int32_t i : items) rowLabels.push_back(&inputs.labels[static_cast<size_t>(i)]);
  return classificationLoss(logits(inputs, items), rowLabels, items, false, options);
}

std::vector<std::vector<float>> RelationModel::predict(const RelationInputs& inputs, int batchSize) {
  const size_t classCount = classes().size();
  std::vector<std::vector<float>> out(inputs.pairs.size());
  std::vector<int32_t> order(inputs.pairs.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int32_t x, int32_t y) {
    return inputs.pairs[static_cast<size_t>(x)].ids.size() < inputs.pairs[static_cast<size_t>(y)].ids.size();
  });
  const bool wasTraining = module().is_training();
  module().eval();
  {
    at::NoGradGuard noGrad;
    const size_t step = static_cast<size_t>(std::max(1, batchSize));
    for (size_t start = 0; start < order.size(); start += step) {
      std::vector<int32_t> items(order.begin() + static_cast<std::ptrdiff_t>(start),
                                 order.begin() + static_cast<std::ptrdiff_t>(std::min(order.size(), start + step)));
      at::Tensor p = at::softmax(logits(inputs, items).to(at::kFloat), 1).to(at::kCPU).contiguous();
      const float* data = p.data_ptr<float>();
      for (size_t r = 0; r < items.size(); ++r)
        out[static_cast<size_t>(items[r])].assign(data + r * classCount, data + (r + 1) * classCount);
    }
  }
  if (wasTraining) module().train();
  return out;
}

Result<std::unique_ptr<RelationModel>> createRelationModel(const TrainConfig& config, const RelationClasses& classes,
                                                           const std::vector<std::string>& entityTypes,
                                                           const RelationSettings& settings,
                                                           const std::vector<document::AnnotatedDocument>& train,
                                                           const std::vector<RelationCandidate>& trainCandidates) {
  if (config.kind == ModelKind::Transformer) {
    auto m = TransformerRelationModel::create(config, classes, entityTypes, settings);
    if (!m) return m.error();
    return std::unique_ptr<RelationModel>(std::move(m.value()));
  }
  auto m = CnnRelationModel::create(config, classes, entityTypes, settings, train, trainCandidates);
  if (!m) return m.error();
  return std::unique_ptr<RelationModel>(std::move(m.value()));
}

Result<std::unique_ptr<RelationModel>> loadRelationModel(const std::string& folder) {
  auto file = readTaskModelFile(folder, "relation");
  if (!file) return file.error();
  if (file->kind == "transformer") {
    auto m = TransformerRelationModel::load(folder, file.value());
    if (!m) return m.error();
    return std::unique_ptr<RelationModel>(std::move(m.value()));
  }
  if (file->kind == "cnn") {
    auto m = CnnRelationModel::load(folder, file.value());
    if (!m) return m.error();
    return std::unique_ptr<RelationModel>(std::move(m.value()));
  }
  return Error("unknown relation model kind \"" + file->kind + "\" (cnn, transformer)", file->path, 0, "kind");
}

}  // namespace quarry::train
