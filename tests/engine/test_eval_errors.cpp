// analyzeErrors() and spanContext(): every error kind, the matching order of eval/ErrorBreakdown.h
// (exact, then same type by overlap, then other type by overlap), consumed predictions, duplicates, the
// example limit and UTF-8 contexts. Offsets are code points, worked out by hand (noted per document).

#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "EvalTestSupport.h"
#include "eval/ErrorBreakdown.h"
#include "eval/SpanContext.h"

using namespace quarry::eval;
using quarry::document::EntityMention;
using quarry::document::AnnotatedDocument;
using quarry::document::PredictedEntity;

namespace {

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += s;
  }
  return out;
}

void contexts() {
  // 50 "ä", "Köln" at code points [50,54), 50 "ö": 40 code points either side, cut between code points.
  const std::string text = repeat("ä", 50) + "Köln" + repeat("ö", 50);
  EVAL_EQ(spanContext(text, 50, 54), repeat("ä", 40) + "[[Köln]]" + repeat("ö", 40));
  EVAL_EQ(spanContext(text, 50, 54, 2), std::string("ää[[Köln]]öö"));
  // Line breaks and tabs become spaces; offsets beyond the text are clamped.
  EVAL_EQ(spanContext("a\nb\tc", 2, 3), std::string("a [[b]] c"));
  EVAL_EQ(spanContext("abc", -3, 100), std::string("[[abc]]"));
  // 4-byte code points count as one.
  EVAL_EQ(spanContext("\xF0\x9F\x98\x80x\xF0\x9F\x98\x80yz", 1, 2, 1),
          std::string("\xF0\x9F\x98\x80[[x]]\xF0\x9F\x98\x80"));
  EVAL_EQ(spanContext("abc", 1, 2, 0), std::string("[[b]]"));
}

std::vector<AnnotatedDocument> goldDocs() {
  return {
      // doc1: "Frau Müller fuhr nach Zürich und aß Käse in Köln." (49 code points)
      // Müller [5,11)  Zürich [22,28)  "aß Käse" [33,40)  Käse [36,40)  "in Köln" [41,48)  Köln [44,48)
      {"doc1",
       "Frau Müller fuhr nach Zürich und aß Käse in Köln.",
       {{5, 11, "PER"}, {22, 28, "LOC"}, {36, 40, "FOOD"}, {44, 48, "LOC"}}},
      // doc2: "Ärztin Özlem Şahin besucht die Bäckerei Brötchen-Glück in Graz." (63 code points)
      // "Özlem Şahin" [7,18)  "Bäckerei Brötchen-Glück" [31,54)  Graz [58,62)
      {"doc2",
       "Ärztin Özlem Şahin besucht die Bäckerei Brötchen-Glück in Graz.",
       {{7, 18, "PER"}, {31, 54, "ORG"}}},
      // doc3: "Anna Berg and Carl Dorn met." Anna [0,4) Berg [5,9) "Carl Dorn" [14,23) Carl [14,18) Dorn
      // [19,23)
      {"doc3", "Anna Berg and Carl Dorn met.", {{0, 4, "PER"}, {5, 9, "PER"}, {14, 23, "PER"}}},
      // doc4: 40 digits; only offsets matter.
      {"doc4", "0123456789012345678901234567890123456789", {{20, 30, "ORG"}, {0, 4, "DIS"}}},
      // doc5: the same gold mention listed twice.
      {"doc5", "Paris", {{0, 5, "LOC"}, {0, 5, "LOC"}}},
  };
}

std::vector<std::vector<PredictedEntity>> predictions() {
  return {
      // doc1: Müller exact (correct); Zürich as ORG (wrong type); "aß Käse" as PER over gold FOOD Käse
      // (wrong type and boundary); "in Köln" as LOC over gold LOC Köln (wrong boundary).
      {{5, 11, "PER", 0.99}, {22, 28, "ORG", 0.6}, {33, 40, "PER", 0.5}, {41, 48, "LOC", 0.7}},
      // doc2: the person exact (correct); the bakery not predicted (missed); Graz overlaps no gold
      // (spurious).
      {{7, 18, "PER", 0.9}, {58, 62, "LOC", 0.4}},
      // doc3: "Anna Berg" overlaps Anna and Berg by 4 each: the earlier gold (Anna) takes it (wrong
      // boundary), Berg is left with an already used prediction (missed). "Carl Dorn" is overlapped by
      // Carl and Dorn by 4 each: the earlier prediction (Carl) is taken (wrong boundary), Dorn overlaps
      // only used gold (spurious).
      {{0, 9, "PER", 0.9}, {14, 18, "PER", 0.8}, {19, 23, "PER", 0.7}},
      // doc4: gold ORG [20,30) with LOC [20,30) (same bounds) and ORG [25,35) (same type, overlap 5):
      // same type wins (wrong boundary), LOC is spurious. Gold DIS [0,4) with CHEM [0,4) and CHEM [0,6),
      // overlap 4 each: same bounds win at equal overlap (wrong type), CHEM [0,6) is spurious.
      {{20, 30, "LOC", 0.5}, {25, 35, "ORG", 0.5}, {0, 6, "CHEM", 0.5}, {0, 4, "CHEM", 0.5}},
      // doc5: predicted twice too: one correct, nothing spurious.
      {{0, 5, "LOC", 0.8}, {0, 5, "LOC", 0.3}},
  };
}

void checkCounts(const ErrorCounts& c, int64_t correct, int64_t type, int64_t boundary, int64_t both,
                 int64_t missed, int64_t spurious, const char* what) {
  std::string w(what);
  ::quarry::evaltest::checkEqual(c.correct, correct, (w + " correct").c_str(), __FILE__, __LINE__);
  ::quarry::evaltest::checkEqual(c.wrongType, type, (w + " wrongType").c_str(), __FILE__, __LINE__);
  ::quarry::evaltest::checkEqual(c.wrongBoundary, boundary, (w + " wrongBoundary").c_str(), __FILE__,
                                 __LINE__);
  ::quarry::evaltest::checkEqual(c.wrongTypeAndBoundary, both, (w + " wrongTypeAndBoundary").c_str(),
                                 __FILE__, __LINE__);
  ::quarry::evaltest::checkEqual(c.missed, missed, (w + " missed").c_str(), __FILE__, __LINE__);
  ::quarry::evaltest::checkEqual(c.spurious, spurious, (w + " spurious").c_str(), __FILE__, __LINE__);
}

std::string show(const std::optional<EntityMention>& m) {
  return m ? m->type + "[" + std::to_string(m->start) + "," + std::to_string(m->end) + ")" : std::string("-");
}

void breakdown() {
  const ErrorBreakdown r = analyzeErrors(goldDocs(), predictions());
  // Per type (gold type; prediction type for spurious), from the per-document notes above:
  checkCounts(r.perType.at("PER"), 2, 0, 2, 0, 1, 1,
              "PER");  // doc1+doc2 correct; doc3 2 boundary, Berg, Dorn
  checkCounts(r.perType.at("LOC"), 1, 1, 1, 0, 0, 2, "LOC");    // Paris; Zürich; Köln; Graz, doc4 LOC
  checkCounts(r.perType.at("FOOD"), 0, 0, 0, 1, 0, 0, "FOOD");  // Käse
  checkCounts(r.perType.at("ORG"), 0, 0, 1, 0, 1, 0, "ORG");    // doc4 ORG; the bakery
  checkCounts(r.perType.at("DIS"), 0, 1, 0, 0, 0, 0, "DIS");
  checkCounts(r.perType.at("CHEM"), 0, 0, 0, 0, 0, 1, "CHEM");
  EVAL_EQ(r.perType.size(), size_t(6));
  checkCounts(r.total, 3, 2, 4, 1, 2, 4, "total");
  // Every gold mention (12 after doc5's duplicate) has one fate; every prediction (14 after doc5's
  // duplicate) is matched (3+2+4+1 = 10) or spurious (4).
  EVAL_EQ(r.total.gold(), int64_t(12));

  // Examples in document order, then text order; contexts mark the gold span (the prediction for spurious).
  const auto& wrongType = r.examples.at(kWrongType);
  EVAL_EQ(wrongType.size(), size_t(2));
  EVAL_EQ(wrongType[0].documentId, std::string("doc1"));
  EVAL_EQ(show(wrongType[0].gold), std::string("LOC[22,28)"));
  EVAL_EQ(show(wrongType[0].predicted), std::string("ORG[22,28)"));
  EVAL_EQ(wrongType[0].confidence, 0.6);
  EVAL_EQ(wrongType[0].context, std::string("Frau Müller fuhr nach [[Zürich]] und aß Käse in Köln."));
  EVAL_EQ(show(wrongType[1].predicted), std::string("CHEM[0,4)"));

  const auto& boundary = r.examples.at(kWrongBoundary);
  EVAL_EQ(boundary.size(), size_t(4));
  EVAL_EQ(show(boundary[0].predicted), std::string("LOC[41,48)"));
  // Köln [44,48): the context starts 40 code points earlier, at 4 (after "Frau").
  EVAL_EQ(boundary[0].context, std::string(" Müller fuhr nach Zürich und aß Käse in [[Köln]]."));
  EVAL_EQ(show(boundary[1].gold) + show(boundary[1].predicted), std::string("PER[0,4)PER[0,9)"));
  EVAL_EQ(show(boundary[2].gold) + show(boundary[2].predicted), std::string("PER[14,23)PER[14,18)"));
  EVAL_EQ(show(boundary[3].gold) + show(boundary[3].predicted), std::string("ORG[20,30)ORG[25,35)"));

  const auto& both = r.examples.at(kWrongTypeAndBoundary);
  EVAL_EQ(both.size(), size_t(1));
  EVAL_EQ(show(both[0].gold) + show(both[0].predicted), std::string("FOOD[36,40)PER[33,40)"));
  EVAL_EQ(both[0].context, std::string("Frau Müller fuhr nach Zürich und aß [[Käse]] in Köln."));

  const auto& missed = r.examples.at(kMissed);
  EVAL_EQ(missed.size(), size_t(2));
  EVAL_EQ(missed[0].documentId, std::string("doc2"));
  EVAL_TRUE(!missed[0].predicted.has_value());
  EVAL_EQ(missed[0].confidence, -1.0);
  EVAL_EQ(missed[0].context,
          std::string("Ärztin Özlem Şahin besucht die [[Bäckerei Brötchen-Glück]] in Graz."));
  EVAL_EQ(missed[1].context, std::string("Anna [[Berg]] and Carl Dorn met."));

  const auto& spurious = r.examples.at(kSpurious);
  EVAL_EQ(spurious.size(), size_t(4));
  EVAL_TRUE(!spurious[0].gold.has_value());
  EVAL_EQ(show(spurious[0].predicted), std::string("LOC[58,62)"));
  // Graz [58,62): the context starts at 18, after "Ärztin Özlem Şahin" (multi-byte letters before it).
  EVAL_EQ(spurious[0].context, std::string(" besucht die Bäckerei Brötchen-Glück in [[Graz]]."));
  EVAL_EQ(show(spurious[1].predicted), std::string("PER[19,23)"));
  EVAL_EQ(show(spurious[2].predicted), std::string("CHEM[0,6)"));  // doc4, text order: [0,6) before [20,30)
  EVAL_EQ(show(spurious[3].predicted), std::string("LOC[20,30)"));

  const nlohmann::json j = r.toJson();
  EVAL_EQ(j.at("total").at("wrong_boundary").get<int64_t>(), int64_t(4));
  EVAL_EQ(j.at("per_type").at("LOC").at("spurious").get<int64_t>(), int64_t(2));
  EVAL_TRUE(j.at("examples").at("missed").at(0).at("predicted").is_null());
  EVAL_EQ(j.at("examples").at("spurious").at(0).at("context").get<std::string>(),
          std::string(" besucht die Bäckerei Brötchen-Glück in [[Graz]]."));

  // Table: name column 5 wide ("total"), numbers " %8d %10d %10d %10d %8d %8d".
  const std::string table = r.formatTable();
  EVAL_TRUE(table.find("\n  PER        2          0          2          0        1        1\n") !=
            std::string::npos);
  EVAL_TRUE(table.find("\ntotal        3          2          4          1        2        4\n") !=
            std::string::npos);
}

void limitsAndErrors() {
  // At most one example per kind; the counts are not limited.
  const ErrorBreakdown r = analyzeErrors(goldDocs(), predictions(), 1);
  EVAL_EQ(r.examples.at(kSpurious).size(), size_t(1));
  EVAL_EQ(r.examples.at(kSpurious)[0].documentId, std::string("doc2"));
  EVAL_EQ(r.total.spurious, int64_t(4));

  // Nothing at all: empty report.
  const ErrorBreakdown empty = analyzeErrors({}, {});
  EVAL_TRUE(empty.perType.empty());
  EVAL_EQ(empty.total.gold(), int64_t(0));

  bool threw = false;
  try {
    (void)analyzeErrors(goldDocs(), {});
  } catch (const std::invalid_argument&) {
    threw = true;
  }
  EVAL_TRUE(threw);
}

}  // namespace

int main() {
  contexts();
  breakdown();
  limitsAndErrors();
  return quarry::evaltest::finish("test_eval_errors");
}
