#include "text/AddedTokenSplitter.h"

#include <algorithm>

#include "text/Unicode.h"

namespace quarry::text {

AddedTokenSplitter::AddedTokenSplitter(std::vector<AddedToken> tokens) : m_tokens(std::move(tokens)) {
  for (const auto& t : m_tokens) m_cps.push_back(unicode::decodeUtf8(t.content).cps);
}

const AddedToken* AddedTokenSplitter::find(std::string_view text) const {
  for (const auto& t : m_tokens)
    if (t.content == text) return &t;
  return nullptr;
}

std::vector<TextSegment> AddedTokenSplitter::split(const std::vector<char32_t>& cps, int32_t begin,
                                                   int32_t end) const {
  std::vector<TextSegment> segs;
  int32_t textStart = begin;
  int32_t i = begin;
  while (i < end) {
    int best = -1;
    size_t bestLen = 0;
    for (size_t t = 0; t < m_cps.size(); ++t) {
      const auto& c = m_cps[t];
      if (c.empty() || c.size() <= bestLen || static_cast<size_t>(end - i) < c.size() || cps[i] != c[0])
        continue;
      if (std::equal(c.begin(), c.end(), cps.begin() + i)) {
        best = static_cast<int>(t);
        bestLen = c.size();
      }
    }
    if (best < 0) {
      ++i;
      continue;
    }
    if (i > textStart) segs.push_back({textStart, i, -1});
    segs.push_back({i, i + static_cast<int32_t>(bestLen), best});
    i += static_cast<int32_t>(bestLen);
    textStart = i;
  }
  if (end > textStart) segs.push_back({textStart, end, -1});

  // transformers strips the neighbouring *strings*, one special token after the other.
  for (size_t k = 0; k < segs.size(); ++k) {
    if (segs[k].added < 0) continue;
    const AddedToken& tok = m_tokens[static_cast<size_t>(segs[k].added)];
    if (tok.rstrip && k + 1 < segs.size() && segs[k + 1].added < 0) {
      auto& r = segs[k + 1];
      while (r.start < r.end && unicode::isPythonSpace(cps[static_cast<size_t>(r.start)])) ++r.start;
    }
    if (tok.lstrip && k > 0 && segs[k - 1].added < 0) {
      auto& l = segs[k - 1];
      while (l.end > l.start && unicode::isPythonSpace(cps[static_cast<size_t>(l.end - 1)])) --l.end;
    }
  }
  return segs;
}

}  // namespace quarry::text
