#pragma once
// The schema as JSON: one place that reads and writes it (project archive, demo project, CLI).
//
// {"entity_types":[{"name","colour","hotkey","guideline":{"definition","positive_examples",
//   "negative_examples","edge_cases"}}], "relation_types":[{"name","directed","head_types",
//   "tail_types",...}], "qa_fields":[{"name","questions":[...],"entity_type",...}], "categories":[...],
//   "multi_label_categories":false, "guideline_version":1}

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "common/Error.h"
#include "corpus/Schema.h"

namespace quarry {

QJsonObject schemaToJson(const Schema& schema);
// `where` names the file (or other source) in error messages.
Result<Schema> schemaFromJson(const QJsonObject& json, const QString& where);
// Reads a schema file; a lone surrogate escape is an Error, or with `repairs` read as U+FFFD and listed
// there (see parseJson).
Result<Schema> readSchemaFile(const QString& path, QStringList* repairs = nullptr);

}  // namespace quarry
