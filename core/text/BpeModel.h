#pragma once
// Byte-pair encoding of one pre-token with merge ranks (GPT-2's bpe(): merge every occurrence of the
// lowest-ranked adjacent pair, left to right, until none applies), with a cache per word.

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace quarry::text {

class BpeModel {
 public:
  struct Symbol {
    std::string text;    // the merged symbol (a vocabulary string)
    uint32_t units = 0;  // how many initial symbols (bytes, for byte-level) it spans
  };

  BpeModel() = default;
  // Merges in rank order; a repeated merge keeps its last rank (Python dict semantics).
  explicit BpeModel(const std::vector<std::pair<std::string, std::string>>& merges);
  BpeModel(const BpeModel&) = delete;
  BpeModel& operator=(const BpeModel&) = delete;

  // Merges the initial symbols `units` (one string per byte-level character).
  std::vector<Symbol> apply(const std::vector<std::string>& units) const;
  size_t mergeCount() const { return m_ranks.size(); }

 private:
  int32_t intern(const std::string& s);
  int32_t lookup(const std::string& s) const;

  std::unordered_map<std::string, int32_t> m_symbolIds;
  std::vector<std::string> m_symbols;
  struct Merge {
    int32_t rank;
    int32_t result;
  };
  std::unordered_map<uint64_t, Merge> m_ranks;  // (left << 32 | right) -> rank and merged symbol

  mutable std::mutex m_cacheMutex;
  mutable std::unordered_map<std::string, std::vector<Symbol>> m_cache;
};

}  // namespace quarry::text
