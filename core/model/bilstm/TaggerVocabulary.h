#pragma once
// Words and characters a from-scratch tagger (BiLstmCrfTagger) knows, built from its training
// sentences and saved beside its weights. Words are normalised (lowercase, Unicode-aware, and every
// digit -> '0') before lookup; characters are code points with their case kept. Id 0 is padding
// and id 1 stands for anything unknown, for words and characters alike.

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "common/Error.h"

namespace quarry::model {

class TaggerVocabulary {
 public:
  static constexpr int64_t kPad = 0;  // padding id (words, characters)
  static constexpr int64_t kUnk = 1;  // unknown id (words, characters)

  // Word shape classes of Reimers & Gurevych (2017); kCasingPad is for padding positions.
  enum Casing : int64_t {
    kCasingPad = 0,
    kNumeric = 1,        // only digits
    kMostlyNumeric = 2,  // more than half digits
    kAllLower = 3,       // has cased letters, all lowercase
    kAllUpper = 4,       // has cased letters, all uppercase
    kInitialUpper = 5,   // first character uppercase
    kContainsDigit = 6,  // at least one digit
    kOther = 7,
  };
  static constexpr int64_t kNumCasings = 8;

  // Counts normalised words over `sentences` and keeps those seen at least `minWordCount` times, the
  // most frequent first (ties alphabetical), at most `maxWords` of them besides <pad> and <unk>.
  // Every character seen is kept.
  static TaggerVocabulary build(const std::vector<std::vector<std::string>>& sentences, int minWordCount = 1,
                                size_t maxWords = 50000);

  // Lowercase (simple Unicode case mapping) with every decimal digit -> '0'. Bytes that are not
  // valid UTF-8 are kept as they are.
  static std::string normalizeWord(const std::string& word);
  // The word's shape class (never kCasingPad).
  static int64_t casingId(const std::string& word);

  // Id of the normalised word, kUnk when unseen.
  int64_t wordId(const std::string& word) const;
  // One id per code point (an invalid UTF-8 byte counts as one unknown character).
  std::vector<int64_t> charIds(const std::string& word) const;

  int64_t wordCount() const { return static_cast<int64_t>(m_words.size()) + 2; }  // specials included
  int64_t charCount() const { return static_cast<int64_t>(m_chars.size()) + 2; }  // specials included
  // The normalised word of an id ("<pad>", "<unk>" for the specials); id must be < wordCount().
  std::string word(int64_t id) const;

  // {"format": "quarry-tagger-vocabulary", "version": 1, "words": [...], "chars": [...]}, where
  // words[i] has id i + 2 and chars[i] (a one-code-point string) has id i + 2.
  nlohmann::json toJson() const;
  // The reverse, with an Error naming `fileForErrors` and the field ("words[12]") on bad input.
  static Result<TaggerVocabulary> fromJson(const nlohmann::json& json, const std::string& fileForErrors);

 private:
  std::vector<std::string> m_words;  // id - 2 -> normalised word
  std::unordered_map<std::string, int64_t> m_wordIds;
  std::vector<int32_t> m_chars;  // id - 2 -> code point
  std::unordered_map<int32_t, int64_t> m_charIds;
};

}  // namespace quarry::model
