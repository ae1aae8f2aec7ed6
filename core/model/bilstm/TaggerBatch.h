#pragma once
// Sentences turned into the index tensors a BiLstmCrfTagger reads.

#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

#include "model/bilstm/TaggerVocabulary.h"

namespace quarry::model {

struct TaggerBatch {
  at::Tensor wordIds;  // [B,W] int64, TaggerVocabulary::kPad past a sentence's end
  at::Tensor charIds;  // [B,W,L] int64, kPad past a word's end
  at::Tensor casing;   // [B,W] int64, TaggerVocabulary::kCasingPad past a sentence's end
  at::Tensor mask;     // [B,W] bool, true on real words (left-aligned)
  at::Tensor lengths;  // [B] int64 on the CPU, words per sentence

  // Moves the tensors the model computes with (all but lengths, which stays on the CPU).
  TaggerBatch to(const at::Device& device) const;
};

// Pads to the longest sentence (W) and the longest word (L, at most maxWordChars code points; longer
// words keep their first maxWordChars). A word with no characters gets one <unk> character.
// Sentences must not be empty (std::invalid_argument otherwise); B = sentences.size() >= 1.
TaggerBatch makeTaggerBatch(const TaggerVocabulary& vocab,
                            const std::vector<const std::vector<std::string>*>& sentences,
                            int maxWordChars = 25);

}  // namespace quarry::model
