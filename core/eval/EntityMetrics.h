#pragma once
// Entity-level precision, recall and F1 of a tagger, with the numbers seqeval (1.2.x, default mode)
// prints, so that Quarry's figures can be set next to published ones.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "eval/EntityScores.h"
#include "document/AnnotatedDocument.h"

namespace quarry::eval {

struct EntityReport {
  std::map<std::string, EntityScores> perType;  // every type found in gold OR predicted, by name
  EntityScores micro;         // counts summed over types, ratios of the sums (seqeval "micro avg")
  EntityScores macro;         // unweighted mean of the per-type ratios; counts are the totals
  EntityScores weighted;      // per-type ratios weighted by support; counts are the totals
  double tokenAccuracy = -1;  // share of tags equal to the gold tag; -1 when not measured (spans, no tokens)
  int64_t tokens = 0;         // tags compared for tokenAccuracy

  // The averages from per-type counts (truePositives, predicted, support), as seqeval computes them:
  // ratios per type with zero_division=0; macro and weighted averages summed the way numpy sums
  // (pairwise), so they agree with seqeval to the last bit. Where seqeval's macro average is NaN (no
  // entity in gold or predicted), it is 0 here; where the total support is 0 the weighted average is 0,
  // as in seqeval.
  static EntityReport fromCounts(std::map<std::string, EntityScores> perType);

  // {"per_type": {type: scores}, "micro": ..., "macro": ..., "weighted": ..., "token_accuracy": x|null,
  //  "tokens": n}; scores as EntityScores::toJson.
  nlohmann::json toJson() const;

  // The table seqeval's classification_report prints (same columns, widths and rounding), with a
  // row for every type in perType, then micro, macro and weighted averages; ends with a newline.
  std::string formatTable(int digits = 4) const;
};

// Scores gold against predicted tag sequences sentence by sentence, as seqeval's classification_report,
// f1_score(average=...) and accuracy_score do: entities are read with extractEntities() from the
// sentences joined by an "O" after each one (seqeval's reading of a nested list; it equals reading each
// sentence alone except that a prefix-less tag like "X" at a sentence start continues the state of the
// sentence before, as it does in seqeval), and an entity counts as correct when type and boundaries match.
// Throws std::invalid_argument when the sentence counts differ or a sentence's lengths differ (naming
// the sentence index); mismatched input is a programming error, not a user's.
EntityReport scoreTagSequences(const std::vector<std::vector<std::string>>& gold,
                               const std::vector<std::vector<std::string>>& predicted);

// Scores predicted entity spans against gold ones, document by document: a prediction is correct when
// a gold mention of the same document has the same start, end and type. A mention listed twice in a
// document counts once (seqeval works on sets). tokenAccuracy stays -1.
// Throws std::invalid_argument when the document counts differ.
EntityReport scoreSpans(const std::vector<std::vector<document::EntityMention>>& gold,
                        const std::vector<std::vector<document::EntityMention>>& predicted);

}  // namespace quarry::eval
