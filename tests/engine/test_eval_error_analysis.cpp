// eval/ErrorAnalysis.h and eval/ErrorReportWriter.h on hand-made documents for each task: per-type
// scores, the confusion matrix with its "none" row and column, the error kinds and their spans, run
// comparison, and the CSV / HTML writers (quoting and escaping). Offsets are code points, noted per document.

#include <string>
#include <vector>

#include "EvalTestSupport.h"
#include "eval/ErrorAnalysis.h"
#include "eval/ErrorReportWriter.h"

using namespace quarry::eval;
using quarry::document::AnnotatedDocument;
using quarry::document::DocumentPrediction;
using quarry::document::EntityMention;

namespace {

int64_t cell(const ErrorAnalysis& a, const std::string& gold, const std::string& predicted) {
  size_t g = a.matrixLabels.size(), p = a.matrixLabels.size();
  for (size_t i = 0; i < a.matrixLabels.size(); ++i) {
    if (a.matrixLabels[i] == gold) g = i;
    if (a.matrixLabels[i] == predicted) p = i;
  }
  if (g == a.matrixLabels.size() || p == a.matrixLabels.size()) return -1;
  return a.confusion[g][p];
}

const AnalysedError* findError(const ErrorAnalysis& a, const std::string& kind) {
  for (const AnalysedError& e : a.errors)
    if (e.kind == kind) return &e;
  return nullptr;
}

void ner() {
  // d0: "Aspirin eases pain in Berlin." Aspirin [0,7) pain [14,18) Berlin [22,28)
  // d1: "Köln und Graz" Köln [0,4) Graz [9,13)
  std::vector<AnnotatedDocument> gold = {
      {"d0", "Aspirin eases pain in Berlin.", {{0, 7, "Drug"}, {14, 18, "Symptom"}, {22, 28, "Place"}}},
      {"d1", "Köln und Graz", {{0, 4, "Place"}, {9, 13, "Place"}}}};
  std::vector<DocumentPrediction> predicted(2);
  predicted[0].entities = {{0, 7, "Drug", 0.9},        // correct
                           {14, 18, "Drug", 0.6},      // wrong type
                           {22, 29, "Place", 0.7},     // wrong boundary
                           {8, 13, "Symptom", 0.4}};   // spurious ("eases")
  predicted[1].entities = {{9, 13, "Place", 0.8}};     // Köln missed
  const ErrorAnalysis a = analyseNerErrors(gold, predicted, {"Drug", "Symptom", "Place"});
  EVAL_EQ(a.task, std::string("ner"));
  EVAL_EQ(a.types.size(), size_t(3));
  EVAL_EQ(a.matrixLabels.back(), std::string("none"));
  // Drug: tp 1, predicted 2 (Aspirin, pain), gold 1. Symptom: tp 0, predicted 1, gold 1. Place: tp 1 (Graz),
  // predicted 2, gold 3.
  EVAL_EQ(a.perType[0].truePositives, int64_t(1));
  EVAL_EQ(a.perType[0].predicted, int64_t(2));
  EVAL_EQ(a.perType[0].support, int64_t(1));
  EVAL_EQ(a.perType[1].predicted, int64_t(1));
  EVAL_EQ(a.perType[1].support, int64_t(1));
  EVAL_EQ(a.perType[2].truePositives, int64_t(1));
  EVAL_EQ(a.perType[2].predicted, int64_t(2));
  EVAL_EQ(a.perType[2].support, int64_t(3));
  EVAL_EQ(a.micro.truePositives, int64_t(2));
  EVAL_EQ(a.micro.predicted, int64_t(5));
  EVAL_EQ(a.micro.support, int64_t(5));
  EVAL_NEAR(a.micro.f1, 0.4, 1e-12);
  EVAL_EQ(cell(a, "Drug", "Drug"), int64_t(1));
  EVAL_EQ(cell(a, "Symptom", "Drug"), int64_t(1));
  EVAL_EQ(cell(a, "Place", "Place"), int64_t(2));  // Graz and the wrong boundary of Berlin
  EVAL_EQ(cell(a, "Place", "none"), int64_t(1));   // Köln
  EVAL_EQ(cell(a, "none", "Symptom"), int64_t(1)); // "eases"
  EVAL_EQ(a.counts.at("wrong_type"), int64_t(1));
  EVAL_EQ(a.counts.at("wrong_boundary"), int64_t(1));
  EVAL_EQ(a.counts.at("missed"), int64_t(1));
  EVAL_EQ(a.counts.at("spurious"), int64_t(1));
  EVAL_EQ(a.counts.at("wrong_type_and_boundary"), int64_t(0));
  EVAL_EQ(a.errors.size(), size_t(4));
  // Document order, then text order: eases (8), pain (14), Berlin (22), then d1's Köln.
  EVAL_EQ(a.errors[0].kind, std::string("spurious"));
  EVAL_EQ(a.errors[1].kind, std::string("wrong_type"));
  EVAL_EQ(a.errors[3].documentId, std::string("d1"));
  EVAL_EQ(a.errors[3].document, size_t(1));
  EVAL_EQ(a.errors[3].goldText, std::string("Köln"));
  EVAL_EQ(a.errors[3].confidence, -1.0);
  const AnalysedError* boundary = findError(a, "wrong_boundary");
  EVAL_TRUE(boundary != nullptr);
  if (boundary) {
    EVAL_EQ(boundary->goldText, std::string("Berlin"));
    EVAL_EQ(boundary->predictedText, std::string("Berlin."));
    EVAL_EQ(boundary->predictedEnd, 29);
    EVAL_NEAR(boundary->confidence, 0.7, 1e-12);
    EVAL_EQ(boundary->context, std::string("Aspirin eases pain in [[Berlin]]."));
  }

  // A second model fixes the wrong type and the spurious span and breaks Aspirin.
  std::vector<DocumentPrediction> second(2);
  second[0].entities = {{14, 18, "Symptom", 0.9}, {22, 29, "Place", 0.7}};
  second[1].entities = {{9, 13, "Place", 0.8}};
  const ErrorAnalysis b = analyseNerErrors(gold, second, {"Drug", "Symptom", "Place"});
  const ErrorDifference diff = compareErrors(a, b);
  EVAL_EQ(diff.fixed.size(), size_t(2));
  EVAL_EQ(diff.broken.size(), size_t(1));
  EVAL_EQ(diff.common, size_t(2));
  if (diff.broken.size() == 1) EVAL_EQ(diff.broken[0].goldText, std::string("Aspirin"));
}

void relations() {
  // "Aspirin causes ulcers, not rashes." Aspirin [0,7) ulcers [15,21) rashes [27,33)
  AnnotatedDocument doc{"r0", "Aspirin causes ulcers, not rashes.",
                        {{0, 7, "Drug"}, {15, 21, "Effect"}, {27, 33, "Effect"}}};
  doc.relations = {{0, 1, "causes"}, {0, 2, "treats"}};
  AnnotatedDocument other{"r1", "X binds Y.", {{0, 1, "Drug"}, {8, 9, "Drug"}}};
  other.relations = {{0, 1, "binds"}};
  std::vector<DocumentPrediction> predicted(2);
  predicted[0].relations = {{1, 0, "causes", 0.8},   // wrong direction
                            {0, 2, "causes", 0.6},   // wrong type (gold treats)
                            {1, 2, "causes", 0.3}};  // spurious
  // r1: binds missed; "binds" is undirected so Y→X would have been right.
  const std::vector<std::vector<EntityMention>> mentions = {doc.entities, other.entities};
  const ErrorAnalysis a = analyseRelationErrors({doc, other}, predicted, mentions,
                                                {{"causes", true, {}, {}}, {"treats", true, {}, {}}, {"binds", false, {}, {}}});
  EVAL_EQ(a.types.size(), size_t(3));
  EVAL_EQ(a.micro.truePositives, int64_t(0));
  EVAL_EQ(a.micro.predicted, int64_t(3));
  EVAL_EQ(a.micro.support, int64_t(3));
  EVAL_EQ(a.counts.at("wrong_direction"), int64_t(1));
  EVAL_EQ(a.counts.at("wrong_type"), int64_t(1));
  EVAL_EQ(a.counts.at("spurious"), int64_t(1));
  EVAL_EQ(a.counts.at("missed"), int64_t(1));
  // Pairs: (Aspirin, ulcers) gold causes / predicted causes (reversed: same unordered pair) → diagonal;
  // (Aspirin, rashes) treats / causes; (ulcers, rashes) none / causes; (X, Y) binds / none.
  EVAL_EQ(cell(a, "causes", "causes"), int64_t(1));
  EVAL_EQ(cell(a, "treats", "causes"), int64_t(1));
  EVAL_EQ(cell(a, "none", "causes"), int64_t(1));
  EVAL_EQ(cell(a, "binds", "none"), int64_t(1));
  const AnalysedError* direction = findError(a, "wrong_direction");
  EVAL_TRUE(direction != nullptr);
  if (direction) {
    EVAL_EQ(direction->goldStart, 0);
    EVAL_EQ(direction->goldEnd, 21);
    EVAL_EQ(direction->goldText, std::string("Aspirin → ulcers"));
    EVAL_NEAR(direction->confidence, 0.8, 1e-12);
  }
  const AnalysedError* missed = findError(a, "missed");
  EVAL_TRUE(missed != nullptr);
  if (missed) {
    EVAL_EQ(missed->documentId, std::string("r1"));
    EVAL_EQ(missed->document, size_t(1));
    EVAL_EQ(missed->predictedStart, -1);
  }
}

void qa() {
  // "The fee is 40 euros, due in May." "40 euros" [11,19) May [29,32)
  AnnotatedDocument doc{"q0", "The fee is 40 euros, due in May."};
  doc.questions = {{"a", "FEE", "What is the fee?", {{11, 19}}},
                   {"b", "DUE", "When is it due?", {{29, 32}}},
                   {"c", "DUE", "When was it paid?", {}},
                   {"d", "FEE", "What is the fine?", {{11, 19}}},
                   {"e", "", "Who pays?", {{0, 7}}}};
  std::vector<DocumentPrediction> predicted(1);
  predicted[0].answers = {{"a", false, 11, 13, "40", 0.5},         // partial overlap
                          {"b", false, 29, 32, "May", 0.9},        // exact
                          {"c", false, 4, 7, "fee", 0.2},          // spurious
                          {"d", true, 0, 0, "", 0.7},              // missed
                          {"e", false, 21, 24, "due", 0.4}};       // wrong answer
  const ErrorAnalysis a = analyseQaErrors({doc}, predicted);
  EVAL_EQ(a.matrixLabels.size(), size_t(2));
  EVAL_EQ(cell(a, "answer", "answer"), int64_t(3));
  EVAL_EQ(cell(a, "answer", "none"), int64_t(1));
  EVAL_EQ(cell(a, "none", "answer"), int64_t(1));
  EVAL_EQ(a.types.size(), size_t(3));  // FEE, DUE, (no field)
  EVAL_EQ(a.types[2], std::string("(no field)"));
  EVAL_EQ(a.perType[0].support, int64_t(2));  // FEE: a, d
  EVAL_EQ(a.perType[0].predicted, int64_t(1));
  EVAL_EQ(a.perType[0].truePositives, int64_t(0));
  EVAL_EQ(a.perType[1].truePositives, int64_t(1));  // DUE: b
  EVAL_EQ(a.perType[1].predicted, int64_t(2));
  EVAL_EQ(a.counts.at("partial_overlap"), int64_t(1));
  EVAL_EQ(a.counts.at("wrong_answer"), int64_t(1));
  EVAL_EQ(a.counts.at("missed"), int64_t(1));
  EVAL_EQ(a.counts.at("spurious"), int64_t(1));
  const AnalysedError* partial = findError(a, "partial_overlap");
  EVAL_TRUE(partial != nullptr);
  if (partial) {
    EVAL_EQ(partial->item, std::string("What is the fee?"));
    EVAL_EQ(partial->goldText, std::string("40 euros"));
    EVAL_EQ(partial->predictedText, std::string("40"));
  }
}

void classification() {
  std::vector<AnnotatedDocument> gold(4);
  gold[0].id = "c0", gold[0].text = "Contract one.", gold[0].labels = {"lease"};
  gold[1].id = "c1", gold[1].text = "Contract two.", gold[1].labels = {"sale"};
  gold[2].id = "c2", gold[2].text = "Contract three.", gold[2].labels = {"sale"};
  gold[3].id = "c3", gold[3].text = "Contract four.", gold[3].labels = {};
  std::vector<DocumentPrediction> predicted(4);
  predicted[0].labels = {{"lease", 0.9}};
  predicted[1].labels = {{"lease", 0.6}};  // wrong label
  predicted[2].labels = {};                // missed
  predicted[3].labels = {{"sale", 0.55}};  // spurious
  const ErrorAnalysis a = analyseClassificationErrors(gold, predicted, {"lease", "sale"});
  EVAL_EQ(cell(a, "lease", "lease"), int64_t(1));
  EVAL_EQ(cell(a, "sale", "lease"), int64_t(1));
  EVAL_EQ(cell(a, "sale", "none"), int64_t(1));
  EVAL_EQ(cell(a, "none", "sale"), int64_t(1));
  EVAL_EQ(a.counts.at("wrong_label"), int64_t(1));
  EVAL_EQ(a.counts.at("missed"), int64_t(1));
  EVAL_EQ(a.counts.at("spurious"), int64_t(1));
  EVAL_EQ(a.perType[0].predicted, int64_t(2));
  EVAL_NEAR(a.perType[0].precision, 0.5, 1e-12);
  EVAL_EQ(a.perType[1].support, int64_t(2));
  EVAL_EQ(a.errors[0].context, std::string("Contract two."));
  EVAL_NEAR(a.errors[0].confidence, 0.6, 1e-12);
}

void writers() {
  EVAL_EQ(csvField("plain"), std::string("plain"));
  EVAL_EQ(csvField("a,b"), std::string("\"a,b\""));
  EVAL_EQ(csvField("say \"hi\"\n"), std::string("\"say \"\"hi\"\"\n\""));
  EVAL_EQ(htmlEscape("<b a='1'>&\"</b>"), std::string("&lt;b a=&#39;1&#39;&gt;&amp;&quot;&lt;/b&gt;"));

  std::vector<AnnotatedDocument> gold = {{"d,0", "<x> & y", {{0, 3, "Tag"}}}};
  std::vector<DocumentPrediction> predicted(1);
  predicted[0].entities = {{4, 5, "Tag", 0.25}};
  const ErrorAnalysis a = analyseNerErrors(gold, predicted, {"Tag"});
  const std::string csv = errorsCsv(a);
  EVAL_TRUE(csv.find("\"d,0\",missed,Tag,,0,3,,,<x>,") != std::string::npos);
  EVAL_TRUE(csv.find("\"d,0\",spurious,,Tag,,,4,5,,&,,0.2500,") != std::string::npos);
  EVAL_TRUE(perTypeCsv(a).find("Tag,0.0000,0.0000,0.0000,0,1,1\r\n") != std::string::npos);
  const std::string html = errorReportHtml(a, {"Errors <run 1>", {"model m"}});
  EVAL_TRUE(html.find("<title>Errors &lt;run 1&gt;</title>") != std::string::npos);
  EVAL_TRUE(html.find("<b>&lt;x&gt;</b> &amp; y") != std::string::npos);  // the marked context
  EVAL_TRUE(html.find("<svg") != std::string::npos);
  EVAL_TRUE(html.find("gold Tag, predicted none: 1") != std::string::npos);  // a heat map cell's tooltip
  EVAL_TRUE(html.find("<x>") == std::string::npos);                           // nothing unescaped

  bool threw = false;
  try {
    (void)analyseNerErrors(gold, {}, {"Tag"});
  } catch (const std::invalid_argument&) {
    threw = true;
  }
  EVAL_TRUE(threw);
}

}  // namespace

int main() {
  ner();
  relations();
  qa();
  classification();
  writers();
  return quarry::evaltest::finish("test_eval_error_analysis");
}
