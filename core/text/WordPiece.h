#pragma once
// Greedy longest-match-first WordPiece over one word (transformers' WordpieceTokenizer).

#include <string>
#include <vector>

#include "text/NormalizedText.h"
#include "text/Vocab.h"

namespace quarry::text {

struct WordPieceOptions {
  std::string unkToken = "[UNK]";       // the whole word becomes this when it cannot be split
  std::string continuingPrefix = "##";  // prefix of non-initial pieces
  size_t maxInputCharsPerWord = 100;    // longer words become one unknown token
};

struct WordPieceSpan {
  TokenId id = -1;    // vocabulary id
  std::string token;  // vocabulary string
  size_t begin = 0;   // first code point in the word
  size_t end = 0;     // one past the last code point
};

class WordPiece {
 public:
  WordPiece(const Vocab* vocab, WordPieceOptions options);

  // Pieces of `word` (non-empty, no whitespace). One unknown piece over the whole word on failure.
  std::vector<WordPieceSpan> split(const NormalizedText& word) const;
  TokenId unkId() const { return m_unkId; }
  const WordPieceOptions& options() const { return m_options; }

 private:
  const Vocab* m_vocab;
  WordPieceOptions m_options;
  TokenId m_unkId = -1;
};

}  // namespace quarry::text
