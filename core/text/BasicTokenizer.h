#pragma once
// BERT's BasicTokenizer (transformers 4.28): cleaning, CJK splitting, whitespace split, lowercasing,
// accent stripping and punctuation split, keeping the origin of every code point.

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "text/NormalizedText.h"

namespace quarry::text {

struct BasicTokenizerOptions {
  bool cleanText = true;                       // drop controls / U+FFFD, map whitespace to spaces
  bool tokenizeChineseChars = true;            // put spaces around CJK ideographs
  bool lowercase = true;                       // str.lower() every word
  std::optional<bool> stripAccents;            // NFD + drop Mn; unset = do it when lowercasing
  std::unordered_set<std::string> neverSplit;  // words kept as they are (no lowercasing or split)
};

class BasicTokenizer {
 public:
  BasicTokenizer() = default;
  explicit BasicTokenizer(BasicTokenizerOptions options) : m_options(std::move(options)) {}

  // The words of `text` (origins carried through).
  std::vector<NormalizedText> tokenize(const NormalizedText& text) const;

  const BasicTokenizerOptions& options() const { return m_options; }

 private:
  void finishWord(NormalizedText& word, std::vector<NormalizedText>& out) const;

  BasicTokenizerOptions m_options;
};

// Code points [begin, end) of `cps` as NormalizedText (origins = their indexes in `cps`), each lowercased
// on its own when `lowercase` (Python's str.lower() of one character, so no Final_Sigma rule): what
// transformers' BertTokenizer does to the text before its BasicTokenizer sees it.
NormalizedText lowerEachChar(const std::vector<char32_t>& cps, int32_t begin, int32_t end, bool lowercase);

}  // namespace quarry::text
