#include "project/ArchiveTransfer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QTemporaryDir>

#include "formats/CorpusValidator.h"
#include "formats/OutputFile.h"
#include "formats/ProjectArchive.h"

namespace quarry {
namespace {

const QString kCounts = QStringLiteral("counts");

// What the manifest records of the database, so that a database damaged or altered behind a matching
// sha256 (rows lost, a foreign key broken) is noticed when the archive is read.
QJsonObject countsOf(const ProjectStats& s) {
  return {{QStringLiteral("documents"), s.documents},
          {QStringLiteral("entities"), s.entities},
          {QStringLiteral("relations"), s.relations},
          {QStringLiteral("answers"), s.answers},
          {QStringLiteral("labels"), s.labels}};
}

Error refused(const QString& zipPath, const QString& what) {
  return Error("refused: " + what.toStdString(), zipPath.toStdString(), 0,
               ProjectArchive::databaseEntry().toStdString());
}

// The extracted database of `zipPath` (a temporary copy), checked before anything reads it: SQLite's own
// checks first (a damaged page, a broken reference); then, once open and brought up to the current
// schema, its tables and text (StoreAudit) and the counts the manifest records (older archives record
// none).
Result<std::unique_ptr<ProjectStore>> openArchived(const QString& zipPath, const QString& database,
                                                   const QJsonObject& manifest) {
  if (Status s = ProjectStore::checkFile(database); !s)
    return refused(zipPath, QString::fromStdString(s.error().message));
  auto store = ProjectStore::open(database, OpenMode::ReadWrite);
  if (!store) return refused(zipPath, QString::fromStdString(store.error().message));
  if (Status s = store.value()->checkContents(); !s)
    return refused(zipPath, QString::fromStdString(s.error().message));
  if (!manifest.contains(kCounts)) return store;
  Result<ProjectStats> stats = store.value()->stats();
  if (!stats) return stats.error();
  const QJsonObject recorded = manifest.value(kCounts).toObject();
  const QJsonObject held = countsOf(*stats);
  for (auto it = recorded.begin(); it != recorded.end(); ++it) {
    if (!held.contains(it.key())) continue;  // a count a newer Quarry records
    if (!it.value().isDouble() || it.value().toInteger(-1) != held.value(it.key()).toInteger())
      return refused(zipPath, QStringLiteral("the manifest records %1 %2 but the database holds %3")
                                  .arg(it.value().toVariant().toString(), it.key())
                                  .arg(held.value(it.key()).toInteger()));
  }
  return store;
}

// Copies `from` to a new file `to` through OutputFile: complete or absent, a failed write reported, and
// never over a file that appeared at `to` meanwhile.
Status copyFile(const QString& from, const QString& to) {
  QFile in(from);
  if (!in.open(QIODevice::ReadOnly))
    return Error("cannot open: " + in.errorString().toStdString(), from.toStdString());
  OutputFile out(to);
  if (Status s = out.open(); !s) return s;
  for (QByteArray chunk; !(chunk = in.read(1 << 20)).isEmpty();)
    if (Status s = out.write(chunk); !s) return s;
  if (in.error() != QFileDevice::NoError)
    return Error("cannot read: " + in.errorString().toStdString(), from.toStdString());
  return out.commitNew();
}

}  // namespace

Status exportProjectArchive(ProjectStore& store, const QString& zipPath) {
  QTemporaryDir temp;
  if (!temp.isValid()) return Error("cannot create a temporary folder: " + temp.errorString().toStdString());
  const QString snapshot = temp.filePath(QStringLiteral("project.quarry"));
  if (Status s = store.backupTo(snapshot); !s) return s;
  Result<ProjectInfo> info = store.info();
  if (!info) return info.error();
  QJsonObject extras;
  extras[QStringLiteral("project_name")] = info->name;
  {
    // Counted in the snapshot itself: the live project may change meanwhile.
    auto copy = ProjectStore::open(snapshot, OpenMode::ReadOnly);
    if (!copy) return copy.error();
    Result<ProjectStats> stats = copy.value()->stats();
    if (!stats) return stats.error();
    extras[kCounts] = countsOf(*stats);
  }
  return ProjectArchive::write(snapshot, extras, zipPath);
}

Status restoreProjectArchive(const QString& zipPath, const QString& projectPath) {
  if (QFileInfo::exists(projectPath))
    return Error("refusing to overwrite an existing file", projectPath.toStdString());
  QTemporaryDir temp;
  if (!temp.isValid()) return Error("cannot create a temporary folder: " + temp.errorString().toStdString());
  QJsonObject manifest;
  Result<QString> db = ProjectArchive::extract(zipPath, temp.path(), ArchiveLimits{}, &manifest);
  if (!db) return db.error();
  {
    // Checked, and migrated when it comes from an older Quarry, before it is kept: the pages and tables,
    // then the annotations as a merge import checks them (spans inside their text, relation arguments
    // that exist, types inside the project's schema).
    auto opened = openArchived(zipPath, db.value(), manifest);
    if (!opened) return opened.error();
    ProjectStore& store = *opened.value();
    Result<Schema> schema = store.schema();
    if (!schema) return refused(zipPath, QString::fromStdString(schema.error().message));
    Result<Corpus> corpus = store.loadCorpus(CorpusFilter{});
    if (!corpus) return refused(zipPath, QString::fromStdString(corpus.error().message));
    ImportOptions options;
    options.schema = schema.value();
    options.allowNewTypes = false;
    ImportReport report;
    if (Status s = validateCorpus(corpus.value(), options, report, zipPath); !s) {
      Error e = s.error();
      e.message = "refused: " + e.message;
      return e;
    }
  }
  return copyFile(db.value(), projectPath);
}

Result<Corpus> readProjectArchive(const QString& zipPath) {
  QTemporaryDir temp;
  if (!temp.isValid()) return Error("cannot create a temporary folder: " + temp.errorString().toStdString());
  QJsonObject manifest;
  Result<QString> db = ProjectArchive::extract(zipPath, temp.path(), ArchiveLimits{}, &manifest);
  if (!db) return db.error();
  auto store = openArchived(zipPath, db.value(), manifest);
  if (!store) return store.error();
  return store.value()->loadCorpus(CorpusFilter{});
}

}  // namespace quarry
