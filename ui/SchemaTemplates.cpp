#include "SchemaTemplates.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

#include "corpus/SchemaJson.h"

namespace quarry::ui {

QVector<SchemaTemplate> schemaTemplates() {
  struct Entry {
    const char* id;
    const char* title;
    const char* resource;
  };
  static const Entry kEntries[] = {
      {"empty", QT_TRANSLATE_NOOP("SchemaTemplates", "Empty"), ""},
      {"clinical", QT_TRANSLATE_NOOP("SchemaTemplates", "Clinical trial eligibility (demo)"),
       ":/demo/schema.json"},
      {"biomedical", QT_TRANSLATE_NOOP("SchemaTemplates", "Biomedical NER (Disease, Chemical)"),
       ":/templates/biomedical_ner.json"},
      {"contracts", QT_TRANSLATE_NOOP("SchemaTemplates", "Contracts (Party, Date, Obligation, Amount)"),
       ":/templates/contracts.json"},
  };
  QVector<SchemaTemplate> out;
  for (const Entry& e : kEntries)
    out.push_back({QLatin1String(e.id), QCoreApplication::translate("SchemaTemplates", e.title),
                   QLatin1String(e.resource)});
  return out;
}

Result<Schema> loadSchemaTemplate(const SchemaTemplate& t) {
  if (t.resource.isEmpty()) return Schema{};
  QFile file(t.resource);
  if (!file.open(QIODevice::ReadOnly))
    return Error("the template is missing from this build", t.resource.toStdString());
  QJsonParseError parseError;
  const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
  if (!doc.isObject())
    return Error("not a JSON object: " + parseError.errorString().toStdString(), t.resource.toStdString());
  return schemaFromJson(doc.object(), t.resource);
}

ProjectTasks tasksOf(const Schema& schema) {
  ProjectTasks tasks;
  tasks.entities = !schema.entityTypes.isEmpty() || schema.isEmpty();
  tasks.relations = !schema.relationTypes.isEmpty();
  tasks.qa = !schema.qaFields.isEmpty();
  tasks.classification = !schema.categories.isEmpty();
  return tasks;
}

Schema restrictToTasks(Schema schema, const ProjectTasks& tasks) {
  // Relations need their argument types, so entity types stay when relations do.
  if (!tasks.entities && !tasks.relations) schema.entityTypes.clear();
  if (!tasks.relations) schema.relationTypes.clear();
  if (!tasks.qa) schema.qaFields.clear();
  if (!tasks.classification) schema.categories.clear();
  return schema;
}

}  // namespace quarry::ui
