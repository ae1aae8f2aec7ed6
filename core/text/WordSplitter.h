#pragma once
// Words for NER: the units labels are assigned to. Like BERT's BasicTokenizer (whitespace split, then
// every punctuation mark and CJK ideograph on its own) but case, accents and offsets are kept.
//
// A word is a run of code points that are not whitespace (Unicode White_Space) nor control characters
// (Cc), except that every punctuation mark or symbol (general categories P* and S*) and every CJK
// ideograph is a word of its own: "APC2-related," gives "APC2", "-", "related", ",".

#include <string_view>
#include <vector>

#include "text/Encoding.h"

namespace quarry::text {

// The words inside `range` (code points of `utf8`, clamped to the text), as code point spans into the
// whole text, in order.
std::vector<Span> splitWords(std::string_view utf8, Span range);

// The same on already decoded code points.
std::vector<Span> splitWords(std::u32string_view cps, Span range);

}  // namespace quarry::text
