// The official SQuAD evaluation (evaluate-v2.0.py): normalize_answer on hand-worked strings (articles
// only between Python word boundaries, ASCII punctuation only, str.lower()'s full Unicode mapping with
// the final sigma, Python whitespace), token F1 with repeated tokens, the maximum over gold answers, the
// no-answer rules (including gold answers that normalize to nothing), the HasAns/NoAns breakdown and
// the official best-threshold search.
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "eval/SquadScore.h"
#include "EngineCheck.h"

namespace {
bool near(double a, double b) { return std::fabs(a - b) < 1e-12; }
}  // namespace

int main() {
  using namespace quarry::eval;
  // normalize_answer: lower, punctuation, articles, whitespace — in that order.
  EXPECT(normalizeSquadAnswer("The  Quick, brown-fox!") == "quick brownfox", "punctuation removed inside words");
  EXPECT(normalizeSquadAnswer("an apple a day: THE end") == "apple day end", "a, an, the removed");
  EXPECT(normalizeSquadAnswer("theatre and anthem") == "theatre and anthem", "articles only as whole words");
  EXPECT(normalizeSquadAnswer("the_end") == "theend", "'_' is punctuation and goes before the articles do");
  // A combining mark is not a word character for Python's re, so the "a" before it is a whole word.
  EXPECT(normalizeSquadAnswer("a\u0301 la") == "\u0301 la", "\\b as Python's re sees it");
  EXPECT(normalizeSquadAnswer("caf\u00e9 a\u00e9") == "caf\u00e9 a\u00e9", "a letter after 'a' keeps it");
  EXPECT(normalizeSquadAnswer("\u039f\u0394\u03a5\u03a3\u03a3\u0395\u03a5\u03a3") ==
             "\u03bf\u03b4\u03c5\u03c3\u03c3\u03b5\u03c5\u03c2",
         "str.lower() gives the final sigma at the end of a word");
  EXPECT(normalizeSquadAnswer("\u0130stanbul") == "i\u0307stanbul", "U+0130 lower-cases to two code points");
  EXPECT(normalizeSquadAnswer("\u201cHello\u201d") == "\u201chello\u201d", "curly quotes are not string.punctuation");
  EXPECT(normalizeSquadAnswer("x\u00a0y\u3000z\n") == "x y z", "Python whitespace separates tokens");
  EXPECT(normalizeSquadAnswer("").empty() && squadTokens("the a").empty(), "nothing left");

  // Token F1: gold "the Denver Broncos" -> [denver, broncos]; a multiset overlap of repeated tokens.
  EXPECT(near(squadF1("the Denver Broncos", "Denver"), 2.0 / 3) && squadExact("the Denver Broncos", "Denver") == 0,
         "P 1, R 1/2");
  EXPECT(near(squadF1("a b b c", "b b b"), 2.0 / 3), "repeated tokens count at most as often as in the gold");
  EXPECT(squadExact("The Broncos!", "broncos") == 1, "exact after normalization");
  EXPECT(squadF1("", "") == 1 && squadF1("", "x") == 0 && squadF1("x", "") == 0, "either side empty: 1 iff both");

  // Six questions worked by hand.
  const std::vector<SquadGold> gold = {
      {"q1", {"Denver Broncos", "the Denver Broncos", "Broncos"}},
      {"q2", {"Carolina Panthers"}},
      {"q3", {"Santa Clara, California", "Levi's Stadium"}},
      {"q4", {}},
      {"q5", {}},
      {"q6", {"the"}},  // normalizes to nothing: the gold becomes "" (still a HasAns question)
  };
  const std::vector<std::string> predicted = {"Denver Broncos.", "the Panthers", "Levi's Stadium in Santa Clara",
                                              "", "Broncos", ""};
  const SquadReport r = scoreSquad(gold, predicted);
  const auto& q = r.perQuestion;
  EXPECT(q.size() == 6 && q[0].exact == 1 && q[0].f1 == 1, "q1: exact against one of the golds");
  EXPECT(q[1].exact == 0 && near(q[1].f1, 2.0 / 3), "q2: F1 2/3");
  // q3: against gold 1, 2 of 5 predicted and 2 of 3 gold tokens: F1 1/2; against gold 2, 2/5 and 2/2: 4/7.
  EXPECT(q[2].exact == 0 && near(q[2].f1, 4.0 / 7), "q3: the maximum over the gold answers");
  EXPECT(!q[3].hasAnswer && q[3].exact == 1 && q[3].f1 == 1, "q4: no answer predicted for an unanswerable question");
  EXPECT(!q[4].hasAnswer && q[4].exact == 0 && q[4].f1 == 0, "q5: an answer to an unanswerable question scores 0");
  EXPECT(q[5].hasAnswer && q[5].exact == 1 && q[5].f1 == 1, "q6: a gold that normalizes to nothing becomes \"\"");
  EXPECT(r.total == 6 && near(r.exact, 0.5) && near(r.f1, (1 + 2.0 / 3 + 4.0 / 7 + 1 + 0 + 1) / 6), "overall");
  EXPECT(r.hasAnsTotal == 4 && near(r.hasAnsExact, 0.5) && near(r.hasAnsF1, (1 + 2.0 / 3 + 4.0 / 7 + 1) / 4), "HasAns");
  EXPECT(r.noAnsTotal == 2 && near(r.noAnsExact, 0.5) && near(r.noAnsF1, 0.5), "NoAns");
  const nlohmann::json j = r.toJson();
  EXPECT(j["HasAns_total"] == 4 && j["NoAns_total"] == 2 && near(j["f1"].get<double>(), r.f1), "official key names");
  EXPECT(r.formatTable().find("NoAns") != std::string::npos, "the table breaks the figures down");
  // A prediction that normalizes to nothing counts as "no answer" (the official script's behaviour).
  const SquadQuestionScore article = scoreSquadQuestion({"q7", {}}, "a");
  EXPECT(article.exact == 1 && article.f1 == 1, "\"a\" for an unanswerable question");
  const SquadReport v11 = scoreSquad({{"x", {"one"}}}, {"one"});
  EXPECT(v11.noAnsTotal == 0 && !v11.toJson().contains("NoAns_f1") && near(v11.hasAnsF1, 1), "v1.1 data: no NoAns");

  // find_best_thresh: answered when the no-answer score is at most the threshold.
  const NoAnswerThreshold t = bestNoAnswerThreshold({1.0, -2.0, 0.5, 3.0}, {0.5, 1.0, 0.0, 0.0}, {0.0, 0.0, 1.0, 1.0});
  // All null: 2. In score order: -2 (+1 -> 3, best), 0.5 (-1 -> 2), 1 (+0.5 -> 2.5), 3 (-1 -> 1.5).
  EXPECT(!t.answersNothing && t.threshold == -2.0 && near(t.mean, 0.75), "the threshold of the best total");
  const NoAnswerThreshold none = bestNoAnswerThreshold({0.2, 0.4}, {0.0, 0.0}, {1.0, 1.0});
  EXPECT(none.answersNothing && none.threshold < 0.2 && near(none.mean, 1.0), "answering nothing can be best");
  bool threw = false;
  try {
    (void)scoreSquad(gold, {});
  } catch (const std::invalid_argument&) {
    threw = true;
  }
  EXPECT(threw, "mismatched counts are a programming error");
  std::printf("%s\n", quarry::test::g_failures == 0 ? "PASS" : "FAILED");
  return quarry::test::g_failures == 0 ? 0 : 1;
}
