#include "project/DemoProject.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "corpus/SchemaJson.h"
#include "formats/FormatRegistry.h"
#include "store/ProjectStore.h"

namespace quarry {

Result<QString> ensureDemoProject(const QString& demoFolder, const QString& projectPath) {
  if (QFileInfo::exists(projectPath)) return projectPath;
  const QDir dir(demoFolder);
  const QString documents = dir.filePath(QStringLiteral("documents.jsonl"));
  const QString schemaFile = dir.filePath(QStringLiteral("schema.json"));
  if (!QFileInfo::exists(documents)) return Error("the demo documents are missing", documents.toStdString());
  Result<Schema> schema = readSchemaFile(schemaFile);
  if (!schema) return schema.error();
  const Format* jsonl = FormatRegistry::instance().byName(QStringLiteral("jsonl"));
  if (!jsonl) return Error("the JSONL format is not available");
  ImportOptions options;
  options.schema = schema.value();
  options.allowNewTypes = false;
  ImportReport report;
  Result<Corpus> corpus = jsonl->read(documents, options, report);
  if (!corpus) return corpus.error();
  corpus->schema = schema.value();

  QDir().mkpath(QFileInfo(projectPath).absolutePath());
  // Build under a temporary name so that an interrupted first start never leaves half a demo behind.
  const QString partial = projectPath + QStringLiteral(".part");
  for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) QFile::remove(partial + suffix);
  {  // closing the last connection folds the WAL into the file, so the rename moves everything
    auto store = ProjectStore::create(partial, QStringLiteral("Quarry demo"));
    if (!store) return store.error();
    if (Status s = store.value()->setSchema(schema.value()); !s) return s.error();
    Result<ImportSummary> imported = store.value()->importCorpus(corpus.value(), QStringLiteral("demo"), {});
    if (!imported) return imported.error();
  }
  for (const QString& suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")}) QFile::remove(partial + suffix);
  if (!QFile::rename(partial, projectPath)) return Error("cannot create the demo project", projectPath.toStdString());
  return projectPath;
}

}  // namespace quarry
