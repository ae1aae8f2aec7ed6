#include "eval/Agreement.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "eval/SquadScore.h"
#include "text/Unicode.h"
#include "text/WordSplitter.h"

namespace quarry::eval {
namespace {

using document::AnnotatedDocument;
using document::EntityMention;
const double kNaN = std::numeric_limits<double>::quiet_NaN();

using SpanKey = std::tuple<int32_t, int32_t, std::string>;
using RelationKey = std::tuple<SpanKey, SpanKey, std::string>;

SpanKey keyOf(const EntityMention& e) { return {e.start, e.end, e.type}; }

// Multiset intersection size.
template <typename Key>
int64_t common(const std::vector<Key>& a, const std::vector<Key>& b) {
  std::map<Key, int64_t> counts;
  for (const Key& k : a) ++counts[k];
  int64_t both = 0;
  for (const Key& k : b) {
    auto it = counts.find(k);
    if (it != counts.end() && it->second > 0) {
      --it->second;
      ++both;
    }
  }
  return both;
}

bool overlaps(const EntityMention& x, const EntityMention& y) {
  return x.type == y.type && std::max(x.start, y.start) < std::min(x.end, y.end);
}

// The label of each word: the type of the first (by start) span covering any of it, or "O".
std::vector<std::string> wordLabels(const std::vector<text::Span>& words, std::vector<EntityMention> spans) {
  std::stable_sort(spans.begin(), spans.end(),
                   [](const EntityMention& x, const EntityMention& y) { return x.start < y.start; });
  std::vector<std::string> labels(words.size(), "O");
  for (size_t w = 0; w < words.size(); ++w)
    for (const EntityMention& e : spans)
      if (std::max(e.start, words[w].start) < std::min(e.end, words[w].end)) {
        labels[w] = e.type;
        break;
      }
  return labels;
}

std::string substringOfCodePoints(const text::unicode::DecodedText& decoded, const std::string& utf8, int32_t start,
                                  int32_t end) {
  const int32_t n = static_cast<int32_t>(decoded.cps.size());
  start = std::clamp(start, 0, n);
  end = std::clamp(end, start, n);
  return utf8.substr(decoded.byteStart[start], decoded.byteStart[end] - decoded.byteStart[start]);
}

std::string questionKey(const document::QuestionAnswers& q) {
  return q.field + '\x1f' + (q.id.empty() ? q.question : q.id);
}

std::set<std::string> labelSet(const AnnotatedDocument& d) { return {d.labels.begin(), d.labels.end()}; }

void compareDocument(const AnnotatedDocument& x, const AnnotatedDocument& y, PairAgreement& pair,
                     std::vector<std::string>& tokensA, std::vector<std::string>& tokensB,
                     std::vector<std::set<std::string>>& labelsA, std::vector<std::set<std::string>>& labelsB,
                     double& qaExactSum, double& qaF1Sum) {
  DocumentAgreement doc;
  doc.id = x.id;
  // Spans, exact and overlapping, per type.
  std::map<std::string, std::pair<std::vector<SpanKey>, std::vector<SpanKey>>> byType;
  for (const EntityMention& e : x.entities) byType[e.type].first.push_back(keyOf(e));
  for (const EntityMention& e : y.entities) byType[e.type].second.push_back(keyOf(e));
  for (const auto& [type, keys] : byType) {
    AgreementCounts c{int64_t(keys.first.size()), int64_t(keys.second.size()), common(keys.first, keys.second)};
    pair.exactByType[type].add(c);
    doc.exact.add(c);
  }
  for (const EntityMention& e : x.entities) {
    OverlapCounts& t = pair.overlapByType[e.type];
    ++t.a;
    ++doc.overlap.a;
    if (std::any_of(y.entities.begin(), y.entities.end(), [&](const EntityMention& o) { return overlaps(e, o); })) {
      ++t.agreeingA;
      ++doc.overlap.agreeingA;
    }
  }
  for (const EntityMention& e : y.entities) {
    OverlapCounts& t = pair.overlapByType[e.type];
    ++t.b;
    ++doc.overlap.b;
    if (std::any_of(x.entities.begin(), x.entities.end(), [&](const EntityMention& o) { return overlaps(e, o); })) {
      ++t.agreeingB;
      ++doc.overlap.agreeingB;
    }
  }
  pair.exact.add(doc.exact);
  pair.overlap.add(doc.overlap);

  // Word labels.
  const text::unicode::DecodedText decoded = text::unicode::decodeUtf8(x.text);
  const std::vector<text::Span> words =
      text::splitWords(std::u32string_view(decoded.cps.data(), decoded.cps.size()), text::Span{0, INT32_MAX});
  const std::vector<std::string> wa = wordLabels(words, x.entities), wb = wordLabels(words, y.entities);
  doc.tokenKappa = cohenKappa(wa, wb);
  tokensA.insert(tokensA.end(), wa.begin(), wa.end());
  tokensB.insert(tokensB.end(), wb.begin(), wb.end());

  // Relations whose two argument spans both annotators marked.
  const std::vector<SpanKey> spansX = [&] {
    std::vector<SpanKey> k;
    for (const EntityMention& e : x.entities) k.push_back(keyOf(e));
    return k;
  }();
  const std::set<SpanKey> setX(spansX.begin(), spansX.end());
  std::set<SpanKey> setY;
  for (const EntityMention& e : y.entities) setY.insert(keyOf(e));
  auto relationKeys = [&](const AnnotatedDocument& d, std::map<std::string, std::vector<RelationKey>>& out) {
    for (const document::RelationMention& r : d.relations) {
      if (r.head < 0 || r.tail < 0 || size_t(r.head) >= d.entities.size() || size_t(r.tail) >= d.entities.size())
        continue;
      const SpanKey head = keyOf(d.entities[r.head]), tail = keyOf(d.entities[r.tail]);
      const bool matched = setX.count(head) && setY.count(head) && setX.count(tail) && setY.count(tail);
      if (!matched) {
        ++pair.relationsWithoutMatchedArguments;
        continue;
      }
      out[r.type].push_back({head, tail, r.type});
    }
  };
  std::map<std::string, std::vector<RelationKey>> relX, relY;
  relationKeys(x, relX);
  relationKeys(y, relY);
  std::set<std::string> relationTypes;
  for (const auto& [type, keys] : relX) relationTypes.insert(type);
  for (const auto& [type, keys] : relY) relationTypes.insert(type);
  for (const std::string& type : relationTypes) {
    const std::vector<RelationKey>& kx = relX[type];
    const std::vector<RelationKey>& ky = relY[type];
    AgreementCounts c{int64_t(kx.size()), int64_t(ky.size()), common(kx, ky)};
    pair.relationsByType[type].add(c);
    doc.relations.add(c);
  }
  pair.relations.add(doc.relations);

  // Questions both answered: the first answer of each, or none (no answer).
  std::map<std::string, const document::QuestionAnswers*> questionsY;
  for (const auto& q : y.questions) questionsY[questionKey(q)] = &q;
  for (const auto& q : x.questions) {
    auto it = questionsY.find(questionKey(q));
    if (it == questionsY.end()) continue;
    auto answerText = [&](const document::QuestionAnswers& a) {
      return a.answers.empty() ? std::string()
                               : substringOfCodePoints(decoded, x.text, a.answers[0].start, a.answers[0].end);
    };
    const std::string ta = answerText(q), tb = answerText(*it->second);
    qaExactSum += squadExact(ta, tb);
    qaF1Sum += squadF1(ta, tb);
    ++pair.questions;
  }

  // Document labels, when both gave at least one.
  if (!x.labels.empty() && !y.labels.empty()) {
    labelsA.push_back(labelSet(x));
    labelsB.push_back(labelSet(y));
  }
  pair.perDocument.push_back(std::move(doc));
}

PairAgreement comparePair(const std::string& nameA, const std::vector<AnnotatedDocument>& a, const std::string& nameB,
                          const std::vector<AnnotatedDocument>& b) {
  PairAgreement pair;
  pair.a = nameA;
  pair.b = nameB;
  std::unordered_map<std::string, const AnnotatedDocument*> byId;
  for (const AnnotatedDocument& d : b) byId[d.id] = &d;
  std::vector<std::string> tokensA, tokensB;
  std::vector<std::set<std::string>> labelsA, labelsB;
  double qaExactSum = 0, qaF1Sum = 0;
  for (const AnnotatedDocument& d : a) {
    auto it = byId.find(d.id);
    if (it == byId.end()) continue;
    ++pair.documents;
    compareDocument(d, *it->second, pair, tokensA, tokensB, labelsA, labelsB, qaExactSum, qaF1Sum);
  }
  pair.tokens = static_cast<int64_t>(tokensA.size());
  pair.tokenKappa = cohenKappa(tokensA, tokensB);
  if (pair.questions > 0) {
    pair.qaExact = qaExactSum / double(pair.questions);
    pair.qaF1 = qaF1Sum / double(pair.questions);
  }
  pair.labelledDocuments = static_cast<int64_t>(labelsA.size());
  std::set<std::string> categories;
  bool single = !labelsA.empty();
  for (size_t i = 0; i < labelsA.size(); ++i) {
    categories.insert(labelsA[i].begin(), labelsA[i].end());
    categories.insert(labelsB[i].begin(), labelsB[i].end());
    single = single && labelsA[i].size() == 1 && labelsB[i].size() == 1;
  }
  for (const std::string& c : categories) {
    std::vector<std::string> ya, yb;
    for (size_t i = 0; i < labelsA.size(); ++i) {
      ya.push_back(labelsA[i].count(c) ? "1" : "0");
      yb.push_back(labelsB[i].count(c) ? "1" : "0");
    }
    pair.labelKappaByCategory[c] = cohenKappa(ya, yb);
  }
  pair.labelKappa = kNaN;
  if (single) {
    std::vector<std::string> ya, yb;
    for (size_t i = 0; i < labelsA.size(); ++i) {
      ya.push_back(*labelsA[i].begin());
      yb.push_back(*labelsB[i].begin());
    }
    pair.labelKappa = cohenKappa(ya, yb);
  }
  return pair;
}

nlohmann::json number(double v) { return std::isnan(v) ? nlohmann::json() : nlohmann::json(v); }

nlohmann::json countsJson(const AgreementCounts& c) {
  return {{"a", c.a}, {"b", c.b}, {"both", c.both}, {"f1", c.f1()}};
}
nlohmann::json overlapJson(const OverlapCounts& c) {
  return {{"a", c.a},
          {"b", c.b},
          {"agreeing_a", c.agreeingA},
          {"agreeing_b", c.agreeingB},
          {"precision", c.precision()},
          {"recall", c.recall()},
          {"f1", c.f1()}};
}

std::string fixed(double v, int width = 8) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(4);
  if (std::isnan(v))
    s << std::string(std::max(0, width - 1), ' ') << '-';
  else {
    s.width(width);
    s << v;
  }
  return s.str();
}

std::string padded(const std::string& text, size_t width) {
  return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}

}  // namespace

double AgreementCounts::f1() const { return a + b == 0 ? 1.0 : 2.0 * double(both) / double(a + b); }

double OverlapCounts::precision() const { return b == 0 ? (a == 0 ? 1.0 : 0.0) : double(agreeingB) / double(b); }
double OverlapCounts::recall() const { return a == 0 ? (b == 0 ? 1.0 : 0.0) : double(agreeingA) / double(a); }
double OverlapCounts::f1() const {
  if (a == 0 && b == 0) return 1.0;
  const double p = precision(), r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

double cohenKappa(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const size_t n = std::min(a.size(), b.size());
  if (n == 0) return kNaN;
  std::map<std::string, std::pair<double, double>> shares;
  double agree = 0;
  for (size_t i = 0; i < n; ++i) {
    agree += a[i] == b[i];
    shares[a[i]].first += 1;
    shares[b[i]].second += 1;
  }
  const double po = agree / double(n);
  double pe = 0;
  for (const auto& [label, s] : shares) pe += (s.first / double(n)) * (s.second / double(n));
  if (1.0 - pe <= 1e-12) return kNaN;
  return (po - pe) / (1.0 - pe);
}

double fleissKappa(const std::vector<std::vector<int64_t>>& counts) {
  if (counts.empty() || counts[0].empty()) return kNaN;
  const size_t k = counts[0].size();
  int64_t raters = 0;
  for (int64_t c : counts[0]) raters += c;
  if (raters < 2) return kNaN;
  std::vector<double> categoryTotals(k, 0.0);
  double agreementSum = 0;
  for (const std::vector<int64_t>& row : counts) {
    if (row.size() != k) return kNaN;
    int64_t rowTotal = 0, squares = 0;
    for (size_t j = 0; j < k; ++j) {
      rowTotal += row[j];
      squares += row[j] * row[j];
      categoryTotals[j] += double(row[j]);
    }
    if (rowTotal != raters) return kNaN;
    agreementSum += double(squares - raters) / double(raters * (raters - 1));
  }
  const double items = double(counts.size());
  const double observed = agreementSum / items;
  double chance = 0;
  for (double total : categoryTotals) {
    const double p = total / (items * double(raters));
    chance += p * p;
  }
  if (1.0 - chance <= 1e-12) return kNaN;
  return (observed - chance) / (1.0 - chance);
}

AgreementReport measureAgreement(const std::vector<std::string>& annotators,
                                 const std::vector<std::vector<AnnotatedDocument>>& layers) {
  AgreementReport report;
  report.annotators = annotators;
  for (size_t i = 0; i < layers.size(); ++i)
    for (size_t j = i + 1; j < layers.size(); ++j)
      report.pairs.push_back(comparePair(annotators[i], layers[i], annotators[j], layers[j]));

  // Fleiss' κ on the documents every annotator labelled.
  report.fleissLabelKappa = kNaN;
  if (layers.size() < 2) return report;
  std::vector<std::unordered_map<std::string, const AnnotatedDocument*>> byId(layers.size());
  for (size_t i = 0; i < layers.size(); ++i)
    for (const AnnotatedDocument& d : layers[i]) byId[i][d.id] = &d;
  std::vector<std::vector<std::set<std::string>>> items;  // per document, per annotator
  std::set<std::string> categories;
  for (const AnnotatedDocument& d : layers[0]) {
    std::vector<std::set<std::string>> row;
    for (size_t i = 0; i < layers.size(); ++i) {
      auto it = byId[i].find(d.id);
      if (it == byId[i].end() || it->second->labels.empty()) break;
      row.push_back(labelSet(*it->second));
    }
    if (row.size() != layers.size()) continue;
    for (const auto& s : row) categories.insert(s.begin(), s.end());
    items.push_back(std::move(row));
  }
  report.fleissDocuments = static_cast<int64_t>(items.size());
  if (items.empty()) return report;
  const std::vector<std::string> names(categories.begin(), categories.end());
  bool single = true;
  std::vector<std::vector<int64_t>> counts;
  for (const auto& row : items) {
    std::vector<int64_t> c(names.size(), 0);
    for (const auto& s : row) {
      single = single && s.size() == 1;
      for (size_t j = 0; j < names.size(); ++j) c[j] += s.count(names[j]);
    }
    counts.push_back(std::move(c));
  }
  if (single) report.fleissLabelKappa = fleissKappa(counts);
  for (size_t j = 0; j < names.size(); ++j) {
    std::vector<std::vector<int64_t>> binary;
    for (const auto& c : counts) binary.push_back({c[j], int64_t(layers.size()) - c[j]});
    report.fleissKappaByCategory[names[j]] = fleissKappa(binary);
  }
  return report;
}

nlohmann::json AgreementReport::toJson() const {
  nlohmann::json pairsJson = nlohmann::json::array();
  for (const PairAgreement& p : pairs) {
    nlohmann::json exactTypes = nlohmann::json::object(), overlapTypes = nlohmann::json::object(),
                   relationTypes = nlohmann::json::object(), labelTypes = nlohmann::json::object();
    for (const auto& [t, c] : p.exactByType) exactTypes[t] = countsJson(c);
    for (const auto& [t, c] : p.overlapByType) overlapTypes[t] = overlapJson(c);
    for (const auto& [t, c] : p.relationsByType) relationTypes[t] = countsJson(c);
    for (const auto& [t, k] : p.labelKappaByCategory) labelTypes[t] = number(k);
    nlohmann::json documents = nlohmann::json::array();
    for (const DocumentAgreement& d : p.perDocument)
      documents.push_back({{"document", d.id},
                           {"span_exact", countsJson(d.exact)},
                           {"span_overlap", overlapJson(d.overlap)},
                           {"relations", countsJson(d.relations)},
                           {"token_kappa", number(d.tokenKappa)}});
    pairsJson.push_back({{"a", p.a},
                         {"b", p.b},
                         {"documents", p.documents},
                         {"span_exact", countsJson(p.exact)},
                         {"span_overlap", overlapJson(p.overlap)},
                         {"span_exact_by_type", exactTypes},
                         {"span_overlap_by_type", overlapTypes},
                         {"tokens", p.tokens},
                         {"token_kappa", number(p.tokenKappa)},
                         {"relations", countsJson(p.relations)},
                         {"relations_by_type", relationTypes},
                         {"relations_without_matched_arguments", p.relationsWithoutMatchedArguments},
                         {"questions", p.questions},
                         {"qa_exact", p.questions ? number(p.qaExact) : nlohmann::json()},
                         {"qa_f1", p.questions ? number(p.qaF1) : nlohmann::json()},
                         {"labelled_documents", p.labelledDocuments},
                         {"label_kappa", number(p.labelKappa)},
                         {"label_kappa_by_category", labelTypes},
                         {"per_document", documents}});
  }
  nlohmann::json fleissTypes = nlohmann::json::object();
  for (const auto& [t, k] : fleissKappaByCategory) fleissTypes[t] = number(k);
  return {{"annotators", annotators},
          {"pairs", pairsJson},
          {"fleiss", {{"documents", fleissDocuments}, {"label_kappa", number(fleissLabelKappa)}, {"by_category", fleissTypes}}}};
}

std::string AgreementReport::formatTable() const {
  std::ostringstream out;
  size_t width = 4;
  for (const PairAgreement& p : pairs) width = std::max(width, p.a.size() + p.b.size() + 5);
  out << padded("pair", width) << "  docs  span exact  overlap   token κ  relations      QA F1   label κ\n";
  for (const PairAgreement& p : pairs) {
    out << padded(p.a + " vs " + p.b, width) << ' ';
    out.width(5);
    out << p.documents << "  " << fixed(p.exact.f1(), 10) << ' ' << fixed(p.overlap.f1()) << "  "
        << fixed(p.tokenKappa) << ' ' << fixed(p.relations.a + p.relations.b ? p.relations.f1() : kNaN, 10) << ' '
        << fixed(p.questions ? p.qaF1 : kNaN, 10) << ' ' << fixed(p.labelKappa, 9) << '\n';
  }
  for (const PairAgreement& p : pairs) {
    if (p.exactByType.empty() && p.labelKappaByCategory.empty() && p.relationsByType.empty()) continue;
    out << '\n' << p.a << " vs " << p.b << '\n';
    size_t typeWidth = 4;
    for (const auto& [t, c] : p.exactByType) typeWidth = std::max(typeWidth, t.size());
    for (const auto& [t, c] : p.relationsByType) typeWidth = std::max(typeWidth, t.size());
    for (const auto& [t, k] : p.labelKappaByCategory) typeWidth = std::max(typeWidth, t.size());
    out << "  " << padded("type", typeWidth) << "  kind          " << p.a.substr(0, 6) << std::string(8 - std::min<size_t>(6, p.a.size()), ' ')
        << p.b.substr(0, 6) << std::string(8 - std::min<size_t>(6, p.b.size()), ' ') << "   both  exact F1  overlap F1\n";
    auto countsRow = [&](const std::string& type, const std::string& kind, const AgreementCounts& c, double overlap) {
      out << "  " << padded(type, typeWidth) << "  " << padded(kind, 10);
      out.width(8);
      out << c.a;
      out.width(8);
      out << c.b;
      out.width(8);
      out << c.both << "  " << fixed(c.f1()) << "    " << fixed(overlap) << '\n';
    };
    for (const auto& [t, c] : p.exactByType) {
      auto o = p.overlapByType.find(t);
      countsRow(t, "span", c, o == p.overlapByType.end() ? kNaN : o->second.f1());
    }
    for (const auto& [t, c] : p.relationsByType) countsRow(t, "relation", c, kNaN);
    for (const auto& [t, k] : p.labelKappaByCategory)
      out << "  " << padded(t, typeWidth) << "  " << padded("label", 10) << "  κ " << fixed(k) << '\n';
  }
  if (annotators.size() > 2 && fleissDocuments > 0)
    out << "\nFleiss' κ over " << annotators.size() << " annotators, " << fleissDocuments
        << " labelled documents: " << fixed(fleissLabelKappa) << '\n';
  return out.str();
}

}  // namespace quarry::eval
