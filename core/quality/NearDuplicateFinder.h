#pragma once
// Near-duplicate texts among many: MinHash signatures of each text's word shingles, banded (MinHash.h) so
// that only texts agreeing on a whole band are compared, and every candidate re-checked by the exact Jaccard
// similarity of the shingle sets, so no pair is reported below the threshold.
//
// Texts with identical word sequences (TextFingerprint.h: case, punctuation and whitespace aside) are
// grouped first; one of each group stands for it in the index and its pairs hold for every member. A text
// of fewer than minWords words takes part in nothing.
//
// Cost: a signature per distinct text (permutations multiply-adds per shingle), one sort per band, and
// the Jaccard of each candidate pair. Memory: the shingle sets (8 bytes a word) and the signatures
// (4 bytes a permutation) of the distinct texts.

#include <cstdint>
#include <functional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "quality/MinHash.h"

namespace quarry::quality {

struct NearDuplicateOptions {
  double threshold = 0.8;  // Jaccard similarity of the shingle sets at or above which two texts pair
  int shingleWords = 5;    // words per shingle
  int permutations = 128;  // MinHash signature length
  uint64_t seed = 1;       // of the hash functions
  int minWords = 1;        // texts of fewer words take part in nothing ("3 %.", a heading)
};

struct SimilarPair {
  int32_t first = 0;   // index of the earlier text (order of add())
  int32_t second = 0;  // index of the later one
  double similarity = 0.0;  // exact Jaccard of the shingle sets
  bool identical = false;   // the same word sequence
};

class NearDuplicateFinder {
 public:
  explicit NearDuplicateFinder(const NearDuplicateOptions& options = {});

  // Adds a text (UTF-8); returns its index (0, 1, ...).
  int32_t add(std::string_view text);
  int32_t size() const { return static_cast<int32_t>(m_groupOf.size()); }
  // Words of text i; whether it takes part (has at least minWords words).
  int32_t wordCount(int32_t i) const { return m_words[static_cast<size_t>(i)]; }
  bool compared(int32_t i) const { return m_groupOf[static_cast<size_t>(i)] >= 0; }
  const LshBands& bands() const { return m_bands; }

  // Every pair at or above the threshold that `wanted` accepts (all when empty), ordered by (first, second).
  // Candidate pairs `wanted` refuses are never re-checked: asking only for pairs across splits is cheaper.
  std::vector<SimilarPair> pairs(const std::function<bool(int32_t, int32_t)>& wanted = {}) const;
  // Pairs the banding proposed in the last pairs() call (before the exact re-check and `wanted`).
  int64_t lastCandidateCount() const { return m_lastCandidates; }

 private:
  struct Group {
    std::vector<int32_t> members;   // texts with this word sequence
    std::vector<uint64_t> shingles;
    std::vector<uint32_t> signature;
  };

  NearDuplicateOptions m_options;
  MinHasher m_hasher;
  LshBands m_bands;
  std::vector<Group> m_groups;
  std::vector<int32_t> m_groupOf;  // per text, its group (-1: no words)
  std::vector<int32_t> m_words;
  std::unordered_map<uint64_t, int32_t> m_groupIndex;  // sequence hash -> group
  mutable int64_t m_lastCandidates = 0;
};

}  // namespace quarry::quality
