#include "train/mlm/PretrainingModel.h"

#include <algorithm>
#include <numeric>

#include "common/JsonReader.h"
#include "train/TaskModelFile.h"

namespace quarry::train {

std::vector<int32_t> MaskedLmInputs::itemLengths() const {
  std::vector<int32_t> out(sequences.size());
  for (size_t s = 0; s < sequences.size(); ++s) out[s] = sequences.length(s) + templateTokens;
  return out;
}

Result<TrainConfig> savedPretrainingConfig(const std::string& folder) {
  auto file = readTaskModelFile(folder, kPretrainingTaskName);
  if (!file) return file.error();
  const JsonFields meta(file->meta, file->path);
  auto maxLength = meta.integer("max_length", 128, 8, 65536);
  if (!maxLength) return maxLength.error();
  auto objective = meta.string("objective", "mlm");
  if (!objective) return objective.error();
  if (*objective != "mlm" && *objective != "electra")
    return meta.error("objective", "expected \"mlm\" or \"electra\"");
  TrainConfig config = TrainConfig::defaultsFor(kPretrainingTaskName);
  auto weight = meta.number("electra_disc_weight", config.electraDiscWeight, 1e-12);
  if (!weight) return weight.error();
  config.kind = ModelKind::Transformer;
  config.modelFolder = folder;
  config.maxLength = static_cast<int>(*maxLength);
  config.pretrainObjective = *objective;
  config.electraDiscWeight = *weight;
  return config;
}

MaskedBatch maskedBatch(const MaskedLmInputs& inputs, const std::vector<int32_t>& items,
                        const text::Tokenizer& tokenizer, const MaskVocabulary& vocabulary, int64_t epoch,
                        const c10::Device& device) {
  const MaskedRows rows = maskedRows(inputs.sequences, items, tokenizer.postTemplate().single, inputs.masking,
                                     vocabulary, inputs.seed, epoch);
  std::vector<const std::vector<int64_t>*> idRows, typeRows, labelRows;
  for (size_t r = 0; r < items.size(); ++r) {
    idRows.push_back(&rows.ids[r]);
    typeRows.push_back(&rows.types[r]);
    labelRows.push_back(&rows.labels[r]);
  }
  MaskedBatch out;
  out.batch = transformerBatch(idRows, typeRows, tokenizer.specialTokens().padId.value_or(0), device);
  out.labels = paddedRows(labelRows, out.batch.cols, kMaskIgnoredLabel, device).reshape({-1});
  out.positions = out.labels.ne(kMaskIgnoredLabel).nonzero().reshape({-1});
  return out;
}

void MaskedLmScore::add(const MaskedLmScore& o) {
  lossSum += o.lossSum;
  tokens += o.tokens;
  correct += o.correct;
  rtdLossSum += o.rtdLossSum;
  rtdTokens += o.rtdTokens;
  rtdCorrect += o.rtdCorrect;
  rtdReplaced += o.rtdReplaced;
  rtdPredicted += o.rtdPredicted;
  rtdTruePositive += o.rtdTruePositive;
  rtdLogits.insert(rtdLogits.end(), o.rtdLogits.begin(), o.rtdLogits.end());
  rtdLabels.insert(rtdLabels.end(), o.rtdLabels.begin(), o.rtdLabels.end());
}

double MaskedLmScore::rtdAuc() const {
  // Mann-Whitney: the replaced tokens' rank sum among all logits (ties given their mean rank).
  std::vector<size_t> order(rtdLogits.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rtdLogits[a] < rtdLogits[b]; });
  double positives = 0, rankSum = 0;
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j < order.size() && rtdLogits[order[j]] == rtdLogits[order[i]]) ++j;
    const double meanRank =
        (static_cast<double>(i) + static_cast<double>(j) + 1) / 2;  // 1-based ranks i+1..j
    for (size_t k = i; k < j; ++k)
      if (rtdLabels[order[k]]) {
        rankSum += meanRank;
        positives += 1;
      }
    i = j;
  }
  const double negatives = static_cast<double>(order.size()) - positives;
  if (positives == 0 || negatives == 0) return 0.5;
  return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
}

}  // namespace quarry::train
