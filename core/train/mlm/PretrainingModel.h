#pragma once
// What pretraining's task (train/mlm/MaskedLmTask.h) needs of its model, whichever the objective: the
// tokenizer and sequence length it packs text for, and the dev figures under a mask. Two models implement
// it: MaskedLmModel (masked LM) and ElectraPretrainingModel (replaced-token detection).

#include <cstdint>
#include <vector>

#include "text/Tokenizer.h"
#include "train/TaskModel.h"
#include "train/TrainConfig.h"
#include "train/TransformerBatch.h"
#include "train/mlm/MaskedLmMasking.h"
#include "train/mlm/PretrainingSequences.h"

namespace quarry::train {

// Packed sequences with how they are masked: training items get a new mask every epoch, dev items one
// fixed mask.
class MaskedLmInputs : public TaskInputs {
 public:
  PretrainingSequences sequences;
  MaskingOptions masking;
  uint64_t seed = 0;
  bool fixedMask = false;  // dev: always the mask of kFixedMaskEpoch
  int templateTokens = 2;  // the special tokens put around each sequence
  size_t itemCount() const override { return sequences.size(); }
  std::vector<int32_t> itemLengths() const override;
};

// Pretraining figures summed over a set of items: the masked-LM figures (of the generator under ELECTRA),
// and under ELECTRA the discriminator's over every token of the sequences.
struct MaskedLmScore {
  double lossSum = 0;   // cross-entropy summed over the masked tokens (nats)
  int64_t tokens = 0;   // masked tokens
  int64_t correct = 0;  // masked tokens whose most probable prediction is the original
  double meanLoss() const { return tokens > 0 ? lossSum / static_cast<double>(tokens) : 0.0; }

  // Replaced-token detection (ELECTRA only; rtdTokens = 0 otherwise).
  double rtdLossSum = 0;        // binary cross-entropy summed over the tokens (nats)
  int64_t rtdTokens = 0;        // tokens judged (every non-padding position)
  int64_t rtdCorrect = 0;       // judged right (logit > 0 exactly where the token was replaced)
  int64_t rtdReplaced = 0;      // tokens the generator's sample replaced (differs from the original)
  int64_t rtdPredicted = 0;     // tokens the discriminator calls replaced
  int64_t rtdTruePositive = 0;  // called replaced and replaced
  std::vector<float> rtdLogits;    // every judged token's logit, for the ranking figure (AUC)
  std::vector<uint8_t> rtdLabels;  // 1 where it was replaced
  void add(const MaskedLmScore& o);
  // The discriminator's ROC AUC: the chance that a replaced token gets a higher logit than an original one
  // (ties count half); independent of where the logits are cut, unlike F1. 0.5 when either class is absent.
  double rtdAuc() const;
};

// Items `items` masked for `epoch` as a model batch: the masked ids around the tokenizer's single-sequence
// template, the labels flattened to [rows * cols] (kMaskIgnoredLabel where nothing was masked) and the
// flat indexes of the masked positions.
struct MaskedBatch {
  TransformerBatch batch;
  at::Tensor labels;     // [rows * cols]
  at::Tensor positions;  // [N] int64
};
MaskedBatch maskedBatch(const MaskedLmInputs& inputs, const std::vector<int32_t>& items,
                        const text::Tokenizer& tokenizer, const MaskVocabulary& vocabulary, int64_t epoch,
                        const c10::Device& device);

// The config a saved pretraining folder is rebuilt with: its quarry_task.json (task "mlm") read for
// max_length, the objective and electra_disc_weight, model_folder the folder. Errors name the file and field.
Result<TrainConfig> savedPretrainingConfig(const std::string& folder);

class PretrainingModel : public TaskModel {
 public:
  virtual const text::Tokenizer& tokenizer() const = 0;
  virtual int maxLength() const = 0;
  // Scores `items` under the mask of `epoch` (dev: kFixedMaskEpoch), without gradients.
  virtual MaskedLmScore score(const MaskedLmInputs& inputs, const std::vector<int32_t>& items,
                              int64_t epoch) = 0;
  bool isTransformer() const override { return true; }
};

}  // namespace quarry::train
