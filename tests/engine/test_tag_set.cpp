// TagSet: ids and names, encode/decode round trips in IOB2 and BIOES, lenient decoding, CRF
// constraints and JSON.

#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "NerTestSupport.h"
#include "train/ner/TagSet.h"

using namespace quarry::train;
namespace document = quarry::document;
using quarry::test::expectEq;
using quarry::test::expectTrue;
using quarry::text::Span;
using Names = std::vector<std::string>;
using Entities = std::vector<std::pair<Span, std::string>>;

namespace {

std::vector<int32_t> ids(const TagSet& tags, const Names& names) {
  std::vector<int32_t> out;
  for (const auto& n : names) out.push_back(tags.id(n).value_or(-1));
  return out;
}
Names names(const TagSet& tags, const std::vector<int32_t>& v) {
  Names out;
  for (int32_t id : v) out.push_back(tags.name(id));
  return out;
}

void testNames() {
  const TagSet iob({"Gene", "Disease", "Gene", ""}, TagEncoding::IOB2);
  expectEq(iob.types(), Names{"Disease", "Gene"}, "types sorted, deduplicated");
  expectEq(iob.size(), 5, "IOB2 size");
  expectEq(names(iob, {0, 1, 2, 3, 4}), Names{"O", "B-Disease", "I-Disease", "B-Gene", "I-Gene"},
           "IOB2 names");
  const TagSet bioes({"Gene", "Disease"}, TagEncoding::BIOES);
  expectEq(
      names(bioes, {0, 1, 2, 3, 4, 5, 6, 7, 8}),
      Names{"O", "B-Disease", "I-Disease", "E-Disease", "S-Disease", "B-Gene", "I-Gene", "E-Gene", "S-Gene"},
      "BIOES names");
  expectEq(bioes.id("S-Gene").value_or(-1), 8, "id()");
  expectTrue(!bioes.id("X-Gene"), "unknown name has no id");
  expectEq(bioes.name(99), "O", "out of range name");
  expectEq(tagEncodingName(TagEncoding::BIOES), "bioes", "encoding name");
  expectTrue(parseTagEncoding("BIO") == TagEncoding::IOB2 && parseTagEncoding("iob2") == TagEncoding::IOB2 &&
                 parseTagEncoding("IOBES") == TagEncoding::BIOES &&
                 parseTagEncoding("bioes") == TagEncoding::BIOES && !parseTagEncoding("bilou"),
             "parseTagEncoding");
}

void testEncodeDecode() {
  // Words: 0..2 "The", 4..7 "APC", 8..12 "gene", 13..15 "in", 16..21 "colon", 22..28 "cancer"
  const std::vector<Span> words = {{0, 3}, {4, 7}, {8, 12}, {13, 15}, {16, 21}, {22, 28}};
  const std::vector<document::EntityMention> mentions = {{4, 7, "Gene"}, {16, 28, "Disease"}};
  const TagSet iob({"Disease", "Gene"}, TagEncoding::IOB2);
  const auto t1 = iob.encode(words, mentions);
  expectEq(names(iob, t1), Names{"O", "B-Gene", "O", "O", "B-Disease", "I-Disease"}, "IOB2 encode");
  expectEq(iob.decode(t1), Entities{{{1, 2}, "Gene"}, {{4, 6}, "Disease"}}, "IOB2 decode");
  const TagSet bioes({"Disease", "Gene"}, TagEncoding::BIOES);
  const auto t2 = bioes.encode(words, mentions);
  expectEq(names(bioes, t2), Names{"O", "S-Gene", "O", "O", "B-Disease", "E-Disease"}, "BIOES encode");
  expectEq(bioes.decode(t2), Entities{{{1, 2}, "Gene"}, {{4, 6}, "Disease"}}, "BIOES decode");
  const auto t3 = bioes.encode(words, {{4, 21, "Disease"}});
  expectEq(names(bioes, t3), Names{"O", "B-Disease", "I-Disease", "I-Disease", "E-Disease", "O"},
           "BIOES long");
  expectEq(bioes.decode(t3), Entities{{{1, 5}, "Disease"}}, "BIOES long decode");
  expectEq(
      names(iob, iob.encode(words, {{4, 12, "Gene"}, {8, 15, "Disease"}, {0, 3, "Other"}, {13, 14, "Gene"}})),
      Names{"O", "B-Gene", "I-Gene", "O", "O", "O"},
      "overlapping, unknown-type and word-less mentions are skipped");
  // Adjacent entities of one type stay apart.
  const auto t4 = iob.encode(words, {{4, 7, "Gene"}, {8, 12, "Gene"}});
  expectEq(names(iob, t4), Names{"O", "B-Gene", "B-Gene", "O", "O", "O"}, "adjacent entities");
  expectEq(iob.decode(t4), Entities{{{1, 2}, "Gene"}, {{2, 3}, "Gene"}}, "adjacent entities decode");
}

void testLenientDecode() {
  const TagSet iob({"Disease", "Gene"}, TagEncoding::IOB2);
  expectEq(iob.decode(ids(iob, {"I-Gene", "I-Gene", "O", "I-Disease"})),
           Entities{{{0, 2}, "Gene"}, {{3, 4}, "Disease"}}, "IOB2: I- without B- starts an entity");
  expectEq(iob.decode(ids(iob, {"B-Gene", "I-Disease", "I-Disease"})),
           Entities{{{0, 1}, "Gene"}, {{1, 3}, "Disease"}}, "IOB2: I- of another type starts one");
  expectEq(iob.decode({0, 42, -1, 3}), Entities{{{3, 4}, "Gene"}}, "unknown ids read as O");
  const TagSet bioes({"Disease", "Gene"}, TagEncoding::BIOES);
  expectEq(bioes.decode(ids(bioes, {"B-Gene", "I-Gene", "I-Gene"})), Entities{{{0, 3}, "Gene"}},
           "BIOES: an entity open at the end is closed");
  expectEq(bioes.decode(ids(bioes, {"E-Gene", "O", "I-Gene", "E-Gene", "E-Gene"})),
           Entities{{{0, 1}, "Gene"}, {{2, 4}, "Gene"}, {{4, 5}, "Gene"}}, "BIOES: stray E- and I-");
  expectEq(
      bioes.decode(ids(bioes, {"B-Gene", "S-Disease", "B-Gene", "B-Gene", "E-Disease"})),
      Entities{
          {{0, 1}, "Gene"}, {{1, 2}, "Disease"}, {{2, 3}, "Gene"}, {{3, 4}, "Gene"}, {{4, 5}, "Disease"}},
      "BIOES: S- and B- close the open entity");
}

// Every pair (from, to) checked against a rule written out independently.
void testTransitions() {
  const TagSet iob({"A", "B"}, TagEncoding::IOB2);
  const auto t = iob.allowedTransitions();
  int allowedCount = 0;
  for (int32_t f = 0; f < iob.size(); ++f)
    for (int32_t to = 0; to < iob.size(); ++to) allowedCount += t[f][to] ? 1 : 0;
  expectEq(allowedCount, 25 - 6, "IOB2: I-X is refused after O, B-Y, I-Y (3 tags x 2 types)");
  expectTrue(t[*iob.id("B-A")][*iob.id("I-A")] && t[*iob.id("I-A")][*iob.id("I-A")] &&
                 !t[*iob.id("O")][*iob.id("I-A")] && !t[*iob.id("B-B")][*iob.id("I-A")] &&
                 t[*iob.id("I-B")][*iob.id("B-A")],
             "IOB2 transitions");
  expectEq(iob.allowedStart(), std::vector<bool>{true, true, false, true, false}, "IOB2 start");
  expectEq(iob.allowedEnd(), std::vector<bool>{true, true, true, true, true}, "IOB2 end");

  const TagSet bioes({"A", "B"}, TagEncoding::BIOES);
  const auto b = bioes.allowedTransitions();
  const Names allowedPairs = {"O>O",     "O>B-A",   "O>S-A",   "O>B-B",   "O>S-B",   "B-A>I-A", "B-A>E-A",
                              "I-A>I-A", "I-A>E-A", "B-B>I-B", "B-B>E-B", "I-B>I-B", "I-B>E-B", "E-A>O",
                              "E-A>B-A", "E-A>S-A", "E-A>B-B", "E-A>S-B", "S-A>O",   "S-A>B-A", "S-A>S-A",
                              "S-A>B-B", "S-A>S-B", "E-B>O",   "E-B>B-A", "E-B>S-A", "E-B>B-B", "E-B>S-B",
                              "S-B>O",   "S-B>B-A", "S-B>S-A", "S-B>B-B", "S-B>S-B"};
  Names actual;
  for (int32_t f = 0; f < bioes.size(); ++f)
    for (int32_t to = 0; to < bioes.size(); ++to)
      if (b[f][to]) actual.push_back(bioes.name(f) + ">" + bioes.name(to));
  Names expected = allowedPairs;
  std::sort(expected.begin(), expected.end());
  std::sort(actual.begin(), actual.end());
  expectEq(actual, expected, "BIOES transitions");
  expectEq(bioes.allowedStart(), std::vector<bool>{true, true, false, false, true, true, false, false, true},
           "BIOES start");
  expectEq(bioes.allowedEnd(), std::vector<bool>{true, false, false, true, true, false, false, true, true},
           "BIOES end");
  // Every encoded sequence obeys the constraints.
  const std::vector<Span> words = {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {8, 9}};
  const auto tags = bioes.encode(words, {{0, 3, "A"}, {4, 5, "B"}, {6, 9, "A"}});
  bool ok = bioes.allowedStart()[tags.front()] && bioes.allowedEnd()[tags.back()];
  for (size_t i = 1; i < tags.size(); ++i) ok = ok && b[tags[i - 1]][tags[i]];
  expectTrue(ok, "encoded BIOES tags follow the grammar");
}

void testJson() {
  const TagSet bioes({"Gene", "Disease"}, TagEncoding::BIOES);
  const auto j = bioes.toJson();
  expectEq(j["encoding"], "bioes", "json encoding");
  const auto back = TagSet::fromJson(j);
  expectTrue(back.ok() && *back == bioes && back->size() == 9, "json round trip");
  auto bad = j;
  bad["encoding"] = "bilou";
  auto r = TagSet::fromJson(bad);
  expectTrue(!r.ok() && r.error().field == "encoding", "bad encoding names the field");
  bad = j;
  bad["tags"] = nlohmann::json::array({"O"});
  r = TagSet::fromJson(bad);
  expectTrue(!r.ok() && r.error().field == "tags", "tags that do not match");
  bad = j;
  bad["types"] = nlohmann::json::array({"Gene", 3});
  r = TagSet::fromJson(bad);
  expectTrue(!r.ok() && r.error().field == "types", "non-string type");
  r = TagSet::fromJson(nlohmann::json{{"encoding", "bio"}, {"types", {"X", "X"}}});
  expectTrue(!r.ok() && r.error().field == "types", "repeated types");
  r = TagSet::fromJson(nlohmann::json{{"encoding", "bio"}, {"types", {"X"}}});
  expectTrue(r.ok() && r->size() == 3 && r->encoding() == TagEncoding::IOB2, "tags are optional");
}

}  // namespace

int main() {
  testNames();
  testEncodeDecode();
  testLenientDecode();
  testTransitions();
  testJson();
  return quarry::test::finish("test_tag_set");
}
