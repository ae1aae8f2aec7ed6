// extractEntities() against seqeval's get_entities (default mode, suffix=False). Every expectation is
// traced by hand through seqeval's two rules (see eval/TagEntities.h); the trace is in the comment.
// Entities print as TYPE[start,end) with end exclusive (seqeval's end index + 1).

#include <stdexcept>
#include <string>
#include <vector>

#include "EvalTestSupport.h"
#include "eval/TagEntities.h"

using quarry::eval::extractEntities;
using quarry::eval::TaggedEntity;

namespace {

std::string show(const std::vector<TaggedEntity>& entities) {
  std::string out;
  for (const TaggedEntity& e : entities) {
    out +=
        (out.empty() ? "" : " ") + e.type + "[" + std::to_string(e.start) + "," + std::to_string(e.end) + ")";
  }
  return out;
}

std::string tags(const std::vector<std::string>& seq) { return show(extractEntities(seq)); }

}  // namespace

int main() {
  // IOB2: B starts, I continues, O and the end close. seqeval doc example: [('PER',0,1), ('LOC',3,3)].
  EVAL_EQ(tags({"B-PER", "I-PER", "O", "B-LOC"}), std::string("PER[0,2) LOC[3,4)"));
  // IOB1: an I after O starts an entity (O->I), so I-only sequences still give entities.
  EVAL_EQ(tags({"I-PER", "I-PER", "O", "I-LOC"}), std::string("PER[0,2) LOC[3,4)"));
  // IOB1: I-PER then I-LOC: the type change ends PER at 0 and starts LOC at 1.
  EVAL_EQ(tags({"I-PER", "I-LOC"}), std::string("PER[0,1) LOC[1,2)"));
  // IOB1: B-PER after I-PER: I->B ends the first, B starts the second (same type).
  EVAL_EQ(tags({"I-PER", "B-PER", "I-PER"}), std::string("PER[0,1) PER[1,3)"));
  // B-X B-X: B->B ends; two one-token entities.
  EVAL_EQ(tags({"B-PER", "B-PER"}), std::string("PER[0,1) PER[1,2)"));
  // BIOES: S starts and ends alone; B I E spans; after S, S again starts a new one; after E any tag ends.
  EVAL_EQ(tags({"S-PER", "B-LOC", "I-LOC", "E-LOC", "O", "S-ORG", "S-ORG"}),
          std::string("PER[0,1) LOC[1,4) ORG[5,6) ORG[6,7)"));
  // Stray E after O: O->E starts; E then E: the first E ends (prev E) and E->E starts again.
  EVAL_EQ(tags({"O", "E-PER", "E-PER", "O"}), std::string("PER[1,2) PER[2,3)"));
  // I after E: the E closes B..E, E->I starts a new entity that the final O closes.
  EVAL_EQ(tags({"B-PER", "E-PER", "I-PER"}), std::string("PER[0,2) PER[2,3)"));
  // E of another type after B: the type change ends PER and starts LOC.
  EVAL_EQ(tags({"B-PER", "E-LOC"}), std::string("PER[0,1) LOC[1,2)"));
  // Stray I after O in mid-sentence, IOBES-style tail: O->I starts, I->E neither ends nor starts.
  EVAL_EQ(tags({"O", "I-MISC", "E-MISC", "O"}), std::string("MISC[1,3)"));
  // A tag without prefix: "X" is tag 'X' with type "_". Its type differs from the initial empty type, so
  // it starts a chunk, but nothing ends it: 'X' is none of E/S/B/I and the following "O" also has type "_".
  EVAL_EQ(tags({"X", "O"}), std::string(""));
  // ... while a following typed tag ends it by the type change: ('_',0,0), ('PER',1,1).
  EVAL_EQ(tags({"X", "B-PER"}), std::string("_[0,1) PER[1,2)"));
  // "X" after B-PER ends PER (type change) and is itself never closed.
  EVAL_EQ(tags({"B-PER", "X", "O"}), std::string("PER[0,1)"));
  // A plain type name is read as prefix 'P' plus type "ER"; the final O ends it (type "ER" != "_").
  EVAL_EQ(tags({"PER"}), std::string("ER[0,1)"));
  // Bare "B" and "I" have type "_": B starts, B->I continues, the end closes.
  EVAL_EQ(tags({"B", "I"}), std::string("_[0,2)"));
  // A type with a dash keeps everything after the first one.
  EVAL_EQ(tags({"B-GENE-OR-PROTEIN", "I-GENE-OR-PROTEIN"}), std::string("GENE-OR-PROTEIN[0,2)"));
  // '.' is exempt from the type-change rules: it ends B-PER (type change, prev B), starts nothing, and
  // I-PER after '.' starts by the type change ("_" -> "PER").
  EVAL_EQ(tags({"B-PER", ".", "I-PER"}), std::string("PER[0,1) PER[2,3)"));
  // The prefix is one code point, as Python indexes: "É" is a prefix-less tag (type "_"), so nothing
  // is found, where a byte split would have made a chunk of type "\x89".
  EVAL_EQ(tags({"\xC3\x89"}), std::string(""));
  EVAL_EQ(tags({"\xC3\x89-PER"}), std::string("PER[0,1)"));
  // Empty and all-O sequences have no entity.
  EVAL_EQ(tags({}), std::string(""));
  EVAL_EQ(tags({"O", "O", "O"}), std::string(""));
  // An entity running to the end is closed by the virtual trailing O.
  EVAL_EQ(tags({"O", "B-LOC", "I-LOC"}), std::string("LOC[1,3)"));

  // An empty tag string is not a tag (seqeval fails on it with IndexError).
  bool threw = false;
  try {
    (void)extractEntities({"B-PER", ""});
  } catch (const std::invalid_argument& e) {
    threw = std::string(e.what()).find("tag 1") != std::string::npos;
  }
  EVAL_TRUE(threw);

  return quarry::evaltest::finish("test_eval_tags");
}
