#pragma once
// From a QA model's start/end logits over the windows of each question to answers with code point
// offsets (transformers' run_qa post-processing, SQuAD 2.0 version):
//
// - a span of a window is a pair of context tokens start <= end, at most max_answer_length tokens long,
//   scored start_logit[start] + end_logit[end]; its offsets are those of its first and last token;
// - the question's candidates are the best n spans over every window read (one span found by two
//   overlapping windows counted once, at its better score), and its null score is the lowest
//   start_logit[CLS] + end_logit[CLS] over those windows;
// - each candidate's probability is the softmax over the candidates' scores and the null score;
// - no answer when null score - best span score > the no-answer threshold (tuned on dev: train/qa/
//   QaTask.h), else the best span; with a multi-span threshold > 0 also every further candidate whose
//   probability reaches it and that overlaps no answer kept (a clause that occurs several times).

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "document/Predictions.h"
#include "train/qa/QaWindows.h"

namespace quarry::train {

// A window's logits, one per token (empty for a window not read).
struct QaWindowLogits {
  std::vector<float> start;
  std::vector<float> end;
};

struct QaCandidate {
  int32_t start = 0;        // code points in the document text
  int32_t end = 0;
  double score = 0;         // start + end logit
  double probability = 0;   // softmax over the candidates and the null score
};

// What the model says about one question.
struct QaQuestionScores {
  double nullScore = std::numeric_limits<double>::infinity();  // +inf when no window was read
  std::vector<QaCandidate> candidates;                           // best first
  // null score - best span score: the higher, the surer "no answer" (+inf without a candidate).
  double noAnswerMargin() const;
};

struct QaDecodeOptions {
  int maxAnswerLength = 30;  // tokens
  int candidates = 20;       // the n best spans kept per question
};

// The scores of every example of `inputs`; logits[w] belongs to inputs.windows[w].
std::vector<QaQuestionScores> scoreQaSpans(const QaInputs& inputs, const std::vector<QaWindowLogits>& logits,
                                           const QaDecodeOptions& options);

struct QaAnswerRule {
  bool allowNoAnswer = true;     // false: always the best span (SQuAD 1.1)
  double noAnswerThreshold = 0;  // no answer when noAnswerMargin() > this
  double multiSpanThreshold = 0; // > 0: further non-overlapping candidates of at least this probability
};

// The answers to one question under `rule`: one noAnswer answer (confidence: the null score's
// probability) or one or more spans best first, each with its text cut from `documentText`.
std::vector<document::PredictedAnswer> decideAnswers(const QaQuestionScores& scores, const std::string& questionId,
                                                     std::string_view documentText, const QaAnswerRule& rule);

// The text of code points [start, end) of a UTF-8 string (clamped to it).
std::string codePointSlice(std::string_view text, int32_t start, int32_t end);

}  // namespace quarry::train
