#pragma once
// quarry_task.json: the file that says what a model folder of the tasks beside NER holds (NER's folders
// carry quarry_ner.json, read by train/ner/NerTagger.h). {"format_version": 1, "task": "classify",
// "kind": "ngram" | "transformer", "labels": [...], ...the model's own keys}.

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/Error.h"

namespace quarry::train {

inline constexpr const char* kTaskModelFileName = "quarry_task.json";

struct TaskModelFile {
  std::string path;                 // of quarry_task.json, for errors
  nlohmann::json meta;              // every key as saved
  std::string task;
  std::string kind;
  std::vector<std::string> labels;  // unique, non-empty
};

// Reads and checks the folder's quarry_task.json; `task` is the task the caller loads (a folder of another
// task is refused, naming both). Errors name the file and the field.
Result<TaskModelFile> readTaskModelFile(const std::string& folder, const std::string& task);

// Writes `meta` with "format_version", "task", "kind" and "labels" set into the folder `dir`.
Status writeTaskModelFile(const std::filesystem::path& dir, nlohmann::json meta, const std::string& task,
                          const std::string& kind, const std::vector<std::string>& labels);

}  // namespace quarry::train
