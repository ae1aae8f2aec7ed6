#include "train/TaskModelFile.h"

#include <set>

#include "common/AtomicFile.h"
#include "common/FileCheck.h"
#include "common/JsonReader.h"

namespace quarry::train {
namespace fs = std::filesystem;

Result<TaskModelFile> readTaskModelFile(const std::string& folder, const std::string& task) {
  const fs::path path = fs::path(folder) / kTaskModelFileName;
  if (!fs::is_directory(folder)) return Error("not a folder", folder);
  if (fs::is_regular_file(fs::path(folder) / "quarry_ner.json"))
    return Error("this is an NER model folder (quarry_ner.json), not a " + task + " model", folder);
  if (Status s = requireRegularFile(path, "not a Quarry " + task + " model folder: quarry_task.json is missing"); !s)
    return s.error();
  auto parsed = readJsonFile(path);
  if (!parsed) return parsed.error();
  TaskModelFile file;
  file.path = path.string();
  file.meta = std::move(*parsed);
  if (!file.meta.is_object()) return Error("must be a JSON object", file.path);
  const JsonFields fields(file.meta, file.path);
  constexpr std::int64_t kReadsFormat = 1;
  auto version = fields.integer("format_version", 0, 1);
  if (!version) return version.error();
  if (*version == 0) return Error("missing", file.path, 0, "format_version");
  if (*version > kReadsFormat)
    return Error("format " + std::to_string(*version) + " was written by a newer Quarry; this build reads format " +
                     std::to_string(kReadsFormat),
                 file.path, 0, "format_version");
  auto taskName = fields.string("task", "");
  if (!taskName) return taskName.error();
  if (*taskName != task)
    return Error("a model of task \"" + *taskName + "\", not \"" + task + "\"", file.path, 0, "task");
  file.task = *taskName;
  auto kind = fields.string("kind", "");
  if (!kind) return kind.error();
  if (kind->empty()) return Error("missing", file.path, 0, "kind");
  file.kind = *kind;
  const nlohmann::json* labels = fields.find("labels");
  if (!labels || !labels->is_array() || labels->empty())
    return Error("expected a non-empty array of label names", file.path, 0, "labels");
  std::set<std::string> seen;
  for (size_t i = 0; i < labels->size(); ++i) {
    const nlohmann::json& l = (*labels)[i];
    const std::string field = "labels[" + std::to_string(i) + "]";
    if (!l.is_string() || l.get<std::string>().empty())
      return Error("expected a non-empty string, got " + jsonSummary(l), file.path, 0, field);
    if (!seen.insert(l.get<std::string>()).second)
      return Error("label \"" + l.get<std::string>() + "\" listed twice", file.path, 0, field);
    file.labels.push_back(l.get<std::string>());
  }
  return file;
}

Status writeTaskModelFile(const fs::path& dir, nlohmann::json meta, const std::string& task, const std::string& kind,
                          const std::vector<std::string>& labels) {
  meta["format_version"] = 1;
  meta["task"] = task;
  meta["kind"] = kind;
  meta["labels"] = labels;
  const std::string text = meta.dump(2) + "\n";
  return AtomicFile::write((dir / kTaskModelFileName).string(), [&](std::ostream& out) { out << text; });
}

}  // namespace quarry::train
