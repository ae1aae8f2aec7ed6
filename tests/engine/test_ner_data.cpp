// NerDataBuilder on tiny documents: words and tags, misaligned mentions (nearest span and reason, widen
// vs drop), overlaps, out-of-range offsets, sentences that never cut an entity, sentence length limits.

#include <string>
#include <vector>

#include "NerTestSupport.h"
#include "train/ner/NerDataBuilder.h"

using namespace quarry::train;
namespace document = quarry::document;
using quarry::test::expectEq;
using quarry::test::expectTrue;
using quarry::text::Span;
using Strings = std::vector<std::string>;

namespace {

Strings tagNames(const NerData& d, size_t sentence) {
  Strings out;
  for (int32_t t : d.sentences.at(sentence).tags) out.push_back(d.tags.name(t));
  return out;
}

document::AnnotatedDocument doc(std::string text, std::vector<document::EntityMention> mentions, std::string id = "d") {
  return document::AnnotatedDocument{std::move(id), std::move(text), std::move(mentions)};
}

void testWordsAndTags() {
  // Code point offsets: "Ölung" 0-5, "der" 6-9, "Ärzte" 10-15, "." 15, "Sie" 17-20 ...
  const auto d = buildNerData(
      {doc("Ölung der Ärzte. Sie kamen aus Köln.", {{10, 15, "Group"}, {31, 35, "Place"}})}, {}, {});
  expectEq(d.sentences.size(), 2u, "two sentences");
  expectEq(d.sentences[0].words, Strings{"Ölung", "der", "Ärzte", "."}, "words of sentence 1");
  expectEq(d.sentences[0].wordSpans, std::vector<Span>{{0, 5}, {6, 9}, {10, 15}, {15, 16}}, "word spans");
  expectEq(d.sentences[1].span, Span{17, 36}, "sentence 2 span");
  expectEq(tagNames(d, 0), Strings{"O", "O", "B-Group", "O"}, "tags 1");
  expectEq(tagNames(d, 1), Strings{"O", "O", "O", "B-Place", "O"}, "tags 2");
  expectEq(d.tags.types(), Strings{"Group", "Place"}, "types seen");
  expectTrue(d.misaligned.empty() && d.overlapping == 0 && d.warnings.empty(), "nothing reported");

  NerDataOptions bioes;
  bioes.encoding = TagEncoding::BIOES;
  const auto b =
      buildNerData({doc("Acute renal failure , and gout .", {{0, 19, "Disease"}, {26, 30, "Disease"}})},
                   {"Disease", "Gene"}, bioes);
  expectEq(tagNames(b, 0), Strings{"B-Disease", "I-Disease", "E-Disease", "O", "O", "S-Disease", "O"},
           "BIOES");
  expectEq(b.tags.types(), Strings{"Disease", "Gene"}, "given types");
  expectEq(b.sentences[0].document, 0, "document index");
}

void testMisaligned() {
  const std::string text = "The APC2related gene is here.";
  //                        0123456789012345678901234567
  NerDataOptions widen, drop;
  drop.widenMisaligned = false;
  const std::vector<document::AnnotatedDocument> docs = {doc(text, {{4, 8, "Gene"}}, "a"), doc(text, {{8, 15, "Gene"}}, "b"),
                                         doc(text, {{3, 22, "Gene"}}, "c"),
                                         doc(text, {{16, 21, "Gene"}}, "d")};
  const auto w = buildNerData(docs, {}, widen);
  expectEq(w.misaligned.size(), 4u, "four misaligned");
  if (w.misaligned.size() == 4) {
    expectEq(w.misaligned[0].nearest, Span{4, 15}, "nearest a");
    expectEq(w.misaligned[0].reason, "ends inside the word 'APC2related'; trained as 'APC2related'",
             "reason a");
    expectEq(w.misaligned[0].documentId, "a", "document id");
    expectEq(w.misaligned[1].reason, "starts inside the word 'APC2related'; trained as 'APC2related'",
             "reason b");
    expectEq(w.misaligned[2].nearest, Span{4, 23}, "nearest c");
    expectEq(w.misaligned[2].reason,
             "starts on whitespace before the word 'APC2related' and ends inside the word 'is'; "
             "trained as 'APC2related gene is'",
             "reason c");
    expectEq(w.misaligned[3].nearest, Span{16, 20}, "nearest d");
    expectEq(w.misaligned[3].reason, "ends on whitespace after the word 'gene'; trained as 'gene'",
             "reason d");
    expectEq(w.misaligned[3].document, 3, "document index d");
    expectTrue(w.misaligned[3].mention == document::EntityMention{16, 21, "Gene", {}}, "mention as annotated");
  }
  expectEq(tagNames(w, 0), Strings{"O", "B-Gene", "O", "O", "O", "O"}, "widened a");
  expectEq(tagNames(w, 2), Strings{"O", "B-Gene", "I-Gene", "I-Gene", "O", "O"}, "widened c");
  const auto d = buildNerData(docs, {}, drop);
  expectEq(d.misaligned.size(), 4u, "reported when dropped too");
  if (!d.misaligned.empty())
    expectEq(d.misaligned[0].reason, "ends inside the word 'APC2related'; dropped", "reason");
  expectEq(tagNames(d, 0), Strings{"O", "O", "O", "O", "O", "O"}, "dropped a");
  const auto aligned = buildNerData({doc("APC2-related genes", {{0, 4, "Gene"}})}, {}, widen);
  expectTrue(aligned.misaligned.empty(), "punctuation is a word boundary");
  expectEq(tagNames(aligned, 0), Strings{"B-Gene", "O", "O", "O"}, "APC2 - related");
}

void testOverlaps() {
  const std::string text = "adenomatous polyposis coli tumour";
  //                        0         1         2         3
  const auto d =
      buildNerData({doc(text, {{12, 26, "Disease"}, {0, 26, "Disease"}, {22, 33, "Disease"}})}, {}, {});
  expectEq(d.overlapping, 2, "two overlapping dropped");
  expectEq(tagNames(d, 0), Strings{"B-Disease", "I-Disease", "I-Disease", "O"}, "the longer is kept");
  if (d.misaligned.size() == 2) {
    expectEq(d.misaligned[0].mention.start, 12, "nested one reported");
    expectEq(d.misaligned[0].reason,
             "overlaps (nested in) the Disease mention 'adenomatous polyposis coli' (0-26), which is kept; "
             "flat tags hold one of them",
             "nested reason");
    expectEq(d.misaligned[1].reason.substr(0, 60),
             std::string("overlaps the Disease mention 'adenomatous polyposis coli' (0").substr(0, 60),
             "overlap reason");
  } else {
    expectEq(d.misaligned.size(), 2u, "two reported");
  }
  // Ties: the one starting first; same span: the one listed first.
  const auto t = buildNerData({doc("A B C", {{2, 5, "X"}, {0, 3, "X"}})}, {}, {});
  expectEq(tagNames(t, 0), Strings{"B-X", "I-X", "O"}, "equal length: the earlier wins");
  const auto s = buildNerData({doc("A B C", {{0, 1, "Y"}, {0, 1, "X"}})}, {}, {});
  expectEq(tagNames(s, 0), Strings{"B-Y", "O", "O"}, "same span: the first listed wins");
  if (s.misaligned.size() == 1)
    expectEq(s.misaligned[0].reason.substr(0, 21), "has the same span as ", "same span reason");
  // Mentions that only overlap once widened.
  const auto w = buildNerData({doc("foobar baz", {{0, 3, "X"}, {3, 6, "Y"}})}, {}, {});
  expectEq(w.overlapping, 1, "widened spans overlap");
  expectEq(w.misaligned.size(), 3u, "two misaligned + one overlap");
  expectEq(tagNames(w, 0), Strings{"B-X", "O"}, "first widened kept");
}

void testOutOfRange() {
  const auto d = buildNerData(
      {doc("Ölung der", {{6, 10, "X"}, {-1, 2, "X"}, {3, 3, "X"}, {5, 6, "X"}, {0, 5, "X"}})}, {}, {});
  expectEq(d.misaligned.size(), 4u, "four reported");
  if (d.misaligned.size() == 4) {
    expectEq(d.misaligned[0].reason, "lies outside the text, which has 9 characters", "beyond the end");
    expectEq(d.misaligned[1].reason, "lies outside the text, which has 9 characters", "negative");
    expectEq(d.misaligned[2].reason, "is empty (start 3, end 3)", "empty");
    expectEq(d.misaligned[3].reason, "covers no word (only whitespace or control characters)", "whitespace");
    expectEq(d.misaligned[0].nearest, Span{0, 0}, "no nearest span");
  }
  expectEq(tagNames(d, 0), Strings{"B-X", "O"}, "the valid one is kept");
}

void testSentences() {
  const std::string text = "He has Smith-Lemli. Opitz syndrome. Then more.\nNew line here";
  const auto plain = buildNerData({doc(text, {})}, {"Disease"}, {});
  expectEq(plain.sentences.size(), 4u, "four sentences without entities");
  const auto d = buildNerData({doc(text, {{7, 34, "Disease"}})}, {}, {});
  expectEq(d.sentences.size(), 3u, "the entity keeps two sentences together");
  expectEq(d.sentences[0].span, Span{0, 35}, "protected sentence");
  expectEq(
      tagNames(d, 0),
      Strings{"O", "O", "B-Disease", "I-Disease", "I-Disease", "I-Disease", "I-Disease", "I-Disease", "O"},
      "entity across the '.'");
  NerDataOptions whole;
  whole.splitSentences = false;
  const auto w = buildNerData({doc(text, {})}, {}, whole);
  expectEq(w.sentences.size(), 1u, "splitSentences=false");
  expectEq(w.sentences[0].span, Span{0, 60}, "whole document");
  const auto empty = buildNerData({doc("   \n  ", {}), doc("", {})}, {}, {});
  expectEq(empty.sentences.size(), 0u, "no sentences from blank documents");

  // maxSentenceWords: words 0..9, an entity on words 2..5.
  const std::string ten = "w0 w1 e2 e3 e4 e5 w6 w7 w8 w9";
  NerDataOptions four;
  four.maxSentenceWords = 4;
  const auto c = buildNerData({doc(ten, {{6, 17, "X"}})}, {}, four);
  std::vector<Span> spans;
  for (const auto& s : c.sentences) spans.push_back(s.span);
  expectEq(spans, std::vector<Span>{{0, 5}, {6, 17}, {18, 29}}, "cut outside the entity");
  expectEq(tagNames(c, 1), Strings{"B-X", "I-X", "I-X", "I-X"}, "entity whole in one piece");
  expectTrue(c.warnings.empty(), "no warning");
  NerDataOptions two;
  two.maxSentenceWords = 2;
  const auto l = buildNerData({doc(ten, {{6, 17, "X"}})}, {}, two);
  spans.clear();
  for (const auto& s : l.sentences) spans.push_back(s.span);
  expectEq(spans, std::vector<Span>{{0, 5}, {6, 17}, {18, 23}, {24, 29}}, "a long entity kept whole");
  expectEq(l.warnings.size(), 1u, "long entity warned about");

  const auto u = buildUnlabelledSentences({doc(text, {})}, {});
  expectEq(u.size(), 4u, "unlabelled sentences");
  expectTrue(!u.empty() && u[0].tags.empty() && u[0].words == plain.sentences[0].words,
             "no tags, same words");
}

void testTypesAndDeterminism() {
  const std::vector<document::AnnotatedDocument> docs = {
      doc("BRCA1 causes breast cancer .", {{0, 5, "Gene"}, {13, 26, "Disease"}}),
      doc("TP53 too .", {{0, 4, "Gene"}})};
  const auto d = buildNerData(docs, {"Disease"}, {});
  expectEq(d.tags.types(), Strings{"Disease"}, "only the given types");
  expectEq(tagNames(d, 0), Strings{"O", "O", "B-Disease", "I-Disease", "O"}, "other types ignored");
  expectEq(d.warnings,
           Strings{"2 mention(s) of type 'Gene', which is not among the entity types, were ignored"},
           "ignored types warned");
  const auto a = buildNerData(docs, {}, {}), b = buildNerData(docs, {}, {});
  bool same = a.sentences.size() == b.sentences.size();
  for (size_t i = 0; same && i < a.sentences.size(); ++i)
    same = a.sentences[i].tags == b.sentences[i].tags && a.sentences[i].words == b.sentences[i].words &&
           a.sentences[i].span == b.sentences[i].span;
  expectTrue(same, "deterministic");
}

}  // namespace

int main() {
  testWordsAndTags();
  testMisaligned();
  testOverlaps();
  testOutOfRange();
  testSentences();
  testTypesAndDeterminism();
  return quarry::test::finish("test_ner_data");
}
