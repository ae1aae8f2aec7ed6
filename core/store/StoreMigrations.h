#pragma once
// The project file's schema history. Append new migrations; never edit a released one.

#include <QVector>

#include "store/SchemaMigrator.h"

namespace quarry {

// Version 1: project, annotators, schema types, documents and annotations.
// Version 2: model runs and their predictions.
// Version 3: the entity type that answers a QA field.
// Version 4: a model run's task, data snapshot and error.
// Version 5: the documents and annotations a run trained on (lineage).
// Version 6: the process running a run.
// Version 7: predictions accepted or rejected as suggestions.
// Version 8: a run's log.
QVector<Migration> storeMigrations();

// The version a project file has after open() or create().
int storeSchemaVersion();

}  // namespace quarry
