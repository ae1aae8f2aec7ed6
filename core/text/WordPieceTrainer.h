#pragma once
// Trains a BERT WordPiece vocabulary (vocab.txt) on a corpus the way Hugging Face tokenizers'
// WordPieceTrainer (BertWordPieceTokenizer.train) does: BPE training whose pieces are written WordPiece
// style, "##" marking a piece that continues a word.
//
// Counting (add): each text is split into words exactly as BertWordPieceTokenizer splits the text it
// tokenizes (every character lowercased on its own when `lowercase`, then BasicTokenizer: control
// characters dropped, CJK ideographs and punctuation words of their own, accents stripped as
// `stripAccents` says). Only the count of each distinct word is kept, so a corpus can be fed text by text;
// a word never spans two add() calls, and how a corpus is cut into texts at whitespace does not change
// the counts.
//
// Training (train), on the counts:
//  1. the special tokens, in the order given (a repeated one kept once): ids 0, 1, ...
//  2. the alphabet: every character of the words, counted once per occurrence times the word's count;
//     with limitAlphabet, only the limitAlphabet most frequent (of equal counts, the smaller code
//     points); added in code point order;
//  3. prefix + c for every alphabet character c found after the first character of a word, in code point
//     order. A word is the sequence of its characters' pieces ("the" = t ##h ##e); characters outside the
//     alphabet are left out of it;
//  4. merges: the adjacent pair of pieces that occurs most often (each occurrence counts its word's
//     count) becomes the piece left + right, right without its prefix ("t" + "##h" = "th", "##t" +
//     "##h" = "##th"), and is merged in the words; a merge whose piece is already a token adds none. Of
//     pairs of equal count, the one with the smaller left id, then the smaller right id, goes first
//     (HF's tie-break). Training stops when the vocabulary holds vocabSize tokens or the best pair occurs
//     fewer than minFrequency times.
// The merge loop keeps HF's bookkeeping (a lazily updated priority queue whose entries carry the words a
// pair was counted in; a merged pair's count is not reset), so for the same ids the merges are HF's
// (test_wordpiece_trainer checks the result pinned by HF's own BPE trainer test).
// Where HF's result depends on the order of its hash maps (which characters of equal count the alphabet
// limit drops, the ids of the "##" characters and so the order of pairs of equal count) this trainer
// uses the fixed orders above: its vocabulary is the same on every run, but not byte-identical to a
// given HF run. As in HF, the vocabulary can end larger than vocabSize when the special tokens and the
// alphabet alone exceed it.
//
// Counting is done in two stages, which give the same counts as splitting every text: add() counts the
// distinct runs of bytes between spaces, tabs and line breaks (BasicTokenizer never joins words across
// them), and every kRunBatch distinct runs, or when the counts are read, each run is split into words
// once and its words counted as often as the run occurred.
//
// Memory: the distinct words and their counts, plus at most kRunBatch runs. With maxDistinctWords, a
// new word that would make more distinct words than that first drops the rarest: every word whose count
// is at most t, for the smallest t that leaves at most 3/4 of maxDistinctWords words. A dropped word that
// comes again starts counting afresh, so the counts of rare words are then approximate (and depend on
// the order of the texts and on when the counts were read); the cap never takes effect on a corpus with
// fewer distinct words.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/Error.h"
#include "common/Progress.h"
#include "text/BasicTokenizer.h"

namespace quarry::text {

struct WordPieceTrainerOptions {
  size_t vocabSize = 30522;          // vocab_size: stop once the vocabulary holds this many tokens
  uint64_t minFrequency = 2;         // min_frequency: a pair occurring fewer times is never merged
  size_t limitAlphabet = 1000;       // limit_alphabet: most distinct characters kept (0 = all)
  bool lowercase = true;             // do_lower_case: lowercase the text before splitting
  std::optional<bool> stripAccents;  // strip_accents: unset = strip when lowercasing
  bool tokenizeChineseChars = true;  // tokenize_chinese_chars: CJK ideographs are words of their own
  std::vector<std::string> specialTokens = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"};  // first ids
  std::string continuingPrefix = "##";  // wordpieces_prefix: marks pieces inside a word ("" = plain BPE)
  size_t maxDistinctWords = 5'000'000;  // distinct words kept while counting (0 = no cap; see above)
};

class WordPieceTrainer {
 public:
  static constexpr size_t kRunBatch = 1 << 20;  // distinct runs counted before they are split into words

  explicit WordPieceTrainer(WordPieceTrainerOptions options = {});

  // Splits `text` (UTF-8; invalid bytes are dropped as U+FFFD is) into words and counts them.
  void add(std::string_view text);
  // Counts `word` as it is, `count` times, for words split elsewhere. Fails on an empty word, invalid
  // UTF-8 or whitespace in it (a word with a line break could not be a line of vocab.txt).
  Status addWord(std::string_view word, uint64_t count = 1);

  size_t distinctWords() const;
  // Words counted (occurrences), and those of them dropped by maxDistinctWords.
  uint64_t wordsCounted() const;
  uint64_t wordsDropped() const;

  // The vocabulary, tokens in id order. Fails on options that cannot give one (vocabSize 0, an empty
  // special token or one with a line break, an empty word count) and, when `progress` (called with the
  // tokens so far and vocabSize) returns false, with "cancelled".
  Result<std::vector<std::string>> train(const ProgressCallback& progress = {}) const;

  // Writes `tokens` (train()'s) as vocab.txt, one token a line in id order, and a tokenizer_config.json
  // that loadTokenizer() and transformers read as this vocabulary's BertTokenizer: tokenizer_class,
  // do_lower_case, strip_accents (when set), tokenize_chinese_chars, model_max_length and the five BERT
  // special tokens. `folder` is created when missing; each file is written whole or not at all (a
  // temporary file renamed over it), vocab.txt first; other files in the folder are left alone. Fails,
  // writing nothing, when [UNK], [CLS] or [SEP] is not a token (BertTokenizer needs them).
  Status writeFolder(const std::filesystem::path& folder, const std::vector<std::string>& tokens,
                     int modelMaxLength = 512) const;

  const WordPieceTrainerOptions& options() const { return m_options; }

 private:
  // Splits the runs counted so far into words and counts those. const, and the members it changes
  // mutable, because reading the counts needs it: what is counted does not change.
  void splitRuns() const;
  void count(std::string word, uint64_t times) const;
  void dropRarest() const;

  WordPieceTrainerOptions m_options;
  BasicTokenizer m_basic;
  mutable std::unordered_map<std::string, uint64_t> m_runs;  // runs between whitespace -> count
  mutable std::vector<const std::pair<const std::string, uint64_t>*> m_runOrder;  // m_runs, first seen first
  mutable std::unordered_map<std::string, uint64_t> m_counts;                     // word -> count
  mutable uint64_t m_wordsCounted = 0;
  mutable uint64_t m_wordsDropped = 0;
};

}  // namespace quarry::text
