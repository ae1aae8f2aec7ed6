#pragma once
// Pretraining text packed into model-length sequences for masked-LM training (train/mlm's MaskedLmTask).
//
// PACKING: each document is split into sentences (text/SentenceSplitter) and tokenized once; sentences are
// appended to the current sequence until the next one would overflow it, then the sequence is closed and
// the sentence starts the next. A sentence longer than a sequence is cut into pieces: the pieces that fill a
// sequence are sequences of their own, the rest starts the next one. Sequences run on across documents, so
// every sequence but the last is closed only because the next sentence did not fit. A sequence holds at
// most `capacity` = max_length - the single-sequence template's special tokens; the template ([CLS] ...
// [SEP], <s> ... </s>) is put around it when a batch is made, so it is not stored.
//
// MEMORY: four bytes of token id and one byte of flags per token, one offset per sequence; no per-token
// objects. The flags keep where each word (the tokenizer's pre-tokenized word) starts, for whole-word
// masking: a token's word index in its sequence is the number of word starts up to it, minus one.

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/Tokenizer.h"

namespace quarry::train {

struct PretrainingSequences {
  static constexpr uint8_t kWordStart = 1;  // the token starts a word (or a sequence)
  static constexpr uint8_t kSpecial = 2;    // a special token written literally in the text: never masked

  std::vector<int32_t> ids;        // every sequence's tokens, one sequence after another
  std::vector<uint8_t> flags;      // per token: kWordStart | kSpecial
  std::vector<int64_t> starts{0};  // sequence s is [starts[s], starts[s + 1]) of ids

  size_t size() const { return starts.size() - 1; }
  int32_t length(size_t s) const { return static_cast<int32_t>(starts[s + 1] - starts[s]); }
  const int32_t* idsOf(size_t s) const { return ids.data() + starts[s]; }
  const uint8_t* flagsOf(size_t s) const { return flags.data() + starts[s]; }
  int64_t tokenCount() const { return static_cast<int64_t>(ids.size()); }
};

class SequencePacker {
 public:
  // `maxLength` counts the template's special tokens; the capacity is at least 1.
  SequencePacker(const text::Tokenizer& tokenizer, int maxLength);

  // Splits `text` into sentences, tokenizes it and packs its sentences after those added before.
  void addDocument(std::string_view text);
  // Closes the last sequence and hands the sequences over (the packer starts empty again).
  PretrainingSequences finish();

  int capacity() const { return m_capacity; }
  // Sentences added so far (a sentence cut into pieces counts once).
  int64_t sentenceCount() const { return m_sentences; }

 private:
  void appendSentence(const std::vector<text::Piece>& pieces, size_t begin, size_t end);
  void closeSequence();
  size_t openLength() const { return m_out.ids.size() - static_cast<size_t>(m_out.starts.back()); }

  const text::Tokenizer& m_tokenizer;
  int m_capacity = 1;
  int64_t m_sentences = 0;
  PretrainingSequences m_out;
};

}  // namespace quarry::train
