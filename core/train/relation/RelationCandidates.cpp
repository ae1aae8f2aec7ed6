#include "train/relation/RelationCandidates.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <tuple>

#include "text/SentenceSplitter.h"
#include "text/Unicode.h"

namespace quarry::train {

namespace {

// The sentence holding each mention (the one its start falls in; the last before it when it starts in
// the whitespace between sentences).
std::vector<int32_t> sentenceOfMentions(const std::vector<text::Span>& sentences,
                                        const std::vector<document::EntityMention>& mentions) {
  std::vector<int32_t> out;
  out.reserve(mentions.size());
  for (const document::EntityMention& m : mentions) {
    int32_t s = 0;
    while (s + 1 < static_cast<int32_t>(sentences.size()) && sentences[static_cast<size_t>(s) + 1].start <= m.start) ++s;
    out.push_back(s);
  }
  return out;
}

}  // namespace

std::vector<std::string> conceptsOf(const document::EntityMention& mention) {
  std::vector<std::string> out;
  size_t begin = 0;
  const std::string& id = mention.conceptId;
  while (begin <= id.size()) {
    size_t end = id.find('|', begin);
    if (end == std::string::npos) end = id.size();
    std::string part = id.substr(begin, end - begin);
    if (!part.empty() && part != "-1" && std::find(out.begin(), out.end(), part) == out.end()) out.push_back(part);
    begin = end + 1;
  }
  return out;
}

std::vector<std::vector<document::EntityMention>> goldMentions(const std::vector<document::AnnotatedDocument>& documents) {
  std::vector<std::vector<document::EntityMention>> out;
  out.reserve(documents.size());
  for (const auto& d : documents) out.push_back(d.entities);
  return out;
}

CandidateSegments segmentsOf(const RelationCandidate& c, const std::vector<document::EntityMention>& mentions) {
  const document::EntityMention& a = mentions[static_cast<size_t>(c.first)];
  const document::EntityMention& b = mentions[static_cast<size_t>(c.second)];
  CandidateSegments s{};
  const int32_t bounds[6] = {c.contextStart, a.start, a.end, b.start, b.end, c.contextEnd};
  for (int k = 0; k < 5; ++k) {
    s.start[k] = bounds[k];
    s.end[k] = std::max(bounds[k], bounds[k + 1]);
  }
  return s;
}

std::vector<RelationCandidate> relationCandidates(const std::vector<document::AnnotatedDocument>& documents,
                                                  const std::vector<std::vector<document::EntityMention>>& mentions,
                                                  const RelationClasses& classes,
                                                  const RelationCandidateOptions& options, bool labelled) {
  std::vector<RelationCandidate> out;
  for (size_t d = 0; d < documents.size(); ++d) {
    const document::AnnotatedDocument& doc = documents[d];
    const std::vector<document::EntityMention>& ms = mentions[d];
    if (ms.size() < 2) continue;
    std::vector<text::Span> protect;
    for (const auto& m : ms) protect.push_back({m.start, m.end});
    const text::unicode::DecodedText decoded = text::unicode::decodeUtf8(doc.text);
    const std::u32string_view cps(decoded.cps.data(), decoded.cps.size());
    std::vector<text::Span> sentences = text::splitSentences(cps, {}, protect);
    if (sentences.empty()) sentences.push_back({0, static_cast<int32_t>(cps.size())});
    const std::vector<int32_t> sentenceOf = sentenceOfMentions(sentences, ms);

    // Gold classes by (first, second) mention index.
    std::map<std::pair<int32_t, int32_t>, int32_t> gold;
    if (labelled && !options.conceptLevel) {
      for (const document::RelationMention& r : doc.relations) {
        if (r.head < 0 || r.tail < 0 || r.head >= static_cast<int32_t>(ms.size()) || r.tail >= static_cast<int32_t>(ms.size()) ||
            r.head == r.tail)
          continue;
        const auto& h = ms[static_cast<size_t>(r.head)];
        const auto& t = ms[static_cast<size_t>(r.tail)];
        const bool headFirst = std::tie(h.start, h.end, r.head) < std::tie(t.start, t.end, r.tail);
        const int32_t cls = classes.classOf(r.type, headFirst);
        if (cls < 0) continue;
        gold.emplace(headFirst ? std::pair{r.head, r.tail} : std::pair{r.tail, r.head}, cls);
      }
    }
    std::set<std::tuple<std::string, std::string, std::string>> conceptPairs;
    if (labelled && options.conceptLevel)
      for (const document::ConceptRelation& r : doc.conceptRelations) conceptPairs.insert({r.headConcept, r.tailConcept, r.type});

    std::vector<int32_t> order(ms.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
      return std::tie(ms[static_cast<size_t>(a)].start, ms[static_cast<size_t>(a)].end) <
             std::tie(ms[static_cast<size_t>(b)].start, ms[static_cast<size_t>(b)].end);
    });
    for (size_t i = 0; i < order.size(); ++i) {
      for (size_t j = i + 1; j < order.size(); ++j) {
        const int32_t a = order[i], b = order[j];
        const auto& ma = ms[static_cast<size_t>(a)];
        const auto& mb = ms[static_cast<size_t>(b)];
        if (mb.start < ma.end) continue;  // overlapping mentions
        const int32_t sa = sentenceOf[static_cast<size_t>(a)], sb = sentenceOf[static_cast<size_t>(b)];
        if (options.windowSentences >= 0 && sb - sa > options.windowSentences) break;
        if (!classes.mayRelate(ma.type, mb.type)) continue;
        RelationCandidate c;
        c.document = static_cast<int32_t>(d);
        c.first = a;
        c.second = b;
        c.contextStart = std::min(sentences[static_cast<size_t>(sa)].start, ma.start);
        c.contextEnd = std::max(sentences[static_cast<size_t>(sb)].end, mb.end);
        if (labelled && !options.conceptLevel) {
          auto it = gold.find({a, b});
          if (it != gold.end()) c.label = it->second;
        } else if (labelled) {
          for (const std::string& ca : conceptsOf(ma))
            for (const std::string& cb : conceptsOf(mb))
              for (const auto& t : classes.types()) {
                if (c.label == 0 && conceptPairs.count({ca, cb, t.name})) c.label = classes.classOf(t.name, true);
                if (c.label == 0 && conceptPairs.count({cb, ca, t.name})) c.label = classes.classOf(t.name, false);
              }
        }
        out.push_back(c);
      }
    }
  }
  return out;
}

std::vector<RelationCandidate> sampleNegatives(std::vector<RelationCandidate> candidates, double ratio, uint64_t seed) {
  if (ratio <= 0) return candidates;
  std::vector<size_t> negatives;
  size_t positives = 0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (candidates[i].label == 0)
      negatives.push_back(i);
    else
      ++positives;
  }
  const size_t keep = static_cast<size_t>(ratio * static_cast<double>(std::max<size_t>(positives, 1)));
  if (negatives.size() <= keep) return candidates;
  std::mt19937_64 rng(seed);
  std::shuffle(negatives.begin(), negatives.end(), rng);
  std::vector<char> drop(candidates.size(), 0);
  for (size_t k = keep; k < negatives.size(); ++k) drop[negatives[k]] = 1;
  std::vector<RelationCandidate> out;
  out.reserve(positives + keep);
  for (size_t i = 0; i < candidates.size(); ++i)
    if (!drop[i]) out.push_back(candidates[i]);
  return out;
}

}  // namespace quarry::train
