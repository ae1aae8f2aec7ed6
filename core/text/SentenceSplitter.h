#pragma once
// Rule-based sentence splitting for NER training and prediction: predictable, no model, and it never
// cuts an entity the caller protects.
//
// A sentence ends
//   1. at a line break (U+000A, U+000D, U+0085, U+2028, U+2029), when newlineEndsSentence;
//   2. after a run of '.', '!', '?' or '…' (and the closing quotes/brackets that follow it) when
//      whitespace follows and then an uppercase or titlecase letter, a digit or an opening quote/bracket;
//   3. after '。', '！' or '？' (CJK full stops need no whitespace), when cjkStopsEndSentence.
// Rule 2 does not apply to a '.' that ends
//   - a common abbreviation from a fixed list ("e.g.", "i.e.", "Dr.", "Mr.", "Fig.", "No.", "vs.",
//     "et al.", "approx.", "cf.", "Inc.", "U.S.", "etc.", ...), compared case-insensitively;
//   - a dotted acronym of single letters ("U.K.", "a.m.");
//   - a single capital initial ("J. Smith");
// and a '.' inside a number ("3.5") never ends a sentence since no whitespace follows it.
// Tokenized text (CoNLL tokens joined by spaces) gets the same rules: a '.' standing alone after one space
// is read with the word before it ("J . Smith", "et al . Then"), and "0 . 5" (a number, '.', a digit,
// single spaces) is a decimal point.
// No sentence end falls inside or at the edge-crossing of a protected span: a boundary is dropped when a
// protected span reaches from before it to after it.
// Sentences are returned trimmed of leading/trailing whitespace; empty ones are dropped.

#include <string_view>
#include <vector>

#include "text/Encoding.h"

namespace quarry::text {

struct SentenceSplitOptions {
  bool newlineEndsSentence = true;      // a line break always ends a sentence (one sentence per line)
  bool punctuationEndsSentence = true;  // '.', '!', '?', '…' end a sentence as described above
  bool cjkStopsEndSentence = true;      // '。', '！', '？' end a sentence even without whitespace after
};

// Sentence spans of `utf8`, code points, in text order. protectedSpans (code points, any order) are
// never cut.
std::vector<Span> splitSentences(std::string_view utf8, const SentenceSplitOptions& options = {},
                                 const std::vector<Span>& protectedSpans = {});

// The same on already decoded code points (avoids decoding a long document twice).
std::vector<Span> splitSentences(const std::u32string_view cps, const SentenceSplitOptions& options,
                                 const std::vector<Span>& protectedSpans);

}  // namespace quarry::text
