#pragma once
// The official SQuAD evaluation (evaluate-v2.0.py, which gives the v1.1 figures on answerable questions):
//
//   normalize_answer: Python str.lower() (full Unicode case mapping), remove ASCII punctuation
//   (string.punctuation), replace the articles a/an/the between word boundaries (re's Unicode \b: \w is
//   letters, numbers and '_', not combining marks) by a space, then split on Python whitespace and
//   join with single spaces.
//   exact: the normalized texts are equal. F1: token overlap (multiset) of the normalized tokens; when
//   either side has no token, 1 iff both have none. A question's score is the maximum over its gold
//   answers; gold answers that normalize to nothing are dropped, and a question left with none (an
//   unanswerable one) has the single gold answer "" — so the prediction "" scores 1 there and any
//   prediction with a token scores 0.
//   HasAns / NoAns split questions by whether they have a gold answer at all (before that filtering).
//
// Figures are fractions (0..1) like every Quarry metric; the official script prints them x100.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace quarry::eval {

// normalize_answer(text).
std::string normalizeSquadAnswer(std::string_view text);
// get_tokens(text): the normalized text split on whitespace.
std::vector<std::string> squadTokens(std::string_view text);
// compute_exact / compute_f1 of one gold answer and one prediction.
double squadExact(std::string_view gold, std::string_view predicted);
double squadF1(std::string_view gold, std::string_view predicted);

// One question's gold answers (their texts); none = unanswerable.
struct SquadGold {
  std::string id;
  std::vector<std::string> answers;
};

struct SquadQuestionScore {
  std::string id;
  bool hasAnswer = false;
  double exact = 0;
  double f1 = 0;
};

struct SquadReport {
  double exact = 0, f1 = 0;  // over every question (the primary figure is f1)
  int64_t total = 0;
  double hasAnsExact = 0, hasAnsF1 = 0;  // over answerable questions; 0 when there are none
  int64_t hasAnsTotal = 0;
  double noAnsExact = 0, noAnsF1 = 0;    // over unanswerable questions; 0 when there are none
  int64_t noAnsTotal = 0;
  std::vector<SquadQuestionScore> perQuestion;  // in the order given
  // {"exact", "f1", "total", "HasAns_exact", "HasAns_f1", "HasAns_total", "NoAns_..."} as the official
  // script names them (fractions, and only the breakdowns that have questions).
  nlohmann::json toJson() const;
  std::string formatTable() const;
};

// The max-over-gold scores of `predicted[i]` (the answer text; "" = no answer) for `gold[i]`. Throws
// std::invalid_argument when the counts differ (a programming error).
SquadQuestionScore scoreSquadQuestion(const SquadGold& gold, std::string_view predicted);
SquadReport scoreSquad(const std::vector<SquadGold>& gold, const std::vector<std::string>& predicted);

// The official find_best_thresh: question i is predicted unanswerable when noAnswerScore[i] > threshold
// (its answer would score answerScore[i], the empty prediction nullScore[i]). Questions are taken in
// increasing noAnswerScore and the threshold moves to one that strictly improves the total; it starts
// below every score (everything unanswerable). `mean` is the best total over the question count.
struct NoAnswerThreshold {
  double threshold = 0;
  double mean = 0;
  bool answersNothing = true;  // the best is to answer no question (threshold below every score)
};
NoAnswerThreshold bestNoAnswerThreshold(const std::vector<double>& noAnswerScore,
                                        const std::vector<double>& answerScore,
                                        const std::vector<double>& nullScore);

}  // namespace quarry::eval
