#include "text/WordPiece.h"

#include "text/Unicode.h"

namespace quarry::text {

WordPiece::WordPiece(const Vocab* vocab, WordPieceOptions options)
    : m_vocab(vocab), m_options(std::move(options)) {
  m_unkId = m_vocab->find(m_options.unkToken).value_or(-1);
}

std::vector<WordPieceSpan> WordPiece::split(const NormalizedText& word) const {
  const size_t n = word.size();
  if (n > m_options.maxInputCharsPerWord) return {{m_unkId, m_options.unkToken, 0, n}};
  std::string bytes;
  std::vector<size_t> at;  // byte offset of each code point, plus the end
  at.reserve(n + 1);
  for (char32_t c : word.cps) {
    at.push_back(bytes.size());
    unicode::appendUtf8(bytes, c);
  }
  at.push_back(bytes.size());

  const size_t maxBytes = m_vocab->maxTokenBytes();
  const auto& map = m_vocab->map();
  std::vector<WordPieceSpan> out;
  std::string key;
  size_t start = 0;
  while (start < n) {
    size_t end = n;
    bool found = false;
    while (start < end) {
      const size_t len = at[end] - at[start];
      const size_t prefix = start > 0 ? m_options.continuingPrefix.size() : 0;
      if (len + prefix <= maxBytes) {
        key.assign(start > 0 ? m_options.continuingPrefix : std::string());
        key.append(bytes, at[start], len);
        auto it = map.find(key);
        if (it != map.end()) {
          out.push_back({it->second, key, start, end});
          found = true;
          break;
        }
      }
      --end;
    }
    if (!found) return {{m_unkId, m_options.unkToken, 0, n}};
    start = end;
  }
  return out;
}

}  // namespace quarry::text
