// SentenceSplitter: every rule of text/SentenceSplitter.h, the abbreviation list, non-ASCII text and
// protected spans.

#include <string>
#include <vector>

#include "NerTestSupport.h"
#include "text/SentenceSplitter.h"

using namespace quarry::text;
using quarry::test::expectEq;
using Strings = std::vector<std::string>;

namespace {

Strings sentences(const std::string& text, const SentenceSplitOptions& options = {},
                  const std::vector<Span>& protectedSpans = {}) {
  Strings out;
  for (const Span& s : splitSentences(text, options, protectedSpans))
    out.push_back(quarry::test::substrChars(text, s));
  return out;
}

void testBasicRules() {
  expectEq(sentences("One. Two! Three? Four… Five"), Strings{"One.", "Two!", "Three?", "Four…", "Five"},
           "each terminator ends a sentence before an uppercase letter");
  expectEq(splitSentences("  Hi there.  Bye.  "), std::vector<Span>{{2, 11}, {13, 17}},
           "spans trimmed of whitespace");
  expectEq(sentences("It rose by 4. 5 people left."), Strings{"It rose by 4.", "5 people left."},
           "a digit starts a sentence");
  expectEq(sentences("He said \"stop.\" Then left."), Strings{"He said \"stop.\"", "Then left."},
           "closing quote stays with the sentence");
  expectEq(sentences("It ended (badly.) After that."), Strings{"It ended (badly.)", "After that."},
           "closing bracket stays with the sentence");
  expectEq(sentences("It ended. \"Really?\" he asked."), Strings{"It ended.", "\"Really?\" he asked."},
           "an opening quote starts a sentence");
  expectEq(sentences("It ended. (See below.)"), Strings{"It ended.", "(See below.)"},
           "an opening bracket starts a sentence");
  expectEq(sentences("Wait... What?! No."), Strings{"Wait...", "What?!", "No."}, "runs of terminators");
  expectEq(sentences("it was small. then it grew."), Strings{"it was small. then it grew."},
           "a lowercase word does not start a sentence");
  expectEq(sentences("Version 3.5 is out.Next"), Strings{"Version 3.5 is out.Next"},
           "no whitespace after the terminator: no sentence end");
  expectEq(sentences("Pi is 3.14159 and e is 2.71828. Both are irrational."),
           Strings{"Pi is 3.14159 and e is 2.71828.", "Both are irrational."}, "a '.' inside a number");
  expectEq(sentences("Line one\nline two\r\nLine three"), Strings{"Line one", "line two", "Line three"},
           "a newline ends a sentence");
  SentenceSplitOptions noNewline;
  noNewline.newlineEndsSentence = false;
  expectEq(sentences("Line one\nline two.\nThree", noNewline), Strings{"Line one\nline two.", "Three"},
           "newlineEndsSentence=false");
  SentenceSplitOptions noPunct;
  noPunct.punctuationEndsSentence = false;
  expectEq(sentences("One. Two.\nThree.", noPunct), Strings{"One. Two.", "Three."},
           "punctuationEndsSentence=false");
  expectEq(sentences("\n\n  \nA.\n\n"), Strings{"A."}, "empty sentences dropped");
  expectEq(sentences(""), Strings{}, "empty text");
  expectEq(sentences("   \n "), Strings{}, "whitespace only");
}

void testAbbreviations() {
  const Strings noSplit = {"Use e.g. Aspirin here.",       "That is i.e. The same.",
                           "Ask Dr. Smith now.",           "Ask Mr. Brown now.",
                           "Ask Mrs. Brown now.",          "Ask Ms. Brown now.",
                           "Ask Prof. Brown now.",         "See Fig. 3 here.",
                           "See Figs. 3 and 4.",           "See No. 5 here.",
                           "Cats vs. Dogs today.",         "Smith et al. Found it.",
                           "It took approx. 5 min.",       "See cf. Table 2.",
                           "Acme Inc. Sells it.",          "Acme Ltd. Sells it.",
                           "Acme Co. Sells it.",           "Made in the U.S. By hand.",
                           "Apples, pears etc. And more.", "Met J. Smith today.",
                           "Cities in the U.K. Are old.",  "Use (e.g. Aspirin) here.",
                           "Use E.G. Aspirin here.",       "At 10 a.m. We met."};
  for (const auto& text : noSplit) expectEq(sentences(text), Strings{text}, "abbreviation: " + text);
  expectEq(sentences("I met al. Then left."), Strings{"I met al.", "Then left."},
           "'al.' needs 'et' before it");
  expectEq(sentences("It is in vitamin A. The dose is low."), Strings{"It is in vitamin A. The dose is low."},
           "a single capital before '.' reads as an initial (documented trade-off)");
  expectEq(sentences("Done etc.. Next one."), Strings{"Done etc..", "Next one."},
           "only a lone '.' can end an abbreviation");
  expectEq(sentences("Ask Dr. Smith! Now."), Strings{"Ask Dr. Smith!", "Now."},
           "'!' is never an abbreviation");
  expectEq(sentences("It was Dr. No. Then he left."), Strings{"It was Dr. No. Then he left."},
           "'No.' is always read as an abbreviation");
  expectEq(sentences("We saw a dog. The end."), Strings{"We saw a dog.", "The end."},
           "an ordinary word before '.'");
}

void testTokenizedText() {
  expectEq(sentences("Smith J . Found it . Then we left ."),
           Strings{"Smith J . Found it .", "Then we left ."},
           "tokenized: an initial before a lone '.', a sentence end after an ordinary word");
  expectEq(sentences("Smith et al . Found it , e.g . Aspirin ."),
           Strings{"Smith et al . Found it , e.g . Aspirin ."}, "tokenized: abbreviations before a lone '.'");
  expectEq(sentences("rates ( 0 . 63 v 0 . 30 ; P = . 001 ; ( . 02 ) at 8q21 . 3 ) ."),
           Strings{"rates ( 0 . 63 v 0 . 30 ; P = . 001 ; ( . 02 ) at 8q21 . 3 ) ."},
           "tokenized: a lone '.' before a digit is a decimal point");
  expectEq(sentences("It grew .  5 cells died ."), Strings{"It grew .", "5 cells died ."},
           "two spaces after a lone '.': not a tokenized number");
  expectEq(sentences("J . Biol . Chem . 273 , 1998 ."), Strings{"J . Biol . Chem . 273 , 1998 ."},
           "tokenized: journal abbreviations");
}

void testUnicode() {
  expectEq(sentences("Élan vital. Über alles. Ñandú corre."),
           Strings{"Élan vital.", "Über alles.", "Ñandú corre."},
           "accented uppercase letters start sentences");
  expectEq(sentences("Мы пришли. Они ушли."), Strings{"Мы пришли.", "Они ушли."}, "Cyrillic");
  expectEq(sentences("ǅemal came. ǈ is titlecase."), Strings{"ǅemal came.", "ǈ is titlecase."},
           "titlecase letters start sentences");
  expectEq(sentences("Il a dit « non. » Puis il partit."), Strings{"Il a dit « non. » Puis il partit."},
           "guillemet after whitespace: the terminator is not followed by whitespace + start");
  expectEq(sentences("Il partit. « Non », dit-il."), Strings{"Il partit.", "« Non », dit-il."},
           "opening guillemet starts a sentence");
  expectEq(sentences("He said “fine.” Then left."), Strings{"He said “fine.”", "Then left."},
           "curly closing quote");
  expectEq(sentences("Yes.\u00a0Sure.\u2003Maybe."), Strings{"Yes.", "Sure.", "Maybe."}, "Unicode spaces");
  expectEq(sentences("One\u2028Two\u2029Three"), Strings{"One", "Two", "Three"}, "Unicode line separators");
  expectEq(sentences("我来了。你走了！好吗？是的"), Strings{"我来了。", "你走了！", "好吗？", "是的"},
           "CJK full stops");
  SentenceSplitOptions noCjk;
  noCjk.cjkStopsEndSentence = false;
  expectEq(sentences("我来了。你走了", noCjk), Strings{"我来了。你走了"}, "cjkStopsEndSentence=false");
  expectEq(splitSentences("Über. Ölung."), std::vector<Span>{{0, 5}, {6, 12}}, "offsets are code points");
}

void testProtected() {
  const std::string t = "He has Smith-Lemli. Opitz syndrome. Then more.";
  //                     0123456789012345678901234567890123456789
  expectEq(sentences(t), Strings{"He has Smith-Lemli.", "Opitz syndrome.", "Then more."}, "unprotected");
  expectEq(sentences(t, {}, {{7, 34}}), Strings{"He has Smith-Lemli. Opitz syndrome.", "Then more."},
           "a protected span across the boundary keeps the sentence whole");
  expectEq(sentences(t, {}, {{7, 19}}), Strings{"He has Smith-Lemli.", "Opitz syndrome.", "Then more."},
           "a span ending at the terminator does not block");
  expectEq(sentences(t, {}, {{20, 34}}), Strings{"He has Smith-Lemli.", "Opitz syndrome.", "Then more."},
           "a span starting the next sentence does not block");
  expectEq(sentences(t, {}, {{36, 40}, {7, 21}}),
           Strings{"He has Smith-Lemli. Opitz syndrome.", "Then more."}, "spans in any order");
  expectEq(sentences("Line one\nLine two", {}, {{5, 13}}), Strings{"Line one\nLine two"},
           "a protected span across a newline");
  expectEq(sentences("我来了。你走了", {}, {{2, 5}}), Strings{"我来了。你走了"},
           "a protected span across a CJK stop");
  expectEq(sentences("A b. C d.", {}, {{-5, 100}}), Strings{"A b. C d."},
           "a span beyond the text is clamped");
}

}  // namespace

int main() {
  testBasicRules();
  testAbbreviations();
  testTokenizedText();
  testUnicode();
  testProtected();
  return quarry::test::finish("test_sentence_splitter");
}
