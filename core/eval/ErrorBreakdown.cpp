#include "eval/ErrorBreakdown.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <tuple>

#include <nlohmann/json.hpp>

#include "eval/SpanContext.h"

namespace quarry::eval {

using document::EntityMention;

namespace {

struct Prediction {
  EntityMention mention;
  double confidence = 0.0;
};

bool mentionLess(const EntityMention& a, const EntityMention& b) {
  return std::tie(a.start, a.end, a.type) < std::tie(b.start, b.end, b.type);
}

int32_t overlap(const EntityMention& a, const EntityMention& b) {
  return std::min(a.end, b.end) - std::max(a.start, b.start);
}

// One gold mention's or one spurious prediction's fate; kind nullptr = correct.
struct Outcome {
  const char* kind = nullptr;
  int gold = -1;  // index into the document's sorted gold, -1 for spurious
  int pred = -1;  // index into the sorted predictions, -1 for missed
};

struct Candidate {
  int gold;
  int pred;
  int32_t overlap;
  bool sameBounds;
};

// The MATCHING of ErrorBreakdown.h on one document; gold and preds are sorted and deduplicated.
std::vector<Outcome> matchDocument(const std::vector<EntityMention>& gold,
                                   const std::vector<Prediction>& preds) {
  const int nGold = static_cast<int>(gold.size());
  const int nPred = static_cast<int>(preds.size());
  std::vector<int> goldMatch(gold.size(), -1);
  std::vector<int> predMatch(preds.size(), -1);
  std::vector<Outcome> out;
  auto match = [&](const char* kind, int g, int p) {
    goldMatch[g] = p;
    predMatch[p] = g;
    out.push_back(Outcome{kind, g, p});
  };

  for (int g = 0; g < nGold; ++g) {
    const auto it = std::lower_bound(
        preds.begin(), preds.end(), gold[g],
        [](const Prediction& p, const EntityMention& m) { return mentionLess(p.mention, m); });
    if (it != preds.end() && it->mention == gold[g]) {
      match(nullptr, g, static_cast<int>(it - preds.begin()));
    }
  }

  // Overlapping (gold, prediction) pairs still free. Predictions are sorted by start; walking back from
  // the first one that starts at or after the gold end, we can stop once no earlier prediction reaches
  // past the gold start (running maximum of ends).
  std::vector<int32_t> maxEnd(preds.size());
  for (int p = 0; p < nPred; ++p) {
    maxEnd[p] = std::max(preds[p].mention.end, p > 0 ? maxEnd[p - 1] : preds[p].mention.end);
  }
  std::vector<Candidate> sameType;
  std::vector<Candidate> otherType;
  for (int g = 0; g < nGold; ++g) {
    if (goldMatch[g] >= 0) {
      continue;
    }
    const EntityMention& gm = gold[g];
    const auto hi = std::partition_point(preds.begin(), preds.end(),
                                         [&](const Prediction& p) { return p.mention.start < gm.end; });
    for (int p = static_cast<int>(hi - preds.begin()) - 1; p >= 0 && maxEnd[p] > gm.start; --p) {
      const EntityMention& pm = preds[p].mention;
      const int32_t ov = overlap(gm, pm);
      if (predMatch[p] >= 0 || ov <= 0) {
        continue;
      }
      const Candidate c{g, p, ov, pm.start == gm.start && pm.end == gm.end};
      (pm.type == gm.type ? sameType : otherType).push_back(c);
    }
  }
  auto take = [&](std::vector<Candidate>& candidates, bool sameTypePass) {
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      return std::make_tuple(-a.overlap, !a.sameBounds, a.gold, a.pred) <
             std::make_tuple(-b.overlap, !b.sameBounds, b.gold, b.pred);
    });
    for (const Candidate& c : candidates) {
      if (goldMatch[c.gold] >= 0 || predMatch[c.pred] >= 0) {
        continue;
      }
      const char* kind = sameTypePass ? kWrongBoundary : (c.sameBounds ? kWrongType : kWrongTypeAndBoundary);
      match(kind, c.gold, c.pred);
    }
  };
  // In the same-type pass no pair has the same bounds (those were exact matches), so the sort key
  // reduces to overlap, gold, prediction there.
  take(sameType, true);
  take(otherType, false);

  for (int g = 0; g < nGold; ++g) {
    if (goldMatch[g] < 0) {
      out.push_back(Outcome{kMissed, g, -1});
    }
  }
  for (int p = 0; p < nPred; ++p) {
    if (predMatch[p] < 0) {
      out.push_back(Outcome{kSpurious, -1, p});
    }
  }
  return out;
}

int64_t& counter(ErrorCounts& c, const char* kind) {
  if (kind == nullptr) {
    return c.correct;
  }
  const std::string k(kind);
  if (k == kWrongType) {
    return c.wrongType;
  }
  if (k == kWrongBoundary) {
    return c.wrongBoundary;
  }
  if (k == kWrongTypeAndBoundary) {
    return c.wrongTypeAndBoundary;
  }
  return k == kMissed ? c.missed : c.spurious;
}

nlohmann::json mentionJson(const EntityMention& m) {
  return {{"start", m.start}, {"end", m.end}, {"type", m.type}};
}

}  // namespace

nlohmann::json ErrorCounts::toJson() const {
  return {{"correct", correct},
          {"wrong_type", wrongType},
          {"wrong_boundary", wrongBoundary},
          {"wrong_type_and_boundary", wrongTypeAndBoundary},
          {"missed", missed},
          {"spurious", spurious},
          {"gold", gold()}};
}

nlohmann::json ErrorBreakdown::toJson() const {
  nlohmann::json types = nlohmann::json::object();
  for (const auto& [type, c] : perType) {
    types[type] = c.toJson();
  }
  nlohmann::json kinds = nlohmann::json::object();
  for (const auto& [kind, list] : examples) {
    nlohmann::json arr = nlohmann::json::array();
    for (const ErrorExample& e : list) {
      nlohmann::json j = {{"document", e.documentId}, {"kind", e.kind}, {"context", e.context}};
      j["gold"] = e.gold ? mentionJson(*e.gold) : nlohmann::json(nullptr);
      j["predicted"] = e.predicted ? mentionJson(*e.predicted) : nlohmann::json(nullptr);
      if (e.predicted) {
        j["confidence"] = e.confidence;
      }
      arr.push_back(std::move(j));
    }
    kinds[kind] = std::move(arr);
  }
  return {{"per_type", std::move(types)}, {"total", total.toJson()}, {"examples", std::move(kinds)}};
}

std::string ErrorBreakdown::formatTable() const {
  size_t width = 5;  // "total"
  for (const auto& entry : perType) {
    size_t cps = 0;
    for (const char c : entry.first) {
      cps += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    width = std::max(width, cps);
  }
  auto pad = [width](const std::string& name) {
    size_t cps = 0;
    for (const char c : name) {
      cps += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return std::string(width - std::min(width, cps), ' ') + name;
  };
  auto row = [&](const std::string& name, const ErrorCounts& c) {
    char buf[160];
    std::snprintf(buf, sizeof buf, " %8lld %10lld %10lld %10lld %8lld %8lld\n",
                  static_cast<long long>(c.correct), static_cast<long long>(c.wrongType),
                  static_cast<long long>(c.wrongBoundary), static_cast<long long>(c.wrongTypeAndBoundary),
                  static_cast<long long>(c.missed), static_cast<long long>(c.spurious));
    return pad(name) + buf;
  };
  char head[160];
  std::snprintf(head, sizeof head, " %8s %10s %10s %10s %8s %8s\n", "correct", "type", "boundary", "both",
                "missed", "spurious");
  std::string out = std::string(width, ' ') + head + "\n";
  for (const auto& [type, c] : perType) {
    out += row(type, c);
  }
  out += "\n" + row("total", total);
  return out;
}

ErrorBreakdown analyzeErrors(const std::vector<document::AnnotatedDocument>& goldDocs,
                             const std::vector<std::vector<document::PredictedEntity>>& predicted,
                             size_t maxExamplesPerKind) {
  if (goldDocs.size() != predicted.size()) {
    throw std::invalid_argument("analyzeErrors: " + std::to_string(goldDocs.size()) + " gold documents but " +
                                std::to_string(predicted.size()) + " prediction lists");
  }
  ErrorBreakdown report;
  for (size_t d = 0; d < goldDocs.size(); ++d) {
    const document::AnnotatedDocument& doc = goldDocs[d];
    std::vector<EntityMention> gold = doc.entities;
    std::sort(gold.begin(), gold.end(), mentionLess);
    gold.erase(std::unique(gold.begin(), gold.end()), gold.end());
    std::vector<Prediction> preds;
    preds.reserve(predicted[d].size());
    for (const document::PredictedEntity& p : predicted[d]) {
      preds.push_back(Prediction{EntityMention{p.start, p.end, p.type, {}}, p.confidence});
    }
    std::stable_sort(preds.begin(), preds.end(), [](const Prediction& a, const Prediction& b) {
      return mentionLess(a.mention, b.mention);
    });
    preds.erase(std::unique(preds.begin(), preds.end(),
                            [](const Prediction& a, const Prediction& b) { return a.mention == b.mention; }),
                preds.end());

    std::vector<Outcome> outcomes = matchDocument(gold, preds);
    auto anchor = [&](const Outcome& o) -> const EntityMention& {
      return o.gold >= 0 ? gold[o.gold] : preds[o.pred].mention;
    };
    std::stable_sort(outcomes.begin(), outcomes.end(), [&](const Outcome& a, const Outcome& b) {
      return std::make_pair(anchor(a).start, anchor(a).end) < std::make_pair(anchor(b).start, anchor(b).end);
    });
    for (const Outcome& o : outcomes) {
      const EntityMention& where = anchor(o);
      ++counter(report.perType[where.type], o.kind);
      ++counter(report.total, o.kind);
      if (o.kind == nullptr) {
        continue;
      }
      std::vector<ErrorExample>& list = report.examples[o.kind];
      if (list.size() >= maxExamplesPerKind) {
        continue;
      }
      ErrorExample e;
      e.documentId = doc.id;
      e.kind = o.kind;
      if (o.gold >= 0) {
        e.gold = gold[o.gold];
      }
      if (o.pred >= 0) {
        e.predicted = preds[o.pred].mention;
        e.confidence = preds[o.pred].confidence;
      }
      e.context = spanContext(doc.text, where.start, where.end);
      list.push_back(std::move(e));
    }
  }
  return report;
}

}  // namespace quarry::eval
