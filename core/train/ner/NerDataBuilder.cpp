#include "train/ner/NerDataBuilder.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <string_view>

#include "common/Log.h"
#include "text/Unicode.h"
#include "text/WordSplitter.h"

namespace quarry::train {

using text::Span;

namespace {

// A mention as it will be trained (its word-aligned span), with where it came from.
struct Candidate {
  Span span;
  size_t index = 0;  // in document::AnnotatedDocument::entities
};

class DocumentBuilder {
 public:
  DocumentBuilder(const document::AnnotatedDocument& doc, int32_t docIndex, const NerDataOptions& options, NerData& out)
      : m_doc(doc), m_docIndex(docIndex), m_options(options), m_out(out) {
    const auto decoded = text::unicode::decodeUtf8(doc.text);
    m_cps.assign(decoded.cps.begin(), decoded.cps.end());
    m_words = text::splitWords(cps(), {0, static_cast<int32_t>(m_cps.size())});
  }

  // labelled: tags are made and problems reported; else mentions only protect sentence cuts.
  void run(const TagSet* tags, const std::set<std::string>* typeFilter,
           std::map<std::string, int>& ignoredTypes) {
    std::vector<Candidate> candidates;
    for (size_t k = 0; k < m_doc.entities.size(); ++k) {
      const document::EntityMention& m = m_doc.entities[k];
      if (typeFilter && !typeFilter->count(m.type)) {
        ++ignoredTypes[m.type];
        continue;
      }
      if (auto span = align(m, tags != nullptr)) candidates.push_back({*span, k});
    }
    const std::vector<Candidate> kept = resolveOverlaps(std::move(candidates), tags != nullptr);
    std::vector<Span> protectedSpans;
    for (const auto& c : kept) protectedSpans.push_back(c.span);
    std::vector<Span> sentences;
    if (m_options.splitSentences) {
      sentences = text::splitSentences(cps(), m_options.sentenceRules, protectedSpans);
    } else if (!m_words.empty()) {
      sentences.push_back({m_words.front().start, m_words.back().end});
    }
    emitSentences(sentences, kept, tags);
  }

 private:
  std::u32string_view cps() const { return {m_cps.data(), m_cps.size()}; }
  std::string textOf(Span s) const {
    return text::unicode::toUtf8(m_cps.data() + s.start, static_cast<size_t>(s.end - s.start));
  }
  std::string quoted(Span s) const { return "'" + textOf(s) + "'"; }
  std::string describe(const document::EntityMention& m, Span s) const {
    return "the " + m.type + " mention " + quoted(s) + " (" + std::to_string(s.start) + "-" +
           std::to_string(s.end) + ")";
  }

  void report(const document::EntityMention& m, Span nearest, std::string reason) {
    MisalignedSpan r;
    r.document = m_docIndex;
    r.documentId = m_doc.id;
    r.mention = m;
    r.nearest = nearest;
    r.reason = std::move(reason);
    m_out.misaligned.push_back(std::move(r));
  }

  // The span the mention is trained on, or nullopt when it is dropped (reported when `labelled`).
  std::optional<Span> align(const document::EntityMention& m, bool labelled) {
    const int32_t n = static_cast<int32_t>(m_cps.size());
    if (m.start < 0 || m.end > n || m.start >= m.end) {
      if (labelled)
        report(m, {},
               m.start >= m.end
                   ? "is empty (start " + std::to_string(m.start) + ", end " + std::to_string(m.end) + ")"
                   : "lies outside the text, which has " + std::to_string(n) + " characters");
      return std::nullopt;
    }
    const auto first = std::lower_bound(m_words.begin(), m_words.end(), m.start,
                                        [](const Span& w, int32_t s) { return w.end <= s; });
    const auto afterLast = std::lower_bound(m_words.begin(), m_words.end(), m.end,
                                            [](const Span& w, int32_t e) { return w.start < e; });
    if (first >= afterLast) {
      if (labelled) report(m, {}, "covers no word (only whitespace or control characters)");
      return std::nullopt;
    }
    const Span firstWord = *first, lastWord = *std::prev(afterLast);
    const Span nearest{firstWord.start, lastWord.end};
    if (nearest.start == m.start && nearest.end == m.end) return nearest;
    if (!labelled) return nearest;
    std::vector<std::string> why;
    if (m.start > firstWord.start) why.push_back("starts inside the word " + quoted(firstWord));
    if (m.start < firstWord.start) why.push_back("starts on whitespace before the word " + quoted(firstWord));
    if (m.end < lastWord.end) why.push_back("ends inside the word " + quoted(lastWord));
    if (m.end > lastWord.end) why.push_back("ends on whitespace after the word " + quoted(lastWord));
    std::string reason = why[0] + (why.size() > 1 ? " and " + why[1] : std::string());
    reason += m_options.widenMisaligned ? "; trained as " + quoted(nearest) : "; dropped";
    report(m, nearest, std::move(reason));
    if (!m_options.widenMisaligned) return std::nullopt;
    return nearest;
  }

  std::vector<Candidate> resolveOverlaps(std::vector<Candidate> candidates, bool labelled) {
    std::vector<Candidate> order = candidates;
    std::sort(order.begin(), order.end(), [](const Candidate& a, const Candidate& b) {
      const int32_t la = a.span.end - a.span.start, lb = b.span.end - b.span.start;
      if (la != lb) return la > lb;
      if (a.span.start != b.span.start) return a.span.start < b.span.start;
      return a.index < b.index;
    });
    std::map<int32_t, Candidate> kept;  // by start; kept spans never overlap
    for (const auto& c : order) {
      const Candidate* clash = nullptr;
      auto it = kept.lower_bound(c.span.end);  // first kept starting at or after our end: no overlap
      if (it != kept.begin()) {
        const Candidate& before = std::prev(it)->second;
        if (before.span.end > c.span.start) clash = &before;
      }
      if (!clash) {
        kept.emplace(c.span.start, c);
        continue;
      }
      if (!labelled) continue;
      ++m_out.overlapping;
      const document::EntityMention& m = m_doc.entities[c.index];
      const document::EntityMention& other = m_doc.entities[clash->index];
      std::string how = "overlaps ";
      if (clash->span == c.span)
        how = "has the same span as ";
      else if (clash->span.start <= c.span.start && clash->span.end >= c.span.end)
        how = "overlaps (nested in) ";
      report(m, c.span, how + describe(other, clash->span) + ", which is kept; flat tags hold one of them");
    }
    std::vector<Candidate> out;
    for (auto& [start, c] : kept) out.push_back(c);
    return out;
  }

  // Word index ranges [a, b) of one sentence, cut to at most maxSentenceWords words outside entities.
  std::vector<std::pair<size_t, size_t>> chunks(size_t a, size_t b, const std::vector<uint8_t>& joined) {
    const size_t limit = m_options.maxSentenceWords > 0 ? static_cast<size_t>(m_options.maxSentenceWords) : 0;
    std::vector<std::pair<size_t, size_t>> out;
    size_t start = a;
    while (start < b) {
      size_t end = b;
      if (limit > 0 && b - start > limit) {
        end = start + limit;
        while (end > start && joined[end]) --end;  // joined[k]: words k-1 and k are in one entity
        if (end == start) {
          end = start + limit;
          while (end < b && joined[end]) ++end;
          m_out.warnings.push_back("document '" + m_doc.id + "': an entity longer than " +
                                   std::to_string(limit) + " words is kept whole in a sentence of " +
                                   std::to_string(end - start) + " words");
        }
      }
      out.emplace_back(start, end);
      start = end;
    }
    return out;
  }

  void emitSentences(const std::vector<Span>& sentences, const std::vector<Candidate>& kept,
                     const TagSet* tags) {
    // joined[k] = 1 when words k-1 and k belong to one kept mention.
    std::vector<uint8_t> joined(m_words.size() + 1, 0);
    for (const auto& c : kept) {
      const auto first = std::lower_bound(m_words.begin(), m_words.end(), c.span.start,
                                          [](const Span& w, int32_t s) { return w.start < s; });
      for (auto w = first; w != m_words.end() && w->end <= c.span.end; ++w)
        if (w != first) joined[static_cast<size_t>(w - m_words.begin())] = 1;
    }
    size_t w = 0, m = 0;
    for (const Span& s : sentences) {
      while (w < m_words.size() && m_words[w].start < s.start) ++w;
      size_t end = w;
      while (end < m_words.size() && m_words[end].end <= s.end) ++end;
      // Mentions inside this sentence; one reaching past it cannot be tagged (protection prevents this).
      std::vector<document::EntityMention> inside;
      for (; m < kept.size() && kept[m].span.start < s.end; ++m) {
        const Candidate& c = kept[m];
        document::EntityMention trained = m_doc.entities[c.index];
        trained.start = c.span.start;
        trained.end = c.span.end;
        if (c.span.start >= s.start && c.span.end <= s.end)
          inside.push_back(trained);
        else if (tags)
          report(m_doc.entities[c.index], c.span, "crosses a sentence boundary; dropped");
      }
      for (const auto& [a, b] : chunks(w, end, joined)) {
        if (a == b) continue;
        SentenceExample ex;
        ex.document = m_docIndex;
        ex.span = {m_words[a].start, m_words[b - 1].end};
        ex.wordSpans.reserve(b - a);
        for (size_t k = a; k < b; ++k) ex.wordSpans.push_back(m_words[k]);
        for (const Span& ws : ex.wordSpans) ex.words.push_back(textOf(ws));
        if (tags) ex.tags = tags->encode(ex.wordSpans, inside);
        m_out.sentences.push_back(std::move(ex));
      }
      w = end;
    }
  }

  const document::AnnotatedDocument& m_doc;
  int32_t m_docIndex;
  const NerDataOptions& m_options;
  NerData& m_out;
  std::vector<char32_t> m_cps;
  std::vector<Span> m_words;
};

}  // namespace

NerData buildNerData(const std::vector<document::AnnotatedDocument>& docs, const std::vector<std::string>& entityTypes,
                     const NerDataOptions& options) {
  NerData out;
  std::vector<std::string> types = entityTypes;
  if (types.empty())
    for (const auto& d : docs)
      for (const auto& m : d.entities) types.push_back(m.type);
  out.tags = TagSet(types, options.encoding);
  const std::set<std::string> filter(out.tags.types().begin(), out.tags.types().end());
  std::map<std::string, int> ignoredTypes;
  for (size_t i = 0; i < docs.size(); ++i)
    DocumentBuilder(docs[i], static_cast<int32_t>(i), options, out).run(&out.tags, &filter, ignoredTypes);
  for (const auto& [type, count] : ignoredTypes)
    out.warnings.push_back(std::to_string(count) + " mention(s) of type '" + type +
                           "', which is not among the entity types, were ignored");
  quarry::log::get("train")->info(
      "NER data: {} documents, {} sentences, {} mentions not trained as annotated ({} overlapping)",
      docs.size(), out.sentences.size(), out.misaligned.size(), out.overlapping);
  return out;
}

std::vector<SentenceExample> buildUnlabelledSentences(const std::vector<document::AnnotatedDocument>& docs,
                                                      const NerDataOptions& options) {
  NerData out;
  std::map<std::string, int> ignoredTypes;
  for (size_t i = 0; i < docs.size(); ++i)
    DocumentBuilder(docs[i], static_cast<int32_t>(i), options, out).run(nullptr, nullptr, ignoredTypes);
  return std::move(out.sentences);
}

}  // namespace quarry::train
