#include "train/mlm/MaskedLmModel.h"

#include <algorithm>
#include <filesystem>

#include <ATen/ops/argmax.h>
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

Result<std::unique_ptr<MaskedLmModel>> MaskedLmModel::create(const TrainConfig& config) {
  return build(config, false);
}

Result<std::unique_ptr<MaskedLmModel>> MaskedLmModel::build(const TrainConfig& config, bool ownFolder) {
  TransformerSetup setup;
  setup.task = model::Task::MaskedLm;
  setup.classSuffix = "ForMaskedLM";
  setup.taskFile = kTaskModelFileName;
  setup.taskName = "mlm";
  setup.sameLabels = ownFolder;
  setup.headPrefix.clear();  // the head's size is the vocabulary's: never a head to replace
  auto parts = buildTransformer(config, setup);
  if (!parts) return parts.error();
  std::unique_ptr<MaskedLmModel> m(new MaskedLmModel());
  m->m_maxLength = config.maxLength;
  m->m_config = std::move(parts->config);
  m->m_tokenizer = std::move(parts->tokenizer);
  m->m_tokenizerFiles = std::move(parts->tokenizerFiles);
  m->m_model = parts->model;
  const std::string source = config.modelFolder.empty() ? config.tokenizerFolder : config.modelFolder;
  auto vocabulary = MaskVocabulary::of(*m->m_tokenizer, source);
  if (!vocabulary) return vocabulary.error();
  m->m_vocabulary = std::move(vocabulary.value());
  return m;
}

Result<std::unique_ptr<MaskedLmModel>> MaskedLmModel::load(const std::string& folder) {
  auto config = savedPretrainingConfig(folder);
  if (!config) return config.error();
  return build(config.value(), true);
}

std::pair<at::Tensor, at::Tensor> MaskedLmModel::maskedLogits(const MaskedLmInputs& inputs,
                                                              const std::vector<int32_t>& items,
                                                              int64_t epoch) {
  const MaskedBatch masked = maskedBatch(inputs, items, *m_tokenizer, m_vocabulary, epoch, m_device);
  // Only the masked positions go through the head (its decoder is the vocabulary wide) and the softmax,
  // in fp32.
  model::ForwardOptions fo;
  fo.hiddenStates = false;
  fo.headPositions = masked.positions;
  const at::Tensor picked =
      m_model->forward(masked.batch.ids, masked.batch.mask, masked.batch.types, fo).logits.to(at::kFloat);
  return {picked, masked.labels.index_select(0, masked.positions)};
}

at::Tensor MaskedLmModel::loss(const TaskInputs& base, const std::vector<int32_t>& items,
                               const LossOptions& options) {
  const auto& inputs = static_cast<const MaskedLmInputs&>(base);
  const auto [logits, labels] =
      maskedLogits(inputs, items, inputs.fixedMask ? kFixedMaskEpoch : options.epoch);
  return tokenLoss(logits, labels, {}, 0);
}

MaskedLmScore MaskedLmModel::score(const MaskedLmInputs& inputs, const std::vector<int32_t>& items,
                                   int64_t epoch) {
  at::NoGradGuard noGrad;
  const auto [logits, labels] = maskedLogits(inputs, items, epoch);
  MaskedLmScore s;
  s.tokens = labels.size(0);
  if (s.tokens == 0) return s;
  s.lossSum = tokenLoss(logits, labels, {}, 0).item<double>() * static_cast<double>(s.tokens);
  s.correct = at::argmax(logits, 1).eq(labels).sum().item<int64_t>();
  return s;
}

std::string MaskedLmModel::describe() const {
  return m_config.modelType + " " + std::to_string(m_config.numHiddenLayers) + "x" +
         std::to_string(m_config.hiddenSize) + " + masked LM (" + m_tokenizer->kind() + ")";
}

Status MaskedLmModel::loadWeights(const model::StateDict& weights) {
  model::LoadReport report;
  if (Status s = m_model->loadStateDict(weights, report); !s) return s;
  if (!report.missing.empty())
    return Error("weights missing: " + report.missing.front(), "", 0, report.missing.front());
  return {};
}

Status MaskedLmModel::save(const std::string& folder) {
  model::StateDict cpu;
  for (const auto& [name, tensor] : m_model->stateDict()) cpu[name] = tensor.detach().to(at::kCPU);
  return model::AtomicFolder::write(folder, [&](const fs::path& dir) -> Status {
    if (Status s = model::HfFolderWriter::writeInto(dir, m_config, cpu, m_tokenizerFiles); !s) return s;
    return writeTaskModelFile(dir, {{"max_length", m_maxLength}}, "mlm", "transformer", {"masked_lm"});
  });
}

void MaskedLmModel::to(const c10::Device& device) {
  m_device = device;
  m_model->to(device);
}

}  // namespace quarry::train
