#pragma once
// A task's evaluation as the Trainer and the front ends see it: one headline figure (what early stopping
// and model selection use: NER micro-F1, SemEval macro-F1, SQuAD F1, classification micro-F1), the full
// report as JSON and as a table for people.

#include <string>

#include <nlohmann/json.hpp>

namespace quarry::train {

struct MetricReport {
  std::string primaryName;  // "micro_f1", "official_macro_f1", "f1", ...
  double primary = -1;      // 0..1; -1 = not evaluated
  nlohmann::json summary = nlohmann::json::object();  // a few figures for the run's history ({"precision": ..})
  nlohmann::json details = nlohmann::json::object();  // the task's own report
  std::string table;        // the same, formatted for a terminal
  bool evaluated() const { return primary >= 0; }
  const std::string& formatTable() const { return table; }
  // {"primary_metric": name, "primary": value, ...details}
  nlohmann::json toJson() const;
};

}  // namespace quarry::train
