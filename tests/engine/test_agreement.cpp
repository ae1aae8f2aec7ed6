// Inter-annotator agreement (eval/Agreement.h), pinned by hand-computed figures on hand-made layers and by
// the published worked examples: Cohen's κ = 0.4 (Wikipedia "Cohen's kappa", 50 items: 20 yes/yes,
// 5 yes/no, 10 no/yes, 15 no/no) and Fleiss' κ = 0.2099 (Fleiss 1971 as worked in Wikipedia "Fleiss'
// kappa": 10 subjects, 14 raters, 5 categories; P̄ = 0.378, P̄e = 0.213).
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "EngineCheck.h"
#include "eval/Agreement.h"

using namespace quarry;
using document::AnnotatedDocument;
using document::EntityMention;

namespace {

bool near(double a, double b, double tolerance = 1e-9) { return std::fabs(a - b) <= tolerance; }

void publishedKappas() {
  std::vector<std::string> a, b;
  auto add = [&](int n, const char* x, const char* y) {
    for (int i = 0; i < n; ++i) {
      a.push_back(x);
      b.push_back(y);
    }
  };
  add(20, "yes", "yes");
  add(5, "yes", "no");
  add(10, "no", "yes");
  add(15, "no", "no");
  EXPECT(near(eval::cohenKappa(a, b), 0.4), "Cohen's kappa of the worked example is 0.4");
  EXPECT(near(eval::cohenKappa(a, a), 1.0), "a rater agrees with itself");
  EXPECT(std::isnan(eval::cohenKappa({"O", "O"}, {"O", "O"})), "one label everywhere: undefined");

  const std::vector<std::vector<int64_t>> fleiss1971{{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0},
                                                     {2, 2, 8, 1, 1},  {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2},
                                                     {6, 5, 2, 1, 0},  {0, 2, 2, 3, 7}};
  const double k = eval::fleissKappa(fleiss1971);
  std::printf("Fleiss' kappa of the 1971 example: %.5f\n", k);
  EXPECT(near(k, 0.2099307044, 1e-9), "Fleiss' kappa of the worked example is 0.20993");
  EXPECT(std::isnan(eval::fleissKappa({{2, 0}, {1, 2}})), "rows with different rater counts are refused");
}

AnnotatedDocument doc(const std::string& id, const std::string& text, std::vector<EntityMention> spans) {
  return AnnotatedDocument(id, text, std::move(spans));
}

void twoAnnotators() {
  const std::string t1 = "Aspirin treats severe headache in children.";
  AnnotatedDocument a1 = doc("d1", t1, {{0, 7, "DRUG"}, {15, 30, "DISEASE"}});
  a1.relations.push_back({0, 1, "TREATS"});
  AnnotatedDocument b1 = doc("d1", t1, {{0, 7, "DRUG"}, {22, 30, "DISEASE"}, {34, 42, "GROUP"}});
  b1.relations.push_back({0, 1, "TREATS"});
  const std::string t2 = "Ibuprofen relieves pain.";
  AnnotatedDocument a2 = doc("d2", t2, {{0, 9, "DRUG"}, {19, 23, "DISEASE"}});
  a2.relations.push_back({0, 1, "TREATS"});
  AnnotatedDocument b2 = a2;
  const std::string t3 = "Notice goes to the board within 30 days.";
  AnnotatedDocument a3 = doc("d3", t3, {});
  a3.questions.push_back({"1", "recipient", "Who gets notice?", {{15, 24}}});  // "the board"
  a3.questions.push_back({"2", "deadline", "When?", {{32, 39}}});              // "30 days"
  AnnotatedDocument b3 = a3;
  b3.questions[0].answers = {{19, 24}};  // "board": the same once articles are dropped
  b3.questions[1].answers.clear();       // no answer
  AnnotatedDocument onlyA = doc("d9", "Only one annotator saw this.", {{0, 4, "DRUG"}});

  std::vector<AnnotatedDocument> layerA{a1, a2, a3, onlyA}, layerB{b1, b2, b3};
  const char* labelsA[] = {"fair", "fair", "unfair", "fair"};
  const char* labelsB[] = {"fair", "unfair", "unfair", "fair"};
  for (int i = 0; i < 4; ++i) {
    AnnotatedDocument la = doc("l" + std::to_string(i), "A clause.", {}), lb = la;
    la.labels = {labelsA[i]};
    lb.labels = {labelsB[i]};
    layerA.push_back(la);
    layerB.push_back(lb);
  }
  const eval::AgreementReport r = eval::measureAgreement({"anna", "ben"}, {layerA, layerB});
  EXPECT(r.pairs.size() == 1, "one pair");
  const eval::PairAgreement& p = r.pairs[0];
  EXPECT(p.documents == 7, "documents both annotated: d1-d3 and the four labelled ones, not d9");
  // d1: exact 1 of 2 and 3; d2: 2 of 2 and 2 -> 3 of 4 and 5: F1 = 6/9.
  EXPECT(p.exact.a == 4 && p.exact.b == 5 && p.exact.both == 3, "exact counts");
  EXPECT(near(p.exact.f1(), 6.0 / 9.0), "exact span F1");
  // Overlap: every A span agrees (4/4); B: all but GROUP (4/5).
  EXPECT(p.overlap.agreeingA == 4 && p.overlap.agreeingB == 4, "overlap counts");
  EXPECT(near(p.overlap.f1(), 2 * 0.8 * 1.0 / 1.8), "overlap F1");
  EXPECT(near(p.exactByType.at("DISEASE").f1(), 0.5), "DISEASE exact F1: 1 of 2 and 2");
  EXPECT(near(p.overlapByType.at("DISEASE").f1(), 1.0), "DISEASE overlap F1");
  EXPECT(near(p.exactByType.at("GROUP").f1(), 0.0), "GROUP only in B");
  // d1's words: DRUG O DISEASE DISEASE O O O against DRUG O O DISEASE O GROUP O: po 5/7; shares
  // DRUG 1·1, O 4·4, DISEASE 2·1, GROUP 0·1 -> pe 19/49; kappa (35 - 19) / (49 - 19) = 16/30.
  EXPECT(near(p.perDocument[0].tokenKappa, 16.0 / 30.0), "token kappa of d1: " + std::to_string(p.perDocument[0].tokenKappa));
  // Relations: d1's have an argument only one annotator marked (2 set apart); d2's agree.
  EXPECT(p.relationsWithoutMatchedArguments == 2, "relations without matched arguments");
  EXPECT(p.relations.a == 1 && p.relations.b == 1 && p.relations.both == 1, "relations given matched spans");
  // QA: "the board" vs "board" agree; "30 days" vs no answer do not.
  EXPECT(p.questions == 2 && near(p.qaExact, 0.5) && near(p.qaF1, 0.5), "QA exact and F1");
  // Labels: po 3/4, pe 1/2 -> 0.5; per category the same (two categories, complementary).
  EXPECT(p.labelledDocuments == 4, "labelled by both");
  EXPECT(near(p.labelKappa, 0.5), "label kappa");
  EXPECT(near(p.labelKappaByCategory.at("unfair"), 0.5), "label kappa of 'unfair'");

  const nlohmann::json j = r.toJson();
  EXPECT(j["pairs"][0]["span_exact"]["both"] == 3, "JSON: exact counts");
  EXPECT(j["pairs"][0]["per_document"].size() == 7, "JSON: per document");
  const std::string table = r.formatTable();
  std::printf("%s\n", table.c_str());
  EXPECT(table.find("anna vs ben") != std::string::npos, "table names the pair");
  EXPECT(table.find("0.6667") != std::string::npos, "table shows the exact F1");
}

void threeAnnotatorsFleiss() {
  // Items x raters: fair/unfair. Per item counts [3,0] [2,1] [0,3] [2,1]: P-bar 2/3, Pe 74/144 -> 11/35.
  const char* labels[3][4] = {{"fair", "fair", "unfair", "fair"},
                              {"fair", "unfair", "unfair", "fair"},
                              {"fair", "fair", "unfair", "unfair"}};
  std::vector<std::vector<AnnotatedDocument>> layers(3);
  for (int r = 0; r < 3; ++r)
    for (int i = 0; i < 4; ++i) {
      AnnotatedDocument d("l" + std::to_string(i), "A clause.");
      d.labels = {labels[r][i]};
      layers[r].push_back(d);
    }
  const eval::AgreementReport r = eval::measureAgreement({"a", "b", "c"}, layers);
  EXPECT(r.pairs.size() == 3, "three pairs");
  EXPECT(r.fleissDocuments == 4, "Fleiss over the four documents");
  EXPECT(near(r.fleissLabelKappa, 11.0 / 35.0), "Fleiss' kappa by hand: 11/35");
  EXPECT(near(r.fleissKappaByCategory.at("fair"), 11.0 / 35.0), "binary Fleiss of 'fair' equals it (two categories)");
  layers[2][3].labels = {"fair", "unfair"};  // multi-label: no single-label kappa
  const eval::AgreementReport multi = eval::measureAgreement({"a", "b", "c"}, layers);
  EXPECT(std::isnan(multi.fleissLabelKappa), "multi-label: single-label Fleiss undefined");
  EXPECT(!std::isnan(multi.fleissKappaByCategory.at("unfair")), "multi-label: per category still measured");
}

}  // namespace

int main() {
  publishedKappas();
  twoAnnotators();
  threeAnnotatorsFleiss();
  if (quarry::test::g_failures) return 1;
  std::printf("PASS\n");
  return 0;
}
