#include "eval/SemEvalScore.h"

#include <cstdio>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace quarry::eval {

std::string semEvalType(const std::string& label) {
  const size_t open = label.rfind('(');
  if (open != std::string::npos && label.size() > open + 1 && label.back() == ')') return label.substr(0, open);
  return label;
}

SemEvalReport scoreSemEval(const std::vector<std::string>& gold, const std::vector<std::string>& proposed) {
  if (gold.size() != proposed.size())
    throw std::invalid_argument("scoreSemEval: " + std::to_string(gold.size()) + " gold labels, " +
                                std::to_string(proposed.size()) + " proposed");
  SemEvalReport r;
  r.examples = static_cast<int64_t>(gold.size());
  std::map<std::string, int64_t> proposedCount;
  int64_t allCorrect = 0;
  for (size_t i = 0; i < gold.size(); ++i) {
    const std::string g = semEvalType(gold[i]), p = semEvalType(proposed[i]);
    ++r.perType[g].gold;
    if (proposed[i] == gold[i]) {
      ++r.perType[g].correct;
      ++proposedCount[p];
      ++allCorrect;
    } else if (p == g) {
      ++r.perType[g].wrongDirection;  // the right type, the wrong direction
    } else {
      ++proposedCount[p];
    }
  }
  r.accuracy = r.examples > 0 ? static_cast<double>(allCorrect) / static_cast<double>(r.examples) : 0.0;
  int64_t microCorrect = 0, microProposed = 0, microGold = 0;
  int types = 0;
  for (auto& [type, s] : r.perType) {
    s.proposed = proposedCount.count(type) ? proposedCount[type] : 0;
    s.precision = s.proposed == 0 ? 0.0 : static_cast<double>(s.correct) / static_cast<double>(s.proposed + s.wrongDirection);
    s.recall = s.gold == 0 ? 0.0 : static_cast<double>(s.correct) / static_cast<double>(s.gold);
    s.f1 = s.precision + s.recall == 0 ? 0.0 : 2 * s.precision * s.recall / (s.precision + s.recall);
    if (type == "Other") continue;
    ++types;
    r.macroPrecision += s.precision;
    r.macroRecall += s.recall;
    r.macroF1 += s.f1;
    microCorrect += s.correct;
    microProposed += s.proposed + s.wrongDirection;
    microGold += s.gold;
  }
  if (types > 0) {
    r.macroPrecision /= types;
    r.macroRecall /= types;
    r.macroF1 /= types;
  }
  r.microPrecision = microProposed == 0 ? 0.0 : static_cast<double>(microCorrect) / static_cast<double>(microProposed);
  r.microRecall = microGold == 0 ? 0.0 : static_cast<double>(microCorrect) / static_cast<double>(microGold);
  r.microF1 = r.microPrecision + r.microRecall == 0 ? 0.0
                                                    : 2 * r.microPrecision * r.microRecall / (r.microPrecision + r.microRecall);
  return r;
}

nlohmann::json SemEvalReport::toJson() const {
  nlohmann::json types = nlohmann::json::object();
  for (const auto& [type, s] : perType)
    types[type] = {{"correct", s.correct},     {"proposed", s.proposed}, {"wrong_direction", s.wrongDirection},
                   {"gold", s.gold},           {"precision", s.precision}, {"recall", s.recall},
                   {"f1", s.f1}};
  return {{"official_macro_f1", macroF1},
          {"macro", {{"precision", macroPrecision}, {"recall", macroRecall}, {"f1", macroF1}}},
          {"micro", {{"precision", microPrecision}, {"recall", microRecall}, {"f1", microF1}}},
          {"accuracy", accuracy},
          {"examples", examples},
          {"per_type", types}};
}

std::string SemEvalReport::formatTable() const {
  std::string out;
  char line[256];
  std::snprintf(line, sizeof line, "%-20s %9s %9s %9s %8s %8s %8s\n", "", "precision", "recall", "f1", "correct",
                "gold", "xDIRx");
  out += line;
  for (const auto& [type, s] : perType) {
    std::snprintf(line, sizeof line, "%-20s %9.4f %9.4f %9.4f %8lld %8lld %8lld\n", type.c_str(), s.precision,
                  s.recall, s.f1, static_cast<long long>(s.correct), static_cast<long long>(s.gold),
                  static_cast<long long>(s.wrongDirection));
    out += line;
  }
  std::snprintf(line, sizeof line, "\n%-20s %9.4f %9.4f %9.4f  (official score, Other excluded)\n%-20s %9.4f %9.4f %9.4f\n",
                "macro avg", macroPrecision, macroRecall, macroF1, "micro avg", microPrecision, microRecall, microF1);
  out += line;
  return out;
}

}  // namespace quarry::eval
