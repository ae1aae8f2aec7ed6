#pragma once
// Cold-start suggestions, before any model exists: spans of a text that repeat a surface already labelled
// (in documents, or bracketed in the schema's guideline examples), with the type it was labelled with.
//
// Matching. Surfaces and text are compared after whitespace runs collapse to one space, either exactly or
// case-folded (Python's str.lower(), core/text's Unicode helpers). A match must sit on word boundaries: the
// code points just before and just after it are not letters, digits or combining marks (Unicode \p{L},
// \p{N}, \p{M}), so "DKA" never matches inside "DKAX" nor "cancer" inside "cancers". Matches overlapping an
// existing annotation are dropped; of the rest, the longest (in code points of the text) is taken first,
// at equal length the leftmost, and matches overlapping one taken are dropped.
//
// Types and confidence. Each labelled occurrence of a surface is a vote for its type; the type with the
// most votes wins, ties going to the type seen first. With share = the winner's votes / all votes:
//   exact-case match   confidence 0.5 + 0.5 * share  (in (0.5, 1])
//   case-folded match  confidence 0.5 * share        (in (0, 0.5]); votes of every surface with that folding
// so an exact match always outranks a case-folded one.
//
// Cost: surfaces sit in a trie over case-folded code points; matching walks it from each word start, so a
// text costs its length times the depth walked (at most the longest surface), whatever the number of
// surfaces.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "document/AnnotatedDocument.h"

namespace quarry::suggest {

// One suggested span.
struct GazetteerMatch {
  int32_t start = 0;  // code points of the text, as in AnnotatedDocument.h
  int32_t end = 0;    // one past the last
  std::string type;
  double confidence = 0.0;  // see above
  bool exactCase = false;   // the text repeats a surface exactly (whitespace runs aside)
  int64_t typeVotes = 0;    // times the surface was labelled with `type`
  int64_t allVotes = 0;     // times it was labelled at all
};

class GazetteerSuggester {
 public:
  // One labelled occurrence of `surface` (UTF-8) as `type`. The surface is trimmed of whitespace; surfaces
  // with no letter or digit and empty types are ignored.
  void addSurface(std::string_view surface, const std::string& type);
  // Every bracketed span of a guideline positive example (GuidelineExamples.h), as one occurrence each.
  void addGuidelineExample(std::string_view example, const std::string& type);
  // The surfaces of a labelled document's entities; mentions outside the text or empty are skipped.
  void addDocument(const document::AnnotatedDocument& document);

  // Distinct surfaces (exact case, whitespace collapsed) known.
  size_t surfaceCount() const { return m_surfaces.size(); }

  // The suggestions for `text` (UTF-8), ordered by start; none overlaps another or an `existing` one.
  std::vector<GazetteerMatch> suggest(std::string_view text,
                                      const std::vector<document::EntityMention>& existing = {}) const;

 private:
  struct TypeVotes {
    std::string type;
    int64_t votes = 0;
    int64_t firstSeen = 0;  // order of the first vote, over the whole gazetteer
  };
  struct Surface {
    std::u32string exact;  // whitespace collapsed, case kept
    std::vector<TypeVotes> types;
  };

  int32_t childOf(int32_t node, char32_t cp) const;
  GazetteerMatch matchOf(const std::vector<int32_t>& surfaces, bool exactCase) const;

  std::unordered_map<uint64_t, int32_t> m_children;  // (node << 21 | code point) -> child node
  std::vector<std::vector<int32_t>> m_nodeSurfaces;  // per trie node, the surfaces whose folding ends there
  std::vector<Surface> m_surfaces;
  std::unordered_map<std::u32string, int32_t> m_surfaceIndex;  // exact -> index into m_surfaces
  int64_t m_votes = 0;
};

}  // namespace quarry::suggest
