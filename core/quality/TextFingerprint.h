#pragma once
// How the data quality checks see a text: its words, case-folded, punctuation and whitespace dropped, each
// hashed to 64 bits (xxHash XXH3), so that "The  patient, aged 54," and "the patient aged 54" are the same
// word sequence. From these: a text's content hash (identical word sequences are exact duplicates), its
// w-word shingles (the set MinHash samples) and the normalised surface key of a span (how the consistency
// check compares mentions).
//
// A word is a maximal run of letters, digits and combining marks (Unicode \p{L}, \p{N}, \p{M}), lower-cased
// as Python's str.lower() does; everything else separates words.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quarry::quality {

// One word of a text: its hash and where it is (code points of the text, end exclusive).
struct HashedWord {
  uint64_t hash = 0;
  int32_t start = 0;
  int32_t end = 0;
};

// The words of `utf8` in order.
std::vector<HashedWord> hashedWords(std::string_view utf8);

// The hash of a word sequence (0 for none): equal sequences, equal hashes.
uint64_t sequenceHash(const HashedWord* words, size_t count);
inline uint64_t sequenceHash(const std::vector<HashedWord>& words) { return sequenceHash(words.data(), words.size()); }

// The distinct hashes of every run of `width` consecutive words, sorted; a text of fewer words than `width`
// (but at least one) gives one shingle of all its words. width >= 1.
std::vector<uint64_t> shingles(const std::vector<HashedWord>& words, int width);

// Jaccard similarity |A ∩ B| / |A ∪ B| of two sorted sets of distinct values (1 when both are empty).
double jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// A span's text as the consistency check compares it: lower-cased (Python's str.lower()), leading and
// trailing whitespace dropped, whitespace runs collapsed to one space. Code points [start, end) of `utf8`.
std::string surfaceKey(std::string_view utf8, int32_t start, int32_t end);
// Code points [start, end) of `text` (clamped) with leading and trailing whitespace dropped and whitespace
// runs collapsed to one space, case kept.
std::vector<char32_t> collapsedSpan(const std::vector<char32_t>& text, int32_t start, int32_t end);

// surfaceKey on a text already decoded to code points (no decoding per span of a long document).
std::string surfaceKey(const std::vector<char32_t>& cps, int32_t start, int32_t end);

}  // namespace quarry::quality
