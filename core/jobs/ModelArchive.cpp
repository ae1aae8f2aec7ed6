#include "jobs/ModelArchive.h"

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <quazip/quazip.h>
#include <quazip/quazipfileinfo.h>

#include "jobs/ModelCard.h"
#include "train/TaskFactory.h"

namespace quarry::jobs {
namespace {

Status addBytes(QuaZip& zip, const QString& name, QByteArray bytes, const QString& zipPath) {
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::ReadOnly);
  return ZipSafety::addEntry(zip, name, buffer, zipPath);
}

// The files under `folder`, relative to it, sorted; links are left out (an archive carries no links).
QStringList filesUnder(const QString& folder) {
  QStringList files;
  QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
  while (it.hasNext()) files << QDir(folder).relativeFilePath(it.next());
  files.sort();
  return files;
}

// The one folder every entry lies in; an Error naming the first entry outside it.
Result<QString> topFolderOf(const QString& zipPath, const QList<QuaZipFileInfo64>& entries) {
  QString top;
  for (const QuaZipFileInfo64& e : entries) {
    const QString name = ZipSafety::normalName(e.name);
    const int slash = name.indexOf(QLatin1Char('/'));
    if (slash <= 0)
      return ZipSafety::error(
          zipPath, QStringLiteral("refused: the entry is not inside the archive's top folder"), e.name);
    const QString first = name.left(slash);
    if (first == QLatin1String("."))
      return ZipSafety::error(zipPath, QStringLiteral("refused: the entry's top folder is '.'"), e.name);
    if (!top.isEmpty() && first != top)
      return ZipSafety::error(
          zipPath,
          QStringLiteral("refused: a model archive has one top folder, this entry is in '%1', not '%2'")
              .arg(first, top),
          e.name);
    top = first;
  }
  if (top.isEmpty()) return ZipSafety::error(zipPath, QStringLiteral("refused: the archive is empty"));
  return top;
}

}  // namespace

QString modelArchiveFolder(const ModelRun& run) {
  return QStringLiteral("%1-run-%2").arg(run.task.isEmpty() ? QStringLiteral("model") : run.task).arg(run.id);
}

Status exportModelArchive(ProjectStore& store, qint64 runId, const QString& zipPath) {
  Result<ModelRun> run = store.run(runId);
  if (!run) return run.error();
  const QString folder = run->checkpointPath;
  if (folder.isEmpty())
    return Error(QStringLiteral("run %1 has no checkpoint to export").arg(runId).toStdString(),
                 store.path().toStdString());
  if (!QFileInfo(folder).isDir())
    return Error(QStringLiteral("run %1's model folder is missing").arg(runId).toStdString(),
                 folder.toStdString());
  const QStringList files = filesUnder(folder);
  if (files.isEmpty())
    return Error(QStringLiteral("run %1's model folder is empty").arg(runId).toStdString(),
                 folder.toStdString());
  Result<QVector<AnnotationVersion>> read = store.runAnnotations(runId);
  if (!read) return read.error();

  ModelCardInput input;
  input.run = run.value();
  input.projectName = QFileInfo(store.path()).completeBaseName();
  input.modelFolder = folder;
  input.archiveFolder = modelArchiveFolder(run.value());
  for (const AnnotationVersion& v : read.value())
    ++(v.kind == QLatin1String("document") ? input.lineageDocuments : input.lineageAnnotations);
  const ModelCard card(input);
  const QString top = input.archiveFolder + QLatin1Char('/');

  return ZipSafety::write(zipPath, [&](QuaZip& zip) -> Status {
    for (const QString& file : files) {
      QFile in(QDir(folder).filePath(file));
      if (!in.open(QIODevice::ReadOnly))
        return Error("cannot open: " + in.errorString().toStdString(), in.fileName().toStdString());
      if (Status s = ZipSafety::addEntry(zip, top + file, in, zipPath); !s) return s;
    }
    if (Status s = addBytes(zip, top + QStringLiteral("README.md"), card.markdown().toUtf8(), zipPath); !s)
      return s;
    return addBytes(zip, top + QStringLiteral("quarry_card.json"),
                    QJsonDocument(card.json()).toJson(QJsonDocument::Indented), zipPath);
  });
}

Result<QString> importModelArchive(const QString& zipPath, const QString& destinationFolder,
                                   const ArchiveLimits& limits) {
  QuaZip zip(zipPath);
  if (!zip.open(QuaZip::mdUnzip))
    return ZipSafety::error(zipPath, QStringLiteral("not a readable zip archive"));
  // Check every entry before writing anything.
  const QList<QuaZipFileInfo64> entries = zip.getFileInfoList64();
  if (Status s = ZipSafety::checkEntries(zipPath, entries, limits); !s) return s.error();
  Result<QString> top = topFolderOf(zipPath, entries);
  if (!top) return top.error();

  QDir target(destinationFolder);
  const QString modelFolder = target.filePath(top.value());
  if (QFileInfo::exists(modelFolder))
    return ZipSafety::error(zipPath, QStringLiteral("refused: %1 already exists").arg(modelFolder),
                            top.value() + QLatin1Char('/'));
  // The folders this import makes, deepest first: removed again on a refusal.
  QStringList created;
  for (QString f = target.absolutePath(); !QFileInfo::exists(f); f = QFileInfo(f).absolutePath())
    created << f;
  if (!target.mkpath(QStringLiteral(".")))
    return ZipSafety::error(zipPath, QStringLiteral("cannot create the folder %1").arg(destinationFolder));
  // Extracted into a staging folder inside the destination and moved into place once checked: a refusal
  // half-way leaves nothing behind.
  QTemporaryDir staging(target.filePath(QStringLiteral(".import-XXXXXX")));
  auto refuse = [&](const Error& e) -> Result<QString> {
    staging.remove();
    for (const QString& f : created) QDir().rmdir(f);
    return e;
  };
  if (!staging.isValid())
    return refuse(ZipSafety::error(
        zipPath, QStringLiteral("cannot create a staging folder in %1").arg(destinationFolder)));
  const QDir stagingRoot(QDir(staging.path()).canonicalPath());
  const InflateBudget budget = ZipSafety::inflateBudget(zipPath, target.absolutePath(), limits);
  qint64 inflated = 0;  // bytes actually produced, whatever the headers say
  for (bool more = zip.goToFirstFile(); more; more = zip.goToNextFile()) {
    QuaZipFileInfo64 info;
    zip.getCurrentFileInfo(&info);
    const QString name = ZipSafety::normalName(info.name);
    const QString dest = stagingRoot.filePath(name);
    if (name.endsWith(QLatin1Char('/'))) {
      if (!stagingRoot.mkpath(name))
        return refuse(
            ZipSafety::error(zipPath, QStringLiteral("cannot create the folder %1").arg(dest), info.name));
      continue;
    }
    if (!QDir().mkpath(QFileInfo(dest).absolutePath()))
      return refuse(ZipSafety::error(
          zipPath, QStringLiteral("cannot create the folder %1").arg(QFileInfo(dest).absolutePath()),
          info.name));
    if (Status s = ZipSafety::extractCurrent(zip, info, dest, zipPath, limits, budget, inflated); !s)
      return refuse(s.error());
  }
  const QString staged = stagingRoot.filePath(top.value());
  if (Result<std::string> task = train::modelFolderTask(staged.toStdString()); !task)
    return refuse(ZipSafety::error(
        zipPath,
        QStringLiteral("not a Quarry model archive: %1").arg(QString::fromStdString(task.error().message)),
        top.value() + QLatin1Char('/')));
  if (!QDir().rename(staged, modelFolder))
    return refuse(ZipSafety::error(zipPath,
                                   QStringLiteral("cannot move the extracted folder to %1").arg(modelFolder),
                                   top.value() + QLatin1Char('/')));
  staging.remove();
  return modelFolder;
}

}  // namespace quarry::jobs
