// WordSplitter: whitespace runs, punctuation and symbols on their own, CJK ideographs on their own,
// case and accents kept, offsets in code points of the whole text.

#include <string>
#include <vector>

#include "NerTestSupport.h"
#include "text/WordSplitter.h"

using namespace quarry::text;
using quarry::test::expectEq;
using Strings = std::vector<std::string>;

namespace {

Strings words(const std::string& text, Span range) {
  Strings out;
  for (const Span& s : splitWords(text, range)) out.push_back(quarry::test::substrChars(text, s));
  return out;
}
Strings words(const std::string& text) { return words(text, {0, 1 << 30}); }

}  // namespace

int main() {
  expectEq(words("The APC2-related gene, (p53)."),
           Strings{"The", "APC2", "-", "related", "gene", ",", "(", "p53", ")", "."}, "punctuation split");
  expectEq(words("  tabs\tand\nnewlines  "), Strings{"tabs", "and", "newlines"}, "whitespace");
  expectEq(words("Café Ölung NAÏVE"), Strings{"Café", "Ölung", "NAÏVE"}, "case and accents kept");
  expectEq(words("cost $5+3=8 ©2020 €"), Strings{"cost", "$", "5", "+", "3", "=", "8", "©", "2020", "€"},
           "symbols (S*) are words of their own");
  expectEq(words("Tokyo東京都is"), Strings{"Tokyo", "東", "京", "都", "is"}, "CJK ideographs one by one");
  expectEq(words("ｶﾀｶﾅ and ひらがな"), Strings{"ｶﾀｶﾅ", "and", "ひらがな"}, "kana are not ideographs");
  expectEq(words("a\u00a0b\u3000c"), Strings{"a", "b", "c"}, "Unicode spaces");
  expectEq(words("x\x01y"), Strings{"x", "y"}, "control characters separate words");
  expectEq(words("don't"), Strings{"don", "'", "t"}, "apostrophe is punctuation (as in BERT)");
  expectEq(words("3.5"), Strings{"3", ".", "5"}, "a decimal point is punctuation");
  expectEq(splitWords("Über das", {0, 8}), std::vector<Span>{{0, 4}, {5, 8}}, "code point offsets");
  expectEq(splitWords("one two three", {4, 13}), std::vector<Span>{{4, 7}, {8, 13}},
           "range offsets into the text");
  expectEq(splitWords("one two three", {5, 10}), std::vector<Span>{{5, 7}, {8, 10}}, "range cuts words");
  expectEq(splitWords("abc", {-3, 99}), std::vector<Span>{{0, 3}}, "range clamped");
  expectEq(splitWords("", {0, 0}), std::vector<Span>{}, "empty");
  return quarry::test::finish("test_word_splitter");
}
