#pragma once
// Cuts text on the literal strings of added/special tokens, as transformers' Trie.split does
// (leftmost match, longest at that position), then lets lstrip/rstrip tokens eat neighbouring spaces.

#include <string_view>
#include <vector>

#include "text/SpecialTokens.h"

namespace quarry::text {

struct TextSegment {
  int32_t start = 0;  // first code point
  int32_t end = 0;    // one past the last code point
  int added = -1;     // index into the splitter's tokens, -1 for ordinary text
};

class AddedTokenSplitter {
 public:
  AddedTokenSplitter() = default;
  explicit AddedTokenSplitter(std::vector<AddedToken> tokens);

  // Segments of cps[begin, end) in order; ordinary segments may be empty after stripping.
  std::vector<TextSegment> split(const std::vector<char32_t>& cps, int32_t begin, int32_t end) const;

  const std::vector<AddedToken>& tokens() const { return m_tokens; }
  // The added token whose content is exactly `text`, or nullptr.
  const AddedToken* find(std::string_view text) const;

 private:
  std::vector<AddedToken> m_tokens;
  std::vector<std::vector<char32_t>> m_cps;  // contents as code points
};

}  // namespace quarry::text
