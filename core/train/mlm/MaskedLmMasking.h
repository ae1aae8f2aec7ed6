#pragma once
// Dynamic masking for masked-LM training, as BERT and transformers' DataCollatorForLanguageModeling do it:
// of a sequence's maskable tokens (every token but the template's and literal special tokens) each is
// chosen with `probability` (with wholeWord, each word is chosen with it and then all its pieces); a chosen
// token becomes the mask token with probability 0.8, a random non-special token with 0.1, and stays with
// 0.1. A sequence where nothing was chosen gets one chosen token (or word), so that every sequence has a
// loss. Labels are the original ids at chosen positions and -100 elsewhere.
//
// The mask is a pure function of (seed, epoch, item): a resumed run draws the same masks as an
// uninterrupted one, and every training epoch a new one. Dev uses one fixed mask (kFixedMaskEpoch).

#include <cstdint>
#include <string>
#include <vector>

#include "common/Error.h"
#include "text/Tokenizer.h"

namespace quarry::train {

struct PretrainingSequences;

inline constexpr int64_t kMaskIgnoredLabel = -100;
inline constexpr int64_t kFixedMaskEpoch = -1;  // the epoch of dev's one mask

struct MaskingOptions {
  double probability = 0.15;  // share of maskable tokens (or words) chosen
  bool wholeWord = false;     // choose words, then mask all their pieces
};

// What masking needs of a tokenizer: the mask id and the ids a random replacement may take.
struct MaskVocabulary {
  int64_t maskId = 0;
  std::vector<int32_t> replacementIds;  // every non-special id below the vocabulary size
  // Errors when the tokenizer has no mask token.
  static Result<MaskVocabulary> of(const text::Tokenizer& tokenizer, const std::string& source);
};

// Masks the n tokens `ids` (flags: PretrainingSequences'), writing the model inputs to `inputs` and the
// labels to `labels` (n each).
void maskSequence(const int32_t* ids, const uint8_t* flags, size_t n, const MaskingOptions& options,
                  const MaskVocabulary& vocabulary, uint64_t seed, int64_t epoch, int64_t item,
                  int64_t* inputs, int64_t* labels);

// Model rows for sequences `items` of `sequences`: the single-sequence template (`layout`: [CLS] A [SEP])
// around each masked sequence, its type ids, and labels (-100 on the template's tokens).
struct MaskedRows {
  std::vector<std::vector<int64_t>> ids, types, labels;
};
MaskedRows maskedRows(const PretrainingSequences& sequences, const std::vector<int32_t>& items,
                      const std::vector<text::TemplateItem>& layout, const MaskingOptions& options,
                      const MaskVocabulary& vocabulary, uint64_t seed, int64_t epoch);

}  // namespace quarry::train
