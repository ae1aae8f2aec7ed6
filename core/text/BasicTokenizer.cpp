#include "text/BasicTokenizer.h"

#include "text/Unicode.h"

namespace quarry::text {

namespace {

void stripAccents(NormalizedText& word) {
  NormalizedText out;
  std::vector<char32_t> buf;
  for (size_t i = 0; i < word.size(); ++i) {
    buf.clear();
    unicode::decomposeChar(word.cps[i], buf);
    for (char32_t c : buf)
      if (!unicode::isMark(c)) out.push(c, word.origin[i]);
  }
  word = std::move(out);
}

}  // namespace

NormalizedText lowerEachChar(const std::vector<char32_t>& cps, int32_t begin, int32_t end, bool lowercase) {
  NormalizedText norm;
  std::vector<char32_t> buf;
  for (int32_t i = begin; i < end; ++i) {
    const char32_t cp = cps[static_cast<size_t>(i)];
    if (lowercase) {
      buf.clear();
      unicode::lowerChar(cp, buf);
      for (char32_t c : buf) norm.push(c, i);
    } else {
      norm.push(cp, i);
    }
  }
  return norm;
}

void BasicTokenizer::finishWord(NormalizedText& word, std::vector<NormalizedText>& out) const {
  if (word.empty()) return;
  const bool protectedWord = !m_options.neverSplit.empty() && m_options.neverSplit.count(word.utf8());
  if (protectedWord) {
    out.push_back(std::move(word));
    word = {};
    return;
  }
  if (m_options.lowercase) {
    unicode::lowerString(word.cps, word.origin);
    if (m_options.stripAccents.value_or(true)) stripAccents(word);
  } else if (m_options.stripAccents.value_or(false)) {
    stripAccents(word);
  }
  // Punctuation split (after lowering, a word can equal a never_split entry: transformers checks again).
  if (!m_options.neverSplit.empty() && m_options.neverSplit.count(word.utf8())) {
    out.push_back(std::move(word));
    word = {};
    return;
  }
  NormalizedText current;
  for (size_t i = 0; i < word.size(); ++i) {
    if (unicode::isBertPunctuation(word.cps[i])) {
      if (!current.empty()) out.push_back(std::move(current));
      current = {};
      NormalizedText p;
      p.push(word.cps[i], word.origin[i]);
      out.push_back(std::move(p));
    } else {
      current.push(word.cps[i], word.origin[i]);
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  word = {};
}

std::vector<NormalizedText> BasicTokenizer::tokenize(const NormalizedText& text) const {
  std::vector<NormalizedText> out;
  NormalizedText word;
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t cp = text.cps[i];
    const int32_t from = text.origin[i];
    if (m_options.cleanText) {
      if (cp == 0 || cp == 0xFFFD || unicode::isBertControl(cp)) continue;
      if (unicode::isBertWhitespace(cp)) cp = U' ';
    }
    if (m_options.tokenizeChineseChars && unicode::isCjkIdeograph(cp)) {
      finishWord(word, out);
      word.push(cp, from);
      finishWord(word, out);
      continue;
    }
    if (unicode::isPythonSpace(cp)) {
      finishWord(word, out);
      continue;
    }
    word.push(cp, from);
  }
  finishWord(word, out);
  return out;
}

}  // namespace quarry::text
