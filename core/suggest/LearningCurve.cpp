#include "suggest/LearningCurve.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <iterator>
#include <limits>
#include <locale>
#include <map>
#include <sstream>
#include <tuple>

namespace quarry::suggest {

namespace {

const char* const kRandom = "random";

// Comparisons against a fraction of the full score allow for the rounding of a mean (0.76 reached by a mean
// of 0.75 and 0.77 that comes out as 0.7599999999999999).
constexpr double kReachTolerance = 1e-12;

bool fullScoreKnown(double fullScore) { return std::isfinite(fullScore) && fullScore > 0.0; }

// `v` with `decimals` decimals, never "-0.0", in the classic locale whatever the program's is.
std::string fixed(double v, int decimals) {
  if (!std::isfinite(v)) v = 0.0;
  if (std::fabs(v) < 0.5 * std::pow(10.0, -decimals)) v = 0.0;
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out << std::fixed << std::setprecision(decimals) << v;
  return out.str();
}

// A whole number with thousands separators: 34120 -> "34,120".
std::string grouped(double v) {
  const long long n = std::isfinite(v) ? std::llround(v) : 0;
  const std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

// Text for XML content and attribute values; control characters XML 1.0 cannot carry are dropped.
std::string xmlEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

// The first band whose mean reaches `target`; null when none does.
const CurveBand* firstReaching(const std::vector<CurveBand>& bands, double target) {
  for (const CurveBand& b : bands) {
    if (b.mean >= target - kReachTolerance) return &b;
  }
  return nullptr;
}

}  // namespace

LearningCurveSummary summarizeCurves(const std::vector<StrategyCurve>& curves, double fullScore,
                                     const std::string& metric, const std::string& unit, int64_t poolUnits,
                                     int64_t poolTokens) {
  LearningCurveSummary summary;
  summary.fullScore = fullScore;
  summary.metric = metric;
  summary.unit = unit;
  summary.poolUnits = poolUnits;
  summary.poolTokens = poolTokens;

  // Per strategy (first appearance first) and round, one point per curve: a curve naming a round twice counts
  // its last point. Points without a finite score or share are left out, so no NaN reaches a mean or a chart.
  std::vector<std::string> order;
  std::map<std::string, std::map<int32_t, std::vector<CurvePoint>>> byStrategy;
  for (const StrategyCurve& curve : curves) {
    if (byStrategy.find(curve.strategy) == byStrategy.end()) order.push_back(curve.strategy);
    auto& rounds = byStrategy[curve.strategy];
    std::map<int32_t, CurvePoint> own;
    for (const CurvePoint& p : curve.points) {
      if (std::isfinite(p.score) && std::isfinite(p.labelledShare)) own[p.round] = p;
    }
    for (const auto& [round, p] : own) rounds[round].push_back(p);
  }

  const bool known = fullScoreKnown(fullScore);
  for (const std::string& name : order) {
    StrategySummary s;
    s.strategy = name;
    for (const auto& [round, points] : byStrategy[name]) {
      CurveBand b;
      b.round = round;
      b.seeds = static_cast<int32_t>(points.size());
      b.low = std::numeric_limits<double>::infinity();
      b.high = -std::numeric_limits<double>::infinity();
      double score = 0.0, share = 0.0, units = 0.0, tokens = 0.0;
      for (const CurvePoint& p : points) {
        score += p.score;
        share += p.labelledShare;
        units += static_cast<double>(p.labelledUnits);
        tokens += static_cast<double>(p.labelledTokens);
        b.low = std::min(b.low, p.score);
        b.high = std::max(b.high, p.score);
      }
      const double n = static_cast<double>(points.size());
      b.mean = score / n;
      b.labelledShare = share / n;
      b.labelledUnits = units / n;
      b.labelledTokens = tokens / n;
      s.bands.push_back(b);
    }
    if (known) {
      if (const CurveBand* b = firstReaching(s.bands, 0.95 * fullScore)) {
        s.shareAt95 = b->labelledShare;
        s.tokensAt95 = b->labelledTokens;
      }
      if (const CurveBand* b = firstReaching(s.bands, 0.99 * fullScore)) {
        s.shareAt99 = b->labelledShare;
        s.tokensAt99 = b->labelledTokens;
      }
    }
    summary.strategies.push_back(std::move(s));
  }

  const auto random = std::find_if(summary.strategies.begin(), summary.strategies.end(),
                                   [](const StrategySummary& s) { return s.strategy == kRandom; });
  if (random == summary.strategies.end()) return summary;
  std::map<int32_t, double> randomMean;
  for (const CurveBand& b : random->bands) randomMean[b.round] = b.mean;
  for (StrategySummary& s : summary.strategies) {
    if (s.strategy == kRandom) continue;
    int32_t from = -1;  // the start of the run of rounds above random that is still going
    for (const CurveBand& b : s.bands) {
      const auto r = randomMean.find(b.round);
      if (r == randomMean.end()) continue;
      ++s.roundsCompared;
      if (b.mean > r->second) {
        ++s.roundsAboveRandom;
        if (from < 0) from = b.round;
      } else {
        from = -1;
      }
    }
    s.aboveRandomFrom = from;
  }
  return summary;
}

double annotationHours(double tokens, double wordsPerHour) {
  if (!(wordsPerHour > 0.0)) return 0.0;
  return tokens / wordsPerHour;
}

// ---------------------------------------------------------------- the chart

namespace {

constexpr double kWidth = 760, kHeight = 460;
constexpr double kPlotLeft = 70, kPlotRight = 580, kPlotTop = 50, kPlotBottom = 400;
constexpr double kLegendLeft = 595;

// Random is always grey; the other strategies take these in order of appearance.
const char* const kPalette[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                                "#8c564b", "#e377c2", "#17becf", "#bcbd22"};
const char* const kRandomColour = "#777777";

// Coordinates with one decimal.
std::string c(double v) { return fixed(v, 1); }

// The smallest of 1, 2, 5, 10, 20, 50, ... that divides 0..maxValue into at most 10 steps.
double niceStep(double maxValue) {
  for (double scale = 1.0;; scale *= 10.0) {
    for (const double m : {1.0, 2.0, 5.0}) {
      if (maxValue / (m * scale) <= 10.0 + 1e-9) return m * scale;
    }
    if (scale > 1e15) return scale;
  }
}

struct Axes {
  double xMax = 100, xStep = 10;   // percent labelled
  int64_t yLowK = 0, yHighK = 20;  // the score range in twentieths (multiples of 0.05)
  int64_t yStepK = 2;

  double x(double share) const { return kPlotLeft + (share * 100.0 / xMax) * (kPlotRight - kPlotLeft); }
  double y(double score) const {
    const double low = static_cast<double>(yLowK) * 0.05, high = static_cast<double>(yHighK) * 0.05;
    return kPlotBottom - (score - low) / (high - low) * (kPlotBottom - kPlotTop);
  }
};

Axes axesFor(const LearningCurveSummary& summary) {
  Axes a;
  double maxShare = 0.0;
  double low = std::numeric_limits<double>::infinity(), high = -std::numeric_limits<double>::infinity();
  for (const StrategySummary& s : summary.strategies) {
    for (const CurveBand& b : s.bands) {
      maxShare = std::max(maxShare, b.labelledShare);
      low = std::min(low, b.low);
      high = std::max(high, b.high);
    }
  }
  if (maxShare > 0.0 && std::isfinite(maxShare)) {
    a.xStep = niceStep(maxShare * 100.0);
    a.xMax = std::ceil(maxShare * 100.0 / a.xStep - 1e-9) * a.xStep;
  }
  if (fullScoreKnown(summary.fullScore)) {
    low = std::min(low, 0.95 * summary.fullScore);  // the dashed lines stay inside the plot
    high = std::max(high, summary.fullScore);
  }
  if (std::isfinite(low) && std::isfinite(high)) {
    a.yLowK = static_cast<int64_t>(std::floor(low / 0.05 + 1e-9));
    a.yHighK = static_cast<int64_t>(std::ceil(high / 0.05 - 1e-9));
    if (a.yHighK <= a.yLowK) a.yHighK = a.yLowK + 1;
  }
  const int64_t span = a.yHighK - a.yLowK;
  a.yStepK = span <= 10 ? 1 : span <= 20 ? 2 : span <= 40 ? 4 : span <= 100 ? 10 : (span / 10 / 20 + 1) * 20;
  return a;
}

// Floor division for the tick grid (the score range may start below 0).
int64_t floorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

}  // namespace

std::string learningCurveSvg(const LearningCurveSummary& summary, const std::string& title) {
  const Axes a = axesFor(summary);
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << c(kWidth) << "\" height=\"" << c(kHeight)
      << "\" viewBox=\"0 0 " << c(kWidth) << ' ' << c(kHeight)
      << "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  out << "<rect x=\"0\" y=\"0\" width=\"" << c(kWidth) << "\" height=\"" << c(kHeight)
      << "\" fill=\"#ffffff\"/>\n";
  out << "<text x=\"" << c(kWidth / 2)
      << "\" y=\"28\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\">" << xmlEscape(title)
      << "</text>\n";

  // Grid and tick labels.
  out << "<g stroke=\"#dddddd\" stroke-width=\"1\">\n";
  const int xTicks = static_cast<int>(std::lround(a.xMax / a.xStep));
  for (int i = 0; i <= xTicks; ++i) {
    const double x = a.x(i * a.xStep / 100.0);
    out << "<line x1=\"" << c(x) << "\" y1=\"" << c(kPlotTop) << "\" x2=\"" << c(x) << "\" y2=\""
        << c(kPlotBottom) << "\"/>\n";
  }
  std::vector<int64_t> yTicks;
  for (int64_t k = floorDiv(a.yLowK + a.yStepK - 1, a.yStepK) * a.yStepK; k <= a.yHighK; k += a.yStepK) {
    yTicks.push_back(k);
  }
  for (const int64_t k : yTicks) {
    const double y = a.y(static_cast<double>(k) * 0.05);
    out << "<line x1=\"" << c(kPlotLeft) << "\" y1=\"" << c(y) << "\" x2=\"" << c(kPlotRight) << "\" y2=\""
        << c(y) << "\"/>\n";
  }
  out << "</g>\n<g fill=\"#333333\">\n";
  const int xDecimals = a.xStep < 1.0 ? 1 : 0;
  for (int i = 0; i <= xTicks; ++i) {
    out << "<text x=\"" << c(a.x(i * a.xStep / 100.0)) << "\" y=\"" << c(kPlotBottom + 18)
        << "\" text-anchor=\"middle\">" << fixed(i * a.xStep, xDecimals) << "</text>\n";
  }
  for (const int64_t k : yTicks) {
    out << "<text x=\"" << c(kPlotLeft - 8) << "\" y=\"" << c(a.y(static_cast<double>(k) * 0.05) + 4)
        << "\" text-anchor=\"end\">" << fixed(static_cast<double>(k) * 0.05, 2) << "</text>\n";
  }
  out << "<text x=\"" << c((kPlotLeft + kPlotRight) / 2) << "\" y=\"" << c(kPlotBottom + 42)
      << "\" text-anchor=\"middle\">" << xmlEscape("labelled " + summary.unit + " (%)") << "</text>\n";
  out << "<text x=\"18\" y=\"" << c((kPlotTop + kPlotBottom) / 2)
      << "\" text-anchor=\"middle\" transform=\"rotate(-90 18 " << c((kPlotTop + kPlotBottom) / 2) << ")\">"
      << xmlEscape(summary.metric) << "</text>\n";
  out << "</g>\n";
  out << "<rect x=\"" << c(kPlotLeft) << "\" y=\"" << c(kPlotTop) << "\" width=\""
      << c(kPlotRight - kPlotLeft) << "\" height=\"" << c(kPlotBottom - kPlotTop)
      << "\" fill=\"none\" stroke=\"#333333\"/>\n";

  // The full-data score's fractions: 95% labelled under its line, 99% over it, so the two never overlap.
  if (fullScoreKnown(summary.fullScore)) {
    for (const auto& [fraction, label, dy] :
         {std::tuple<double, const char*, double>{0.95, "95% of full", 14.0},
          std::tuple<double, const char*, double>{0.99, "99% of full", -5.0}}) {
      const double y = a.y(fraction * summary.fullScore);
      out << "<line x1=\"" << c(kPlotLeft) << "\" y1=\"" << c(y) << "\" x2=\"" << c(kPlotRight) << "\" y2=\""
          << c(y) << "\" stroke=\"#444444\" stroke-width=\"1\" stroke-dasharray=\"6 4\"/>\n";
      out << "<text x=\"" << c(kPlotRight - 4) << "\" y=\"" << c(y + dy)
          << "\" text-anchor=\"end\" fill=\"#444444\">" << label << "</text>\n";
    }
  }

  std::vector<std::string> colours;
  size_t next = 0;
  for (const StrategySummary& s : summary.strategies) {
    colours.push_back(s.strategy == kRandom ? kRandomColour : kPalette[next++ % std::size(kPalette)]);
  }
  // Bands under every line, then the lines and their points.
  for (size_t i = 0; i < summary.strategies.size(); ++i) {
    const StrategySummary& s = summary.strategies[i];
    if (s.bands.empty()) continue;
    out << "<polygon fill=\"" << colours[i] << "\" fill-opacity=\"0.18\" stroke=\"none\" points=\"";
    for (const CurveBand& b : s.bands) out << c(a.x(b.labelledShare)) << ',' << c(a.y(b.low)) << ' ';
    for (auto b = s.bands.rbegin(); b != s.bands.rend(); ++b) {
      out << c(a.x(b->labelledShare)) << ',' << c(a.y(b->high)) << (b + 1 == s.bands.rend() ? "" : " ");
    }
    out << "\"/>\n";
  }
  for (size_t i = 0; i < summary.strategies.size(); ++i) {
    const StrategySummary& s = summary.strategies[i];
    if (s.bands.empty()) continue;
    out << "<g stroke=\"" << colours[i] << "\" fill=\"" << colours[i]
        << "\">\n<polyline fill=\"none\" stroke-width=\"2\" points=\"";
    for (size_t j = 0; j < s.bands.size(); ++j) {
      out << (j ? " " : "") << c(a.x(s.bands[j].labelledShare)) << ',' << c(a.y(s.bands[j].mean));
    }
    out << "\"/>\n";
    for (const CurveBand& b : s.bands) {
      out << "<circle cx=\"" << c(a.x(b.labelledShare)) << "\" cy=\"" << c(a.y(b.mean)) << "\" r=\"2.5\"/>\n";
    }
    out << "</g>\n";
  }

  // The legend, right of the plot.
  const double rowHeight = 20;
  out << "<rect x=\"" << c(kLegendLeft) << "\" y=\"" << c(kPlotTop) << "\" width=\"150\" height=\""
      << c(12 + rowHeight * static_cast<double>(summary.strategies.size()))
      << "\" fill=\"#ffffff\" stroke=\"#999999\"/>\n";
  for (size_t i = 0; i < summary.strategies.size(); ++i) {
    const double y = kPlotTop + 16 + rowHeight * static_cast<double>(i);
    out << "<line x1=\"" << c(kLegendLeft + 8) << "\" y1=\"" << c(y) << "\" x2=\"" << c(kLegendLeft + 30)
        << "\" y2=\"" << c(y) << "\" stroke=\"" << colours[i] << "\" stroke-width=\"2\"/>\n";
    out << "<text x=\"" << c(kLegendLeft + 36) << "\" y=\"" << c(y + 4) << "\">"
        << xmlEscape(summary.strategies[i].strategy) << "</text>\n";
  }
  out << "</svg>\n";
  return out.str();
}

// ---------------------------------------------------------------- the table

namespace {

std::string percent(double share) { return fixed(share * 100.0, 1) + "%"; }

std::string padRight(const std::string& s, size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}
std::string padLeft(const std::string& s, size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

}  // namespace

std::string learningCurveTable(const LearningCurveSummary& summary) {
  const bool known = fullScoreKnown(summary.fullScore);
  std::ostringstream out;
  out << summary.metric << " against labelled " << summary.unit
      << " (pool: " << grouped(double(summary.poolUnits)) << ' ' << summary.unit << ", "
      << grouped(double(summary.poolTokens)) << " words); ";
  if (known) {
    out << "full-data score " << fixed(summary.fullScore, 4);
    if (summary.fullScores.size() > 1) {
      const auto [low, high] = std::minmax_element(summary.fullScores.begin(), summary.fullScores.end());
      out << " (mean of " << summary.fullScores.size() << " seeds, " << fixed(*low, 4) << ".."
          << fixed(*high, 4) << ")";
    }
    out << "\n\n";
  } else {
    out << "the full-data score is unknown\n\n";
  }

  size_t nameWidth = 8;
  for (const StrategySummary& s : summary.strategies) nameWidth = std::max(nameWidth, s.strategy.size());
  out << padRight("strategy", nameWidth) << "  " << padLeft("round", 5) << "  " << padLeft("labelled", 8)
      << "  " << padLeft("units", 10) << "  " << padLeft("tokens", 12) << "  " << padLeft("mean", 6) << "  "
      << padRight("low..high", 14) << "  seeds\n";
  for (const StrategySummary& s : summary.strategies) {
    for (const CurveBand& b : s.bands) {
      out << padRight(s.strategy, nameWidth) << "  " << padLeft(std::to_string(b.round), 5) << "  "
          << padLeft(percent(b.labelledShare), 8) << "  " << padLeft(grouped(b.labelledUnits), 10) << "  "
          << padLeft(grouped(b.labelledTokens), 12) << "  " << padLeft(fixed(b.mean, 4), 6) << "  "
          << padRight(fixed(b.low, 4) + ".." + fixed(b.high, 4), 14) << "  "
          << padLeft(std::to_string(b.seeds), 5) << "\n";
    }
  }

  const bool haveRandom = std::any_of(summary.strategies.begin(), summary.strategies.end(),
                                      [](const StrategySummary& s) { return s.strategy == kRandom; });
  out << "\n";
  for (const StrategySummary& s : summary.strategies) {
    out << s.strategy << ": ";
    if (!known) {
      out << "the full-data score is unknown";
    } else {
      if (s.shareAt95) {
        out << "95% of full at " << percent(*s.shareAt95) << " labelled ("
            << grouped(s.tokensAt95.value_or(0)) << " words)";
      } else {
        out << "95% of full not reached";
      }
      if (s.shareAt99) {
        out << ", 99% at " << percent(*s.shareAt99) << " (" << grouped(s.tokensAt99.value_or(0)) << " words)";
      } else {
        out << ", 99% not reached";
      }
    }
    if (haveRandom && s.strategy != kRandom) {
      if (s.roundsCompared == 0) {
        out << "; no round in common with random";
      } else {
        out << "; above random in " << s.roundsAboveRandom << " of " << s.roundsCompared << " rounds";
        if (s.aboveRandomFrom >= 0) {
          out << ", from round " << s.aboveRandomFrom;
        } else {
          out << ", not at the last";
        }
      }
    }
    out << "\n";
  }
  return out.str();
}

}  // namespace quarry::suggest
