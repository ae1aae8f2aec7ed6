#pragma once
// Entities read off a sequence of BIO/BIOES tags, exactly as seqeval reads them.
//
// The rules are those of seqeval's default (non-strict) mode, `get_entities(seq, suffix=False)`,
// which is also what the CoNLL `conlleval` script does. They are lenient on purpose, so that a
// tagger's ill-formed output is scored the way every published NER figure was scored:
//  - a tag is its first character (B, I, E, S, O or anything else) and its type is what follows the
//    first '-' after that character ("B-PER" -> B/PER, "I-PER-X" -> I/PER-X); a tag with nothing
//    after the first character ("X", "B", "O") has type "_".
//  - an entity starts at B or S; at I or E after O, after E or after S (IOB1: "O I-PER" is an
//    entity); and at any tag other than O and '.' whose type differs from the previous tag's type
//    ("I-PER I-LOC" starts a LOC).
//  - an entity ends before B, S or O that follows B or I; after E or S; and before any tag whose
//    type differs from the previous one's, when the previous tag is neither O nor '.'.
// Consequence worth knowing: a tag without a prefix ("X") only closes an entity when the next tag
// has another type, so ["X", "O"] has no entity while ["X", "B-PER"] has two.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quarry::eval {

struct TaggedEntity {
  std::string type;   // entity type ("PER"; "_" for a tag without a type)
  int32_t start = 0;  // first tag index
  int32_t end = 0;    // one past the last tag index
  bool operator==(const TaggedEntity& o) const { return start == o.start && end == o.end && type == o.type; }
  bool operator<(const TaggedEntity& o) const;
};

// The entities of one tag sequence, in the order seqeval returns them (by end, then start).
// Throws std::invalid_argument for an empty tag string (seqeval fails on it too).
std::vector<TaggedEntity> extractEntities(const std::vector<std::string>& tags);

// The same over views, for callers that assemble a sequence without copying its strings.
std::vector<TaggedEntity> extractEntitiesView(const std::vector<std::string_view>& tags);

}  // namespace quarry::eval
