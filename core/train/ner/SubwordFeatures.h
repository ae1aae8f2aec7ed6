#pragma once
// SentenceExamples to transformer inputs: every word tokenized on its own, long sentences cut into
// overlapping windows that break between words, each word's prediction taken from one window.

#include <cstdint>
#include <vector>

#include "text/Tokenizer.h"
#include "train/ner/NerExample.h"

namespace quarry::train {

// The label of positions that carry none (PyTorch's cross-entropy ignore_index).
constexpr int64_t kIgnoreLabel = -100;

struct SubwordWindow {
  int32_t sentence = 0;              // index into the SentenceExample list
  std::vector<int64_t> ids;          // token ids, template specials included ([CLS] ... [SEP])
  std::vector<int64_t> typeIds;      // segment ids
  std::vector<int32_t> wordIndex;    // per position: sentence word index of the token, -1 for specials
  std::vector<uint8_t> firstOfWord;  // per position: 1 on the first sub-token of a word
  std::vector<int64_t> labels;  // tag id on the first sub-token of each word this window OWNS, -100 elsewhere
  std::vector<uint8_t> owns;    // per word of the sentence: 1 when this window's prediction is kept for it
};

// Windows over the sentences, in sentence order. Each word is tokenized on its own
// (Tokenizer::encodeWords, so byte-level BPE gets its leading space). A sentence whose tokens, with the
// template's specials, fit in maxLength is one window; a longer one becomes several windows of at most
// maxLength positions, each starting about `stride` tokens before the previous one ended, cut between
// words whenever a word fits (a word longer than a window is cut inside). Each word is owned by the
// window where it sits most central: the largest min(tokens before it, tokens after it) inside the
// window; ties go to the earlier window. A word that yields no token (control characters only) is
// counted in *wordsWithoutTokens, is owned by no window and gets no label. Sentences without tags give
// windows whose labels are all -100. maxLength must leave room for at least one token.
std::vector<SubwordWindow> buildSubwordWindows(const std::vector<SentenceExample>& sentences,
                                               const text::Tokenizer& tokenizer, int maxLength, int stride,
                                               int* wordsWithoutTokens = nullptr);

// Assembles per-word score rows from per-window per-position rows: for every word, the row of its first
// sub-token in the window that owns it.
//  windowScores[w]: row-major [positions x width] floats for windows[w] (positions >= windows[w].ids.size(),
//                   so a padded batch tensor's row for the window can be passed as is);
//  sentenceScores[s]: row-major [words x width] floats the caller allocated for sentence s (indexed by
//                   SubwordWindow::sentence; words = owns.size()). Rows of words without tokens are left
//                   as they were.
// Returns the number of word rows written.
int64_t mergeWindowScores(const std::vector<SubwordWindow>& windows,
                          const std::vector<const float*>& windowScores, int32_t width,
                          const std::vector<float*>& sentenceScores);

}  // namespace quarry::train
