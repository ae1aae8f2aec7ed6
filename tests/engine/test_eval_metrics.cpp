// scoreTagSequences() and scoreSpans() against seqeval 1.2 (default mode, zero_division=0). Expected
// numbers are worked out by hand from seqeval's definitions; each case says how.
//   per type: p = tp/predicted, r = tp/support, f = 2pr/(p+r), 0 when a denominator is 0;
//   micro: the same on the counts summed over types;
//   macro: plain mean over the types seen in gold OR predicted;
//   weighted: mean weighted by support (0 when the total support is 0);
//   accuracy: equal tags / all tags, over all sentences.

#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "EvalTestSupport.h"
#include "eval/EntityMetrics.h"

using quarry::eval::EntityReport;
using quarry::eval::EntityScores;
using quarry::eval::scoreSpans;
using quarry::eval::scoreTagSequences;
using quarry::document::EntityMention;
using Sentences = std::vector<std::vector<std::string>>;

namespace {

constexpr double kTol = 1e-12;

void expectScores(const EntityScores& s, int64_t tp, int64_t pred, int64_t support, double p, double r,
                  double f, const std::string& what) {
  std::cerr.precision(17);
  const std::string label = what + ": ";
  ::quarry::evaltest::checkEqual(s.truePositives, tp, (label + "truePositives").c_str(), __FILE__, __LINE__);
  ::quarry::evaltest::checkEqual(s.predicted, pred, (label + "predicted").c_str(), __FILE__, __LINE__);
  ::quarry::evaltest::checkEqual(s.support, support, (label + "support").c_str(), __FILE__, __LINE__);
  ::quarry::evaltest::checkNear(s.precision, p, kTol, (label + "precision").c_str(), __FILE__, __LINE__);
  ::quarry::evaltest::checkNear(s.recall, r, kTol, (label + "recall").c_str(), __FILE__, __LINE__);
  ::quarry::evaltest::checkNear(s.f1, f, kTol, (label + "f1").c_str(), __FILE__, __LINE__);
}

const EntityScores& type(const EntityReport& r, const std::string& name) {
  static const EntityScores none;
  const auto it = r.perType.find(name);
  if (it == r.perType.end()) {
    std::cerr << "FAIL: no row for type " << name << "\n";
    ++::quarry::evaltest::failures();
    return none;
  }
  return it->second;
}

void readmeExample() {
  // seqeval README / docstrings: MISC gold [3,6) vs predicted [2,6): no match; PER [0,2) matches.
  // MISC 0/0/0 support 1; PER 1/1/1; micro tp 1, predicted 2, support 2 -> 0.5; macro (0+1)/2 = 0.5;
  // weighted (0*1+1*1)/2 = 0.5. Accuracy: 10 tags, positions 2 and 3 of sentence 0 differ -> 8/10.
  const Sentences gold = {{"O", "O", "O", "B-MISC", "I-MISC", "I-MISC", "O"}, {"B-PER", "I-PER", "O"}};
  const Sentences pred = {{"O", "O", "B-MISC", "I-MISC", "I-MISC", "I-MISC", "O"}, {"B-PER", "I-PER", "O"}};
  const EntityReport r = scoreTagSequences(gold, pred);
  EVAL_EQ(r.perType.size(), size_t(2));
  expectScores(type(r, "MISC"), 0, 1, 1, 0, 0, 0, "readme MISC");
  expectScores(type(r, "PER"), 1, 1, 1, 1, 1, 1, "readme PER");
  expectScores(r.micro, 1, 2, 2, 0.5, 0.5, 0.5, "readme micro");
  expectScores(r.macro, 1, 2, 2, 0.5, 0.5, 0.5, "readme macro");
  expectScores(r.weighted, 1, 2, 2, 0.5, 0.5, 0.5, "readme weighted");
  EVAL_NEAR(r.tokenAccuracy, 0.8, kTol);
  EVAL_EQ(r.tokens, int64_t(10));

  // classification_report(y_true, y_pred) as printed in seqeval's docstring (digits=2): the name
  // column is max(len("weighted avg"), longest type) = 12 wide, then " {:>9.2f}" x3 and " {:>9}".
  const std::string expected =
      "              precision    recall  f1-score   support\n"
      "\n"
      "        MISC       0.00      0.00      0.00         1\n"
      "         PER       1.00      1.00      1.00         1\n"
      "\n"
      "   micro avg       0.50      0.50      0.50         2\n"
      "   macro avg       0.50      0.50      0.50         2\n"
      "weighted avg       0.50      0.50      0.50         2\n";
  EVAL_EQ(r.formatTable(2), expected);

  const nlohmann::json j = r.toJson();
  EVAL_NEAR(j.at("micro").at("f1").get<double>(), 0.5, kTol);
  EVAL_NEAR(j.at("token_accuracy").get<double>(), 0.8, kTol);
  EVAL_EQ(j.at("per_type").at("PER").at("support").get<int64_t>(), int64_t(1));
}

void f1DocstringExample() {
  // seqeval f1_score docstring: micro 0.6666666666666666, macro 0.75, weighted 0.6666666666666666,
  // per type [0.5, 1.0]. MISC gold [2,4) [4,5), predicted [2,4) [4,6): tp 1 of 2 and 2 -> 0.5; PER 1.
  // micro 2/3; macro (0.5+1)/2; weighted (0.5*2 + 1*1)/3 = 2/3.
  const Sentences gold = {{"O", "O", "B-MISC", "I-MISC", "B-MISC", "O", "O"}, {"B-PER", "I-PER", "O"}};
  const Sentences pred = {{"O", "O", "B-MISC", "I-MISC", "B-MISC", "I-MISC", "O"}, {"B-PER", "I-PER", "O"}};
  const EntityReport r = scoreTagSequences(gold, pred);
  expectScores(type(r, "MISC"), 1, 2, 2, 0.5, 0.5, 0.5, "f1doc MISC");
  expectScores(r.micro, 2, 3, 3, 2.0 / 3, 2.0 / 3, 2.0 / 3, "f1doc micro");
  EVAL_EQ(r.macro.f1, 0.75);
  EVAL_EQ(r.weighted.f1, 0.6666666666666666);  // bit-exact with seqeval's printed value
  EVAL_EQ(r.micro.f1, 0.6666666666666666);
}

void multiTypeAverages() {
  // Gold PER at 0, 2, 4 and LOC at 6; predicted PER at 0, 2 and LOC at 5, 6.
  // PER: tp 2, predicted 2, support 3 -> p 1, r 2/3, f 2*(2/3)/(5/3) = 0.8.
  // LOC: tp 1, predicted 2, support 1 -> p 0.5, r 1, f 2*0.5/1.5 = 2/3.
  // micro: tp 3, predicted 4, support 4 -> 0.75 each.
  // macro: p (1+0.5)/2 = 0.75, r (2/3+1)/2 = 5/6, f (0.8+2/3)/2 = 11/15.
  // weighted by support 3 and 1: p (3+0.5)/4 = 0.875, r (2+1)/4 = 0.75, f (2.4+2/3)/4 = 23/30.
  const Sentences gold = {{"B-PER", "O", "B-PER", "O", "B-PER", "O", "B-LOC"}};
  const Sentences pred = {{"B-PER", "O", "B-PER", "O", "O", "B-LOC", "B-LOC"}};
  const EntityReport r = scoreTagSequences(gold, pred);
  expectScores(type(r, "PER"), 2, 2, 3, 1.0, 2.0 / 3, 0.8, "multi PER");
  expectScores(type(r, "LOC"), 1, 2, 1, 0.5, 1.0, 2.0 / 3, "multi LOC");
  expectScores(r.micro, 3, 4, 4, 0.75, 0.75, 0.75, "multi micro");
  expectScores(r.macro, 3, 4, 4, 0.75, 5.0 / 6, 11.0 / 15, "multi macro");
  expectScores(r.weighted, 3, 4, 4, 0.875, 0.75, 23.0 / 30, "multi weighted");
  // Accuracy: positions 4 (B-PER/O) and 5 (O/B-LOC) differ -> 5/7.
  EVAL_NEAR(r.tokenAccuracy, 5.0 / 7, kTol);
}

void typeOnlyPredicted() {
  // ORG is only predicted, LOC only gold: both are rows (support 0 / predicted 0, all ratios 0) and
  // macro averages over all three types, as seqeval 1.2 does: (0+0+1)/3. Weighted: supports LOC 1,
  // ORG 0, PER 1 -> (0+0+1)/2 = 0.5. micro: tp 1, predicted 2, support 2 -> 0.5.
  const Sentences gold = {{"B-PER", "O", "B-LOC", "I-LOC"}};
  const Sentences pred = {{"B-PER", "O", "B-ORG", "I-ORG"}};
  const EntityReport r = scoreTagSequences(gold, pred);
  EVAL_EQ(r.perType.size(), size_t(3));
  expectScores(type(r, "ORG"), 0, 1, 0, 0, 0, 0, "only-pred ORG");
  expectScores(type(r, "LOC"), 0, 0, 1, 0, 0, 0, "only-pred LOC");
  expectScores(r.micro, 1, 2, 2, 0.5, 0.5, 0.5, "only-pred micro");
  expectScores(r.macro, 1, 2, 2, 1.0 / 3, 1.0 / 3, 1.0 / 3, "only-pred macro");
  expectScores(r.weighted, 1, 2, 2, 0.5, 0.5, 0.5, "only-pred weighted");
}

void zeroDivision() {
  // Nothing predicted: PER p = 0 (0/0 -> 0), r = 0/1 = 0, f 0; all averages 0; accuracy 1/2.
  const EntityReport r = scoreTagSequences({{"B-PER", "O"}}, {{"O", "O"}});
  expectScores(type(r, "PER"), 0, 0, 1, 0, 0, 0, "nothing predicted PER");
  expectScores(r.micro, 0, 0, 1, 0, 0, 0, "nothing predicted micro");
  expectScores(r.macro, 0, 0, 1, 0, 0, 0, "nothing predicted macro");
  expectScores(r.weighted, 0, 0, 1, 0, 0, 0, "nothing predicted weighted");
  EVAL_NEAR(r.tokenAccuracy, 0.5, kTol);

  // Only predicted entities, no gold: support 0 -> weighted is 0 (seqeval's zero-support branch).
  const EntityReport s = scoreTagSequences({{"O"}}, {{"B-PER"}});
  expectScores(s.micro, 0, 1, 0, 0, 0, 0, "no gold micro");
  expectScores(s.weighted, 0, 1, 0, 0, 0, 0, "no gold weighted");

  // All O on both sides: no type at all. seqeval's macro is NaN (mean of nothing); it is 0 here.
  const EntityReport t = scoreTagSequences({{"O", "O"}, {"O"}}, {{"O", "O"}, {"O"}});
  EVAL_TRUE(t.perType.empty());
  expectScores(t.micro, 0, 0, 0, 0, 0, 0, "all-O micro");
  expectScores(t.macro, 0, 0, 0, 0, 0, 0, "all-O macro");
  EVAL_NEAR(t.tokenAccuracy, 1.0, kTol);
  EVAL_EQ(t.tokens, int64_t(3));
}

void emptySentences() {
  // Empty sentences contribute no tag and no entity.
  const EntityReport r = scoreTagSequences({{}, {"B-PER"}, {}}, {{}, {"B-PER"}, {}});
  expectScores(type(r, "PER"), 1, 1, 1, 1, 1, 1, "empty PER");
  EVAL_EQ(r.tokens, int64_t(1));
  EVAL_NEAR(r.tokenAccuracy, 1.0, kTol);
  // No tag at all: accuracy is not measured (seqeval divides by zero).
  const EntityReport n = scoreTagSequences({{}}, {{}});
  EVAL_EQ(n.tokenAccuracy, -1.0);
  EVAL_TRUE(n.toJson().at("token_accuracy").is_null());
  const EntityReport none = scoreTagSequences({}, {});
  EVAL_EQ(none.tokens, int64_t(0));
}

void sentencesAreSeparate() {
  // B-PER closing sentence 0 and I-PER opening sentence 1 are two entities (the "O" seqeval puts after
  // each sentence ends the first; O->I starts the second), so predicting B-PER in both places matches
  // both: tp 2. Read as one sequence they would be one entity [1,3) and tp 0.
  const EntityReport r =
      scoreTagSequences({{"O", "B-PER"}, {"I-PER", "O"}}, {{"O", "B-PER"}, {"B-PER", "O"}});
  expectScores(type(r, "PER"), 2, 2, 2, 1, 1, 1, "separate PER");
}

void prefixlessTagAcrossSentences() {
  // seqeval's quirk, kept: a prefix-less tag ("X", type "_") at a sentence start sees the previous
  // sentence's state through the "O" separator (type "_" too), so it starts no chunk and the chunk that
  // B-LOC later ends begins where the last one began.
  // gold joined: B-PER X | O | X B-LOC | O  -> PER(0,0), _(1,3) [X at 1 started it], LOC(4,4)
  // pred joined: B-PER O | O | X B-LOC | O  -> PER(0,0), _(0,3) [begin stays 0: X at 3 starts nothing], LOC
  // So "_" has tp 0, predicted 1, support 1, where reading each sentence alone would give _(0,0) twice.
  const EntityReport r =
      scoreTagSequences({{"B-PER", "X"}, {"X", "B-LOC"}}, {{"B-PER", "O"}, {"X", "B-LOC"}});
  expectScores(type(r, "_"), 0, 1, 1, 0, 0, 0, "prefixless _");
  expectScores(type(r, "LOC"), 1, 1, 1, 1, 1, 1, "prefixless LOC");
  expectScores(type(r, "PER"), 1, 1, 1, 1, 1, 1, "prefixless PER");
}

void mismatchedLengths() {
  std::string message;
  try {
    (void)scoreTagSequences({{"O"}, {"B-PER", "O"}}, {{"O"}, {"B-PER"}});
  } catch (const std::invalid_argument& e) {
    message = e.what();
  }
  EVAL_TRUE(message.find("sentence 1") != std::string::npos);
  message.clear();
  try {
    (void)scoreTagSequences({{"O"}}, {});
  } catch (const std::invalid_argument& e) {
    message = e.what();
  }
  EVAL_TRUE(!message.empty());
}

void spans() {
  // doc 0: gold PER[0,5) LOC[10,15); predicted PER[0,5) twice (counted once) and LOC[10,14) (boundary).
  // doc 1: gold PER[0,5), nothing predicted. doc 2: no gold, PER[0,5) predicted: same offsets as doc 1's
  // gold but another document, so no match.
  // PER: support 2 (d0, d1), predicted 2 (d0, d2), tp 1 -> 0.5/0.5/0.5. LOC: 0 of 1, predicted 1 -> 0.
  // micro tp 1, predicted 3, support 3 -> 1/3. macro (0.5+0)/2 = 0.25. weighted (0.5*2+0*1)/3 = 1/3.
  const std::vector<std::vector<EntityMention>> gold = {
      {{0, 5, "PER"}, {10, 15, "LOC"}}, {{0, 5, "PER"}}, {}};
  const std::vector<std::vector<EntityMention>> pred = {
      {{0, 5, "PER"}, {0, 5, "PER"}, {10, 14, "LOC"}}, {}, {{0, 5, "PER"}}};
  const EntityReport r = scoreSpans(gold, pred);
  expectScores(type(r, "PER"), 1, 2, 2, 0.5, 0.5, 0.5, "spans PER");
  expectScores(type(r, "LOC"), 0, 1, 1, 0, 0, 0, "spans LOC");
  expectScores(r.micro, 1, 3, 3, 1.0 / 3, 1.0 / 3, 1.0 / 3, "spans micro");
  expectScores(r.macro, 1, 3, 3, 0.25, 0.25, 0.25, "spans macro");
  expectScores(r.weighted, 1, 3, 3, 1.0 / 3, 1.0 / 3, 1.0 / 3, "spans weighted");
  EVAL_EQ(r.tokenAccuracy, -1.0);

  bool threw = false;
  try {
    (void)scoreSpans(gold, {});
  } catch (const std::invalid_argument&) {
    threw = true;
  }
  EVAL_TRUE(threw);
}

void numpySummation() {
  // Macro F1 over 9 types (>= 8, numpy's unrolled branch): eight types with f = 1 and one with f = 0
  // gives 8/9; the point is that the per-type values are summed the numpy way and divided by 9.
  Sentences gold(1), pred(1);
  for (int i = 0; i < 9; ++i) {
    const std::string t = "T" + std::to_string(i);
    gold[0].push_back("B-" + t);
    pred[0].push_back(i < 8 ? "B-" + t : "O");
  }
  const EntityReport r = scoreTagSequences(gold, pred);
  EVAL_EQ(r.perType.size(), size_t(9));
  EVAL_EQ(r.macro.f1, 8.0 / 9);
  // The table grows its name column for a type longer than "weighted avg" (counted in code points).
  EntityReport wide;
  wide.perType["Überlange Bezeichnung"] = EntityScores{};
  const std::string table = wide.formatTable(4);
  EVAL_TRUE(table.find("\nÜberlange Bezeichnung     0.0000") != std::string::npos);
  EVAL_TRUE(table.find("\n         weighted avg     0.0000") != std::string::npos);
}

}  // namespace

int main() {
  readmeExample();
  f1DocstringExample();
  multiTypeAverages();
  typeOnlyPredicted();
  zeroDivision();
  emptySentences();
  sentencesAreSeparate();
  prefixlessTagAcrossSentences();
  mismatchedLengths();
  spans();
  numpySummation();
  return quarry::evaltest::finish("test_eval_metrics");
}
