#pragma once
// The special tokens of a tokenizer, and the literal strings that are matched whole in user text.

#include <optional>
#include <string>
#include <vector>

#include "text/Encoding.h"

namespace quarry::text {

// One token that is never split: found literally in the text it becomes its own id.
struct AddedToken {
  std::string content;  // the literal string ("[MASK]", "<mask>")
  TokenId id = -1;      // its id
  bool lstrip = false;  // eats the whitespace before it (RoBERTa's <mask>)
  bool rstrip = false;  // eats the whitespace after it
  bool special = true;  // counted as special (skipped by decode(skipSpecialTokens))
};

struct SpecialTokens {
  std::string cls, sep, pad, unk, mask, bos, eos;  // strings; empty when the model has none
  std::optional<TokenId> clsId, sepId, padId, unkId, maskId, bosId, eosId;  // ids in the vocabulary
  std::vector<AddedToken> added;  // strings matched whole in user text

  // Every special id (cls, sep, pad, unk, mask, bos, eos and special added tokens).
  std::vector<TokenId> allIds() const;
};

}  // namespace quarry::text
