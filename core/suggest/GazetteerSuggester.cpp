#include "suggest/GazetteerSuggester.h"

#include <algorithm>

#include "suggest/GuidelineExamples.h"
#include "text/Unicode.h"

namespace quarry::suggest {

namespace unicode = quarry::text::unicode;

namespace {

// A text as matching sees it: whitespace runs collapsed to one space, then lower-cased.
struct FoldedText {
  std::vector<char32_t> collapsed;
  std::vector<int32_t> collapsedOrigin;  // per collapsed code point, its original one (a run: the first)
  std::vector<char32_t> folded;
  std::vector<int32_t> foldedOrigin;  // per folded code point, the collapsed one it came from
};

FoldedText foldText(const std::vector<char32_t>& cps) {
  FoldedText t;
  t.collapsed.reserve(cps.size());
  t.collapsedOrigin.reserve(cps.size());
  for (size_t i = 0; i < cps.size(); ++i) {
    const bool space = unicode::isPythonSpace(cps[i]);
    if (space && i > 0 && unicode::isPythonSpace(cps[i - 1])) continue;
    t.collapsed.push_back(space ? U' ' : cps[i]);
    t.collapsedOrigin.push_back(static_cast<int32_t>(i));
  }
  t.folded = t.collapsed;
  t.foldedOrigin.resize(t.collapsed.size());
  for (size_t i = 0; i < t.foldedOrigin.size(); ++i) t.foldedOrigin[i] = static_cast<int32_t>(i);
  unicode::lowerString(t.folded, t.foldedOrigin);
  return t;
}

bool isWordChar(char32_t cp) {
  if (cp < 0x80) return (cp >= U'0' && cp <= U'9') || ((cp | 0x20) >= U'a' && (cp | 0x20) <= U'z');
  return unicode::isLetter(cp) || unicode::isNumber(cp) || unicode::category(cp)[0] == 'M';
}

uint64_t edgeKey(int32_t node, char32_t cp) { return (static_cast<uint64_t>(node) << 21) | cp; }

// A match found before overlaps are resolved.
struct Candidate {
  int32_t start = 0;
  int32_t end = 0;
  int32_t node = 0;      // trie node of its folding
  int32_t surface = -1;  // the surface it repeats exactly, -1 when it matches case-folded only
};

}  // namespace

void GazetteerSuggester::addSurface(std::string_view surface, const std::string& type) {
  if (type.empty()) return;
  std::vector<char32_t> cps = unicode::decodeUtf8(surface).cps;
  while (!cps.empty() && unicode::isPythonSpace(cps.back())) cps.pop_back();
  const auto first =
      std::find_if(cps.begin(), cps.end(), [](char32_t c) { return !unicode::isPythonSpace(c); });
  cps.erase(cps.begin(), first);
  if (std::none_of(cps.begin(), cps.end(),
                   [](char32_t c) { return unicode::isLetter(c) || unicode::isNumber(c); })) {
    return;
  }
  const FoldedText folded = foldText(cps);
  const std::u32string exact(folded.collapsed.begin(), folded.collapsed.end());

  auto [it, inserted] = m_surfaceIndex.emplace(exact, static_cast<int32_t>(m_surfaces.size()));
  if (inserted) {
    m_surfaces.push_back({exact, {}});
    if (m_nodeSurfaces.empty()) m_nodeSurfaces.emplace_back();  // the root
    int32_t node = 0;
    for (const char32_t cp : folded.folded) {
      auto [edge, added] = m_children.emplace(edgeKey(node, cp), static_cast<int32_t>(m_nodeSurfaces.size()));
      if (added) m_nodeSurfaces.emplace_back();
      node = edge->second;
    }
    m_nodeSurfaces[node].push_back(it->second);
  }
  std::vector<TypeVotes>& types = m_surfaces[it->second].types;
  auto vote = std::find_if(types.begin(), types.end(), [&](const TypeVotes& t) { return t.type == type; });
  if (vote == types.end()) {
    types.push_back({type, 0, m_votes});
    vote = types.end() - 1;
  }
  ++vote->votes;
  ++m_votes;
}

void GazetteerSuggester::addGuidelineExample(std::string_view example, const std::string& type) {
  for (const std::string& span : bracketedSpans(example)) addSurface(span, type);
}

void GazetteerSuggester::addDocument(const document::AnnotatedDocument& document) {
  const unicode::DecodedText decoded = unicode::decodeUtf8(document.text);
  const auto length = static_cast<int32_t>(decoded.cps.size());
  for (const document::EntityMention& m : document.entities) {
    if (m.start < 0 || m.end > length || m.start >= m.end) continue;
    addSurface(decoded.slice(document.text, m.start, m.end), m.type);
  }
}

int32_t GazetteerSuggester::childOf(int32_t node, char32_t cp) const {
  const auto it = m_children.find(edgeKey(node, cp));
  return it == m_children.end() ? -1 : it->second;
}

GazetteerMatch GazetteerSuggester::matchOf(const std::vector<int32_t>& surfaces, bool exactCase) const {
  // The votes of the surfaces, per type, in the order each type was first seen.
  std::vector<TypeVotes> types;
  for (const int32_t s : surfaces) {
    for (const TypeVotes& v : m_surfaces[s].types) {
      auto it =
          std::find_if(types.begin(), types.end(), [&](const TypeVotes& t) { return t.type == v.type; });
      if (it == types.end()) {
        types.push_back(v);
      } else {
        it->votes += v.votes;
        it->firstSeen = std::min(it->firstSeen, v.firstSeen);
      }
    }
  }
  GazetteerMatch match;
  const TypeVotes* winner = nullptr;
  for (const TypeVotes& t : types) {
    match.allVotes += t.votes;
    if (!winner || t.votes > winner->votes || (t.votes == winner->votes && t.firstSeen < winner->firstSeen)) {
      winner = &t;
    }
  }
  match.type = winner->type;
  match.typeVotes = winner->votes;
  match.exactCase = exactCase;
  const double share = static_cast<double>(match.typeVotes) / static_cast<double>(match.allVotes);
  match.confidence = exactCase ? 0.5 + 0.5 * share : 0.5 * share;
  return match;
}

std::vector<GazetteerMatch> GazetteerSuggester::suggest(
    std::string_view text, const std::vector<document::EntityMention>& existing) const {
  if (m_surfaces.empty()) return {};
  const std::vector<char32_t> cps = unicode::decodeUtf8(text).cps;
  const auto length = static_cast<int32_t>(cps.size());
  const FoldedText t = foldText(cps);
  const auto originalOf = [&](size_t foldedIndex) { return t.collapsedOrigin[t.foldedOrigin[foldedIndex]]; };
  // A folded position begins (ends) a code point of the collapsed text when its neighbour comes from
  // another one: lower-casing may turn one code point into two, and a match never splits it.
  const auto beginsChar = [&](size_t a) { return a == 0 || t.foldedOrigin[a - 1] != t.foldedOrigin[a]; };
  const auto endsChar = [&](size_t b) {
    return b == t.folded.size() || t.foldedOrigin[b] != t.foldedOrigin[b - 1];
  };

  std::vector<Candidate> candidates;
  for (size_t a = 0; a < t.folded.size(); ++a) {
    const int32_t start = originalOf(a);
    if (!beginsChar(a) || t.folded[a] == U' ' || (start > 0 && isWordChar(cps[start - 1]))) continue;
    int32_t node = 0;
    for (size_t b = a; b < t.folded.size() && (node = childOf(node, t.folded[b])) >= 0; ++b) {
      if (m_nodeSurfaces[node].empty() || !endsChar(b + 1)) continue;
      const int32_t end = originalOf(b) + 1;
      if (end < length && isWordChar(cps[end])) continue;
      Candidate c{start, end, node, -1};
      const std::u32string_view repeated(t.collapsed.data() + t.foldedOrigin[a],
                                         t.foldedOrigin[b] - t.foldedOrigin[a] + 1);
      for (const int32_t s : m_nodeSurfaces[node]) {
        if (m_surfaces[s].exact == repeated) c.surface = s;
      }
      candidates.push_back(c);
    }
  }

  std::vector<bool> taken(static_cast<size_t>(length), false);
  for (const document::EntityMention& m : existing) {
    for (int32_t i = std::max(0, m.start); i < std::min(length, m.end); ++i) taken[i] = true;
  }
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
    const int32_t xl = x.end - x.start;
    const int32_t yl = y.end - y.start;
    return xl != yl ? xl > yl : x.start < y.start;
  });
  std::vector<GazetteerMatch> matches;
  matches.reserve(candidates.size());
  for (const Candidate& c : candidates) {
    if (std::any_of(taken.begin() + c.start, taken.begin() + c.end, [](bool b) { return b; })) continue;
    std::fill(taken.begin() + c.start, taken.begin() + c.end, true);
    GazetteerMatch m = c.surface >= 0 ? matchOf({c.surface}, true) : matchOf(m_nodeSurfaces[c.node], false);
    m.start = c.start;
    m.end = c.end;
    matches.push_back(std::move(m));
  }
  std::sort(matches.begin(), matches.end(),
            [](const GazetteerMatch& x, const GazetteerMatch& y) { return x.start < y.start; });
  return matches;
}

}  // namespace quarry::suggest
