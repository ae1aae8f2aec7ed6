#pragma once
// The label schemas a new project can start from: empty, the demo's, and the files under
// resources/templates, all compiled into quarry_ui.

#include <QString>
#include <QVector>

#include "common/Error.h"
#include "corpus/Schema.h"

namespace quarry::ui {

struct SchemaTemplate {
  QString id;        // "empty", "clinical", "biomedical", "contracts"
  QString title;     // shown in the New project dialog (translated)
  QString resource;  // ":/templates/....json"; empty for the empty schema
};

QVector<SchemaTemplate> schemaTemplates();
// The template's schema; an Error names the resource when it is missing or malformed.
Result<Schema> loadSchemaTemplate(const SchemaTemplate& t);

// Which parts of a schema a project annotates.
struct ProjectTasks {
  bool entities = true;         // entity spans
  bool relations = false;       // relations between entities
  bool qa = false;              // extractive question answering
  bool classification = false;  // document categories
};

// The tasks a schema has types for (an empty schema: entities only).
ProjectTasks tasksOf(const Schema& schema);
// `schema` without the types of the tasks left out.
Schema restrictToTasks(Schema schema, const ProjectTasks& tasks);

}  // namespace quarry::ui
