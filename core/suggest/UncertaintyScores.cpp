#include "suggest/UncertaintyScores.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace quarry::suggest {

namespace {

struct TopTwo {
  double first = 0.0;
  double second = 0.0;
};

TopTwo topTwo(const std::vector<double>& p) {
  TopTwo t;
  bool haveFirst = false;
  for (const double x : p) {
    if (!haveFirst || x > t.first) {
      if (haveFirst) t.second = t.first;
      t.first = x;
      haveFirst = true;
    } else if (x > t.second) {
      t.second = x;
    }
  }
  return t;
}

double clamp01(double x) { return std::isnan(x) ? 0.0 : std::clamp(x, 0.0, 1.0); }

const char* strategyName(UncertaintyStrategy s) {
  switch (s) {
    case UncertaintyStrategy::LeastConfidence:
      return "least confidence";
    case UncertaintyStrategy::Margin:
      return "margin score";
    case UncertaintyStrategy::Entropy:
      return "entropy";
  }
  return "";
}

// "decision 3: entropy 0.97 (top p=0.41, margin 0.03)"
std::string decisionReason(const DocumentUncertainty& u, UncertaintyStrategy s) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "decision %d: %s %.2f (top p=%.2f, margin %.2f)", u.decision,
                strategyName(s), u.decisionScore, u.topProbability, u.topProbability - u.secondProbability);
  return buf;
}

}  // namespace

double decisionUncertainty(const std::vector<double>& probabilities, UncertaintyStrategy strategy) {
  if (probabilities.empty()) return 0.0;
  const TopTwo top = topTwo(probabilities);
  switch (strategy) {
    case UncertaintyStrategy::LeastConfidence:
      return clamp01(1.0 - top.first);
    case UncertaintyStrategy::Margin:
      return clamp01(1.0 - (top.first - top.second));
    case UncertaintyStrategy::Entropy: {
      if (probabilities.size() < 2) return 0.0;
      double h = 0.0;
      for (const double p : probabilities) {
        if (p > 0.0) h -= p * std::log(p);
      }
      return clamp01(h / std::log(static_cast<double>(probabilities.size())));
    }
  }
  return 0.0;
}

DocumentUncertainty documentUncertainty(const std::vector<UncertainDecision>& decisions,
                                        const UncertaintyOptions& options) {
  DocumentUncertainty u;
  if (decisions.empty()) {
    u.reason = "no decisions";
    return u;
  }
  double weighted = 0.0;
  double totalLength = 0.0;
  for (size_t i = 0; i < decisions.size(); ++i) {
    const double s = decisionUncertainty(decisions[i].probabilities, options.strategy);
    if (u.decision < 0 || s > u.decisionScore) {
      u.decision = static_cast<int32_t>(i);
      u.decisionScore = s;
    }
    if (decisions[i].length > 0.0) {
      weighted += decisions[i].length * s;
      totalLength += decisions[i].length;
    }
  }
  const TopTwo top = topTwo(decisions[u.decision].probabilities);
  u.topProbability = top.first;
  u.secondProbability = top.second;
  if (options.aggregation == UncertaintyAggregation::Max) {
    u.score = u.decisionScore;
    u.reason = decisionReason(u, options.strategy);
    return u;
  }
  u.score = totalLength > 0.0 ? clamp01(weighted / totalLength) : 0.0;
  char buf[96];
  std::snprintf(buf, sizeof buf, "mean %s %.2f over length %g; ", strategyName(options.strategy), u.score,
                totalLength);
  u.reason = buf + decisionReason(u, options.strategy);
  return u;
}

std::vector<int32_t> rankByUncertainty(const std::vector<double>& scores) {
  std::vector<int32_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  // NaN sorts as -infinity so that the comparison stays a strict weak ordering.
  const auto key = [&](int32_t i) { return std::isnan(scores[i]) ? -HUGE_VAL : scores[i]; };
  std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) { return key(a) > key(b); });
  return order;
}

std::vector<int32_t> rankByUncertainty(const std::vector<DocumentUncertainty>& documents) {
  std::vector<double> scores;
  scores.reserve(documents.size());
  for (const DocumentUncertainty& d : documents) scores.push_back(d.score);
  return rankByUncertainty(scores);
}

}  // namespace quarry::suggest
