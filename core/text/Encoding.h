#pragma once
// What the tokenizers produce: pieces with offsets into the original text, and model-ready encodings.

#include <cstdint>
#include <string>
#include <vector>

namespace quarry::text {

using TokenId = int64_t;

// A half-open range [start, end). Character offsets count Unicode code points of the ORIGINAL text
// (the project's unit everywhere); special tokens added by a template get (0, 0).
struct Span {
  int32_t start = 0;  // first code point (or byte)
  int32_t end = 0;    // one past the last code point (or byte)
  bool operator==(const Span& o) const { return start == o.start && end == o.end; }
};

// One token of tokenize().
struct Piece {
  std::string token;     // vocabulary string ("##ing", "Ġthe", "▁the")
  TokenId id = -1;       // vocabulary id (the unknown token's id when out of vocabulary)
  Span chars;            // code point offsets into the original text
  Span bytes;            // byte offsets into the original text
  int32_t word = -1;     // index of the pre-tokenized word the piece belongs to
  bool special = false;  // a special token written literally in the text ("[MASK]", "<mask>")
};

enum class Truncation {
  LongestFirst,  // remove from the longer sequence first (HF "longest_first")
  OnlyFirst,     // remove from the first sequence only
  OnlySecond,    // remove from the second sequence only
};

struct EncodeOptions {
  bool addSpecialTokens = true;                      // apply the model's template ([CLS] A [SEP] ...)
  int maxLength = 0;                                 // total length limit, specials included; 0 = none
  Truncation truncation = Truncation::LongestFirst;  // which sequence loses tokens beyond maxLength
  int stride = 0;                                    // overlap, in tokens, between overflowing windows
  bool returnOverflowing = false;                    // keep the cut tokens as further windows
};

// Model input for one sequence (or pair). All vectors have the same length.
struct Encoding {
  std::vector<TokenId> ids;                // vocabulary ids
  std::vector<std::string> tokens;         // vocabulary strings
  std::vector<Span> offsets;               // code point offsets into the text the token came from
  std::vector<TokenId> typeIds;            // segment ids (0 first, 1 second for BERT; all 0 RoBERTa)
  std::vector<TokenId> specialTokensMask;  // 1 for tokens added by the template
  std::vector<TokenId> attentionMask;      // 1 everywhere (no padding is added here)
  std::vector<int32_t> wordIds;            // pre-tokenized word of each token, -1 for template tokens
  std::vector<int32_t> sequenceIds;        // 0 or 1 (first/second text), -1 for template tokens
  std::vector<Encoding> overflowing;       // further windows when EncodeOptions::returnOverflowing

  size_t size() const { return ids.size(); }
};

}  // namespace quarry::text
