#include "train/relation/TransformerRelationModel.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/cat.h>
#include <ATen/ops/from_blob.h>
#include <c10/core/GradMode.h>
#include <nlohmann/json.hpp>

#include "common/JsonReader.h"
#include "model/checkpoint/AtomicFolder.h"
#include "model/checkpoint/SafetensorsFile.h"
#include "model/kernels/HostToDevice.h"
#include "text/TokenizerFactory.h"
#include "train/DocumentEmbeddings.h"
#include "train/TransformerBatch.h"
#include "train/TransformerFolder.h"
#include "train/TransformerSetup.h"

namespace quarry::train {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kHeadFile = "relation_head.safetensors";

at::Tensor int64Tensor(std::vector<int64_t>& data, int64_t rows, int64_t cols) {
  return at::from_blob(data.data(), {rows, cols}, at::TensorOptions().dtype(at::kLong)).clone();
}

std::vector<text::Piece> piecesOf(const std::vector<int64_t>& ids) {
  std::vector<text::Piece> out(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) out[i].id = static_cast<text::TokenId>(ids[i]);
  return out;
}

// The existing tokens a marker's embedding starts from: the type's name (lower case, '_' as space) and a
// sign for which marker it is.
std::vector<int64_t> markerSources(const text::Tokenizer& tokenizer, const std::string& type, int which) {
  std::string name;
  for (char c : type) name += c == '_' || c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const char* signs[4] = {" @", " / @", " #", " / #"};
  std::vector<int64_t> out;
  for (const text::Piece& p : tokenizer.tokenize(name + signs[which])) out.push_back(p.id);
  return out;
}

}  // namespace

Result<std::unique_ptr<TransformerRelationModel>> TransformerRelationModel::create(
    const TrainConfig& config, const RelationClasses& classes, const std::vector<std::string>& entityTypes,
    const RelationSettings& settings) {
  return build(config, classes, entityTypes, settings, config.relationInput == "pair", false, 0);
}

Result<std::unique_ptr<TransformerRelationModel>> TransformerRelationModel::build(
    const TrainConfig& config, const RelationClasses& classes, const std::vector<std::string>& entityTypes,
    const RelationSettings& settings, bool pairInput, bool reload, int64_t markerBase) {
  if (entityTypes.empty()) return Error("relation extraction needs entity types for its markers", "", 0, "entity_types");
  std::unique_ptr<TransformerRelationModel> m(new TransformerRelationModel());
  m->m_classes = classes;
  m->m_entityTypes = entityTypes;
  m->m_settings = settings;
  m->m_pairInput = pairInput;
  TransformerSetup setup;
  setup.task = model::Task::Encoder;
  setup.classSuffix = "Model";
  setup.taskFile = kTaskModelFileName;
  setup.taskName = "relation";
  setup.sameLabels = reload;
  setup.headPrefix.clear();
  if (!reload) {
    // The markers' initial rows need the tokenizer; it is the one buildTransformer loads.
    auto tokenizer = text::loadTokenizer(config.modelFolder.empty() ? config.tokenizerFolder : config.modelFolder);
    if (!tokenizer) return tokenizer.error();
    for (const std::string& t : entityTypes)
      for (int which = 0; which < 4; ++which) setup.addedTokens.push_back(markerSources(*tokenizer.value(), t, which));
  }
  auto parts = buildTransformer(config, setup);
  if (!parts) return parts.error();
  m->m_config = std::move(parts->config);
  m->m_tokenizer = std::move(parts->tokenizer);
  m->m_tokenizerFiles = std::move(parts->tokenizerFiles);
  m->m_loraBase = std::move(parts->loraBase);
  m->m_model = parts->model;
  m->m_markerBase = reload ? markerBase : parts->addedTokenBase;
  const int64_t markers = 4 * static_cast<int64_t>(entityTypes.size());
  if (m->m_markerBase < 0 || m->m_markerBase + markers > m->m_config.vocabSize)
    return Error("the model's vocabulary has no room for the markers of " + std::to_string(entityTypes.size()) +
                     " entity types after id " + std::to_string(m->m_markerBase),
                 config.modelFolder, 0, "marker_base");
  const int64_t hidden = m->m_config.hiddenSize;
  m->m_root = std::make_shared<torch::nn::Module>("RelationModel");
  m->m_root->register_module("model", m->m_model.ptr());
  m->m_dropout = torch::nn::Dropout(torch::nn::DropoutOptions(m->m_config.hiddenDropoutProb));
  m->m_head = torch::nn::Linear(torch::nn::LinearOptions(pairInput ? hidden : 2 * hidden, static_cast<int64_t>(classes.size())));
  {
    // Hugging Face's initialisation of a classifier: normal(0, initializer_range), zero bias.
    at::NoGradGuard noGrad;
    auto gen = at::make_generator<at::CPUGeneratorImpl>(config.seed + 1);
    m->m_head->weight.copy_(at::empty(m->m_head->weight.sizes(), at::kFloat).normal_(0, m->m_config.initializerRange, gen));
    m->m_head->bias.zero_();
  }
  m->m_root->register_module("dropout", m->m_dropout);
  m->m_root->register_module("relation_head", m->m_head);
  return m;
}

std::vector<TextUnit> TransformerRelationModel::unitsOf(const std::string& text) const {
  std::vector<TextUnit> units;
  for (const text::Piece& p : m_tokenizer->tokenize(text)) units.push_back({p.id, p.chars.start, p.chars.end});
  return units;
}

MarkedPair TransformerRelationModel::readPair(const std::vector<TextUnit>& units, const RelationCandidate& c,
                                              const std::vector<document::EntityMention>& ms,
                                              const PairMarkers& markers) const {
  MarkedPair pair;
  text::Encoding e;
  if (!m_pairInput) {
    const int specials = static_cast<int>(m_tokenizer->assemble({}, nullptr, true).ids.size());
    pair = markPair(units, c, ms, markers, m_settings.maxLength - specials);
    e = m_tokenizer->assemble(piecesOf(pair.ids), nullptr, true);
  } else {
    // "[CLS] first [SEP] second [SEP] context [SEP]": the mentions' own tokens, then the marked context.
    const std::vector<text::Piece> none;
    const int specials = static_cast<int>(m_tokenizer->assemble({}, &none, true).ids.size());
    const size_t limit = static_cast<size_t>(std::max(1, m_settings.maxLength / 8));
    auto mentionUnits = [&](const document::EntityMention& m, std::vector<int64_t>& out) {
      size_t taken = 0;
      for (const TextUnit& u : units)
        if (u.start >= m.start && u.start < m.end && taken++ < limit) out.push_back(u.id);
    };
    std::vector<int64_t> head;
    mentionUnits(ms[static_cast<size_t>(c.first)], head);
    head.push_back(m_tokenizer->specialTokens().sepId.value_or(0));
    mentionUnits(ms[static_cast<size_t>(c.second)], head);
    const int budget = m_settings.maxLength - specials - static_cast<int>(head.size());
    pair = markPair(units, c, ms, markers, std::max(8, budget));
    const std::vector<text::Piece> context = piecesOf(pair.ids);
    e = m_tokenizer->assemble(piecesOf(head), &context, true);
  }
  // Marker positions in the assembled sequence: after the template's leading specials (and, for a pair,
  // the first sequence).
  const int wanted = m_pairInput ? 1 : 0;
  int32_t shift = 0;
  while (shift < static_cast<int32_t>(e.sequenceIds.size()) && e.sequenceIds[static_cast<size_t>(shift)] != wanted) ++shift;
  pair.firstMarker += shift;
  pair.secondMarker += shift;
  pair.ids.assign(e.ids.begin(), e.ids.end());
  pair.typeIds.assign(e.typeIds.begin(), e.typeIds.end());
  return pair;
}

at::Tensor TransformerRelationModel::logits(const RelationInputs& inputs, const std::vector<int32_t>& items) {
  const TransformerBatch batch =
      transformerBatch(inputs.pairs, items, m_tokenizer->specialTokens().padId.value_or(0), m_device);
  const int64_t rows = batch.rows, cols = batch.cols;
  std::vector<int64_t> firstAt, secondAt;
  for (int64_t r = 0; r < rows; ++r) {
    const MarkedPair& p = inputs.pairs[static_cast<size_t>(items[static_cast<size_t>(r)])];
    firstAt.push_back(r * cols + p.firstMarker);
    secondAt.push_back(r * cols + p.secondMarker);
  }
  model::ForwardOptions fo;
  fo.hiddenStates = false;
  const at::Tensor hidden = m_model->forward(batch.ids, batch.mask, batch.types, fo).lastHiddenState;
  at::Tensor features;
  if (m_pairInput) {
    features = hidden.select(1, 0);
  } else {
    const at::Tensor flat = hidden.reshape({rows * cols, hidden.size(2)});
    const at::Tensor a =
        flat.index_select(0, model::hostToDevice(int64Tensor(firstAt, rows, 1).view({rows}), m_device));
    const at::Tensor b =
        flat.index_select(0, model::hostToDevice(int64Tensor(secondAt, rows, 1).view({rows}), m_device));
    features = at::cat({a, b}, 1);
  }
  return m_head->forward(m_dropout->forward(features));
}

std::string TransformerRelationModel::describe() const {
  return m_config.modelType + " " + std::to_string(m_config.numHiddenLayers) + "x" + std::to_string(m_config.hiddenSize) +
         " + " + (m_pairInput ? "[CLS] pair" : "entity-start markers") + " (" + m_tokenizer->kind() + ")";
}

std::vector<model::ParameterGroup> TransformerRelationModel::parameterGroups() {
  std::vector<model::ParameterGroup> groups = m_model->parameterGroups();
  const int top = static_cast<int>(m_config.numHiddenLayers) + 1;
  model::ParameterGroup weight{"relation_head", top, true, {"relation_head.weight"}, {m_head->weight}};
  model::ParameterGroup bias{"relation_head.no_decay", top, false, {"relation_head.bias"}, {m_head->bias}};
  groups.push_back(weight);
  groups.push_back(bias);
  return groups;
}

model::StateDict TransformerRelationModel::weights() const {
  model::StateDict out = m_model->stateDict();
  out["relation_head.weight"] = m_head->weight;
  out["relation_head.bias"] = m_head->bias;
  return out;
}

Status TransformerRelationModel::loadWeights(const model::StateDict& weights) {
  model::StateDict encoder;
  at::NoGradGuard noGrad;
  for (const auto& [name, tensor] : weights) {
    if (name == "relation_head.weight" || name == "relation_head.bias") {
      at::Tensor& target = name == "relation_head.weight" ? m_head->weight : m_head->bias;
      if (auto why = model::storedTensorMismatch(tensor, target)) return Error(*why, "", 0, name);
      target.copy_(tensor);
    } else {
      encoder[name] = tensor;
    }
  }
  if (!weights.count("relation_head.weight") || !weights.count("relation_head.bias"))
    return Error("the relation classifier's weights are missing", "", 0, "relation_head.weight");
  model::LoadReport report;
  if (Status s = m_model->loadStateDict(encoder, report); !s) return s;
  if (!report.missing.empty()) return Error("weights missing: " + report.missing.front(), "", 0, report.missing.front());
  return {};
}

Status TransformerRelationModel::save(const std::string& folder) {
  model::StateDict head = {{"weight", m_head->weight.detach().to(at::kCPU)}, {"bias", m_head->bias.detach().to(at::kCPU)}};
  return model::AtomicFolder::write(folder, [&](const fs::path& dir) -> Status {
    if (Status s = writeTransformerFolder(dir, m_config, *m_model, m_tokenizerFiles, m_loraBase); !s) return s;
    if (Status s = model::SafetensorsFile::write((dir / kHeadFile).string(), head); !s) return s;
    if (Status s = saveConceptDictionary(dir.string()); !s) return s;
    json meta = m_settings.toJson();
    meta["relation_input"] = m_pairInput ? "pair" : "markers";
    meta["relation_types"] = m_classes.toJson();
    meta["entity_types"] = m_entityTypes;
    meta["marker_base"] = m_markerBase;
    return writeTaskModelFile(dir, meta, "relation", "transformer", m_classes.names());
  });
}

Result<std::unique_ptr<TransformerRelationModel>> TransformerRelationModel::load(const std::string& folder,
                                                                                 const TaskModelFile& file) {
  auto settings = RelationSettings::fromJson(file.meta, file.path);
  if (!settings) return settings.error();
  const JsonFields meta(file.meta, file.path);
  auto input = meta.string("relation_input", "markers");
  if (!input) return input.error();
  if (*input != "markers" && *input != "pair") return meta.error("relation_input", "expected \"markers\" or \"pair\"");
  auto base = meta.integer("marker_base", 0, 0, 1'000'000'000);
  if (!base) return base.error();
  const auto types = file.meta.find("relation_types");
  if (types == file.meta.end()) return meta.error("relation_types", "missing");
  auto classes = RelationClasses::fromJson(*types, file.path);
  if (!classes) return classes.error();
  if (classes->names() != file.labels) return meta.error("labels", "do not match relation_types");
  std::vector<std::string> entityTypes;
  const auto et = file.meta.find("entity_types");
  if (et == file.meta.end() || !et->is_array() || et->empty()) return meta.error("entity_types", "expected a list of entity types");
  for (const auto& v : *et) {
    if (!v.is_string()) return meta.error("entity_types", "expected a list of entity types");
    entityTypes.push_back(v.get<std::string>());
  }
  TrainConfig config;
  config.task = "relation";
  config.kind = ModelKind::Transformer;
  config.modelFolder = folder;
  config.maxLength = settings->maxLength;
  auto m = build(config, classes.value(), entityTypes, settings.value(), *input == "pair", true, *base);
  if (!m) return m.error();
  const std::string headPath = (fs::path(folder) / kHeadFile).string();
  if (Status s = m.value()->loadConceptDictionary(folder); !s) return s.error();
  auto head = model::SafetensorsFile::read(headPath);
  if (!head) return head.error();
  at::NoGradGuard noGrad;
  for (const auto& [name, target] : {std::pair<std::string, at::Tensor>{"weight", m.value()->m_head->weight},
                                     std::pair<std::string, at::Tensor>{"bias", m.value()->m_head->bias}}) {
    auto it = head->tensors.find(name);
    if (it == head->tensors.end()) return Error("tensor missing", headPath, 0, name);
    if (auto why = model::storedTensorMismatch(it->second, target)) return Error(*why, headPath, 0, name);
    at::Tensor t = target;
    t.copy_(it->second);
  }
  return m;
}

void TransformerRelationModel::to(const c10::Device& device) {
  m_device = device;
  m_root->to(device);
}

std::vector<std::vector<float>> TransformerRelationModel::documentEmbeddings(
    const std::vector<std::string>& texts, int batchSize) {
  return transformerDocumentEmbeddings(*m_model, *m_tokenizer, texts, m_settings.maxLength, batchSize,
                                       m_device);
}

}  // namespace quarry::train
