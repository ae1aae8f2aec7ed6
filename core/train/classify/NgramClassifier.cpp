#include "train/classify/NgramClassifier.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <ATen/ops/dropout.h>
#include <ATen/ops/embedding_bag.h>
#include <ATen/ops/empty.h>
#include <ATen/ops/from_blob.h>
#include <ATen/ops/linear.h>
#include <ATen/ops/sigmoid.h>
#include <ATen/ops/softmax.h>
#include <ATen/ops/zeros.h>

#include "common/JsonReader.h"
#include "model/checkpoint/AtomicFolder.h"
#include "model/checkpoint/SafetensorsFile.h"
#include "model/kernels/FastLinear.h"
#include "text/Unicode.h"
#include "text/WordSplitter.h"

namespace quarry::train {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kFeaturesFile = "features.txt";
constexpr const char* kWeightsFile = "model.safetensors";

// Lower-cased words of a text, each as code points.
std::vector<std::vector<char32_t>> lowerWords(const std::string& text) {
  const text::unicode::DecodedText decoded = text::unicode::decodeUtf8(text);
  const std::u32string_view cps(decoded.cps.data(), decoded.cps.size());
  std::vector<std::vector<char32_t>> words;
  for (const text::Span& s : text::splitWords(cps, {0, static_cast<int32_t>(cps.size())})) {
    std::vector<char32_t> w;
    for (int32_t i = s.start; i < s.end; ++i) text::unicode::lowerChar(cps[static_cast<size_t>(i)], w);
    if (!w.empty()) words.push_back(std::move(w));
  }
  return words;
}

std::vector<std::string> wordStrings(const std::vector<std::vector<char32_t>>& words) {
  std::vector<std::string> out;
  out.reserve(words.size());
  for (const auto& w : words) out.push_back(text::unicode::toUtf8(w));
  return out;
}

uint64_t fnv1a(const char32_t* cps, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; ++i) {
    uint32_t c = static_cast<uint32_t>(cps[i]);
    for (int b = 0; b < 4; ++b) {
      h ^= (c >> (8 * b)) & 0xffu;
      h *= 1099511628211ull;
    }
  }
  return h;
}

class NgramInputs : public ClassifierInputs {
 public:
  std::vector<std::vector<int64_t>> features;
  std::vector<std::vector<int32_t>> labels;
  size_t itemCount() const override { return features.size(); }
  size_t exampleCount() const override { return features.size(); }
  std::vector<int32_t> itemLengths() const override {
    std::vector<int32_t> out;
    out.reserve(features.size());
    for (const auto& f : features)
      out.push_back(static_cast<int32_t>(std::clamp<size_t>(f.size(), 1, 1u << 30)));
    return out;
  }
};

at::Tensor int64Tensor(std::vector<int64_t>& data) {
  return at::from_blob(data.data(), {static_cast<int64_t>(data.size())}, at::TensorOptions().dtype(at::kLong)).clone();
}

}  // namespace

NgramClassifier::NgramClassifier(std::vector<std::string> labels, bool multiLabel, NgramSettings settings,
                                 std::vector<std::string> wordFeatures)
    : m_labels(std::move(labels)),
      m_multiLabel(multiLabel),
      m_settings(settings),
      m_wordFeatures(std::move(wordFeatures)),
      m_module(std::make_shared<torch::nn::Module>("NgramClassifier")) {
  if (m_multiLabel) m_thresholds.assign(m_labels.size(), 0.5f);
  for (size_t i = 0; i < m_wordFeatures.size(); ++i) m_featureIds.emplace(m_wordFeatures[i], static_cast<int64_t>(i));
  const int64_t rows = static_cast<int64_t>(m_wordFeatures.size()) + m_settings.charBuckets + 1;  // +1: never empty
  const int64_t dim = m_settings.dim;
  const int64_t classes = static_cast<int64_t>(m_labels.size());
  at::Tensor embedding = at::empty({rows, dim}, at::kFloat).uniform_(-1.0 / dim, 1.0 / dim);
  const double bound = 1.0 / std::sqrt(static_cast<double>(dim));
  at::Tensor weight = at::empty({classes, dim}, at::kFloat).uniform_(-bound, bound);
  m_embedding = m_module->register_parameter("embedding", embedding);
  m_weight = m_module->register_parameter("classifier_weight", weight);
  m_bias = m_module->register_parameter("classifier_bias", at::zeros({classes}, at::kFloat));
}

Result<std::unique_ptr<NgramClassifier>> NgramClassifier::create(const TrainConfig& config,
                                                                 std::vector<std::string> labels, bool multiLabel,
                                                                 const std::vector<ClassifyExample>& train) {
  if (labels.empty()) return Error("no labels to classify into", "", 0, "labels");
  std::map<std::string, int64_t> counts;
  for (const ClassifyExample& e : train) {
    const std::vector<std::string> words = wordStrings(lowerWords(e.text));
    for (size_t i = 0; i < words.size(); ++i) {
      ++counts[words[i]];
      if (i + 1 < words.size()) ++counts[words[i] + " " + words[i + 1]];
    }
  }
  std::vector<std::pair<std::string, int64_t>> kept;
  for (auto& [feature, count] : counts)
    if (count >= config.minFeatureCount) kept.emplace_back(feature, count);
  std::stable_sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (static_cast<int64_t>(kept.size()) > config.maxFeatures) kept.resize(static_cast<size_t>(config.maxFeatures));
  std::vector<std::string> features;
  features.reserve(kept.size());
  for (auto& [feature, count] : kept) features.push_back(feature);
  NgramSettings settings{config.ngramDim, config.charNgramBuckets, config.dropout};
  return std::unique_ptr<NgramClassifier>(
      new NgramClassifier(std::move(labels), multiLabel, settings, std::move(features)));
}

std::vector<int64_t> NgramClassifier::features(const std::string& text) const {
  const std::vector<std::vector<char32_t>> words = lowerWords(text);
  const std::vector<std::string> strings = wordStrings(words);
  std::vector<int64_t> out;
  const int64_t wordRows = static_cast<int64_t>(m_wordFeatures.size());
  for (size_t i = 0; i < strings.size(); ++i) {
    if (auto it = m_featureIds.find(strings[i]); it != m_featureIds.end()) out.push_back(it->second);
    if (i + 1 < strings.size())
      if (auto it = m_featureIds.find(strings[i] + " " + strings[i + 1]); it != m_featureIds.end())
        out.push_back(it->second);
  }
  if (m_settings.charBuckets > 0) {
    const uint64_t buckets = static_cast<uint64_t>(m_settings.charBuckets);
    for (const auto& w : words) {
      std::vector<char32_t> padded;
      padded.reserve(w.size() + 2);
      padded.push_back(U'<');
      padded.insert(padded.end(), w.begin(), w.end());
      padded.push_back(U'>');
      for (size_t n = 3; n <= 5; ++n)
        for (size_t s = 0; s + n <= padded.size(); ++s)
          out.push_back(wordRows + static_cast<int64_t>(fnv1a(padded.data() + s, n) % buckets));
    }
  }
  return out;
}

std::unique_ptr<ClassifierInputs> NgramClassifier::featurize(const std::vector<ClassifyExample>& examples) const {
  auto inputs = std::make_unique<NgramInputs>();
  inputs->features.reserve(examples.size());
  for (const ClassifyExample& e : examples) {
    inputs->features.push_back(features(e.text));
    inputs->labels.push_back(e.labels);
  }
  return inputs;
}

at::Tensor NgramClassifier::logits(const TaskInputs& base, const std::vector<int32_t>& items) {
  const auto& inputs = static_cast<const NgramInputs&>(base);
  std::vector<int64_t> flat, offsets;
  offsets.reserve(items.size());
  // A document without any feature reads the reserved last row (never trained towards any label by
  // other documents' features: it is the "nothing known" vector).
  const int64_t emptyRow = m_embedding.size(0) - 1;
  for (int32_t i : items) {
    offsets.push_back(static_cast<int64_t>(flat.size()));
    const auto& f = inputs.features[static_cast<size_t>(i)];
    if (f.empty())
      flat.push_back(emptyRow);
    else
      flat.insert(flat.end(), f.begin(), f.end());
  }
  at::Tensor idx = int64Tensor(flat).to(m_device);
  at::Tensor off = int64Tensor(offsets).to(m_device);
  at::Tensor bag = std::get<0>(at::embedding_bag(m_embedding, idx, off, false, /*mode mean*/ 1, false));
  bag = at::dropout(bag, m_settings.dropout, m_module->is_training());
  return model::fastLinear(bag, m_weight, m_bias);
}

at::Tensor NgramClassifier::loss(const TaskInputs& base, const std::vector<int32_t>& items, const LossOptions& options) {
  const auto& inputs = static_cast<const NgramInputs&>(base);
  std::vector<const std::vector<int32_t>*> rowLabels;
  for (int32_t i : items) rowLabels.push_back(&inputs.labels[static_cast<size_t>(i)]);
  return classificationLoss(logits(base, items), rowLabels, items, m_multiLabel, options);
}

std::vector<std::vector<float>> NgramClassifier::predict(const ClassifierInputs& inputs, int batchSize) {
  std::vector<std::vector<float>> out;
  out.reserve(inputs.exampleCount());
  const bool wasTraining = m_module->is_training();
  m_module->eval();
  {
    at::NoGradGuard noGrad;
    const size_t n = inputs.exampleCount();
    const size_t step = static_cast<size_t>(std::max(1, batchSize));
    for (size_t begin = 0; begin < n; begin += step) {
      std::vector<int32_t> items;
      for (size_t i = begin; i < std::min(n, begin + step); ++i) items.push_back(static_cast<int32_t>(i));
      at::Tensor l = logits(inputs, items).to(at::kFloat);
      at::Tensor p = (m_multiLabel ? at::sigmoid(l) : at::softmax(l, -1)).to(at::kCPU).contiguous();
      const float* data = p.data_ptr<float>();
      const int64_t c = p.size(1);
      for (size_t r = 0; r < items.size(); ++r)
        out.emplace_back(data + static_cast<int64_t>(r) * c, data + static_cast<int64_t>(r + 1) * c);
    }
  }
  if (wasTraining) m_module->train();
  return out;
}

std::string NgramClassifier::describe() const {
  return "ngram " + std::to_string(m_settings.dim) + "d (" + std::to_string(m_wordFeatures.size()) +
         " word n-grams, " + std::to_string(m_settings.charBuckets) + " character buckets, " +
         (m_multiLabel ? "multi-label" : "single-label") + ")";
}

std::vector<model::ParameterGroup> NgramClassifier::parameterGroups() {
  model::ParameterGroup embeddings{"embeddings", 0, true, {"embedding"}, {m_embedding}};
  model::ParameterGroup head{"head", 1, true, {"classifier.weight"}, {m_weight}};
  model::ParameterGroup headBias{"head.no_decay", 1, false, {"classifier.bias"}, {m_bias}};
  return {embeddings, head, headBias};
}

model::StateDict NgramClassifier::weights() const {
  model::StateDict out;
  out["embedding"] = m_embedding;
  out["classifier.weight"] = m_weight;
  out["classifier.bias"] = m_bias;
  return out;
}

Status NgramClassifier::loadWeights(const model::StateDict& weights) {
  at::NoGradGuard noGrad;
  for (auto& [name, target] : std::vector<std::pair<std::string, at::Tensor*>>{
           {"embedding", &m_embedding}, {"classifier.weight", &m_weight}, {"classifier.bias", &m_bias}}) {
    auto it = weights.find(name);
    if (it == weights.end()) return Error("tensor missing", "", 0, name);
    if (auto why = model::storedTensorMismatch(it->second, *target)) return Error(*why, "", 0, name);
    target->copy_(it->second);
  }
  return {};
}

Status NgramClassifier::save(const std::string& folder) {
  model::StateDict cpu;
  for (const auto& [name, tensor] : weights()) cpu[name] = tensor.detach().to(at::kCPU).contiguous();
  return model::AtomicFolder::write(folder, [&](const fs::path& dir) -> Status {
    {
      std::ofstream out(dir / kFeaturesFile, std::ios::binary);
      for (const std::string& f : m_wordFeatures) out << f << '\n';
      out.flush();
      if (!out) return Error("cannot write", (dir / kFeaturesFile).string());
    }
    if (Status s = model::SafetensorsFile::write((dir / kWeightsFile).string(), cpu); !s) return s;
    json meta = {{"dim", m_settings.dim},
                 {"char_ngram_buckets", m_settings.charBuckets},
                 {"dropout", m_settings.dropout},
                 {"word_features", m_wordFeatures.size()},
                 {"multi_label", m_multiLabel},
                 {"thresholds", m_thresholds}};
    return writeTaskModelFile(dir, meta, "classify", "ngram", m_labels);
  });
}

Result<std::unique_ptr<NgramClassifier>> NgramClassifier::load(const std::string& folder, const TaskModelFile& file) {
  const JsonFields meta(file.meta, file.path);
  auto dim = meta.integer("dim", 0, 1, 4096);
  if (!dim) return dim.error();
  auto buckets = meta.integer("char_ngram_buckets", 0, 0, int64_t{1} << 24);
  if (!buckets) return buckets.error();
  auto dropout = meta.number("dropout", 0.0, 0.0, 0.999);
  if (!dropout) return dropout.error();
  auto wordFeatures = meta.integer("word_features", 0, 0, 10'000'000);
  if (!wordFeatures) return wordFeatures.error();
  auto multi = meta.boolean("multi_label", false);
  if (!multi) return multi.error();
  auto thresholds = readThresholds(meta, file.labels.size(), *multi);
  if (!thresholds) return thresholds.error();
  const fs::path featuresPath = fs::path(folder) / kFeaturesFile;
  std::ifstream in(featuresPath, std::ios::binary);
  if (!in) return Error("cannot read (the folder is incomplete)", featuresPath.string());
  std::vector<std::string> features;
  std::set<std::string> seen;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || !seen.insert(line).second)
      return Error(line.empty() ? "empty feature" : "feature listed twice: " + line, featuresPath.string(),
                   static_cast<long>(features.size() + 1));
    features.push_back(line);
  }
  if (static_cast<int64_t>(features.size()) != *wordFeatures)
    return Error("holds " + std::to_string(features.size()) + " features, quarry_task.json says " +
                     std::to_string(*wordFeatures),
                 featuresPath.string(), 0, "word_features");
  // The tensors' shapes are checked against what quarry_task.json says before anything of that size is
  // allocated: a damaged file cannot ask for more memory than the weights file holds.
  const std::string weightsPath = (fs::path(folder) / kWeightsFile).string();
  auto weights = model::SafetensorsFile::read(weightsPath);
  if (!weights) return weights.error();
  const int64_t rows = *wordFeatures + *buckets + 1, labels = static_cast<int64_t>(file.labels.size());
  for (const auto& [name, shape] : std::vector<std::pair<std::string, std::vector<int64_t>>>{
           {"embedding", {rows, *dim}}, {"classifier.weight", {labels, *dim}}, {"classifier.bias", {labels}}}) {
    auto it = weights->tensors.find(name);
    if (it == weights->tensors.end()) return Error("tensor missing", weightsPath, 0, name);
    if (it->second.sizes().vec() != shape)
      return Error("shape does not match quarry_task.json (dim, word_features, char_ngram_buckets, labels)",
                   weightsPath, 0, name);
  }
  NgramSettings settings{*dim, *buckets, *dropout};
  std::unique_ptr<NgramClassifier> c(new NgramClassifier(file.labels, *multi, settings, std::move(features)));
  if (*multi) c->m_thresholds = std::move(thresholds.value());
  if (Status s = c->loadWeights(weights->tensors); !s)
    return Error(s.error().message, weightsPath, 0, s.error().field);
  return c;
}

void NgramClassifier::to(const c10::Device& device) {
  m_device = device;
  m_module->to(device);
}

}  // namespace quarry::train
