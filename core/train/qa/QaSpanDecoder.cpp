#include "train/qa/QaSpanDecoder.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace quarry::train {

double QaQuestionScores::noAnswerMargin() const {
  if (candidates.empty()) return std::numeric_limits<double>::infinity();
  return nullScore - candidates.front().score;
}

std::string codePointSlice(std::string_view text, int32_t start, int32_t end) {
  size_t byte = 0, from = text.size(), to = text.size();
  int32_t cp = 0;
  while (byte <= text.size()) {
    if (cp == start) from = byte;
    if (cp == end) {
      to = byte;
      break;
    }
    if (byte == text.size()) break;
    const auto lead = static_cast<unsigned char>(text[byte]);
    byte += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    byte = std::min(byte, text.size());
    ++cp;
  }
  if (from >= to) return {};
  return std::string(text.substr(from, to - from));
}

std::vector<QaQuestionScores> scoreQaSpans(const QaInputs& inputs, const std::vector<QaWindowLogits>& logits,
                                           const QaDecodeOptions& options) {
  std::vector<QaQuestionScores> out(inputs.examples.size());
  // Per example: (start, end) -> best score.
  std::vector<std::map<std::pair<int32_t, int32_t>, double>> spans(inputs.examples.size());
  const size_t keep = static_cast<size_t>(std::max(1, options.candidates));
  const int32_t longest = std::max(1, options.maxAnswerLength);
  for (size_t w = 0; w < inputs.windows.size() && w < logits.size(); ++w) {
    const QaWindow& window = inputs.windows[w];
    const QaWindowLogits& l = logits[w];
    if (!window.read || l.start.empty() || l.start.size() != l.end.size()) continue;
    QaQuestionScores& scores = out[static_cast<size_t>(window.example)];
    scores.nullScore = std::min(scores.nullScore, static_cast<double>(l.start[0]) + l.end[0]);
    const auto count = static_cast<int32_t>(window.contextOffsets.size());
    std::vector<std::pair<double, std::pair<int32_t, int32_t>>> local;  // score, (first, last) context token
    for (int32_t s = 0; s < count; ++s) {
      const size_t sp = static_cast<size_t>(window.contextBegin + s);
      if (sp >= l.start.size()) break;
      for (int32_t e = s; e < count && e < s + longest; ++e) {
        const size_t ep = static_cast<size_t>(window.contextBegin + e);
        if (ep >= l.end.size()) break;
        local.push_back({static_cast<double>(l.start[sp]) + l.end[ep], {s, e}});
      }
    }
    if (local.size() > keep) {
      std::partial_sort(local.begin(), local.begin() + static_cast<std::ptrdiff_t>(keep), local.end(),
                        [](const auto& a, const auto& b) { return a.first > b.first; });
      local.resize(keep);
    }
    auto& found = spans[static_cast<size_t>(window.example)];
    for (const auto& [score, tokens] : local) {
      const std::pair<int32_t, int32_t> chars = {window.contextOffsets[static_cast<size_t>(tokens.first)].start,
                                                 window.contextOffsets[static_cast<size_t>(tokens.second)].end};
      auto it = found.find(chars);
      if (it == found.end()) found.emplace(chars, score);
      else it->second = std::max(it->second, score);
    }
  }
  for (size_t e = 0; e < out.size(); ++e) {
    QaQuestionScores& scores = out[e];
    for (const auto& [chars, score] : spans[e]) scores.candidates.push_back({chars.first, chars.second, score, 0.0});
    std::stable_sort(scores.candidates.begin(), scores.candidates.end(),
                     [](const QaCandidate& a, const QaCandidate& b) { return a.score > b.score; });
    if (scores.candidates.size() > keep) scores.candidates.resize(keep);
    if (scores.candidates.empty()) continue;
    const double top = std::max(scores.candidates.front().score,
                                std::isfinite(scores.nullScore) ? scores.nullScore : scores.candidates.front().score);
    double total = std::isfinite(scores.nullScore) ? std::exp(scores.nullScore - top) : 0.0;
    for (const QaCandidate& c : scores.candidates) total += std::exp(c.score - top);
    for (QaCandidate& c : scores.candidates) c.probability = std::exp(c.score - top) / total;
  }
  return out;
}

std::vector<document::PredictedAnswer> decideAnswers(const QaQuestionScores& scores, const std::string& questionId,
                                                     std::string_view documentText, const QaAnswerRule& rule) {
  std::vector<document::PredictedAnswer> out;
  const bool none = scores.candidates.empty() || (rule.allowNoAnswer && scores.noAnswerMargin() > rule.noAnswerThreshold);
  if (none) {
    document::PredictedAnswer a;
    a.questionId = questionId;
    a.noAnswer = true;
    double spans = 0;
    for (const QaCandidate& c : scores.candidates) spans += c.probability;
    a.confidence = std::clamp(1.0 - spans, 0.0, 1.0);
    out.push_back(std::move(a));
    return out;
  }
  for (const QaCandidate& c : scores.candidates) {
    if (!out.empty()) {
      if (rule.multiSpanThreshold <= 0 || c.probability < rule.multiSpanThreshold) break;
      const bool overlaps = std::any_of(out.begin(), out.end(), [&](const document::PredictedAnswer& a) {
        return c.start < a.end && a.start < c.end;
      });
      if (overlaps) continue;
    }
    document::PredictedAnswer a;
    a.questionId = questionId;
    a.start = c.start;
    a.end = c.end;
    a.text = codePointSlice(documentText, c.start, c.end);
    a.confidence = c.probability;
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace quarry::train
