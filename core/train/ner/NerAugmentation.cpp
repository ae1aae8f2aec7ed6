#include "train/ner/NerAugmentation.h"

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>

#include <utf8proc.h>

#include "text/Unicode.h"

namespace quarry::train {
namespace {

using Surface = std::vector<char32_t>;

// The surfaces of each type's mentions in `train`, each once, in first-seen order.
std::map<std::string, std::vector<Surface>> surfacesByType(const std::vector<document::AnnotatedDocument>& train) {
  std::map<std::string, std::vector<Surface>> byType;
  std::map<std::string, std::set<Surface>> seen;
  for (const document::AnnotatedDocument& d : train) {
    const text::unicode::DecodedText decoded = text::unicode::decodeUtf8(d.text);
    const int32_t length = static_cast<int32_t>(decoded.cps.size());
    for (const document::EntityMention& m : d.entities) {
      if (m.start < 0 || m.end > length || m.start >= m.end) continue;
      Surface s(decoded.cps.begin() + m.start, decoded.cps.begin() + m.end);
      if (seen[m.type].insert(s).second) byType[m.type].push_back(std::move(s));
    }
  }
  return byType;
}

// Lower, UPPER or Title (the first letter of each whitespace-separated word upper, the rest lower).
Surface caseVariant(const Surface& s, int which) {
  Surface out = s;
  bool wordStart = true;
  for (char32_t& c : out) {
    const auto cp = static_cast<utf8proc_int32_t>(c);
    if (which == 0)
      c = static_cast<char32_t>(utf8proc_tolower(cp));
    else if (which == 1)
      c = static_cast<char32_t>(utf8proc_toupper(cp));
    else
      c = static_cast<char32_t>(wordStart ? utf8proc_toupper(cp) : utf8proc_tolower(cp));
    wordStart = text::unicode::isWhiteSpace(c);
  }
  return out;
}

// Whether mention `i` overlaps any other mention of `d`.
bool overlapsAnother(const std::vector<document::EntityMention>& mentions, size_t i) {
  for (size_t j = 0; j < mentions.size(); ++j)
    if (j != i && mentions[j].start < mentions[i].end && mentions[i].start < mentions[j].end) return true;
  return false;
}

document::AnnotatedDocument augmentOne(const document::AnnotatedDocument& d, size_t index, int copy,
                                       const std::map<std::string, std::vector<Surface>>& surfaces,
                                       const NerAugmentationOptions& options) {
  std::seed_seq sequence{static_cast<uint32_t>(options.seed), static_cast<uint32_t>(options.seed >> 32),
                         static_cast<uint32_t>(index), static_cast<uint32_t>(index >> 32),
                         static_cast<uint32_t>(copy)};
  std::mt19937_64 rng(sequence);
  std::uniform_real_distribution<double> chance(0.0, 1.0);
  const text::unicode::DecodedText decoded = text::unicode::decodeUtf8(d.text);
  const int32_t length = static_cast<int32_t>(decoded.cps.size());

  // The new surface of each mention that changes, by mention index.
  std::map<size_t, Surface> changed;
  for (size_t i = 0; i < d.entities.size(); ++i) {
    const document::EntityMention& m = d.entities[i];
    if (m.start < 0 || m.end > length || m.start >= m.end || overlapsAnother(d.entities, i)) continue;
    Surface s(decoded.cps.begin() + m.start, decoded.cps.begin() + m.end);
    const double replaceDraw = chance(rng), caseDraw = chance(rng);
    const auto found = surfaces.find(m.type);
    if (replaceDraw < options.mentionReplace && found != surfaces.end() && found->second.size() > 1) {
      // Another surface of the type: draw among all but this one.
      const std::vector<Surface>& pool = found->second;
      size_t pick = std::uniform_int_distribution<size_t>(0, pool.size() - 2)(rng);
      const auto self = std::find(pool.begin(), pool.end(), s);
      if (self != pool.end() && pick >= static_cast<size_t>(self - pool.begin())) ++pick;
      s = pool[std::min(pick, pool.size() - 1)];
    }
    if (caseDraw < options.caseVariant) s = caseVariant(s, std::uniform_int_distribution<int>(0, 2)(rng));
    if (!std::equal(s.begin(), s.end(), decoded.cps.begin() + m.start, decoded.cps.begin() + m.end) ||
        s.size() != static_cast<size_t>(m.end - m.start))
      changed[i] = std::move(s);
  }

  // The new text, and where each old offset went: replaced spans are rewritten whole.
  std::vector<std::pair<int32_t, size_t>> edits;  // (start, mention index), by start
  for (const auto& [i, s] : changed) edits.emplace_back(d.entities[i].start, i);
  std::sort(edits.begin(), edits.end());
  std::vector<char32_t> out;
  out.reserve(decoded.cps.size());
  std::vector<int32_t> shift(static_cast<size_t>(length) + 1, 0);  // new offset - old offset at each old offset
  int32_t at = 0, delta = 0;
  std::map<size_t, std::pair<int32_t, int32_t>> newSpan;
  for (const auto& [start, i] : edits) {
    for (; at < start; ++at) {
      shift[static_cast<size_t>(at)] = delta;
      out.push_back(decoded.cps[static_cast<size_t>(at)]);
    }
    const Surface& s = changed.at(i);
    const int32_t newStart = static_cast<int32_t>(out.size());
    out.insert(out.end(), s.begin(), s.end());
    newSpan[i] = {newStart, static_cast<int32_t>(out.size())};
    const int32_t end = d.entities[i].end;
    shift[static_cast<size_t>(start)] = delta;  // a mention ending where this one starts keeps its end
    delta += static_cast<int32_t>(s.size()) - (end - start);
    for (at = start + 1; at < end; ++at) shift[static_cast<size_t>(at)] = delta;  // no mention starts inside
    at = end;
  }
  for (; at <= length; ++at) {
    shift[static_cast<size_t>(at)] = delta;
    if (at < length) out.push_back(decoded.cps[static_cast<size_t>(at)]);
  }

  document::AnnotatedDocument copyDoc = d;
  copyDoc.id = d.id + "#aug" + std::to_string(copy + 1);
  copyDoc.text = text::unicode::toUtf8(out);
  for (size_t i = 0; i < copyDoc.entities.size(); ++i) {
    document::EntityMention& m = copyDoc.entities[i];
    if (auto found = newSpan.find(i); found != newSpan.end()) {
      m.start = found->second.first;
      m.end = found->second.second;
    } else if (m.start >= 0 && m.end <= length && m.start <= m.end) {
      m.start += shift[static_cast<size_t>(m.start)];
      m.end += shift[static_cast<size_t>(m.end)];
    }
  }
  // Answers of questions move with the text (a NER document rarely has any).
  for (document::QuestionAnswers& q : copyDoc.questions)
    for (document::AnswerSpan& a : q.answers)
      if (a.start >= 0 && a.end <= length && a.start <= a.end) {
        a.start += shift[static_cast<size_t>(a.start)];
        a.end += shift[static_cast<size_t>(a.end)];
      }
  return copyDoc;
}

}  // namespace

std::vector<document::AnnotatedDocument> augmentNerDocuments(const std::vector<document::AnnotatedDocument>& train,
                                                             const NerAugmentationOptions& options) {
  std::vector<document::AnnotatedDocument> copies;
  if (options.copies <= 0) return copies;
  const auto surfaces = surfacesByType(train);
  copies.reserve(train.size() * static_cast<size_t>(options.copies));
  for (size_t i = 0; i < train.size(); ++i)
    for (int k = 0; k < options.copies; ++k) copies.push_back(augmentOne(train[i], i, k, surfaces, options));
  return copies;
}

}  // namespace quarry::train
