#include "train/mlm/PretrainingModel.h"

namespace quarry::train {

std::vector<int32_t> MaskedLmInputs::itemLengths() const {
  std::vector<int32_t> out(sequences.size());
  for (size_t s = 0; s < sequences.size(); ++s) out[s] = sequences.length(s) + templateTokens;
  return out;
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
}

}  // namespace quarry::train
