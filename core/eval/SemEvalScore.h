#pragma once
// The official score of SemEval-2010 Task 8 (scorer v1.2, Nakov 2010): the (9+1)-way evaluation with
// directionality taken into account, macro-averaged F1 over the relation types of the answer key,
// "Other" left out. Labels are written as the task writes them: "Cause-Effect(e1,e2)", "Other".
//
// Per relation type R (direction stripped) of the answer key:
//   correct   = examples whose proposed label equals the gold label (type and direction) and is R;
//   proposed  = examples proposed as R, of any direction, except those whose gold is R with the other
//               direction; those are counted apart as wrongDirection of R;
//   P = correct / (proposed + wrongDirection), 0 when proposed is 0; R = correct / gold count of R;
//   F1 the harmonic mean. Macro averages divide by the number of types in the key other than Other;
//   micro sums the counts over those types. A type proposed but absent from the key counts nowhere,
//   as in the scorer.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace quarry::eval {

struct SemEvalRelationScore {
  int64_t correct = 0;
  int64_t proposed = 0;        // as the scorer counts them (see above)
  int64_t wrongDirection = 0;
  int64_t gold = 0;
  double precision = 0, recall = 0, f1 = 0;  // 0..1
};

struct SemEvalReport {
  std::map<std::string, SemEvalRelationScore> perType;  // every type of the key, "Other" included
  double macroPrecision = 0, macroRecall = 0, macroF1 = 0;  // the official score is macroF1
  double microPrecision = 0, microRecall = 0, microF1 = 0;
  double accuracy = 0;  // 10-way with direction: correct (Other included) / examples
  int64_t examples = 0;
  nlohmann::json toJson() const;
  std::string formatTable() const;
};

// "Cause-Effect(e2,e1)" -> "Cause-Effect"; "Other" stays.
std::string semEvalType(const std::string& label);

// gold[i] and proposed[i] are the labels of example i. Throws std::invalid_argument when the counts
// differ (a programming error).
SemEvalReport scoreSemEval(const std::vector<std::string>& gold, const std::vector<std::string>& proposed);

}  // namespace quarry::eval
