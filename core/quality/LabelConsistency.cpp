#include "quality/LabelConsistency.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "quality/TextFingerprint.h"
#include "suggest/GazetteerSuggester.h"
#include "text/SentenceSplitter.h"
#include "text/Unicode.h"

namespace quarry::quality {

namespace unicode = quarry::text::unicode;
using document::AnnotatedDocument;

namespace {

const std::string kNone = "none";
const std::string kReversed = " (reversed)";
const std::string kPairJoin = " \u21C4 ";  // ⇄

// Findings gathered by key, in the order keys were first seen.
class FindingBuilder {
 public:
  explicit FindingBuilder(ConsistencyFinding::Kind kind) : m_kind(kind) {}

  bool has(const std::string& key) const { return m_index.count(key) > 0; }
  void add(const std::string& key, LabelledOccurrence occurrence) {
    auto [it, isNew] = m_index.try_emplace(key, m_findings.size());
    if (isNew) {
      m_findings.emplace_back();
      m_findings.back().kind = m_kind;
      m_findings.back().key = key;
    }
    m_findings[it->second].occurrences.push_back(std::move(occurrence));
  }
  size_t keys() const { return m_findings.size(); }

  // The keys whose occurrences carry more than one label, counted and ordered as the header says.
  std::vector<ConsistencyFinding> inconsistent() {
    std::vector<ConsistencyFinding> out;
    for (ConsistencyFinding& f : m_findings) {
      std::map<std::string, int64_t> counts;
      for (const LabelledOccurrence& o : f.occurrences) ++counts[o.label];
      if (counts.size() < 2) continue;
      f.labels.assign(counts.begin(), counts.end());
      std::stable_sort(f.labels.begin(), f.labels.end(),
                       [](const auto& a, const auto& b) { return a.second > b.second; });
      f.disagreement = static_cast<int64_t>(f.occurrences.size()) - f.labels.front().second;
      out.push_back(std::move(f));
    }
    std::stable_sort(out.begin(), out.end(), [](const ConsistencyFinding& a, const ConsistencyFinding& b) {
      if (a.disagreement != b.disagreement) return a.disagreement > b.disagreement;
      if (a.occurrences.size() != b.occurrences.size()) return a.occurrences.size() > b.occurrences.size();
      return a.key < b.key;
    });
    return out;
  }

 private:
  ConsistencyFinding::Kind m_kind;
  std::vector<ConsistencyFinding> m_findings;
  std::unordered_map<std::string, size_t> m_index;
};

// A span's text with whitespace runs collapsed and its first code point lower-cased (Python's lower() of that
// one character): how an unannotated repeat must be written to count.
std::string writtenForm(const std::vector<char32_t>& text, int32_t start, int32_t end) {
  const std::vector<char32_t> collapsed = collapsedSpan(text, start, end);
  std::vector<char32_t> out;
  if (!collapsed.empty()) unicode::lowerChar(collapsed.front(), out);
  out.insert(out.end(), collapsed.begin() + (collapsed.empty() ? 0 : 1), collapsed.end());
  return unicode::toUtf8(out);
}

int32_t codePoints(const std::string& utf8) { return static_cast<int32_t>(unicode::decodeUtf8(utf8).cps.size()); }

bool validSpan(int32_t start, int32_t end, size_t length) {
  return start >= 0 && start < end && static_cast<size_t>(end) <= length;
}

// The canonical key of an argument pair and the label of a relation annotated from `head` to `tail`.
std::pair<std::string, std::string> pairKey(const std::string& head, const std::string& tail, const std::string& type) {
  if (head <= tail) return {head + kPairJoin + tail, type};
  return {tail + kPairJoin + head, type.empty() ? type : type + kReversed};
}

}  // namespace

const char* kindName(ConsistencyFinding::Kind kind) {
  switch (kind) {
    case ConsistencyFinding::Kind::Entity: return "entity";
    case ConsistencyFinding::Kind::Relation: return "relation";
    case ConsistencyFinding::Kind::Category: return "category";
  }
  return "";
}

std::vector<std::string> ConsistencyFinding::labelledTypes() const {
  std::set<std::string> types;
  for (const auto& [label, count] : labels) {
    if (label == kNone) continue;
    if (kind == Kind::Relation) {
      std::string type = label;
      if (type.size() > kReversed.size() && type.compare(type.size() - kReversed.size(), kReversed.size(), kReversed) == 0)
        type.resize(type.size() - kReversed.size());
      types.insert(type);
    } else if (kind == Kind::Category) {
      size_t from = 0;
      while (from <= label.size()) {
        const size_t at = label.find(" + ", from);
        types.insert(label.substr(from, at == std::string::npos ? std::string::npos : at - from));
        if (at == std::string::npos) break;
        from = at + 3;
      }
    } else {
      types.insert(label);
    }
  }
  return {types.begin(), types.end()};
}

ConsistencyReport checkConsistency(const std::vector<AnnotatedDocument>& documents, const ConsistencyOptions& options) {
  ConsistencyReport report;
  bool anyEntities = false, anyRelations = false, anyConceptRelations = false, anyLabels = false;
  for (const AnnotatedDocument& d : documents) {
    anyEntities |= !d.entities.empty();
    anyRelations |= !d.relations.empty();
    anyConceptRelations |= !d.conceptRelations.empty();
    anyLabels |= !d.labels.empty();
  }

  // Entities: annotated occurrences, then unannotated repeats.
  FindingBuilder entities(ConsistencyFinding::Kind::Entity);
  std::vector<std::vector<std::string>> mentionKeys(documents.size());  // per document, per mention ("" = skipped)
  std::vector<std::vector<char32_t>> texts(documents.size());
  suggest::GazetteerSuggester gazetteer;
  std::unordered_map<std::string, std::set<std::string>> forms;  // surface key -> annotated written forms
  for (size_t i = 0; i < documents.size(); ++i) {
    const AnnotatedDocument& d = documents[i];
    texts[i] = unicode::decodeUtf8(d.text).cps;
    mentionKeys[i].resize(d.entities.size());
    for (size_t m = 0; m < d.entities.size(); ++m) {
      const document::EntityMention& e = d.entities[m];
      if (!validSpan(e.start, e.end, texts[i].size())) continue;
      std::string key = surfaceKey(texts[i], e.start, e.end);
      if (codePoints(key) < options.minSurfaceLength) continue;
      mentionKeys[i][m] = key;
      entities.add(key, {static_cast<int32_t>(i), e.start, e.end, -1, -1, e.type});
      if (options.unannotated) forms[key].insert(writtenForm(texts[i], e.start, e.end));
      if (options.unannotated)
        gazetteer.addSurface(unicode::toUtf8(texts[i].data() + e.start, static_cast<size_t>(e.end - e.start)), e.type);
    }
  }
  if (options.unannotated && anyEntities) {
    for (size_t i = 0; i < documents.size(); ++i) {
      for (const suggest::GazetteerMatch& match : gazetteer.suggest(documents[i].text, documents[i].entities)) {
        const std::string key = surfaceKey(texts[i], match.start, match.end);
        const auto known = forms.find(key);
        if (known == forms.end() || !known->second.count(writtenForm(texts[i], match.start, match.end))) continue;
        entities.add(key, {static_cast<int32_t>(i), match.start, match.end, -1, -1, kNone});
      }
    }
  }
  report.surfacesCompared = static_cast<int64_t>(entities.keys());
  report.entities = entities.inconsistent();
  for (const ConsistencyFinding& f : report.entities)
    if (f.labelledTypes().size() > 1) ++report.typeConflicts;

  // Relations between mentions: annotated pairs, then unrelated pairs of the same surfaces in one sentence.
  FindingBuilder relations(ConsistencyFinding::Kind::Relation);
  if (anyRelations) {
    std::vector<std::set<std::pair<int32_t, int32_t>>> related(documents.size());
    for (size_t i = 0; i < documents.size(); ++i) {
      const AnnotatedDocument& d = documents[i];
      for (const document::RelationMention& r : d.relations) {
        if (r.head < 0 || r.tail < 0 || static_cast<size_t>(r.head) >= d.entities.size() ||
            static_cast<size_t>(r.tail) >= d.entities.size())
          continue;
        const std::string& a = mentionKeys[i][static_cast<size_t>(r.head)];
        const std::string& b = mentionKeys[i][static_cast<size_t>(r.tail)];
        if (a.empty() || b.empty()) continue;
        const auto [key, label] = pairKey(a, b, r.type);
        const document::EntityMention& h = d.entities[static_cast<size_t>(r.head)];
        const document::EntityMention& t = d.entities[static_cast<size_t>(r.tail)];
        relations.add(key, {static_cast<int32_t>(i), h.start, h.end, t.start, t.end, label});
        related[i].insert({std::min(r.head, r.tail), std::max(r.head, r.tail)});
      }
    }
    for (size_t i = 0; i < documents.size(); ++i) {
      const AnnotatedDocument& d = documents[i];
      if (d.entities.size() < 2) continue;
      std::vector<text::Span> protectedSpans;
      for (const document::EntityMention& e : d.entities) protectedSpans.push_back({e.start, e.end});
      const std::vector<text::Span> sentences = text::splitSentences(
          std::u32string_view(texts[i].data(), texts[i].size()), text::SentenceSplitOptions{}, protectedSpans);
      auto sentenceOf = [&](int32_t position) {
        const auto it = std::upper_bound(sentences.begin(), sentences.end(), position,
                                         [](int32_t p, const text::Span& s) { return p < s.end; });
        return it == sentences.end() ? static_cast<int64_t>(-1) : static_cast<int64_t>(it - sentences.begin());
      };
      std::vector<int64_t> sentence(d.entities.size());
      for (size_t m = 0; m < d.entities.size(); ++m) sentence[m] = sentenceOf(d.entities[m].start);
      for (size_t x = 0; x < d.entities.size(); ++x)
        for (size_t y = x + 1; y < d.entities.size(); ++y) {
          if (sentence[x] < 0 || sentence[x] != sentence[y]) continue;
          const std::string& a = mentionKeys[i][x];
          const std::string& b = mentionKeys[i][y];
          if (a.empty() || b.empty()) continue;
          if (related[i].count({static_cast<int32_t>(x), static_cast<int32_t>(y)})) continue;
          const std::string key = a <= b ? a + kPairJoin + b : b + kPairJoin + a;
          if (!relations.has(key)) continue;
          const document::EntityMention& first = d.entities[a <= b ? x : y];
          const document::EntityMention& second = d.entities[a <= b ? y : x];
          relations.add(key, {static_cast<int32_t>(i), first.start, first.end, second.start, second.end, kNone});
        }
    }
  }
  // Concept-level relations: per document, related concept pairs and pairs of mentioned concepts left unrelated.
  if (anyConceptRelations) {
    struct ConceptPair {
      std::string key;
      std::string first, second;  // concept ids in key order
    };
    std::vector<ConceptPair> pairs;
    std::set<std::string> pairKeys;
    std::vector<std::map<std::string, std::pair<int32_t, int32_t>>> firstMention(documents.size());
    for (size_t i = 0; i < documents.size(); ++i)
      for (const document::EntityMention& e : documents[i].entities)
        if (!e.conceptId.empty()) firstMention[i].try_emplace(e.conceptId, e.start, e.end);
    auto occurrence = [&](size_t i, const std::string& a, const std::string& b, std::string label) {
      const auto ha = firstMention[i].find(a), hb = firstMention[i].find(b);
      LabelledOccurrence o{static_cast<int32_t>(i), 0, 0, -1, -1, std::move(label)};
      if (ha != firstMention[i].end()) std::tie(o.start, o.end) = ha->second;
      if (hb != firstMention[i].end()) std::tie(o.tailStart, o.tailEnd) = hb->second;
      return o;
    };
    std::vector<std::set<std::string>> relatedKeys(documents.size());
    for (size_t i = 0; i < documents.size(); ++i)
      for (const document::ConceptRelation& r : documents[i].conceptRelations) {
        const auto [key, label] = pairKey(r.headConcept, r.tailConcept, r.type);
        const bool ordered = r.headConcept <= r.tailConcept;
        relations.add(key, occurrence(i, ordered ? r.headConcept : r.tailConcept,
                                      ordered ? r.tailConcept : r.headConcept, label));
        relatedKeys[i].insert(key);
        if (pairKeys.insert(key).second)
          pairs.push_back({key, ordered ? r.headConcept : r.tailConcept, ordered ? r.tailConcept : r.headConcept});
      }
    for (size_t i = 0; i < documents.size(); ++i)
      for (const ConceptPair& p : pairs)
        if (!relatedKeys[i].count(p.key) && firstMention[i].count(p.first) && firstMention[i].count(p.second))
          relations.add(p.key, occurrence(i, p.first, p.second, kNone));
  }
  report.pairsCompared = static_cast<int64_t>(relations.keys());
  report.relations = relations.inconsistent();

  // Categories of identical texts.
  if (anyLabels) {
    std::unordered_map<uint64_t, std::vector<size_t>> byText;
    std::vector<uint64_t> order;
    for (size_t i = 0; i < documents.size(); ++i) {
      const uint64_t hash = sequenceHash(hashedWords(documents[i].text));
      if (hash == 0) continue;
      auto [it, isNew] = byText.try_emplace(hash);
      if (isNew) order.push_back(hash);
      it->second.push_back(i);
    }
    FindingBuilder categories(ConsistencyFinding::Kind::Category);
    for (uint64_t hash : order) {
      const std::vector<size_t>& same = byText[hash];
      if (same.size() < 2) continue;
      ++report.textsCompared;
      const size_t first = same.front();
      const std::string key = surfaceKey(texts[first], 0, static_cast<int32_t>(texts[first].size()));
      for (size_t i : same) {
        std::vector<std::string> labels = documents[i].labels;
        std::sort(labels.begin(), labels.end());
        labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
        std::string label;
        for (const std::string& l : labels) label += (label.empty() ? "" : " + ") + l;
        categories.add(key, {static_cast<int32_t>(i), 0, static_cast<int32_t>(texts[i].size()), -1, -1,
                             label.empty() ? kNone : label});
      }
    }
    report.categories = categories.inconsistent();
  }
  return report;
}

}  // namespace quarry::quality
