#include "text/BpeModel.h"

#include <limits>

namespace quarry::text {

namespace {
constexpr size_t kMaxCacheEntries = 200'000;

uint64_t pairKey(int32_t a, int32_t b) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(a)) << 32) | static_cast<uint32_t>(b);
}
}  // namespace

BpeModel::BpeModel(const std::vector<std::pair<std::string, std::string>>& merges) {
  for (size_t r = 0; r < merges.size(); ++r) {
    const int32_t a = intern(merges[r].first);
    const int32_t b = intern(merges[r].second);
    const int32_t c = intern(merges[r].first + merges[r].second);
    m_ranks[pairKey(a, b)] = {static_cast<int32_t>(r), c};
  }
}

int32_t BpeModel::intern(const std::string& s) {
  auto it = m_symbolIds.find(s);
  if (it != m_symbolIds.end()) return it->second;
  const auto id = static_cast<int32_t>(m_symbols.size());
  m_symbols.push_back(s);
  m_symbolIds.emplace(s, id);
  return id;
}

int32_t BpeModel::lookup(const std::string& s) const {
  auto it = m_symbolIds.find(s);
  return it == m_symbolIds.end() ? -1 : it->second;
}

std::vector<BpeModel::Symbol> BpeModel::apply(const std::vector<std::string>& units) const {
  std::string key;
  for (const auto& u : units) key += u;
  {
    std::lock_guard<std::mutex> lock(m_cacheMutex);
    auto it = m_cache.find(key);
    if (it != m_cache.end()) return it->second;
  }
  struct Part {
    int32_t id;        // interned symbol, -1 when it takes part in no merge
    std::string text;  // its text
    uint32_t units;
  };
  std::vector<Part> word;
  word.reserve(units.size());
  for (const auto& u : units) word.push_back({lookup(u), u, 1});

  while (word.size() > 1) {
    int32_t bestRank = std::numeric_limits<int32_t>::max();
    int32_t left = -1, right = -1, merged = -1;
    for (size_t i = 0; i + 1 < word.size(); ++i) {
      if (word[i].id < 0 || word[i + 1].id < 0) continue;
      auto it = m_ranks.find(pairKey(word[i].id, word[i + 1].id));
      if (it != m_ranks.end() && it->second.rank < bestRank) {
        bestRank = it->second.rank;
        left = word[i].id;
        right = word[i + 1].id;
        merged = it->second.result;
      }
    }
    if (merged < 0) break;
    std::vector<Part> next;
    next.reserve(word.size());
    for (size_t i = 0; i < word.size();) {
      if (i + 1 < word.size() && word[i].id == left && word[i + 1].id == right) {
        next.push_back({merged, m_symbols[static_cast<size_t>(merged)], word[i].units + word[i + 1].units});
        i += 2;
      } else {
        next.push_back(std::move(word[i]));
        ++i;
      }
    }
    word.swap(next);
  }
  std::vector<Symbol> out;
  out.reserve(word.size());
  for (auto& p : word) out.push_back({std::move(p.text), p.units});
  {
    std::lock_guard<std::mutex> lock(m_cacheMutex);
    if (m_cache.size() >= kMaxCacheEntries) m_cache.clear();
    m_cache.emplace(std::move(key), out);
  }
  return out;
}

}  // namespace quarry::text
