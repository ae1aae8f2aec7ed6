#include "train/mlm/PretrainingSequences.h"

#include <algorithm>

#include "text/SentenceSplitter.h"

namespace quarry::train {

SequencePacker::SequencePacker(const text::Tokenizer& tokenizer, int maxLength) : m_tokenizer(tokenizer) {
  m_capacity = std::max(1, maxLength - tokenizer.postTemplate().specialCount(false));
}

void SequencePacker::addDocument(std::string_view text) {
  const std::vector<text::Piece> pieces = m_tokenizer.tokenize(text);
  if (pieces.empty()) return;
  // Tokenized once; each piece goes to the sentence its first code point lies in.
  const std::vector<text::Span> sentences = text::splitSentences(text);
  size_t begin = 0;
  for (size_t s = 0; s < sentences.size() && begin < pieces.size(); ++s) {
    const int32_t end = s + 1 < sentences.size() ? sentences[s + 1].start : INT32_MAX;
    size_t stop = begin;
    while (stop < pieces.size() && pieces[stop].chars.start < end) ++stop;
    if (stop > begin) appendSentence(pieces, begin, stop);
    begin = stop;
  }
  if (begin < pieces.size()) appendSentence(pieces, begin, pieces.size());
}

void SequencePacker::appendSentence(const std::vector<text::Piece>& pieces, size_t begin, size_t end) {
  ++m_sentences;
  const auto capacity = static_cast<size_t>(m_capacity);
  if (openLength() > 0 && openLength() + (end - begin) > capacity) closeSequence();
  for (size_t i = begin; i < end; ++i) {
    if (openLength() == capacity) closeSequence();  // a sentence longer than a sequence: the next piece
    const text::Piece& p = pieces[i];
    uint8_t flags = 0;
    if (i == begin || openLength() == 0 || p.word < 0 || p.word != pieces[i - 1].word)
      flags |= PretrainingSequences::kWordStart;
    if (p.special) flags |= PretrainingSequences::kSpecial;
    m_out.ids.push_back(static_cast<int32_t>(p.id));
    m_out.flags.push_back(flags);
  }
}

void SequencePacker::closeSequence() {
  if (openLength() > 0) m_out.starts.push_back(static_cast<int64_t>(m_out.ids.size()));
}

PretrainingSequences SequencePacker::finish() {
  closeSequence();
  PretrainingSequences out = std::move(m_out);
  m_out = PretrainingSequences();
  return out;
}

}  // namespace quarry::train
