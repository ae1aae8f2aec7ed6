#include "project/ArchiveTransfer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QTemporaryDir>

#include "formats/ProjectArchive.h"

namespace quarry {

Status exportProjectArchive(ProjectStore& store, const QString& zipPath) {
  QTemporaryDir temp;
  if (!temp.isValid()) return Error("cannot create a temporary folder: " + temp.errorString().toStdString());
  const QString snapshot = temp.filePath(QStringLiteral("project.quarry"));
  if (Status s = store.backupTo(snapshot); !s) return s;
  Result<ProjectInfo> info = store.info();
  if (!info) return info.error();
  QJsonObject extras;
  extras[QStringLiteral("project_name")] = info->name;
  return ProjectArchive::write(snapshot, extras, zipPath);
}

Status restoreProjectArchive(const QString& zipPath, const QString& projectPath) {
  if (QFileInfo::exists(projectPath))
    return Error("refusing to overwrite an existing file", projectPath.toStdString());
  QTemporaryDir temp;
  if (!temp.isValid()) return Error("cannot create a temporary folder: " + temp.errorString().toStdString());
  Result<QString> db = ProjectArchive::extract(zipPath, temp.path(), ArchiveLimits{});
  if (!db) return db.error();
  // Open it once so that an archive from an older Quarry is migrated and checked before it is kept.
  {
    auto opened = ProjectStore::open(db.value());
    if (!opened) return opened.error();
  }
  const QString partial = projectPath + QStringLiteral(".part");
  QFile::remove(partial);
  if (!QFile::copy(db.value(), partial) || !QFile::rename(partial, projectPath)) {
    QFile::remove(partial);
    return Error("cannot write the project file", projectPath.toStdString());
  }
  return {};
}

Result<Corpus> readProjectArchive(const QString& zipPath) {
  QTemporaryDir temp;
  if (!temp.isValid()) return Error("cannot create a temporary folder: " + temp.errorString().toStdString());
  Result<QString> db = ProjectArchive::extract(zipPath, temp.path(), ArchiveLimits{});
  if (!db) return db.error();
  auto store = ProjectStore::open(db.value(), OpenMode::ReadOnly);
  if (!store) return store.error();
  return store.value()->loadCorpus(CorpusFilter{});
}

}  // namespace quarry
