#include "eval/ErrorAnalysis.h"

#include <algorithm>
#include <limits>
#include <set>
#include <stdexcept>
#include <tuple>

#include <nlohmann/json.hpp>

#include "eval/ErrorBreakdown.h"
#include "eval/RelationMetrics.h"
#include "eval/SpanContext.h"
#include "eval/SquadScore.h"
#include "text/Unicode.h"

namespace quarry::eval {
namespace {

const char* const kNone = "none";

void checkSizes(size_t gold, size_t predicted) {
  if (gold != predicted) throw std::invalid_argument("error analysis: gold and predicted document counts differ");
}

// The row of `name` in `types`, appended when new.
size_t indexOf(std::vector<std::string>& types, const std::string& name) {
  auto it = std::find(types.begin(), types.end(), name);
  if (it != types.end()) return static_cast<size_t>(it - types.begin());
  types.push_back(name);
  return types.size() - 1;
}

// The row of `name`, known to be in `types` (shape() has sized the rows for every type seen).
size_t rowOf(const std::vector<std::string>& types, const std::string& name) {
  auto it = std::find(types.begin(), types.end(), name);
  if (it == types.end()) throw std::logic_error("error analysis: type \"" + name + "\" was not collected");
  return static_cast<size_t>(it - types.begin());
}

// Sizes the per-type rows and the matrix once every type is known, "none" last.
void shape(ErrorAnalysis& a) {
  a.perType.assign(a.types.size(), EntityScores{});
  a.matrixLabels = a.types;
  a.matrixLabels.push_back(kNone);
  a.confusion.assign(a.matrixLabels.size(), std::vector<int64_t>(a.matrixLabels.size(), 0));
  for (const std::string& k : a.kinds) a.counts[k] = 0;
}

// The matrix cell of gold type g and predicted type p; empty = none.
void confuse(ErrorAnalysis& a, const std::string& g, const std::string& p) {
  const size_t none = a.matrixLabels.size() - 1;
  auto at = [&](const std::string& t) {
    if (t.empty()) return none;
    auto it = std::find(a.types.begin(), a.types.end(), t);
    return it == a.types.end() ? none : static_cast<size_t>(it - a.types.begin());
  };
  ++a.confusion[at(g)][at(p)];
}

// Ratios per type and the micro average.
void finish(ErrorAnalysis& a) {
  a.micro = EntityScores{};
  for (EntityScores& s : a.perType) {
    s.computeRatios();
    a.micro.truePositives += s.truePositives;
    a.micro.predicted += s.predicted;
    a.micro.support += s.support;
  }
  a.micro.computeRatios();
  for (const AnalysedError& e : a.errors) ++a.counts[e.kind];
  std::stable_sort(a.errors.begin(), a.errors.end(), [](const AnalysedError& x, const AnalysedError& y) {
    auto where = [](const AnalysedError& e) { return e.goldStart >= 0 ? e.goldStart : e.predictedStart; };
    return std::make_tuple(x.document, where(x)) < std::make_tuple(y.document, where(y));
  });
}

// The text of code points [start, end) of a document.
class DocumentText {
 public:
  explicit DocumentText(const std::string& text) : m_text(text), m_decoded(text::unicode::decodeUtf8(text)) {}
  std::string slice(int32_t start, int32_t end) const { return std::string(m_decoded.slice(m_text, start, end)); }
  // The first code points of the text on one line, for an error about the whole document.
  std::string lead(int32_t length = 100) const {
    std::string s = slice(0, length);
    std::replace_if(s.begin(), s.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    return static_cast<int32_t>(m_decoded.cps.size()) > length ? s + "…" : s;
  }

 private:
  const std::string& m_text;
  text::unicode::DecodedText m_decoded;
};

// "12-18:Type" (train/relation's mention keys) as its offsets; false for a concept id.
bool parseMentionKey(const std::string& key, int32_t& start, int32_t& end) {
  const size_t dash = key.find('-'), colon = key.find(':');
  if (dash == std::string::npos || colon == std::string::npos || dash == 0 || colon < dash) return false;
  try {
    size_t used = 0;
    start = std::stoi(key.substr(0, dash), &used);
    if (used != dash) return false;
    end = std::stoi(key.substr(dash + 1, colon - dash - 1), &used);
    return used == colon - dash - 1;
  } catch (const std::exception&) {
    return false;
  }
}

std::string mentionKey(const document::EntityMention& m) {
  return std::to_string(m.start) + "-" + std::to_string(m.end) + ":" + m.type;
}

}  // namespace

std::string AnalysedError::key() const {
  return kind + '\x1f' + documentId + '\x1f' + goldType + '\x1f' + predictedType + '\x1f' +
         std::to_string(goldStart) + ',' + std::to_string(goldEnd) + ',' + std::to_string(predictedStart) + ',' +
         std::to_string(predictedEnd) + '\x1f' + item;
}

std::string errorKindTitle(const std::string& kind) {
  std::string title = kind;
  std::replace(title.begin(), title.end(), '_', ' ');
  return title;
}

nlohmann::json ErrorAnalysis::toJson() const {
  nlohmann::json perTypeJson = nlohmann::json::object();
  for (size_t i = 0; i < types.size(); ++i) perTypeJson[types[i]] = perType[i].toJson();
  nlohmann::json list = nlohmann::json::array();
  for (const AnalysedError& e : errors)
    list.push_back({{"document", e.documentId},
                    {"kind", e.kind},
                    {"gold_type", e.goldType},
                    {"predicted_type", e.predictedType},
                    {"gold_start", e.goldStart},
                    {"gold_end", e.goldEnd},
                    {"predicted_start", e.predictedStart},
                    {"predicted_end", e.predictedEnd},
                    {"gold_text", e.goldText},
                    {"predicted_text", e.predictedText},
                    {"item", e.item},
                    {"context", e.context},
                    {"confidence", e.confidence}});
  return {{"task", task},
          {"documents", documents},
          {"per_type", perTypeJson},
          {"micro", micro.toJson()},
          {"matrix_labels", matrixLabels},
          {"confusion", confusion},
          {"counts", counts},
          {"errors", list}};
}

ErrorAnalysis analyseNerErrors(const std::vector<document::AnnotatedDocument>& gold,
                               const std::vector<document::DocumentPrediction>& predicted,
                               const std::vector<std::string>& types) {
  checkSizes(gold.size(), predicted.size());
  ErrorAnalysis a;
  a.task = "ner";
  a.documents = gold.size();
  a.types = types;
  a.kinds = {kWrongType, kWrongBoundary, kWrongTypeAndBoundary, kMissed, kSpurious};
  // Each document alone, so that every example knows its document.
  std::vector<ErrorBreakdown> perDocument;
  perDocument.reserve(gold.size());
  for (size_t d = 0; d < gold.size(); ++d) {
    perDocument.push_back(analyzeErrors({gold[d]}, {predicted[d].entities}, std::numeric_limits<size_t>::max()));
    for (const auto& [type, counts] : perDocument.back().perType) indexOf(a.types, type);
    // A type only ever predicted as the wrong type of a gold mention is in no count of the breakdown.
    for (const auto& [kind, examples] : perDocument.back().examples)
      for (const ErrorExample& x : examples)
        if (x.predicted) indexOf(a.types, x.predicted->type);
  }
  shape(a);
  for (size_t d = 0; d < gold.size(); ++d) {
    const DocumentText text(gold[d].text);
    for (const auto& [type, counts] : perDocument[d].perType) {
      EntityScores& s = a.perType[rowOf(a.types, type)];
      s.truePositives += counts.correct;
      s.predicted += counts.correct;
      s.support += counts.gold();
      a.confusion[rowOf(a.types, type)][rowOf(a.types, type)] += counts.correct;
    }
    for (const auto& [kind, examples] : perDocument[d].examples) {
      for (const ErrorExample& x : examples) {
        AnalysedError e;
        e.document = d;
        e.documentId = gold[d].id;
        e.kind = x.kind;
        if (x.gold) {
          e.goldType = x.gold->type;
          e.goldStart = x.gold->start;
          e.goldEnd = x.gold->end;
          e.goldText = text.slice(x.gold->start, x.gold->end);
        }
        if (x.predicted) {
          e.predictedType = x.predicted->type;
          e.predictedStart = x.predicted->start;
          e.predictedEnd = x.predicted->end;
          e.predictedText = text.slice(x.predicted->start, x.predicted->end);
          ++a.perType[rowOf(a.types, x.predicted->type)].predicted;
        }
        e.context = x.context;
        e.confidence = x.confidence;
        confuse(a, e.goldType, e.predictedType);
        a.errors.push_back(std::move(e));
      }
    }
  }
  finish(a);
  return a;
}

ErrorAnalysis analyseRelationErrors(const std::vector<document::AnnotatedDocument>& gold,
                                    const std::vector<document::DocumentPrediction>& predicted,
                                    const std::vector<std::vector<document::EntityMention>>& mentions,
                                    const std::vector<document::RelationTypeSpec>& specs) {
  checkSizes(gold.size(), predicted.size());
  checkSizes(gold.size(), mentions.size());
  ErrorAnalysis a;
  a.task = "relation";
  a.documents = gold.size();
  a.kinds = {"wrong_type", "wrong_direction", "missed", "spurious"};
  auto directed = [&](const std::string& type) {
    for (const auto& s : specs)
      if (s.name == type) return s.directed;
    return true;
  };
  for (const auto& s : specs) a.types.push_back(s.name);

  // Instances name their document by its index, so that errors find it again.
  std::vector<RelationInstance> goldInstances, predictedInstances;
  std::map<std::tuple<std::string, std::string, std::string, std::string>, double> confidence;
  std::vector<DocumentText> texts;
  texts.reserve(gold.size());
  for (size_t d = 0; d < gold.size(); ++d) {
    const document::AnnotatedDocument& doc = gold[d];
    texts.emplace_back(doc.text);
    const std::string id = std::to_string(d);
    auto instance = [&](const document::EntityMention& h, const document::EntityMention& t, const std::string& type) {
      return RelationInstance{id,   mentionKey(h), mentionKey(t), type, directed(type), texts[d].slice(h.start, h.end),
                              texts[d].slice(t.start, t.end)};
    };
    const auto entities = static_cast<int32_t>(doc.entities.size());
    for (const auto& r : doc.relations)
      if (r.head >= 0 && r.tail >= 0 && r.head < entities && r.tail < entities)
        goldInstances.push_back(instance(doc.entities[size_t(r.head)], doc.entities[size_t(r.tail)], r.type));
    for (const auto& r : doc.conceptRelations)
      goldInstances.push_back({id, r.headConcept, r.tailConcept, r.type, directed(r.type), r.headConcept, r.tailConcept});
    const auto known = static_cast<int32_t>(mentions[d].size());
    for (const auto& r : predicted[d].relations) {
      if (r.head < 0 || r.tail < 0 || r.head >= known || r.tail >= known) continue;
      predictedInstances.push_back(instance(mentions[d][size_t(r.head)], mentions[d][size_t(r.tail)], r.type));
      const RelationInstance& p = predictedInstances.back();
      confidence.emplace(std::make_tuple(id, std::min(p.head, p.tail), std::max(p.head, p.tail), r.type), r.confidence);
    }
    for (const auto& r : predicted[d].conceptRelations) {
      predictedInstances.push_back(
          {id, r.headConcept, r.tailConcept, r.type, directed(r.type), r.headConcept, r.tailConcept});
      confidence.emplace(std::make_tuple(id, std::min(r.headConcept, r.tailConcept),
                                         std::max(r.headConcept, r.tailConcept), r.type),
                         r.confidence);
    }
  }
  const RelationReport report = scoreRelations(a.types, goldInstances, predictedInstances);
  a.types = report.types;
  shape(a);
  a.perType = report.perType;

  // The matrix over unordered argument pairs: types both sides give meet on the diagonal, the rest pair up
  // in order, what is left against "none".
  std::map<std::tuple<std::string, std::string, std::string>, std::pair<std::set<std::string>, std::set<std::string>>>
      pairs;
  auto pairOf = [](const RelationInstance& r) {
    return std::make_tuple(r.document, std::min(r.head, r.tail), std::max(r.head, r.tail));
  };
  for (const RelationInstance& r : goldInstances) pairs[pairOf(r)].first.insert(r.type);
  for (const RelationInstance& r : predictedInstances) pairs[pairOf(r)].second.insert(r.type);
  for (const auto& [pair, sides] : pairs) {
    std::vector<std::string> g, p;
    for (const std::string& t : sides.first)
      if (sides.second.count(t)) confuse(a, t, t);
      else g.push_back(t);
    for (const std::string& t : sides.second)
      if (!sides.first.count(t)) p.push_back(t);
    for (size_t i = 0; i < std::max(g.size(), p.size()); ++i)
      confuse(a, i < g.size() ? g[i] : std::string(), i < p.size() ? p[i] : std::string());
  }

  for (const RelationError& r : report.errors) {
    AnalysedError e;
    e.document = std::stoul(r.document);
    e.documentId = gold[e.document].id;
    e.kind = r.kind == "wrong-type" ? "wrong_type" : r.kind == "wrong-direction" ? "wrong_direction" : r.kind;
    e.goldType = r.goldType;
    e.predictedType = r.predictedType;
    e.item = r.head + " → " + r.tail;
    const std::string text = r.headText + " → " + r.tailText;
    int32_t hs = 0, he = 0, ts = 0, te = 0;
    const bool spans = parseMentionKey(r.head, hs, he) && parseMentionKey(r.tail, ts, te);
    const int32_t start = std::min(hs, ts), end = std::max(he, te);
    if (!r.goldType.empty()) {
      e.goldText = text;
      if (spans) e.goldStart = start, e.goldEnd = end;
    }
    if (!r.predictedType.empty()) {
      e.predictedText = text;
      if (spans) e.predictedStart = start, e.predictedEnd = end;
      auto c = confidence.find(std::make_tuple(r.document, std::min(r.head, r.tail), std::max(r.head, r.tail),
                                               r.predictedType));
      if (c != confidence.end()) e.confidence = c->second;
    }
    if (spans) e.context = spanContext(gold[e.document].text, start, end);
    a.errors.push_back(std::move(e));
  }
  finish(a);
  return a;
}

ErrorAnalysis analyseQaErrors(const std::vector<document::AnnotatedDocument>& gold,
                              const std::vector<document::DocumentPrediction>& predicted) {
  checkSizes(gold.size(), predicted.size());
  ErrorAnalysis a;
  a.task = "qa";
  a.documents = gold.size();
  a.kinds = {"partial_overlap", "wrong_answer", "missed", "spurious"};
  const std::string noField = "(no field)";
  for (const auto& doc : gold)
    for (const auto& q : doc.questions) indexOf(a.types, q.field.empty() ? noField : q.field);
  // The matrix is answer / none whatever the field.
  std::vector<std::string> fields = std::move(a.types);
  a.types = {"answer"};
  shape(a);
  a.types = std::move(fields);
  a.perType.assign(a.types.size(), EntityScores{});

  for (size_t d = 0; d < gold.size(); ++d) {
    const document::AnnotatedDocument& doc = gold[d];
    const DocumentText text(doc.text);
    for (const document::QuestionAnswers& q : doc.questions) {
      const std::string field = q.field.empty() ? noField : q.field;
      EntityScores& s = a.perType[rowOf(a.types, field)];
      const document::PredictedAnswer* answer = nullptr;
      for (const auto& p : predicted[d].answers)
        if (p.questionId == q.id) {
          answer = &p;
          break;
        }
      const bool answered = answer && !answer->noAnswer;
      const bool answerable = !q.answers.empty();
      s.support += answerable;
      s.predicted += answered;
      a.confusion[answerable ? 0 : 1][answered ? 0 : 1] += 1;
      std::string goldTexts;
      for (const auto& g : q.answers) goldTexts += (goldTexts.empty() ? "" : " | ") + text.slice(g.start, g.end);
      const std::string answerText = answered ? text.slice(answer->start, answer->end) : std::string();
      std::string kind;
      if (answerable && !answered) {
        kind = "missed";
      } else if (!answerable && answered) {
        kind = "spurious";
      } else if (answerable) {
        bool exact = false, overlaps = false;
        for (const auto& g : q.answers) {
          exact = exact || (g.start == answer->start && g.end == answer->end) ||
                  squadExact(text.slice(g.start, g.end), answerText) >= 1;
          overlaps = overlaps || std::min(g.end, answer->end) > std::max(g.start, answer->start) ||
                     squadF1(text.slice(g.start, g.end), answerText) > 0;
        }
        if (exact) ++s.truePositives;
        else kind = overlaps ? "partial_overlap" : "wrong_answer";
      }
      if (kind.empty()) continue;
      AnalysedError e;
      e.document = d;
      e.documentId = doc.id;
      e.kind = kind;
      e.item = q.question;
      if (answerable) {
        e.goldType = field;
        e.goldStart = q.answers.front().start;
        e.goldEnd = q.answers.front().end;
        e.goldText = goldTexts;
      }
      if (answered) {
        e.predictedType = field;
        e.predictedStart = answer->start;
        e.predictedEnd = answer->end;
        e.predictedText = answerText;
      }
      if (answer) e.confidence = answer->confidence;
      e.context = answerable ? spanContext(doc.text, e.goldStart, e.goldEnd)
                             : spanContext(doc.text, e.predictedStart, e.predictedEnd);
      a.errors.push_back(std::move(e));
    }
  }
  finish(a);
  return a;
}

ErrorAnalysis analyseClassificationErrors(const std::vector<document::AnnotatedDocument>& gold,
                                          const std::vector<document::DocumentPrediction>& predicted,
                                          const std::vector<std::string>& labels) {
  checkSizes(gold.size(), predicted.size());
  ErrorAnalysis a;
  a.task = "classify";
  a.documents = gold.size();
  a.kinds = {"wrong_label", "missed", "spurious"};
  a.types = labels;
  for (size_t d = 0; d < gold.size(); ++d) {
    for (const auto& l : gold[d].labels) indexOf(a.types, l);
    for (const auto& l : predicted[d].labels) indexOf(a.types, l.label);
  }
  shape(a);
  for (size_t d = 0; d < gold.size(); ++d) {
    const std::set<std::string> g(gold[d].labels.begin(), gold[d].labels.end());
    std::map<std::string, double> p;
    for (const auto& l : predicted[d].labels) p.emplace(l.label, l.confidence);
    std::vector<std::string> missed, spurious;
    for (const std::string& l : g) {
      ++a.perType[rowOf(a.types, l)].support;
      if (p.count(l)) {
        ++a.perType[rowOf(a.types, l)].truePositives;
        confuse(a, l, l);
      } else {
        missed.push_back(l);
      }
    }
    for (const auto& [l, c] : p) {
      ++a.perType[rowOf(a.types, l)].predicted;
      if (!g.count(l)) spurious.push_back(l);
    }
    const DocumentText text(gold[d].text);
    auto error = [&](const std::string& kind, const std::string& goldLabel, const std::string& predictedLabel) {
      AnalysedError e;
      e.document = d;
      e.documentId = gold[d].id;
      e.kind = kind;
      e.goldType = goldLabel;
      e.goldText = goldLabel;
      e.predictedType = predictedLabel;
      e.predictedText = predictedLabel;
      if (!predictedLabel.empty()) e.confidence = p[predictedLabel];
      e.context = text.lead();
      confuse(a, goldLabel, predictedLabel);
      a.errors.push_back(std::move(e));
    };
    if (missed.size() == 1 && spurious.size() == 1) {
      error("wrong_label", missed.front(), spurious.front());
      continue;
    }
    for (const std::string& l : missed) error("missed", l, "");
    for (const std::string& l : spurious) error("spurious", "", l);
  }
  finish(a);
  return a;
}

ErrorDifference compareErrors(const ErrorAnalysis& before, const ErrorAnalysis& after) {
  std::set<std::string> beforeKeys, afterKeys;
  for (const AnalysedError& e : before.errors) beforeKeys.insert(e.key());
  for (const AnalysedError& e : after.errors) afterKeys.insert(e.key());
  ErrorDifference difference;
  for (const AnalysedError& e : before.errors)
    if (!afterKeys.count(e.key())) difference.fixed.push_back(e);
    else ++difference.common;
  for (const AnalysedError& e : after.errors)
    if (!beforeKeys.count(e.key())) difference.broken.push_back(e);
  return difference;
}

}  // namespace quarry::eval
