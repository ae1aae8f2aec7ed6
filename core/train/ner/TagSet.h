#pragma once
// The per-word tag vocabulary of a flat NER tagger: "O" plus B-/I- (IOB2) or B-/I-/E-/S- (BIOES) per
// entity type, with encoding from mentions, lenient decoding back to mentions, and the transitions a
// CRF may take.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "common/Error.h"
#include "text/Encoding.h"
#include "train/ner/NerExample.h"

namespace quarry::train {

enum class TagEncoding {
  IOB2,   // B- on the first word of an entity, I- on the others
  BIOES,  // B- first, I- inside, E- last, S- for one-word entities
};

// "iob2" or "bioes".
std::string tagEncodingName(TagEncoding encoding);
// Accepts "iob2", "bio", "bioes", "iobes" (any case); nullopt otherwise.
std::optional<TagEncoding> parseTagEncoding(std::string_view name);

class TagSet {
 public:
  TagSet() : TagSet({}, TagEncoding::IOB2) {}
  // Types are sorted by name and deduplicated; empty names are dropped.
  TagSet(std::vector<std::string> entityTypes, TagEncoding encoding);

  // Ids: 0 = "O", then for each type (sorted) B-, I- (IOB2) or B-, I-, E-, S- (BIOES).
  int32_t size() const { return static_cast<int32_t>(m_names.size()); }
  // The tag name of `id` ("O" when out of range).
  const std::string& name(int32_t id) const;
  std::optional<int32_t> id(std::string_view name) const;
  const std::vector<std::string>& types() const { return m_types; }
  TagEncoding encoding() const { return m_encoding; }
  // Index of a type in types(), nullopt when unknown.
  std::optional<int32_t> typeIndex(std::string_view type) const;

  // Tags for words given by their spans (sorted, not overlapping): a mention covers the words whose
  // spans lie inside it. Mentions of unknown types, covering no word, or covering a word an earlier
  // mention already covers are skipped.
  std::vector<int32_t> encode(const std::vector<text::Span>& wordSpans,
                              const std::vector<document::EntityMention>& mentionsOnWords) const;

  // Entities as word ranges [start, end) with their type, in order. Lenient like conlleval: an I-/E-
  // tag that does not continue an open entity of its type starts one, an E-/S- closes one; unknown
  // ids read as "O".
  std::vector<std::pair<text::Span, std::string>> decode(const std::vector<int32_t>& tagIds) const;

  // allowedTransitions()[from][to]: whether tag `to` may follow tag `from`. IOB2: I-X only after B-X or
  // I-X. BIOES: after O, E-* or S-* come O, B-* or S-*; after B-X or I-X come I-X or E-X.
  std::vector<std::vector<bool>> allowedTransitions() const;
  // Tags that may open / close a sentence (IOB2: no I- first; BIOES: O, B-, S- first and O, E-, S- last).
  std::vector<bool> allowedStart() const;
  std::vector<bool> allowedEnd() const;

  // {"encoding": "iob2", "types": [...], "tags": [...]}; "tags" is informative.
  nlohmann::json toJson() const;
  // Errors name the field; "tags", when present, must match what encoding and types give.
  static Result<TagSet> fromJson(const nlohmann::json& json);

  bool operator==(const TagSet& o) const { return m_encoding == o.m_encoding && m_types == o.m_types; }

 private:
  enum class Prefix { O, B, I, E, S };
  Prefix prefixOf(int32_t id) const;
  int32_t typeOf(int32_t id) const;  // index into m_types, -1 for O
  int32_t tagOf(Prefix p, int32_t type) const;

  std::vector<std::string> m_types;
  TagEncoding m_encoding = TagEncoding::IOB2;
  std::vector<std::string> m_names;
};

}  // namespace quarry::train
