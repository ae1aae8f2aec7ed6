// core/suggest/LearningCurve: learning curves of simulated active learning summarised over seeds on hand-made
// curves (means, bands, seeds, the shares at 95% / 99% of the full score, rounds above random), the
// annotation effort, and the SVG chart and text table written from them.

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "EngineCheck.h"
#include "suggest/LearningCurve.h"

using namespace quarry::suggest;

namespace {

bool near(double a, double b, double tolerance = 1e-9) { return std::fabs(a - b) <= tolerance; }
bool near(const std::optional<double>& a, double b, double tolerance = 1e-9) {
  return a.has_value() && near(*a, b, tolerance);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

size_t occurrences(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

// A curve of one seed: rounds 0.. with the given units, tokens and scores; shares are units over a pool of
// 100.
StrategyCurve curve(const std::string& strategy, uint64_t seed, const std::vector<int64_t>& units,
                    const std::vector<int64_t>& tokens, const std::vector<double>& scores) {
  StrategyCurve c;
  c.strategy = strategy;
  c.seed = seed;
  for (size_t i = 0; i < scores.size(); ++i) {
    CurvePoint p;
    p.round = static_cast<int32_t>(i);
    p.labelledUnits = units[i];
    p.labelledShare = static_cast<double>(units[i]) / 100.0;
    p.labelledTokens = tokens[i];
    p.score = scores[i];
    c.points.push_back(p);
  }
  return c;
}

// Random (two seeds, the second stopping after round 3), entropy (two seeds; below random in round 2 only)
// and mnlp (one seed, rounds 0..3, below random in its last round), interleaved as a simulation might write
// them.
//   random means:  0.51 0.61 0.67 0.71 0.74 (round 4: seed 1 only)
//   entropy means: 0.52 0.71 0.65 0.79 0.81
//   mnlp:          0.60 0.65 0.70 0.69
std::vector<StrategyCurve> handMadeCurves() {
  return {
      curve("entropy", 1, {10, 20, 30, 40, 50}, {10000, 25000, 40000, 55000, 70000},
            {0.50, 0.70, 0.64, 0.78, 0.80}),
      curve("random", 1, {10, 20, 30, 40, 50}, {10000, 20000, 30000, 40000, 50000},
            {0.50, 0.60, 0.66, 0.70, 0.74}),
      curve("entropy", 2, {10, 22, 32, 42, 52}, {10000, 27000, 42000, 57000, 72000},
            {0.54, 0.72, 0.66, 0.80, 0.82}),
      curve("random", 2, {10, 20, 30, 40}, {10000, 20000, 30000, 40000}, {0.52, 0.62, 0.68, 0.72}),
      curve("mnlp", 7, {10, 20, 30, 40}, {10000, 21000, 32000, 43000}, {0.60, 0.65, 0.70, 0.69}),
  };
}

const StrategySummary* find(const LearningCurveSummary& s, const std::string& name) {
  for (const StrategySummary& x : s.strategies) {
    if (x.strategy == name) return &x;
  }
  return nullptr;
}

// ---------------------------------------------------------------- summarizeCurves

void bandsOverSeeds() {
  const LearningCurveSummary s =
      summarizeCurves(handMadeCurves(), 0.80, "micro_f1", "sentences", 100, 100000);
  EXPECT(s.fullScore == 0.80 && s.metric == "micro_f1" && s.unit == "sentences" && s.poolUnits == 100 &&
             s.poolTokens == 100000,
         "the summary carries the full score, metric, unit and pool");
  EXPECT(s.strategies.size() == 3, "three strategies");
  if (s.strategies.size() != 3) return;
  EXPECT(s.strategies[0].strategy == "entropy" && s.strategies[1].strategy == "random" &&
             s.strategies[2].strategy == "mnlp",
         "strategies in order of first appearance");

  const StrategySummary& entropy = s.strategies[0];
  EXPECT(entropy.bands.size() == 5, "entropy: five rounds");
  if (entropy.bands.size() != 5) return;
  const double means[] = {0.52, 0.71, 0.65, 0.79, 0.81};
  const double lows[] = {0.50, 0.70, 0.64, 0.78, 0.80};
  const double highs[] = {0.54, 0.72, 0.66, 0.80, 0.82};
  const double shares[] = {0.10, 0.21, 0.31, 0.41, 0.51};
  const double units[] = {10, 21, 31, 41, 51};
  const double tokens[] = {10000, 26000, 41000, 56000, 71000};
  for (size_t i = 0; i < 5; ++i) {
    const CurveBand& b = entropy.bands[i];
    const std::string r = "entropy round " + std::to_string(i) + ": ";
    EXPECT(b.round == static_cast<int32_t>(i), r + "rounds in order");
    EXPECT(near(b.mean, means[i]) && near(b.low, lows[i]) && near(b.high, highs[i]),
           r + "mean, low and high");
    EXPECT(near(b.labelledShare, shares[i]) && near(b.labelledUnits, units[i]) &&
               near(b.labelledTokens, tokens[i]),
           r + "mean share, units and tokens");
    EXPECT(b.seeds == 2, r + "two seeds");
  }

  const StrategySummary& random = s.strategies[1];
  EXPECT(random.bands.size() == 5, "random: five rounds, the last from one seed");
  if (random.bands.size() == 5) {
    EXPECT(random.bands[3].seeds == 2 && near(random.bands[3].mean, 0.71),
           "random round 3: two seeds, mean 0.71");
    const CurveBand& last = random.bands[4];
    EXPECT(last.round == 4 && last.seeds == 1, "random round 4: one seed reached it");
    EXPECT(near(last.mean, 0.74) && near(last.low, 0.74) && near(last.high, 0.74),
           "random round 4: the one seed's score is mean, low and high");
    EXPECT(near(last.labelledUnits, 50) && near(last.labelledTokens, 50000) && near(last.labelledShare, 0.5),
           "random round 4: the one seed's share, units and tokens");
  }
}

void sharesAtFractionsOfFull() {
  const LearningCurveSummary s =
      summarizeCurves(handMadeCurves(), 0.80, "micro_f1", "sentences", 100, 100000);
  const StrategySummary* entropy = find(s, "entropy");
  const StrategySummary* random = find(s, "random");
  const StrategySummary* mnlp = find(s, "mnlp");
  EXPECT(entropy && random && mnlp, "all three strategies summarised");
  if (!entropy || !random || !mnlp) return;
  // 95% of 0.80 = 0.76: entropy's round 3 (0.79); 99% = 0.792: round 4 (0.81).
  EXPECT(near(entropy->shareAt95, 0.41) && near(entropy->tokensAt95, 56000),
         "entropy reaches 95% at round 3");
  EXPECT(near(entropy->shareAt99, 0.51) && near(entropy->tokensAt99, 71000),
         "entropy reaches 99% at round 4");
  EXPECT(!random->shareAt95 && !random->shareAt99 && !random->tokensAt95 && !random->tokensAt99,
         "random never reaches 0.76");
  EXPECT(!mnlp->shareAt95 && !mnlp->shareAt99, "mnlp never reaches 0.76");

  // A mean that reaches the fraction exactly counts (0.75 and 0.77 average to 0.76 = 95% of 0.80).
  const LearningCurveSummary exact = summarizeCurves(
      {curve("a", 1, {10, 20}, {1, 2}, {0.70, 0.75}), curve("a", 2, {10, 20}, {1, 2}, {0.70, 0.77})}, 0.80,
      "f1", "documents", 100, 10);
  EXPECT(near(exact.strategies.at(0).shareAt95, 0.20), "a mean equal to 95% of full reaches it");
  EXPECT(!exact.strategies.at(0).shareAt99, "0.76 is short of 99% of 0.80");

  // Without a full-data score nothing is reached; the comparison with random still holds.
  for (const double full : {-1.0, 0.0}) {
    const LearningCurveSummary unknown =
        summarizeCurves(handMadeCurves(), full, "micro_f1", "sentences", 100, 100000);
    bool empty = true;
    for (const StrategySummary& x : unknown.strategies) {
      empty = empty && !x.shareAt95 && !x.shareAt99 && !x.tokensAt95 && !x.tokensAt99;
    }
    EXPECT(empty, "full score " + std::to_string(full) + ": no share at 95% or 99%");
    const StrategySummary* e = find(unknown, "entropy");
    EXPECT(e && e->roundsAboveRandom == 4 && e->aboveRandomFrom == 3,
           "full score " + std::to_string(full) + ": still compared with random");
  }
}

void againstRandom() {
  const LearningCurveSummary s =
      summarizeCurves(handMadeCurves(), 0.80, "micro_f1", "sentences", 100, 100000);
  const StrategySummary* entropy = find(s, "entropy");
  const StrategySummary* random = find(s, "random");
  const StrategySummary* mnlp = find(s, "mnlp");
  if (!entropy || !random || !mnlp) {
    EXPECT(false, "all three strategies summarised");
    return;
  }
  // Entropy 0.52 0.71 0.65 0.79 0.81 against 0.51 0.61 0.67 0.71 0.74: above except round 2.
  EXPECT(entropy->roundsCompared == 5, "entropy: five rounds compared");
  EXPECT(entropy->roundsAboveRandom == 4, "entropy: above random in four");
  EXPECT(entropy->aboveRandomFrom == 3, "entropy: the dip in round 2 puts the lasting lead at round 3");
  // mnlp 0.60 0.65 0.70 0.69 against 0.51 0.61 0.67 0.71 (mnlp has no round 4).
  EXPECT(mnlp->roundsCompared == 4, "mnlp: only rounds both have are compared");
  EXPECT(mnlp->roundsAboveRandom == 3, "mnlp: above random in three");
  EXPECT(mnlp->aboveRandomFrom == -1, "mnlp: below random at the last compared round: never");
  EXPECT(random->roundsCompared == 0 && random->roundsAboveRandom == 0 && random->aboveRandomFrom == -1,
         "random is not compared with itself");

  // Above in every round: from the first.
  const LearningCurveSummary always =
      summarizeCurves({curve("random", 1, {1, 2, 3}, {1, 2, 3}, {0.1, 0.2, 0.3}),
                       curve("bald", 1, {1, 2, 3}, {1, 2, 3}, {0.2, 0.3, 0.4})},
                      -1, "f1", "sentences", 10, 10);
  const StrategySummary* bald = find(always, "bald");
  EXPECT(bald && bald->roundsAboveRandom == 3 && bald->roundsCompared == 3 && bald->aboveRandomFrom == 0,
         "above in every round: from round 0");

  // An equal mean is not above.
  const LearningCurveSummary tie = summarizeCurves(
      {curve("random", 1, {1, 2}, {1, 2}, {0.5, 0.5}), curve("lc", 1, {1, 2}, {1, 2}, {0.6, 0.5})}, -1, "f1",
      "sentences", 10, 10);
  const StrategySummary* lc = find(tie, "lc");
  EXPECT(lc && lc->roundsAboveRandom == 1 && lc->aboveRandomFrom == -1,
         "a tie at the last round is not above");

  // No random curve: nothing compared.
  const LearningCurveSummary alone =
      summarizeCurves({curve("entropy", 1, {1, 2}, {1, 2}, {0.5, 0.6})}, 0.8, "f1", "sentences", 10, 10);
  EXPECT(alone.strategies.size() == 1 && alone.strategies[0].roundsCompared == 0 &&
             alone.strategies[0].roundsAboveRandom == 0 && alone.strategies[0].aboveRandomFrom == -1,
         "without random nothing is compared");
}

void oddInput() {
  // Points out of order and a skipped round: rounds are matched by number, bands come out in round order.
  StrategyCurve a = curve("entropy", 1, {10, 20, 30}, {1, 2, 3}, {0.5, 0.6, 0.7});
  std::reverse(a.points.begin(), a.points.end());
  StrategyCurve b = curve("entropy", 2, {10, 20, 30}, {1, 2, 3}, {0.3, 0.4, 0.5});
  b.points.erase(b.points.begin() + 1);  // no round 1
  const LearningCurveSummary s = summarizeCurves({a, b}, -1, "f1", "sentences", 100, 10);
  const std::vector<CurveBand>& bands = s.strategies.at(0).bands;
  EXPECT(bands.size() == 3 && bands[0].round == 0 && bands[1].round == 1 && bands[2].round == 2,
         "bands in round order whatever the points' order");
  if (bands.size() == 3) {
    EXPECT(bands[0].seeds == 2 && near(bands[0].mean, 0.4), "round 0: both seeds");
    EXPECT(bands[1].seeds == 1 && near(bands[1].mean, 0.6) && near(bands[1].low, 0.6),
           "round 1: seed 1 only");
    EXPECT(bands[2].seeds == 2 && near(bands[2].mean, 0.6) && near(bands[2].low, 0.5) &&
               near(bands[2].high, 0.7),
           "round 2: both seeds");
  }

  // A NaN score is left out rather than spoiling a mean.
  StrategyCurve n = curve("random", 3, {10, 20}, {1, 2}, {0.5, std::nan("")});
  const LearningCurveSummary withNan = summarizeCurves({n}, 0.9, "f1", "sentences", 100, 10);
  EXPECT(withNan.strategies.at(0).bands.size() == 1, "a NaN point is left out");

  EXPECT(summarizeCurves({}, 0.8, "f1", "sentences", 0, 0).strategies.empty(), "no curves: no strategies");
}

void hours() {
  EXPECT(near(annotationHours(34120, 2000), 17.06), "34,120 words at 2,000 an hour: 17.06 hours");
  EXPECT(near(annotationHours(0, 2000), 0.0), "no words: no hours");
  EXPECT(annotationHours(1000, 0) == 0.0 && annotationHours(1000, -5) == 0.0, "no pace: 0 hours");
  EXPECT(annotationHours(1000, std::nan("")) == 0.0, "a NaN pace: 0 hours");
}

// ---------------------------------------------------------------- the chart and the table

// Well-formed enough: every tag closes in order, attributes are quoted, '&' only starts an entity, no '<' in
// text. Returns an empty string or what is wrong.
std::string xmlProblem(const std::string& xml) {
  std::vector<std::string> open;
  size_t i = 0;
  while (i < xml.size()) {
    if (xml[i] == '&') {
      const size_t semi = xml.find(';', i);
      const std::string entity = semi == std::string::npos ? "" : xml.substr(i, semi - i + 1);
      if (entity != "&amp;" && entity != "&lt;" && entity != "&gt;" && entity != "&apos;" &&
          entity != "&quot;") {
        return "a bare & at " + std::to_string(i);
      }
      i = semi + 1;
      continue;
    }
    if (xml[i] == '>') return "a bare > at " + std::to_string(i);
    if (xml[i] != '<') {
      ++i;
      continue;
    }
    const bool closing = i + 1 < xml.size() && xml[i + 1] == '/';
    size_t j = i + (closing ? 2 : 1);
    std::string name;
    while (j < xml.size() && (std::isalnum(static_cast<unsigned char>(xml[j])) || xml[j] == '-'))
      name += xml[j++];
    if (name.empty()) return "a tag without a name at " + std::to_string(i);
    // Attributes: name="value" with no '<' or '&' other than entities in the value.
    bool selfClosing = false;
    while (true) {
      while (j < xml.size() && std::isspace(static_cast<unsigned char>(xml[j]))) ++j;
      if (j >= xml.size()) return "an unclosed tag " + name;
      if (xml[j] == '>') {
        ++j;
        break;
      }
      if (xml[j] == '/' && j + 1 < xml.size() && xml[j + 1] == '>') {
        selfClosing = true;
        j += 2;
        break;
      }
      if (closing) return "attributes on a closing tag " + name;
      size_t k = j;
      while (k < xml.size() &&
             (std::isalnum(static_cast<unsigned char>(xml[k])) || xml[k] == '-' || xml[k] == ':'))
        ++k;
      if (k == j || k + 1 >= xml.size() || xml[k] != '=' || xml[k + 1] != '"') {
        return "an unquoted attribute in " + name + " at " + std::to_string(j);
      }
      const size_t end = xml.find('"', k + 2);
      if (end == std::string::npos) return "an unterminated attribute in " + name;
      const std::string value = xml.substr(k + 2, end - k - 2);
      if (value.find('<') != std::string::npos) return "a < in an attribute of " + name;
      j = end + 1;
    }
    if (closing) {
      if (open.empty() || open.back() != name) return "</" + name + "> closes nothing open";
      open.pop_back();
    } else if (!selfClosing) {
      if (open.empty() && i != 0) return "a second root element " + name;
      open.push_back(name);
    }
    i = j;
  }
  if (!open.empty()) return "<" + open.back() + "> never closed";
  return {};
}

std::string lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

std::string trimmed(const std::string& s) {
  const size_t end = s.find_last_not_of(" \n\r\t");
  return end == std::string::npos ? "" : s.substr(0, end + 1);
}

void chart() {
  const LearningCurveSummary s =
      summarizeCurves(handMadeCurves(), 0.80, "micro_f1", "sentences", 100, 100000);
  const std::string svg = learningCurveSvg(s, "Curves <&> 'NCBI' \"disease\"");
  EXPECT(svg.rfind("<svg", 0) == 0, "the chart starts with <svg");
  EXPECT(trimmed(svg).size() >= 6 && trimmed(svg).substr(trimmed(svg).size() - 6) == "</svg>",
         "the chart ends with </svg>");
  EXPECT(contains(svg, "xmlns=\"http://www.w3.org/2000/svg\""), "the chart names the SVG namespace");
  const std::string problem = xmlProblem(svg);
  if (!problem.empty()) std::printf("  %s\n", problem.c_str());
  EXPECT(problem.empty(), "the chart is well-formed XML");
  EXPECT(occurrences(svg, "<polyline") == 3, "one line per strategy");
  EXPECT(occurrences(svg, "<polygon") == 3, "one band per strategy");
  EXPECT(occurrences(svg, "<circle") == 5 + 5 + 4, "a point per round of each strategy");
  EXPECT(contains(svg, "Curves &lt;&amp;&gt; &apos;NCBI&apos; &quot;disease&quot;"), "the title, escaped");
  EXPECT(!contains(svg, "<&"), "no raw '<&' from the title");
  EXPECT(occurrences(svg, "stroke-dasharray") == 2, "dashed lines at 95% and 99% of full");
  EXPECT(contains(svg, "95% of full") && contains(svg, "99% of full"), "the dashed lines are labelled");
  EXPECT(contains(svg, "#777777"), "random is grey");
  EXPECT(contains(svg, ">entropy</text>") && contains(svg, ">random</text>") && contains(svg, ">mnlp</text>"),
         "the legend names each strategy");
  EXPECT(contains(svg, "labelled sentences (%)") && contains(svg, ">micro_f1</text>"), "axis titles");
  EXPECT(contains(svg, "fill-opacity=\"0.18\""), "translucent bands");
  EXPECT(!contains(lower(svg), "nan") && !contains(lower(svg), "inf"), "no NaN or infinity");
  EXPECT(learningCurveSvg(s, "Curves <&> 'NCBI' \"disease\"") == svg, "the chart is deterministic");

  const LearningCurveSummary unknown =
      summarizeCurves(handMadeCurves(), -1, "micro_f1", "sentences", 100, 100000);
  const std::string noFull = learningCurveSvg(unknown, "t");
  EXPECT(occurrences(noFull, "stroke-dasharray") == 0 && !contains(noFull, "of full"),
         "no full score: no dashed lines");
  EXPECT(occurrences(noFull, "<polyline") == 3 && xmlProblem(noFull).empty(), "no full score: still a chart");

  // Degenerate summaries still give a well-formed chart without NaN: no curves, one point at share 0.
  for (const LearningCurveSummary& odd :
       {summarizeCurves({}, 0.8, "f1", "documents", 0, 0),
        summarizeCurves({curve("random", 1, {0}, {0}, {0.0})}, -1, "f1", "documents", 0, 0),
        summarizeCurves({curve("random", 1, {0, 5}, {0, 9}, {0.5, 0.5})}, 0.5, "f1", "documents", 10, 10)}) {
    const std::string out = learningCurveSvg(odd, "");
    EXPECT(xmlProblem(out).empty(), "a degenerate summary gives a well-formed chart");
    EXPECT(!contains(lower(out), "nan") && !contains(lower(out), "inf"), "a degenerate summary: no NaN");
    EXPECT(occurrences(out, "<polyline") == odd.strategies.size(),
           "a degenerate summary: a line per strategy");
  }
}

void table() {
  const LearningCurveSummary s =
      summarizeCurves(handMadeCurves(), 0.80, "micro_f1", "sentences", 100, 100000);
  const std::string t = learningCurveTable(s);
  std::printf("%s\n", t.c_str());
  EXPECT(
      contains(t, "strategy") && contains(t, "round") && contains(t, "labelled") && contains(t, "low..high"),
      "the table has a header");
  EXPECT(contains(t, "entropy") && contains(t, "random") && contains(t, "mnlp"),
         "the table names each strategy");
  EXPECT(contains(t, "41.0%") && contains(t, "0.7900") && contains(t, "0.7800..0.8000"),
         "entropy's round 3 row: share in percent, scores with four decimals");
  EXPECT(contains(t, "56,000"), "tokens with thousands separators");
  EXPECT(contains(t,
                  "entropy: 95% of full at 41.0% labelled (56,000 words), 99% at 51.0% (71,000 words); "
                  "above random in 4 of 5 rounds, from round 3\n"),
         "entropy's summary line");
  EXPECT(contains(t, "random: 95% of full not reached, 99% not reached\n"),
         "random's summary line: nothing reached, no comparison with itself");
  EXPECT(
      contains(
          t,
          "mnlp: 95% of full not reached, 99% not reached; above random in 3 of 4 rounds, not at the last"),
      "mnlp's summary line");
  EXPECT(contains(t, "0.8000"), "the full-data score");

  const std::string unknown =
      learningCurveTable(summarizeCurves(handMadeCurves(), -1, "micro_f1", "sentences", 100, 100000));
  EXPECT(contains(unknown, "full-data score is unknown"), "no full score: the table says it is unknown");
  EXPECT(!contains(unknown, "95% of full"), "no full score: no 95% line");
  EXPECT(contains(unknown, "above random in 4 of 5 rounds, from round 3"), "no full score: still compared");

  LearningCurveSummary seeded = summarizeCurves(handMadeCurves(), 0.80, "micro_f1", "sentences", 100, 100000);
  seeded.fullScores = {0.81, 0.78, 0.81};
  EXPECT(contains(learningCurveTable(seeded), "full-data score 0.8000 (mean of 3 seeds, 0.7800..0.8100)"),
         "full-data models of several seeds: the mean and their range");
  seeded.fullScores = {0.80};
  EXPECT(contains(learningCurveTable(seeded), "full-data score 0.8000\n"), "one seed: no range");

  const std::string alone = learningCurveTable(
      summarizeCurves({curve("entropy", 1, {1, 2}, {1, 2}, {0.5, 0.6})}, 0.8, "f1", "documents", 10, 10));
  EXPECT(!contains(alone, "random"), "no random curve: no comparison with it");
}

}  // namespace

int main() {
  bandsOverSeeds();
  sharesAtFractionsOfFull();
  againstRandom();
  oddInput();
  hours();
  chart();
  table();
  if (quarry::test::g_failures) std::fprintf(stderr, "%d failure(s)\n", quarry::test::g_failures);
  std::printf("%s\n", quarry::test::g_failures == 0 ? "PASS" : "FAILED");
  return quarry::test::g_failures ? 1 : 0;
}
