#include "train/mlm/ElectraPretrainingModel.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>

#include <ATen/ops/argmax.h>
#include <ATen/ops/binary_cross_entropy_with_logits.h>
#include <ATen/ops/cumsum.h>
#include <ATen/ops/ones.h>
#include <ATen/ops/softmax.h>
#include <ATen/ops/tensor.h>
#include <ATen/ops/zeros.h>
#include <c10/core/GradMode.h>
#include <nlohmann/json.hpp>

#include "common/JsonReader.h"
#include "model/checkpoint/AtomicFolder.h"
#include "model/checkpoint/HfFolderWriter.h"
#include "train/TaskModelFile.h"
#include "train/TokenLoss.h"
#include "train/TransformerBatch.h"
#include "train/TransformerSetup.h"

namespace quarry::train {
namespace fs = std::filesystem;

namespace {

constexpr const char* kGeneratorPrefix = "generator.";

uint64_t mix(uint64_t z) {
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// The generator's width for a discriminator: a share of its hidden size, heads and feed-forward width, the
// hidden size a multiple of the heads.
void generatorShape(const model::ModelConfig& discriminator, double share, TrainConfig& g) {
  const auto scaled = [share](int64_t v) {
    return std::max<int64_t>(1, static_cast<int64_t>(std::llround(static_cast<double>(v) * share)));
  };
  g.randomLayers = discriminator.numHiddenLayers;
  g.randomHeads = scaled(discriminator.numAttentionHeads);
  g.randomHidden =
      std::max<int64_t>(g.randomHeads, scaled(discriminator.hiddenSize) / g.randomHeads * g.randomHeads);
  g.randomIntermediate = scaled(discriminator.intermediateSize);
}

model::StateDict onCpu(const model::StateDict& weights) {
  model::StateDict cpu;
  for (const auto& [name, tensor] : weights) cpu[name] = tensor.detach().to(at::kCPU);
  return cpu;
}

}  // namespace

double ElectraPretrainingModel::samplingDraw(uint64_t seed, int64_t epoch, int64_t item, int64_t position) {
  uint64_t z = mix(seed ^ 0x45C7A1F3D2B6E081ull);
  z = mix(z ^ static_cast<uint64_t>(epoch) * 0xD6E8FEB86659FD93ull);
  z = mix(z ^ static_cast<uint64_t>(item) * 0x9E3779B97F4A7C15ull);
  z = mix(z ^ static_cast<uint64_t>(position));
  return static_cast<double>((z >> 11) + 1) * 0x1.0p-53;  // (0, 1]: a target of 0 could take an excluded id
}

at::Tensor ElectraPretrainingModel::sampleTokens(const at::Tensor& probabilities,
                                                 const std::vector<double>& draws) {
  at::NoGradGuard noGrad;
  const at::Tensor cumulative = at::cumsum(probabilities.to(at::kFloat), 1);
  const at::Tensor total = cumulative.narrow(1, cumulative.size(1) - 1, 1);
  const at::Tensor u = at::tensor(draws, at::kDouble).to(cumulative.options()).unsqueeze(1);
  // The number of ids whose cumulative sum is below the target is the first id that reaches it.
  return cumulative.lt(u * total).sum(1).clamp_max(cumulative.size(1) - 1).to(at::kLong);
}

Result<std::unique_ptr<ElectraPretrainingModel>> ElectraPretrainingModel::create(const TrainConfig& config) {
  return build(config, false);
}

Result<std::unique_ptr<ElectraPretrainingModel>> ElectraPretrainingModel::load(const std::string& folder) {
  auto config = savedPretrainingConfig(folder);
  if (!config) return config.error();
  if (config->pretrainObjective != "electra")
    return Error("not an ELECTRA pretraining folder (objective \"" + config->pretrainObjective + "\")",
                 (std::filesystem::path(folder) / kTaskModelFileName).string(), 0, "objective");
  return build(config.value(), true);
}

Result<std::unique_ptr<ElectraPretrainingModel>> ElectraPretrainingModel::build(const TrainConfig& config,
                                                                                bool ownFolder) {
  if (!config.modelFolder.empty()) {
    const std::string path = (fs::path(config.modelFolder) / "config.json").string();
    auto given = model::ModelConfig::load(path);
    if (!given) return given.error();
    if (given->modelType != "electra")
      return Error("ELECTRA pretraining continues an ELECTRA checkpoint; this is a " + given->modelType +
                       " checkpoint: continue it with pretrain_objective \"mlm\"",
                   path, 0, "model_type");
  }
  TransformerSetup discriminator;
  discriminator.task = model::Task::ElectraPreTraining;
  discriminator.classSuffix = "ForPreTraining";
  discriminator.taskFile = kTaskModelFileName;
  discriminator.taskName = "mlm";
  discriminator.sameLabels = ownFolder;
  discriminator.headPrefix.clear();  // one logit per token: never a head to replace
  discriminator.randomModelType = "electra";
  auto parts = buildTransformer(config, discriminator);
  if (!parts) return parts.error();

  TrainConfig g = config;
  g.loraRank = 0;
  const fs::path own = fs::path(config.modelFolder) / kElectraGeneratorFolder;
  const bool hasGenerator = !config.modelFolder.empty() && fs::is_regular_file(own / "config.json");
  if (hasGenerator) {
    g.modelFolder = own.string();
  } else {
    if (ownFolder)
      return Error("the ELECTRA folder has no generator (generator/config.json)", own.string(), 0,
                   kElectraGeneratorFolder);
    g.modelFolder.clear();
    g.tokenizerFolder = config.modelFolder.empty() ? config.tokenizerFolder : config.modelFolder;
    generatorShape(parts->config, config.electraGeneratorSize, g);
  }
  TransformerSetup generator;
  generator.task = model::Task::MaskedLm;
  generator.classSuffix = "ForMaskedLM";
  generator.taskFile = kTaskModelFileName;
  generator.taskName = "mlm";
  generator.sameLabels = ownFolder;
  generator.headPrefix.clear();
  auto generatorParts = buildTransformer(g, generator);
  if (!generatorParts) return generatorParts.error();
  if (generatorParts->config.vocabSize > parts->config.vocabSize)
    return Error("the generator's vocabulary (" + std::to_string(generatorParts->config.vocabSize) +
                     ") is larger than the discriminator's (" + std::to_string(parts->config.vocabSize) + ")",
                 (own / "config.json").string(), 0, "vocab_size");

  std::unique_ptr<ElectraPretrainingModel> m(new ElectraPretrainingModel());
  m->m_maxLength = config.maxLength;
  m->m_discWeight = config.electraDiscWeight;
  m->m_discriminatorConfig = std::move(parts->config);
  m->m_generatorConfig = std::move(generatorParts->config);
  m->m_tokenizer = std::move(parts->tokenizer);
  m->m_tokenizerFiles = std::move(parts->tokenizerFiles);
  m->m_discriminator = parts->model;
  m->m_generator = generatorParts->model;
  m->m_root = std::make_shared<torch::nn::Module>("ElectraPretraining");
  m->m_root->register_module("discriminator", m->m_discriminator.ptr());
  m->m_root->register_module("generator", m->m_generator.ptr());
  const std::string source = config.modelFolder.empty() ? config.tokenizerFolder : config.modelFolder;
  auto vocabulary = MaskVocabulary::of(*m->m_tokenizer, source);
  if (!vocabulary) return vocabulary.error();
  m->m_vocabulary = std::move(vocabulary.value());
  const int64_t v = m->m_generatorConfig.vocabSize;
  std::vector<uint8_t> excluded(static_cast<size_t>(v), 1);
  for (int32_t id : m->m_vocabulary.replacementIds)
    if (id >= 0 && id < v) excluded[static_cast<size_t>(id)] = 0;
  m->m_excluded = at::tensor(std::vector<int64_t>(excluded.begin(), excluded.end()), at::kLong).to(at::kBool);
  return m;
}

ElectraPretrainingModel::Pass ElectraPretrainingModel::forward(const MaskedLmInputs& inputs,
                                                               const std::vector<int32_t>& items,
                                                               int64_t epoch) {
  const MaskedBatch masked = maskedBatch(inputs, items, *m_tokenizer, m_vocabulary, epoch, m_device);
  const TransformerBatch& batch = masked.batch;
  const at::Tensor& positions = masked.positions;
  Pass pass;
  model::ForwardOptions fo;
  fo.hiddenStates = false;
  fo.headPositions = positions;
  pass.generatorLogits = m_generator->forward(batch.ids, batch.mask, batch.types, fo).logits.to(at::kFloat);
  pass.generatorLabels = masked.labels.index_select(0, positions);

  // The discriminator's input: the generator's samples at the masked positions, the original elsewhere.
  const int64_t n = positions.size(0);
  at::Tensor sampled;
  {
    at::NoGradGuard noGrad;
    const at::Tensor where = positions.to(at::kCPU).contiguous();
    const int64_t* index = where.data_ptr<int64_t>();
    std::vector<double> draws(static_cast<size_t>(n));
    for (int64_t k = 0; k < n; ++k)
      draws[static_cast<size_t>(k)] = samplingDraw(
          inputs.seed, epoch, items[static_cast<size_t>(index[k] / batch.cols)], index[k] % batch.cols);
    sampled = sampleTokens(at::softmax(pass.generatorLogits.detach().masked_fill(
                                           m_excluded, -std::numeric_limits<float>::infinity()),
                                       1),
                           draws);
  }
  at::Tensor discriminatorIds = batch.ids.reshape({-1}).clone();
  discriminatorIds.index_copy_(0, positions, sampled);
  at::Tensor replaced = at::zeros({batch.rows * batch.cols}, batch.ids.options().dtype(at::kFloat));
  replaced.index_copy_(0, positions, sampled.ne(pass.generatorLabels).to(at::kFloat));
  pass.replaced = replaced.view({batch.rows, batch.cols});
  pass.tokenMask = batch.mask.to(at::kFloat);
  model::ForwardOptions discriminatorOptions;
  discriminatorOptions.hiddenStates = false;
  pass.discriminatorLogits = m_discriminator
                                 ->forward(discriminatorIds.view({batch.rows, batch.cols}), batch.mask,
                                           batch.types, discriminatorOptions)
                                 .logits.to(at::kFloat);
  return pass;
}

at::Tensor ElectraPretrainingModel::loss(const TaskInputs& base, const std::vector<int32_t>& items,
                                         const LossOptions& options) {
  const auto& inputs = static_cast<const MaskedLmInputs&>(base);
  const Pass pass = forward(inputs, items, inputs.fixedMask ? kFixedMaskEpoch : options.epoch);
  const at::Tensor generatorLoss = tokenLoss(pass.generatorLogits, pass.generatorLabels, {}, 0);
  const at::Tensor perToken = at::binary_cross_entropy_with_logits(pass.discriminatorLogits, pass.replaced,
                                                                   {}, {}, at::Reduction::None);
  const at::Tensor discriminatorLoss = (perToken * pass.tokenMask).sum() / pass.tokenMask.sum().clamp_min(1);
  return generatorLoss + m_discWeight * discriminatorLoss;
}

MaskedLmScore ElectraPretrainingModel::score(const MaskedLmInputs& inputs, const std::vector<int32_t>& items,
                                             int64_t epoch) {
  at::NoGradGuard noGrad;
  const Pass pass = forward(inputs, items, epoch);
  MaskedLmScore s;
  s.tokens = pass.generatorLabels.size(0);
  if (s.tokens > 0) {
    s.lossSum = tokenLoss(pass.generatorLogits, pass.generatorLabels, {}, 0).item<double>() *
                static_cast<double>(s.tokens);
    s.correct = at::argmax(pass.generatorLogits, 1).eq(pass.generatorLabels).sum().item<int64_t>();
  }
  const at::Tensor real = pass.tokenMask.gt(0);
  const at::Tensor perToken = at::binary_cross_entropy_with_logits(pass.discriminatorLogits, pass.replaced,
                                                                   {}, {}, at::Reduction::None);
  const at::Tensor predicted = pass.discriminatorLogits.gt(0).logical_and(real);
  const at::Tensor replaced = pass.replaced.gt(0).logical_and(real);
  s.rtdLossSum = (perToken * pass.tokenMask).sum().item<double>();
  s.rtdTokens = real.sum().item<int64_t>();
  s.rtdReplaced = replaced.sum().item<int64_t>();
  s.rtdPredicted = predicted.sum().item<int64_t>();
  s.rtdTruePositive = predicted.logical_and(replaced).sum().item<int64_t>();
  s.rtdCorrect = predicted.eq(replaced).logical_and(real).sum().item<int64_t>();
  const at::Tensor logits =
      pass.discriminatorLogits.masked_select(real).to(at::kCPU).to(at::kFloat).contiguous();
  const at::Tensor labels = replaced.masked_select(real).to(at::kCPU).to(at::kByte).contiguous();
  s.rtdLogits.assign(logits.data_ptr<float>(), logits.data_ptr<float>() + logits.numel());
  s.rtdLabels.assign(labels.data_ptr<uint8_t>(), labels.data_ptr<uint8_t>() + labels.numel());
  return s;
}

std::string ElectraPretrainingModel::describe() const {
  const auto shape = [](const model::ModelConfig& c) {
    return std::to_string(c.numHiddenLayers) + "x" + std::to_string(c.hiddenSize);
  };
  return "electra " + shape(m_discriminatorConfig) + " discriminator + " + m_generatorConfig.modelType + " " +
         shape(m_generatorConfig) + " generator (replaced-token detection, " + m_tokenizer->kind() + ")";
}

std::vector<model::ParameterGroup> ElectraPretrainingModel::parameterGroups() {
  std::vector<model::ParameterGroup> groups = m_discriminator->parameterGroups();
  for (model::ParameterGroup g : m_generator->parameterGroups()) {
    g.name = kGeneratorPrefix + g.name;
    for (std::string& name : g.names) name = kGeneratorPrefix + name;
    groups.push_back(std::move(g));
  }
  return groups;
}

model::StateDict ElectraPretrainingModel::weights() const {
  model::StateDict all = m_discriminator->stateDict();
  for (const auto& [name, tensor] : m_generator->stateDict()) all[kGeneratorPrefix + name] = tensor;
  return all;
}

Status ElectraPretrainingModel::loadWeights(const model::StateDict& weights) {
  model::StateDict discriminator, generator;
  const std::string prefix = kGeneratorPrefix;
  for (const auto& [name, tensor] : weights) {
    if (name.rfind(prefix, 0) == 0)
      generator[name.substr(prefix.size())] = tensor;
    else
      discriminator[name] = tensor;
  }
  for (auto [target, part] :
       {std::pair{&m_discriminator, &discriminator}, std::pair{&m_generator, &generator}}) {
    model::LoadReport report;
    if (Status s = (*target)->loadStateDict(*part, report); !s) return s;
    if (!report.missing.empty())
      return Error("weights missing: " + report.missing.front(), "", 0, report.missing.front());
  }
  return {};
}

Status ElectraPretrainingModel::save(const std::string& folder) {
  const model::StateDict discriminator = onCpu(m_discriminator->stateDict());
  const model::StateDict generator = onCpu(m_generator->stateDict());
  return model::AtomicFolder::write(folder, [&](const fs::path& dir) -> Status {
    if (Status s =
            model::HfFolderWriter::writeInto(dir, m_discriminatorConfig, discriminator, m_tokenizerFiles);
        !s)
      return s;
    const fs::path generatorDir = dir / kElectraGeneratorFolder;
    std::error_code ec;
    fs::create_directories(generatorDir, ec);
    if (ec) return Error("cannot create the generator's folder: " + ec.message(), generatorDir.string());
    if (Status s =
            model::HfFolderWriter::writeInto(generatorDir, m_generatorConfig, generator, m_tokenizerFiles);
        !s)
      return s;
    if (Status s = writeTaskModelFile(generatorDir, {{"max_length", m_maxLength}}, "mlm", "transformer",
                                      {"masked_lm"});
        !s)
      return s;
    return writeTaskModelFile(
        dir, {{"max_length", m_maxLength}, {"objective", "electra"}, {"electra_disc_weight", m_discWeight}},
        "mlm", "transformer", {"replaced_token_detection"});
  });
}

void ElectraPretrainingModel::to(const c10::Device& device) {
  m_device = device;
  m_discriminator->to(device);
  m_generator->to(device);
  m_excluded = m_excluded.to(device);
}

}  // namespace quarry::train
