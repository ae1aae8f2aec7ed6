#include "eval/EntityMetrics.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <stdexcept>
#include <string_view>
#include <tuple>

#include <nlohmann/json.hpp>

#include "eval/TagEntities.h"

namespace quarry::eval {

namespace {

// numpy's float64 sum (pairwise, 8-way unrolled, blocks of 128): seqeval averages with np.average,
// and summing in another order can change the last bit of a macro F1.
double numpySum(const double* a, size_t n) {
  if (n < 8) {
    double res = 0.0;
    for (size_t i = 0; i < n; ++i) {
      res += a[i];
    }
    return res;
  }
  if (n <= 128) {
    double r[8];
    for (size_t j = 0; j < 8; ++j) {
      r[j] = a[j];
    }
    size_t i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (size_t j = 0; j < 8; ++j) {
        r[j] += a[i + j];
      }
    }
    double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) {
      res += a[i];
    }
    return res;
  }
  size_t n2 = n / 2;
  n2 -= n2 % 8;
  return numpySum(a, n2) + numpySum(a + n2, n - n2);
}

double numpySum(const std::vector<double>& v) { return numpySum(v.data(), v.size()); }

size_t codePoints(std::string_view s) {
  size_t n = 0;
  for (const char c : s) {
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  }
  return n;
}

// Python's '{:>{width}s}': right-aligned in `width` code points.
std::string padLeft(const std::string& s, size_t width) {
  const size_t n = codePoints(s);
  return n >= width ? s : std::string(width - n, ' ') + s;
}

std::string formatRow(const std::string& name, const EntityScores& s, size_t width, int digits) {
  std::string row = padLeft(name, width) + ' ';
  char buf[64];
  for (const double v : {s.precision, s.recall, s.f1}) {
    std::snprintf(buf, sizeof buf, " %9.*f", digits, v);
    row += buf;
  }
  std::snprintf(buf, sizeof buf, " %9lld", static_cast<long long>(s.support));
  row += buf;
  return row;
}

// Entities keyed by (sequence, start, end); grouped by type.
using EntityKey = std::tuple<int64_t, int32_t, int32_t>;
using EntitiesByType = std::map<std::string, std::set<EntityKey>>;

std::map<std::string, EntityScores> countMatches(const EntitiesByType& gold,
                                                 const EntitiesByType& predicted) {
  std::map<std::string, EntityScores> perType;
  for (const auto& [type, keys] : gold) {
    perType[type].support = static_cast<int64_t>(keys.size());
  }
  for (const auto& [type, keys] : predicted) {
    EntityScores& s = perType[type];
    s.predicted = static_cast<int64_t>(keys.size());
    const auto g = gold.find(type);
    if (g == gold.end()) {
      continue;
    }
    for (const EntityKey& k : keys) {
      s.truePositives += g->second.count(k) > 0 ? 1 : 0;
    }
  }
  return perType;
}

// seqeval reads a nested list as one sequence with an "O" after every sentence; entity offsets are
// then positions in that joined sequence, which keeps entities of different sentences apart.
EntitiesByType entitiesOfSentences(const std::vector<std::vector<std::string>>& sentences) {
  std::vector<std::string_view> joined;
  for (const auto& sentence : sentences) {
    joined.insert(joined.end(), sentence.begin(), sentence.end());
    joined.emplace_back("O");
  }
  EntitiesByType out;
  for (TaggedEntity& e : extractEntitiesView(joined)) {
    out[std::move(e.type)].emplace(0, e.start, e.end);
  }
  return out;
}

}  // namespace

EntityReport EntityReport::fromCounts(std::map<std::string, EntityScores> perType) {
  EntityReport report;
  std::vector<double> ps, rs, fs, wps, wrs, wfs;
  std::vector<double> supports;
  for (auto& [type, s] : perType) {
    s.computeRatios();
    report.micro.truePositives += s.truePositives;
    report.micro.predicted += s.predicted;
    report.micro.support += s.support;
    ps.push_back(s.precision);
    rs.push_back(s.recall);
    fs.push_back(s.f1);
    const auto w = static_cast<double>(s.support);
    wps.push_back(s.precision * w);
    wrs.push_back(s.recall * w);
    wfs.push_back(s.f1 * w);
    supports.push_back(w);
  }
  report.micro.computeRatios();

  report.macro.truePositives = report.weighted.truePositives = report.micro.truePositives;
  report.macro.predicted = report.weighted.predicted = report.micro.predicted;
  report.macro.support = report.weighted.support = report.micro.support;
  if (!perType.empty()) {
    const auto n = static_cast<double>(perType.size());
    report.macro.precision = numpySum(ps) / n;
    report.macro.recall = numpySum(rs) / n;
    report.macro.f1 = numpySum(fs) / n;
  }
  const double totalSupport = numpySum(supports);
  if (totalSupport > 0) {
    report.weighted.precision = numpySum(wps) / totalSupport;
    report.weighted.recall = numpySum(wrs) / totalSupport;
    report.weighted.f1 = numpySum(wfs) / totalSupport;
  }
  report.perType = std::move(perType);
  return report;
}

nlohmann::json EntityReport::toJson() const {
  nlohmann::json types = nlohmann::json::object();
  for (const auto& [type, s] : perType) {
    types[type] = s.toJson();
  }
  nlohmann::json out = {{"per_type", std::move(types)},
                        {"micro", micro.toJson()},
                        {"macro", macro.toJson()},
                        {"weighted", weighted.toJson()},
                        {"tokens", tokens}};
  out["token_accuracy"] = tokenAccuracy < 0 ? nlohmann::json(nullptr) : nlohmann::json(tokenAccuracy);
  return out;
}

std::string EntityReport::formatTable(int digits) const {
  size_t width = std::string_view("weighted avg").size();
  width = std::max(width, static_cast<size_t>(std::max(digits, 0)));
  for (const auto& entry : perType) {
    width = std::max(width, codePoints(entry.first));
  }
  std::string out = std::string(width, ' ') + ' ';
  char buf[32];
  for (const char* header : {"precision", "recall", "f1-score", "support"}) {
    std::snprintf(buf, sizeof buf, " %9s", header);
    out += buf;
  }
  out += "\n\n";
  for (const auto& [type, s] : perType) {
    out += formatRow(type, s, width, digits) + '\n';
  }
  out += '\n';
  out += formatRow("micro avg", micro, width, digits) + '\n';
  out += formatRow("macro avg", macro, width, digits) + '\n';
  out += formatRow("weighted avg", weighted, width, digits) + '\n';
  return out;
}

EntityReport scoreTagSequences(const std::vector<std::vector<std::string>>& gold,
                               const std::vector<std::vector<std::string>>& predicted) {
  if (gold.size() != predicted.size()) {
    throw std::invalid_argument("scoreTagSequences: " + std::to_string(gold.size()) + " gold sentences but " +
                                std::to_string(predicted.size()) + " predicted");
  }
  int64_t tokens = 0;
  int64_t equal = 0;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (gold[i].size() != predicted[i].size()) {
      throw std::invalid_argument("scoreTagSequences: sentence " + std::to_string(i) + " has " +
                                  std::to_string(gold[i].size()) + " gold tags but " +
                                  std::to_string(predicted[i].size()) + " predicted");
    }
    for (size_t t = 0; t < gold[i].size(); ++t) {
      equal += gold[i][t] == predicted[i][t] ? 1 : 0;
    }
    tokens += static_cast<int64_t>(gold[i].size());
  }
  EntityReport report =
      EntityReport::fromCounts(countMatches(entitiesOfSentences(gold), entitiesOfSentences(predicted)));
  report.tokens = tokens;
  if (tokens > 0) {
    report.tokenAccuracy = static_cast<double>(equal) / static_cast<double>(tokens);
  }
  return report;
}

EntityReport scoreSpans(const std::vector<std::vector<document::EntityMention>>& gold,
                        const std::vector<std::vector<document::EntityMention>>& predicted) {
  if (gold.size() != predicted.size()) {
    throw std::invalid_argument("scoreSpans: " + std::to_string(gold.size()) + " gold documents but " +
                                std::to_string(predicted.size()) + " predicted");
  }
  auto group = [](const std::vector<std::vector<document::EntityMention>>& docs) {
    EntitiesByType out;
    for (size_t d = 0; d < docs.size(); ++d) {
      for (const document::EntityMention& m : docs[d]) {
        out[m.type].emplace(static_cast<int64_t>(d), m.start, m.end);
      }
    }
    return out;
  };
  return EntityReport::fromCounts(countMatches(group(gold), group(predicted)));
}

}  // namespace quarry::eval
