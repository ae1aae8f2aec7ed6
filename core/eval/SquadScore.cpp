#include "eval/SquadScore.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "text/Unicode.h"

namespace quarry::eval {

namespace {

namespace unicode = text::unicode;

// Python's string.punctuation.
bool isAsciiPunctuation(char32_t c) {
  return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E);
}

// re's \w for str patterns: str.isalnum() or '_' (combining marks are not word characters).
bool isWordChar(char32_t c) { return c == U'_' || unicode::isLetter(c) || unicode::isNumber(c); }

// re.sub(r'\b(a|an|the)\b', ' ', text): at each position the alternatives are tried in order, the
// first that ends on a word boundary wins, and scanning goes on after the match.
std::vector<char32_t> replaceArticles(const std::vector<char32_t>& s) {
  static const std::u32string kArticles[] = {U"a", U"an", U"the"};
  std::vector<char32_t> out;
  out.reserve(s.size());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    size_t matched = 0;
    if (isWordChar(s[i]) && (i == 0 || !isWordChar(s[i - 1]))) {
      for (const std::u32string& article : kArticles) {
        const size_t end = i + article.size();
        if (end > n || !std::equal(article.begin(), article.end(), s.begin() + static_cast<std::ptrdiff_t>(i))) continue;
        if (end == n || !isWordChar(s[end])) {
          matched = article.size();
          break;
        }
      }
    }
    if (matched > 0) {
      out.push_back(U' ');
      i += matched;
    } else {
      out.push_back(s[i++]);
    }
  }
  return out;
}

// str.split(): runs of Python whitespace separate tokens.
std::vector<std::string> splitPython(const std::vector<char32_t>& s) {
  std::vector<std::string> out;
  std::string current;
  bool inToken = false;
  for (char32_t c : s) {
    if (unicode::isPythonSpace(c)) {
      if (inToken) out.push_back(std::move(current));
      current.clear();
      inToken = false;
    } else {
      unicode::appendUtf8(current, c);
      inToken = true;
    }
  }
  if (inToken) out.push_back(std::move(current));
  return out;
}

std::vector<std::string> normalizedTokens(std::string_view text) {
  const unicode::DecodedText decoded = unicode::decodeUtf8(text);
  std::vector<char32_t> cps = decoded.cps;
  std::vector<int32_t> origin(cps.size(), 0);
  unicode::lowerString(cps, origin);
  cps.erase(std::remove_if(cps.begin(), cps.end(), isAsciiPunctuation), cps.end());
  return splitPython(replaceArticles(cps));
}

std::string joinTokens(const std::vector<std::string>& tokens) {
  std::string out;
  for (const std::string& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

double f1OfTokens(const std::vector<std::string>& gold, const std::vector<std::string>& predicted) {
  if (gold.empty() || predicted.empty()) return gold == predicted ? 1.0 : 0.0;
  std::map<std::string, int64_t> goldCounts;
  for (const std::string& t : gold) ++goldCounts[t];
  int64_t same = 0;
  for (const std::string& t : predicted) {
    auto it = goldCounts.find(t);
    if (it != goldCounts.end() && it->second > 0) {
      --it->second;
      ++same;
    }
  }
  if (same == 0) return 0.0;
  const double precision = static_cast<double>(same) / static_cast<double>(predicted.size());
  const double recall = static_cast<double>(same) / static_cast<double>(gold.size());
  return 2 * precision * recall / (precision + recall);
}

}  // namespace

std::string normalizeSquadAnswer(std::string_view text) { return joinTokens(normalizedTokens(text)); }

std::vector<std::string> squadTokens(std::string_view text) { return normalizedTokens(text); }

double squadExact(std::string_view gold, std::string_view predicted) {
  return normalizeSquadAnswer(gold) == normalizeSquadAnswer(predicted) ? 1.0 : 0.0;
}

double squadF1(std::string_view gold, std::string_view predicted) {
  return f1OfTokens(squadTokens(gold), squadTokens(predicted));
}

SquadQuestionScore scoreSquadQuestion(const SquadGold& gold, std::string_view predicted) {
  SquadQuestionScore s;
  s.id = gold.id;
  s.hasAnswer = !gold.answers.empty();
  std::vector<std::string> answers;
  for (const std::string& a : gold.answers)
    if (!normalizeSquadAnswer(a).empty()) answers.push_back(a);
  if (answers.empty()) answers.emplace_back();
  const std::vector<std::string> predictedTokens = squadTokens(predicted);
  const std::string predictedNormal = joinTokens(predictedTokens);
  for (const std::string& a : answers) {
    const std::vector<std::string> goldTokens = squadTokens(a);
    s.exact = std::max(s.exact, joinTokens(goldTokens) == predictedNormal ? 1.0 : 0.0);
    s.f1 = std::max(s.f1, f1OfTokens(goldTokens, predictedTokens));
  }
  return s;
}

SquadReport scoreSquad(const std::vector<SquadGold>& gold, const std::vector<std::string>& predicted) {
  if (gold.size() != predicted.size())
    throw std::invalid_argument("scoreSquad: " + std::to_string(gold.size()) + " questions, " +
                                std::to_string(predicted.size()) + " predictions");
  SquadReport r;
  for (size_t i = 0; i < gold.size(); ++i) {
    SquadQuestionScore s = scoreSquadQuestion(gold[i], predicted[i]);
    ++r.total;
    r.exact += s.exact;
    r.f1 += s.f1;
    if (s.hasAnswer) {
      ++r.hasAnsTotal;
      r.hasAnsExact += s.exact;
      r.hasAnsF1 += s.f1;
    } else {
      ++r.noAnsTotal;
      r.noAnsExact += s.exact;
      r.noAnsF1 += s.f1;
    }
    r.perQuestion.push_back(std::move(s));
  }
  auto mean = [](double& sum, int64_t n) { sum = n > 0 ? sum / static_cast<double>(n) : 0.0; };
  mean(r.exact, r.total);
  mean(r.f1, r.total);
  mean(r.hasAnsExact, r.hasAnsTotal);
  mean(r.hasAnsF1, r.hasAnsTotal);
  mean(r.noAnsExact, r.noAnsTotal);
  mean(r.noAnsF1, r.noAnsTotal);
  return r;
}

NoAnswerThreshold bestNoAnswerThreshold(const std::vector<double>& noAnswerScore, const std::vector<double>& answerScore,
                                        const std::vector<double>& nullScore) {
  if (noAnswerScore.size() != answerScore.size() || noAnswerScore.size() != nullScore.size())
    throw std::invalid_argument("bestNoAnswerThreshold: the three lists differ in length");
  NoAnswerThreshold best;
  if (noAnswerScore.empty()) return best;
  std::vector<size_t> order(noAnswerScore.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return noAnswerScore[a] < noAnswerScore[b]; });
  double current = std::accumulate(nullScore.begin(), nullScore.end(), 0.0);
  double bestTotal = current;
  best.threshold = noAnswerScore[order.front()] - 1.0;
  for (size_t i : order) {
    current += answerScore[i] - nullScore[i];
    if (current > bestTotal) {
      bestTotal = current;
      best.threshold = noAnswerScore[i];
      best.answersNothing = false;
    }
  }
  best.mean = bestTotal / static_cast<double>(noAnswerScore.size());
  return best;
}

nlohmann::json SquadReport::toJson() const {
  nlohmann::json j = {{"exact", exact}, {"f1", f1}, {"total", total}};
  if (hasAnsTotal > 0) {
    j["HasAns_exact"] = hasAnsExact;
    j["HasAns_f1"] = hasAnsF1;
    j["HasAns_total"] = hasAnsTotal;
  }
  if (noAnsTotal > 0) {
    j["NoAns_exact"] = noAnsExact;
    j["NoAns_f1"] = noAnsF1;
    j["NoAns_total"] = noAnsTotal;
  }
  return j;
}

std::string SquadReport::formatTable() const {
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line, "%-10s %9s %9s %9s\n", "", "exact", "f1", "questions");
  out += line;
  auto row = [&](const char* name, double e, double f, int64_t n) {
    std::snprintf(line, sizeof line, "%-10s %9.2f %9.2f %9lld\n", name, e * 100, f * 100, static_cast<long long>(n));
    out += line;
  };
  row("all", exact, f1, total);
  if (hasAnsTotal > 0) row("HasAns", hasAnsExact, hasAnsF1, hasAnsTotal);
  if (noAnsTotal > 0) row("NoAns", noAnsExact, noAnsF1, noAnsTotal);
  return out;
}

}  // namespace quarry::eval
