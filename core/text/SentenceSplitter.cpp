#include "text/SentenceSplitter.h"

#include <algorithm>
#include <array>
#include <string>

#include <utf8proc.h>

#include "text/Unicode.h"

namespace quarry::text {

namespace {

// Lower-cased; a '.' ending one of these never ends a sentence ("al." only after "et"). The second
// half are journal abbreviations of biomedical citations ("J. Biol. Chem. 273").
constexpr std::array<std::u32string_view, 59> kAbbreviations = {
    U"e.g.", U"i.e.",  U"dr.",     U"mr.",   U"mrs.",  U"ms.",    U"prof.",  U"fig.",  U"figs.",  U"no.",
    U"nos.", U"vs.",   U"approx.", U"cf.",   U"inc.",  U"ltd.",   U"co.",    U"corp.", U"u.s.",   U"etc.",
    U"st.",  U"jr.",   U"sr.",     U"eq.",   U"eqs.",  U"ref.",   U"refs.",  U"vol.",  U"pp.",    U"p.",
    U"ca.",  U"resp.", U"viz.",    U"dept.", U"univ.", U"ed.",    U"eds.",   U"tab.",  U"suppl.", U"sect.",
    U"ch.",  U"mt.",   U"gen.",    U"sp.",   U"spp.",  U"biol.",  U"chem.",  U"proc.", U"natl.",  U"acad.",
    U"sci.", U"hum.",  U"genet.",  U"mol.",  U"med.",  U"mutat.", U"assoc.", U"clin.", U"engl."};

int cat(char32_t cp) { return utf8proc_category(static_cast<utf8proc_int32_t>(cp)); }

bool isLineBreak(char32_t cp) {
  return cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}
bool isTerminator(char32_t cp) { return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026; }
bool isCjkStop(char32_t cp) { return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F; }
bool isQuote(char32_t cp) { return cp == '"' || cp == '\''; }
// Closing brackets (Pe) and final quotes (Pf), plus the ASCII quotes, which are neither.
bool isCloser(char32_t cp) {
  const int c = cat(cp);
  return c == UTF8PROC_CATEGORY_PE || c == UTF8PROC_CATEGORY_PF || isQuote(cp);
}
bool isOpener(char32_t cp) {
  const int c = cat(cp);
  return c == UTF8PROC_CATEGORY_PS || c == UTF8PROC_CATEGORY_PI || isQuote(cp);
}
bool isUpper(char32_t cp) {
  const int c = cat(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}
bool isDigit(char32_t cp) { return cat(cp) == UTF8PROC_CATEGORY_ND; }

std::u32string asciiLower(std::u32string_view s) {
  std::u32string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
  return out;
}

// Whether the '.' at `dot` ends an abbreviation, an acronym or an initial rather than a sentence.
bool dotEndsAbbreviation(std::u32string_view cps, size_t dot) {
  // In tokenized text ("J . Smith", "0 . 5") the '.' stands alone: read the word before it.
  size_t wordEnd = dot;
  if (wordEnd > 0 && cps[wordEnd - 1] == ' ' && (wordEnd < 2 || cps[wordEnd - 2] != ' ')) --wordEnd;
  size_t begin = wordEnd;
  while (begin > 0 && !unicode::isWhiteSpace(cps[begin - 1])) --begin;
  while (begin < wordEnd && isOpener(cps[begin])) ++begin;
  // "0 . 5", "P = . 001", "8q21 . 3": in tokenized text a lone '.' before a digit is a decimal point.
  if (wordEnd != dot && dot + 2 < cps.size() && cps[dot + 1] == ' ' && isDigit(cps[dot + 2])) return true;
  if (begin == wordEnd) return false;  // a lone '.'
  std::u32string word(cps.substr(begin, wordEnd - begin));
  word += U'.';
  const std::u32string lower = asciiLower(word);
  if (lower == U"al.") {
    size_t e = begin;
    while (e > 0 && unicode::isWhiteSpace(cps[e - 1])) --e;
    return e >= 2 && asciiLower(cps.substr(e - 2, 2)) == U"et" &&
           (e == 2 || unicode::isWhiteSpace(cps[e - 3]) || isOpener(cps[e - 3]));
  }
  if (std::find(kAbbreviations.begin(), kAbbreviations.end(), lower) != kAbbreviations.end()) return true;
  // "J." and dotted acronyms of single letters: "U.K.", "a.m.".
  if (word.size() == 2) return isUpper(word[0]);
  if (word.size() % 2 != 0) return false;
  for (size_t i = 0; i < word.size(); i += 2)
    if (!unicode::isLetter(word[i]) || word[i + 1] != '.') return false;
  return true;
}

// inside[k] > 0 when some protected span contains both code point k-1 and code point k.
std::vector<int32_t> protectedBoundaries(size_t n, const std::vector<Span>& spans) {
  std::vector<int32_t> diff(n + 2, 0);
  for (const auto& s : spans) {
    const int64_t a = std::max<int64_t>(s.start, 0) + 1;
    const int64_t b = std::min<int64_t>(s.end, static_cast<int64_t>(n));
    if (a >= b) continue;
    ++diff[static_cast<size_t>(a)];
    --diff[static_cast<size_t>(b)];
  }
  std::vector<int32_t> inside(n + 1, 0);
  int32_t run = 0;
  for (size_t k = 0; k <= n; ++k) {
    run += diff[k];
    inside[k] = run;
  }
  return inside;
}

}  // namespace

std::vector<Span> splitSentences(std::u32string_view cps, const SentenceSplitOptions& options,
                                 const std::vector<Span>& protectedSpans) {
  const size_t n = cps.size();
  const std::vector<int32_t> inside = protectedBoundaries(n, protectedSpans);
  // Prefix counts of protected boundaries, so "is any boundary in [e, s] protected" is O(1).
  std::vector<int32_t> blocked(n + 2, 0);
  for (size_t k = 0; k <= n; ++k) blocked[k + 1] = blocked[k] + (inside[k] > 0 ? 1 : 0);
  auto canCut = [&](size_t e, size_t s) { return blocked[s + 1] - blocked[e] == 0; };

  std::vector<Span> out;
  size_t sentenceStart = 0;
  auto emit = [&](size_t from, size_t to) {
    while (from < to && unicode::isWhiteSpace(cps[from])) ++from;
    while (to > from && unicode::isWhiteSpace(cps[to - 1])) --to;
    if (to > from) out.push_back({static_cast<int32_t>(from), static_cast<int32_t>(to)});
  };

  size_t i = 0;
  while (i < n) {
    const char32_t c = cps[i];
    if (options.newlineEndsSentence && isLineBreak(c)) {
      if (canCut(i, i + 1)) {
        emit(sentenceStart, i);
        sentenceStart = i + 1;
      }
      ++i;
      continue;
    }
    if (options.cjkStopsEndSentence && isCjkStop(c)) {
      size_t e = i + 1;
      while (e < n && (isCjkStop(cps[e]) || isCloser(cps[e]))) ++e;
      if (canCut(e, e)) {
        emit(sentenceStart, e);
        sentenceStart = e;
      }
      i = e;
      continue;
    }
    if (options.punctuationEndsSentence && isTerminator(c)) {
      size_t e = i;
      while (e < n && isTerminator(cps[e])) ++e;
      const size_t lastTerminator = e - 1;
      while (e < n && isCloser(cps[e])) ++e;
      size_t s = e;
      while (s < n && unicode::isWhiteSpace(cps[s])) ++s;
      const bool startsNext = s > e && s < n && (isUpper(cps[s]) || isDigit(cps[s]) || isOpener(cps[s]));
      // Only a lone '.' can end an abbreviation; "etc.." or "Dr.!" end the sentence.
      const bool abbreviation = lastTerminator == i && c == '.' && dotEndsAbbreviation(cps, i);
      if (startsNext && !abbreviation && canCut(e, s)) {
        emit(sentenceStart, e);
        sentenceStart = s;
      }
      i = e;
      continue;
    }
    ++i;
  }
  emit(sentenceStart, n);
  return out;
}

std::vector<Span> splitSentences(std::string_view utf8, const SentenceSplitOptions& options,
                                 const std::vector<Span>& protectedSpans) {
  const auto decoded = unicode::decodeUtf8(utf8);
  return splitSentences(std::u32string_view(decoded.cps.data(), decoded.cps.size()), options, protectedSpans);
}

}  // namespace quarry::text
