// The official SemEval-2010 Task 8 score (scorer v1.2, (9+1)-way with direction): counts and figures of
// a hand-worked example, including the scorer's handling of a right type with the wrong direction (in
// the precision's denominator of the gold type only) and of Other (left out of the averages).
#include <cmath>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "eval/SemEvalScore.h"
#include "EngineCheck.h"

namespace {
bool near(double a, double b) { return std::fabs(a - b) < 1e-9; }
}  // namespace

int main() {
  using quarry::eval::scoreSemEval;
  const auto r = scoreSemEval(
      {"Cause-Effect(e1,e2)", "Cause-Effect(e1,e2)", "Cause-Effect(e2,e1)", "Component-Whole(e1,e2)", "Other", "Other"},
      {"Cause-Effect(e1,e2)", "Cause-Effect(e2,e1)", "Cause-Effect(e2,e1)", "Other", "Cause-Effect(e1,e2)", "Other"});
  const auto& ce = r.perType.at("Cause-Effect");
  EXPECT(ce.correct == 2 && ce.proposed == 3 && ce.wrongDirection == 1 && ce.gold == 3, "Cause-Effect counts");
  EXPECT(near(ce.precision, 0.5) && near(ce.recall, 2.0 / 3) && near(ce.f1, 2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3)),
         "wrong direction counts against the precision of the gold type");
  const auto& cw = r.perType.at("Component-Whole");
  EXPECT(cw.proposed == 0 && cw.precision == 0 && cw.recall == 0 && cw.f1 == 0, "a type never proposed scores 0");
  const auto& other = r.perType.at("Other");
  EXPECT(other.correct == 1 && other.proposed == 2 && near(other.f1, 0.5), "Other is scored but not averaged");
  EXPECT(near(r.macroF1, ce.f1 / 2) && near(r.macroPrecision, 0.25) && near(r.macroRecall, 1.0 / 3),
         "macro over the key's types other than Other (the official score)");
  EXPECT(near(r.microPrecision, 0.5) && near(r.microRecall, 0.5) && near(r.microF1, 0.5), "micro, Other excluded");
  EXPECT(near(r.accuracy, 0.5), "accuracy counts exact labels");
  EXPECT(r.toJson()["official_macro_f1"].get<double>() == r.macroF1, "the JSON names the official score");
  EXPECT(r.formatTable().find("official score") != std::string::npos, "the table says which figure is official");

  // A type proposed but absent from the key counts nowhere (as in the scorer); all correct gives 1.
  const auto perfect = scoreSemEval({"Message-Topic(e1,e2)", "Other"}, {"Message-Topic(e1,e2)", "Other"});
  EXPECT(near(perfect.macroF1, 1.0) && near(perfect.accuracy, 1.0), "perfect answers");
  const auto extra = scoreSemEval({"Message-Topic(e1,e2)", "Other"}, {"Message-Topic(e1,e2)", "Entity-Origin(e1,e2)"});
  EXPECT(extra.perType.count("Entity-Origin") == 0 && near(extra.macroF1, 1.0), "unknown proposed types are not averaged");
  bool threw = false;
  try {
    (void)scoreSemEval({"Other"}, {});
  } catch (const std::invalid_argument&) {
    threw = true;
  }
  EXPECT(threw, "mismatched counts are a programming error");
  std::printf("%s\n", quarry::test::g_failures == 0 ? "PASS" : "FAILED");
  return quarry::test::g_failures == 0 ? 0 : 1;
}
