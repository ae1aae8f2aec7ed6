#include "eval/ClassificationMetrics.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace quarry::eval {

ClassificationReport scoreClassification(const std::vector<std::string>& labels,
                                         const std::vector<std::vector<int32_t>>& gold,
                                         const std::vector<std::vector<int32_t>>& predicted, bool multiLabel) {
  if (gold.size() != predicted.size())
    throw std::invalid_argument("scoreClassification: " + std::to_string(gold.size()) + " gold items, " +
                                std::to_string(predicted.size()) + " predicted");
  const size_t n = labels.size();
  ClassificationReport r;
  r.multiLabel = multiLabel;
  r.items = static_cast<int64_t>(gold.size());
  r.labels = labels;
  r.perLabel.assign(n, EntityScores{});
  if (!multiLabel) r.confusion.assign(n + 1, std::vector<int64_t>(n + 1, 0));
  int64_t exact = 0;
  auto check = [&](int32_t id, size_t item) {
    if (id < 0 || static_cast<size_t>(id) >= n)
      throw std::invalid_argument("scoreClassification: label id " + std::to_string(id) + " of item " +
                                  std::to_string(item) + " is out of range");
  };
  for (size_t i = 0; i < gold.size(); ++i) {
    std::set<int32_t> g(gold[i].begin(), gold[i].end());
    std::set<int32_t> p(predicted[i].begin(), predicted[i].end());
    for (int32_t id : g) check(id, i);
    for (int32_t id : p) check(id, i);
    if (!multiLabel) {
      // Single-label: the first of each (there is at most one by contract).
      if (g.size() > 1) g = {*gold[i].begin()};
      if (p.size() > 1) p = {*predicted[i].begin()};
      const size_t gi = g.empty() ? n : static_cast<size_t>(*g.begin());
      const size_t pi = p.empty() ? n : static_cast<size_t>(*p.begin());
      ++r.confusion[gi][pi];
    }
    if (g == p) ++exact;
    for (int32_t id : g) {
      ++r.perLabel[static_cast<size_t>(id)].support;
      if (p.count(id)) ++r.perLabel[static_cast<size_t>(id)].truePositives;
    }
    for (int32_t id : p) ++r.perLabel[static_cast<size_t>(id)].predicted;
  }
  r.accuracy = r.items > 0 ? static_cast<double>(exact) / static_cast<double>(r.items) : 0.0;
  for (EntityScores& s : r.perLabel) {
    s.computeRatios();
    r.micro.truePositives += s.truePositives;
    r.micro.predicted += s.predicted;
    r.micro.support += s.support;
  }
  r.micro.computeRatios();
  // Macro: the unweighted mean as sklearn takes it: over every label column for multi-label indicator
  // matrices, over the labels found in gold or predicted for single-label ids.
  int counted = 0;
  for (const EntityScores& s : r.perLabel) {
    if (!multiLabel && s.support == 0 && s.predicted == 0) continue;
    r.macro.precision += s.precision;
    r.macro.recall += s.recall;
    r.macro.f1 += s.f1;
    ++counted;
  }
  if (counted > 0) {
    r.macro.precision /= counted;
    r.macro.recall /= counted;
    r.macro.f1 /= counted;
  }
  r.macro.truePositives = r.micro.truePositives;
  r.macro.predicted = r.micro.predicted;
  r.macro.support = r.micro.support;
  return r;
}

nlohmann::json ClassificationReport::toJson() const {
  nlohmann::json perLabelJson = nlohmann::json::object();
  for (size_t i = 0; i < labels.size(); ++i) perLabelJson[labels[i]] = perLabel[i].toJson();
  nlohmann::json j = {{"multi_label", multiLabel}, {"items", items},     {"accuracy", accuracy},
                      {"micro", micro.toJson()},   {"macro", macro.toJson()}, {"per_label", perLabelJson}};
  if (!confusion.empty()) {
    std::vector<std::string> axis = labels;
    axis.push_back("(none)");
    j["confusion"] = {{"labels", axis}, {"matrix", confusion}};
  }
  return j;
}

std::string ClassificationReport::formatTable(int digits) const {
  size_t width = std::string("macro avg").size();
  for (const std::string& l : labels) width = std::max(width, l.size());
  std::string out;
  char buf[512];
  std::snprintf(buf, sizeof buf, "%*s %9s %9s %9s %9s\n\n", static_cast<int>(width), "", "precision", "recall",
                "f1-score", "support");
  out += buf;
  auto row = [&](const std::string& name, const EntityScores& s) {
    std::snprintf(buf, sizeof buf, "%*s %9.*f %9.*f %9.*f %9lld\n", static_cast<int>(width), name.c_str(), digits,
                  s.precision, digits, s.recall, digits, s.f1, static_cast<long long>(s.support));
    out += buf;
  };
  for (size_t i = 0; i < labels.size(); ++i) row(labels[i], perLabel[i]);
  out += "\n";
  row("micro avg", micro);
  row("macro avg", macro);
  std::snprintf(buf, sizeof buf, "\n%*s %9.*f %9lld items%s\n", static_cast<int>(width), "accuracy", digits, accuracy,
                static_cast<long long>(items), multiLabel ? " (exact label set)" : "");
  out += buf;
  if (!confusion.empty() && labels.size() <= 20) {
    out += "\nconfusion (rows gold, columns predicted; last: none)\n";
    for (size_t g = 0; g < confusion.size(); ++g) {
      std::snprintf(buf, sizeof buf, "%*s", static_cast<int>(width), g < labels.size() ? labels[g].c_str() : "(none)");
      out += buf;
      for (int64_t c : confusion[g]) {
        std::snprintf(buf, sizeof buf, " %6lld", static_cast<long long>(c));
        out += buf;
      }
      out += "\n";
    }
  }
  return out;
}

}  // namespace quarry::eval
