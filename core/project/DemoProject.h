#pragma once
// The bundled demo project: clinical-trial eligibility excerpts and contract clauses, annotated, with
// guidelines for every type. Built from resources/demo (documents.jsonl + schema.json).

#include <QString>

#include "common/Error.h"

namespace quarry {

// Creates the demo project at `projectPath` from the demo folder (documents.jsonl and
// documents.jsonl.schema.json or schema.json) unless a project already exists there.
// Returns `projectPath`.
Result<QString> ensureDemoProject(const QString& demoFolder, const QString& projectPath);

}  // namespace quarry
