#include "eval/RelationMetrics.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include <nlohmann/json.hpp>

namespace quarry::eval {

namespace {

using Key = std::tuple<std::string, std::string, std::string, std::string>;  // document, head, tail, type
using PairKey = std::tuple<std::string, std::string, std::string>;           // document, first, second

// The tuple a relation is matched on: an undirected relation's arguments in a fixed order.
Key keyOf(const RelationInstance& r) {
  if (!r.directed && r.tail < r.head) return {r.document, r.tail, r.head, r.type};
  return {r.document, r.head, r.tail, r.type};
}

PairKey unorderedPair(const RelationInstance& r) {
  return r.head < r.tail ? PairKey{r.document, r.head, r.tail} : PairKey{r.document, r.tail, r.head};
}

// Unique relations by key, first occurrence kept, in input order.
std::vector<const RelationInstance*> unique(const std::vector<RelationInstance>& in, std::set<Key>& keys) {
  std::vector<const RelationInstance*> out;
  for (const RelationInstance& r : in)
    if (keys.insert(keyOf(r)).second) out.push_back(&r);
  return out;
}

std::string pct(double v, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

}  // namespace

int64_t RelationReport::errorCount(const std::string& kind) const {
  return std::count_if(errors.begin(), errors.end(), [&](const RelationError& e) { return e.kind == kind; });
}

RelationReport scoreRelations(const std::vector<std::string>& types, const std::vector<RelationInstance>& gold,
                              const std::vector<RelationInstance>& predicted) {
  RelationReport report;
  report.types = types;
  auto typeIndex = [&](const std::string& t) {
    auto it = std::find(report.types.begin(), report.types.end(), t);
    if (it != report.types.end()) return static_cast<size_t>(it - report.types.begin());
    report.types.push_back(t);
    return report.types.size() - 1;
  };
  for (const RelationInstance& r : gold) typeIndex(r.type);
  for (const RelationInstance& r : predicted) typeIndex(r.type);
  report.perType.assign(report.types.size(), EntityScores{});

  std::set<Key> goldKeys, predictedKeys;
  const std::vector<const RelationInstance*> g = unique(gold, goldKeys);
  const std::vector<const RelationInstance*> p = unique(predicted, predictedKeys);
  std::map<PairKey, std::vector<const RelationInstance*>> goldByPair;
  for (const RelationInstance* r : g) {
    ++report.perType[typeIndex(r->type)].support;
    goldByPair[unorderedPair(*r)].push_back(r);
  }
  std::set<PairKey> pairsPredicted;
  for (const RelationInstance* r : p) {
    EntityScores& s = report.perType[typeIndex(r->type)];
    ++s.predicted;
    pairsPredicted.insert(unorderedPair(*r));
    if (goldKeys.count(keyOf(*r))) {
      ++s.truePositives;
      continue;
    }
    RelationError e{"spurious", r->document, r->head, r->tail, r->headText, r->tailText, "", r->type};
    auto same = goldByPair.find(unorderedPair(*r));
    if (same != goldByPair.end()) {
      const RelationInstance* sameType = nullptr;
      for (const RelationInstance* gr : same->second)
        if (gr->type == r->type) sameType = gr;
      const RelationInstance* shown = sameType ? sameType : same->second.front();
      // A pair the gold relates with this type the other way round, or with another type (and that gold
      // relation was not predicted as well: then this one is merely spurious).
      if (!predictedKeys.count(keyOf(*shown))) {
        e.kind = sameType ? "wrong-direction" : "wrong-type";
        e.head = shown->head;
        e.tail = shown->tail;
        e.headText = shown->headText;
        e.tailText = shown->tailText;
        e.goldType = shown->type;
      }
    }
    report.errors.push_back(std::move(e));
  }
  for (const RelationInstance* r : g)
    if (!predictedKeys.count(keyOf(*r)) && !pairsPredicted.count(unorderedPair(*r)))
      report.errors.push_back({"missed", r->document, r->head, r->tail, r->headText, r->tailText, r->type, ""});
  std::stable_sort(report.errors.begin(), report.errors.end(),
                   [](const RelationError& a, const RelationError& b) { return a.document < b.document; });

  int counted = 0;
  for (EntityScores& s : report.perType) {
    s.computeRatios();
    report.micro.truePositives += s.truePositives;
    report.micro.predicted += s.predicted;
    report.micro.support += s.support;
    if (s.support == 0 && s.predicted == 0) continue;
    ++counted;
    report.macro.precision += s.precision;
    report.macro.recall += s.recall;
    report.macro.f1 += s.f1;
  }
  report.micro.computeRatios();
  if (counted > 0) {
    report.macro.precision /= counted;
    report.macro.recall /= counted;
    report.macro.f1 /= counted;
  }
  report.macro.truePositives = report.micro.truePositives;
  report.macro.predicted = report.micro.predicted;
  report.macro.support = report.micro.support;
  return report;
}

nlohmann::json RelationReport::toJson(size_t maxErrors) const {
  nlohmann::json perTypeJson = nlohmann::json::object();
  for (size_t i = 0; i < types.size(); ++i) perTypeJson[types[i]] = perType[i].toJson();
  nlohmann::json counts = nlohmann::json::object();
  for (const char* kind : {"missed", "spurious", "wrong-type", "wrong-direction"}) counts[kind] = errorCount(kind);
  nlohmann::json errorList = nlohmann::json::array();
  for (size_t i = 0; i < errors.size() && i < maxErrors; ++i) {
    const RelationError& e = errors[i];
    errorList.push_back({{"kind", e.kind},
                         {"document", e.document},
                         {"head", e.head},
                         {"tail", e.tail},
                         {"head_text", e.headText},
                         {"tail_text", e.tailText},
                         {"gold_type", e.goldType},
                         {"predicted_type", e.predictedType}});
  }
  return {{"per_type", perTypeJson},
          {"micro", micro.toJson()},
          {"macro", macro.toJson()},
          {"error_counts", counts},
          {"errors", errorList}};
}

std::string RelationReport::formatTable(int digits) const {
  std::ostringstream out;
  size_t width = 9;
  for (const std::string& t : types) width = std::max(width, t.size());
  char line[256];
  std::snprintf(line, sizeof line, "%-*s %10s %10s %10s %8s %8s %8s\n", static_cast<int>(width), "type", "precision",
                "recall", "f1", "support", "pred", "tp");
  out << line;
  auto row = [&](const std::string& name, const EntityScores& s) {
    std::snprintf(line, sizeof line, "%-*s %10s %10s %10s %8lld %8lld %8lld\n", static_cast<int>(width), name.c_str(),
                  pct(s.precision, digits).c_str(), pct(s.recall, digits).c_str(), pct(s.f1, digits).c_str(),
                  static_cast<long long>(s.support), static_cast<long long>(s.predicted),
                  static_cast<long long>(s.truePositives));
    out << line;
  };
  for (size_t i = 0; i < types.size(); ++i) row(types[i], perType[i]);
  out << "\n";
  row("micro", micro);
  row("macro", macro);
  out << "\nerrors: " << errorCount("missed") << " missed, " << errorCount("spurious") << " spurious, "
      << errorCount("wrong-type") << " wrong type, " << errorCount("wrong-direction") << " wrong direction\n";
  return out.str();
}

std::string RelationReport::formatErrors(size_t count) const {
  std::ostringstream out;
  for (size_t i = 0; i < errors.size() && i < count; ++i) {
    const RelationError& e = errors[i];
    out << e.kind << "\t" << e.document << "\t" << e.headText << " [" << e.head << "] -> " << e.tailText << " ["
        << e.tail << "]\tgold " << (e.goldType.empty() ? "-" : e.goldType) << "\tpredicted "
        << (e.predictedType.empty() ? "-" : e.predictedType) << "\n";
  }
  return out.str();
}

}  // namespace quarry::eval
