#pragma once
// Split leakage: documents (and sentences) of one split that repeat, exactly or nearly, those of another,
// so that a model is scored on what it trained on. Clinical notes and contracts are templated; SQuAD's
// paragraphs, CLAUDETTE's standard clauses and PubMed abstracts of one study repeat too.
//
// Documents pair when the exact Jaccard similarity of their word shingles reaches the threshold
// (NearDuplicateFinder); identical word sequences are exact duplicates. Sentences (core/text's rule-based
// splitter) are duplicates when their word sequences are identical. Documents and sentences of fewer than
// `minWords` words are not compared: "3 %." or "Methods." repeat everywhere and leak nothing. Only what crosses splits is leakage; pairs inside one split are counted, and every pair joins
// its documents into a group that a group-aware split (GroupSplit.h) keeps together.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "quality/NearDuplicateFinder.h"

namespace quarry::quality {

struct LeakageOptions {
  NearDuplicateOptions near;  // its minWords is set from minWords below
  bool sentences = true;      // also look for duplicate sentences across splits
  int minWords = 6;           // shorter documents and sentences ("Methods.", "Results are shown.") are not compared
};

// One sentence found in more than one split.
struct DuplicateSentence {
  struct Occurrence {
    int32_t document = 0;  // index of the input text
    int32_t start = 0;     // code points of that text
    int32_t end = 0;
  };
  std::string text;  // its first occurrence, as written
  std::vector<Occurrence> occurrences;  // every occurrence, in every split, in input order
};

struct SplitLeakage {
  std::string split;
  int64_t documents = 0;         // documents of the split
  int64_t compared = 0;          // of them, those of at least minWords words
  int64_t leakedDocuments = 0;   // of them, those with an exact or near duplicate in another split
  int64_t exactLeaked = 0;       // of them, those with an exact duplicate in another split
  int64_t sentences = 0;         // sentences of at least minWords words
  int64_t leakedSentences = 0;   // of them, those that occur in another split too
};

struct LeakageReport {
  std::vector<SimilarPair> crossSplit;   // pairs whose documents lie in different splits
  int64_t withinSplitPairs = 0;          // pairs inside one split
  std::vector<SplitLeakage> splits;      // in order of first appearance in the input
  std::vector<std::vector<int32_t>> groups;  // documents joined by any pair (size >= 2), each sorted
  std::vector<DuplicateSentence> sentences;  // across splits, most occurrences first
  LshBands bands;
  int64_t candidates = 0;                // pairs the banding proposed
};

// `texts` and `splits` are parallel (each text's split name).
LeakageReport checkLeakage(const std::vector<std::string_view>& texts, const std::vector<std::string>& splits,
                           const LeakageOptions& options = {});

// Connected components (size >= 2) of the graph whose edges are `pairs`, over `count` items; each sorted,
// ordered by their first member.
std::vector<std::vector<int32_t>> duplicateGroups(int32_t count, const std::vector<SimilarPair>& pairs);

}  // namespace quarry::quality
