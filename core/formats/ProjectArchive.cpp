#include "formats/ProjectArchive.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipfileinfo.h>

#include "corpus/JsonText.h"

namespace quarry {
namespace {

Error archiveError(const QString& zipPath, const QString& what, const QString& entry = {}) {
  return ZipSafety::error(zipPath, what, entry);
}

Result<QByteArray> sha256Of(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    return Error("cannot open: " + f.errorString().toStdString(), path.toStdString());
  QCryptographicHash hash(QCryptographicHash::Sha256);
  if (!hash.addData(&f)) return Error("cannot read: " + f.errorString().toStdString(), path.toStdString());
  return hash.result().toHex();
}

}  // namespace

Status ProjectArchive::write(const QString& databaseFile, const QJsonObject& manifestExtras,
                             const QString& zipPath) {
  Result<QByteArray> sha = sha256Of(databaseFile);
  if (!sha) return sha.error();
  QJsonObject manifest = manifestExtras;
  if (!manifest.contains(QStringLiteral("project_name")))
    manifest[QStringLiteral("project_name")] = QFileInfo(databaseFile).completeBaseName();
  manifest[QStringLiteral("format_version")] = kFormatVersion;
  manifest[QStringLiteral("quarry_version")] = QStringLiteral(QUARRY_VERSION);
  manifest[QStringLiteral("created")] = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
  manifest[QStringLiteral("database_file")] = databaseEntry();
  manifest[QStringLiteral("database_sha256")] = QString::fromLatin1(*sha);

  // Written beside zipPath and renamed once complete: a failure (a full disk) leaves no partial archive
  // and any older archive untouched.
  return ZipSafety::write(zipPath, [&](QuaZip& zip) -> Status {
    QFile db(databaseFile);
    if (!db.open(QIODevice::ReadOnly))
      return Error("cannot open: " + db.errorString().toStdString(), databaseFile.toStdString());
    if (Status s = ZipSafety::addEntry(zip, databaseEntry(), db, zipPath); !s) return s;
    QByteArray json = QJsonDocument(manifest).toJson(QJsonDocument::Indented);
    QBuffer buffer(&json);
    buffer.open(QIODevice::ReadOnly);
    return ZipSafety::addEntry(zip, manifestEntry(), buffer, zipPath);
  });
}

Result<QJsonObject> ProjectArchive::readManifest(const QString& zipPath) {
  QuaZip zip(zipPath);
  if (!zip.open(QuaZip::mdUnzip)) return archiveError(zipPath, QStringLiteral("not a readable zip archive"));
  if (!zip.setCurrentFile(manifestEntry()))
    return archiveError(zipPath, QStringLiteral("the archive has no manifest"), manifestEntry());
  QuaZipFileInfo64 info;
  if (!zip.getCurrentFileInfo(&info) || info.uncompressedSize > 1024 * 1024)
    return archiveError(zipPath, QStringLiteral("the manifest is larger than 1 MiB"), manifestEntry());
  QuaZipFile f(&zip);
  if (!f.open(QIODevice::ReadOnly))
    return archiveError(zipPath, QStringLiteral("cannot read the entry"), manifestEntry());
  const QByteArray bytes = f.read(1024 * 1024 + 1);
  f.close();
  if (bytes.size() > 1024 * 1024 || f.getZipError() != 0)
    return archiveError(zipPath,
                        QStringLiteral("refused: the manifest is corrupt or larger than it declares"),
                        manifestEntry());
  Result<QJsonDocument> doc = parseJson(bytes, zipPath + QLatin1Char('/') + manifestEntry());
  if (!doc) {
    Error e = doc.error();
    e.field = manifestEntry().toStdString();
    e.file = zipPath.toStdString();
    e.message = "the manifest is not valid JSON: " + e.message + " (line " + std::to_string(e.line) + ")";
    e.line = 0;
    return e;
  }
  if (!doc->isObject())
    return archiveError(zipPath, QStringLiteral("the manifest is not a JSON object"), manifestEntry());
  return doc->object();
}

Result<QString> ProjectArchive::extract(const QString& zipPath, const QString& targetFolder,
                                        const ArchiveLimits& limits, QJsonObject* manifestOut) {
  QuaZip zip(zipPath);
  if (!zip.open(QuaZip::mdUnzip)) return archiveError(zipPath, QStringLiteral("not a readable zip archive"));
  // Check every entry before writing anything.
  const QList<QuaZipFileInfo64> entries = zip.getFileInfoList64();
  if (Status s = ZipSafety::checkEntries(zipPath, entries, limits); !s) return s.error();
  QSet<QString> names;
  for (const QuaZipFileInfo64& e : entries) names.insert(ZipSafety::normalName(e.name));
  if (!names.contains(manifestEntry()))
    return archiveError(zipPath, QStringLiteral("not a Quarry project archive: no manifest"),
                        manifestEntry());
  if (!names.contains(databaseEntry()))
    return archiveError(zipPath, QStringLiteral("not a Quarry project archive: no database"),
                        databaseEntry());

  Result<QJsonObject> manifest = readManifest(zipPath);
  if (!manifest) return manifest.error();
  const int version = manifest->value(QStringLiteral("format_version")).toInt();
  if (version < 1 || version > kFormatVersion)
    return archiveError(
        zipPath,
        QStringLiteral("archive format version %1 is not supported (this Quarry reads 1 to %2)")
            .arg(version)
            .arg(kFormatVersion),
        QStringLiteral("manifest.json: format_version"));
  const QJsonValue named = manifest->value(QStringLiteral("database_file"));
  if (!named.isUndefined() && named.toString() != databaseEntry())
    return archiveError(zipPath,
                        QStringLiteral("refused: the manifest names the database '%1', not '%2'")
                            .arg(named.toString(), databaseEntry()),
                        QStringLiteral("manifest.json: database_file"));

  QDir target(targetFolder);
  const bool created = !target.exists();
  if (!target.mkpath(QStringLiteral(".")))
    return archiveError(zipPath, QStringLiteral("cannot create the folder %1").arg(targetFolder));
  // Only what the manifest names is extracted; everything else stays in the zip.
  const QStringList wanted{manifestEntry(), databaseEntry()};
  const InflateBudget budget = ZipSafety::inflateBudget(zipPath, target.absolutePath(), limits);
  qint64 declared = 0;
  for (const QuaZipFileInfo64& e : entries) {
    if (!wanted.contains(e.name)) continue;
    declared += qint64(e.uncompressedSize);
    if (declared > budget.bytes) {
      if (created) QDir().rmdir(targetFolder);
      return archiveError(zipPath,
                          QStringLiteral("refused: the entry declares %1 bytes, more than %2")
                              .arg(e.uncompressedSize)
                              .arg(budget.why),
                          e.name);
    }
  }
  for (const QString& name : wanted)
    if (QFileInfo::exists(target.filePath(name))) {
      if (created) QDir().rmdir(targetFolder);
      return archiveError(zipPath, QStringLiteral("refused: %1 already exists").arg(target.filePath(name)),
                          name);
    }
  // Extract into a staging folder inside the target, then move into place: a refusal half-way
  // leaves nothing behind.
  QTemporaryDir staging(target.filePath(QStringLiteral(".extract-XXXXXX")));
  auto refuse = [&](const Error& e) -> Result<QString> {
    staging.remove();
    if (created) QDir().rmdir(targetFolder);
    return e;
  };
  if (!staging.isValid())
    return refuse(
        archiveError(zipPath, QStringLiteral("cannot create a staging folder in %1").arg(targetFolder)));
  const QString stagingRoot = QDir(staging.path()).canonicalPath();
  qint64 inflated = 0;  // bytes actually produced, whatever the headers say
  for (bool more = zip.goToFirstFile(); more; more = zip.goToNextFile()) {
    QuaZipFileInfo64 info;
    zip.getCurrentFileInfo(&info);
    if (!wanted.contains(info.name)) continue;
    const QString dest = stagingRoot + QLatin1Char('/') + info.name;
    if (Status s = ZipSafety::extractCurrent(zip, info, dest, zipPath, limits, budget, inflated); !s)
      return refuse(s.error());
  }
  Result<QByteArray> sha = sha256Of(stagingRoot + QLatin1Char('/') + databaseEntry());
  if (!sha) return refuse(sha.error());
  if (QString::fromLatin1(*sha) != manifest->value(QStringLiteral("database_sha256")).toString())
    return refuse(archiveError(zipPath,
                               QStringLiteral("refused: the database's sha256 does not match the manifest"),
                               databaseEntry()));
  QStringList moved;
  for (const QString& name : wanted) {
    const QString dest = target.filePath(name);
    if (!QFile::rename(stagingRoot + QLatin1Char('/') + name, dest)) {
      for (const QString& done : moved) QFile::remove(done);
      return refuse(
          archiveError(zipPath, QStringLiteral("cannot move the extracted file to %1").arg(dest), name));
    }
    moved << dest;
  }
  staging.remove();
  if (manifestOut) *manifestOut = manifest.value();
  return target.filePath(databaseEntry());
}

}  // namespace quarry
