#include "formats/ProjectArchive.h"

#include <cstdio>

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipfileinfo.h>
#include <quazip/quazipnewinfo.h>

namespace quarry {
namespace {

constexpr qint64 kChunk = 256 * 1024;

Error archiveError(const QString& zipPath, const QString& what, const QString& entry = {}) {
  return Error(what.toStdString(), zipPath.toStdString(), 0, entry.toStdString());
}

Result<QByteArray> sha256Of(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    return Error("cannot open: " + f.errorString().toStdString(), path.toStdString());
  QCryptographicHash hash(QCryptographicHash::Sha256);
  if (!hash.addData(&f)) return Error("cannot read: " + f.errorString().toStdString(), path.toStdString());
  return hash.result().toHex();
}

// Why an entry name is unsafe to extract, or empty when it is fine.
QString unsafeName(const QString& name) {
  QString n = name;
  n.replace(QLatin1Char('\\'),
            QLatin1Char('/'));  // Windows tools write backslashes; treat them as separators
  if (n.isEmpty()) return QStringLiteral("has an empty name");
  if (n.startsWith(QLatin1Char('/'))) return QStringLiteral("has an absolute path");
  if (QRegularExpression(QStringLiteral("^[A-Za-z]:")).match(n).hasMatch())
    return QStringLiteral("names a drive");
  for (const QString& part : n.split(QLatin1Char('/')))
    if (part == QLatin1String("..")) return QStringLiteral("escapes the target folder");
  if (n.contains(QChar(0))) return QStringLiteral("has a NUL in its name");
  return {};
}

bool isSymlink(const QuaZipFileInfo64& info) {
  const quint32 mode = info.externalAttr >> 16;  // Unix mode bits in the high half
  return (mode & 0170000) == 0120000;
}

Status writeEntry(QuaZip& zip, const QString& name, QIODevice& source, const QString& zipPath) {
  QuaZipFile out(&zip);
  QuaZipNewInfo info(name);
  info.dateTime = QDateTime::currentDateTimeUtc();
  info.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                      QFileDevice::ReadOther);
  if (!out.open(QIODevice::WriteOnly, info))
    return archiveError(zipPath, QStringLiteral("cannot add the entry"), name);
  QByteArray buffer;
  while (!(buffer = source.read(kChunk)).isEmpty())
    if (out.write(buffer) != buffer.size())
      return archiveError(zipPath, QStringLiteral("cannot write (disk full?)"), name);
  out.close();
  if (out.getZipError() != 0) return archiveError(zipPath, QStringLiteral("cannot write (disk full?)"), name);
  return {};
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

  const QString temp = zipPath + QStringLiteral(".part");
  QFile::remove(temp);
  auto fail = [&](const Error& e) -> Status {
    QFile::remove(temp);
    return e;
  };
  {
    QuaZip zip(temp);
    zip.setZip64Enabled(true);
    zip.setUtf8Enabled(true);
    if (!zip.open(QuaZip::mdCreate))
      return fail(archiveError(zipPath, QStringLiteral("cannot create the archive")));
    QFile db(databaseFile);
    if (!db.open(QIODevice::ReadOnly))
      return fail(Error("cannot open: " + db.errorString().toStdString(), databaseFile.toStdString()));
    if (Status s = writeEntry(zip, databaseEntry(), db, zipPath); !s) return fail(s.error());
    QByteArray json = QJsonDocument(manifest).toJson(QJsonDocument::Indented);
    QBuffer buffer(&json);
    buffer.open(QIODevice::ReadOnly);
    if (Status s = writeEntry(zip, manifestEntry(), buffer, zipPath); !s) return fail(s.error());
    zip.close();
    if (zip.getZipError() != 0)
      return fail(archiveError(zipPath, QStringLiteral("cannot finish the archive (disk full?)")));
  }
  // rename(2) replaces an existing archive atomically; QFile::rename would refuse to.
  if (std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(zipPath).constData()) != 0)
    return fail(archiveError(zipPath, QStringLiteral("cannot move the finished archive into place")));
  return {};
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
  QJsonParseError pe;
  const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
  if (pe.error != QJsonParseError::NoError || !doc.isObject())
    return archiveError(zipPath, QStringLiteral("the manifest is not a JSON object"), manifestEntry());
  return doc.object();
}

Result<QString> ProjectArchive::extract(const QString& zipPath, const QString& targetFolder,
                                        const ArchiveLimits& limits) {
  QuaZip zip(zipPath);
  if (!zip.open(QuaZip::mdUnzip)) return archiveError(zipPath, QStringLiteral("not a readable zip archive"));
  // Check every entry before writing anything.
  const QList<QuaZipFileInfo64> entries = zip.getFileInfoList64();
  if (entries.size() > limits.maxEntries)
    return archiveError(zipPath, QStringLiteral("holds %1 entries, more than the %2 allowed")
                                     .arg(entries.size())
                                     .arg(limits.maxEntries));
  qint64 total = 0;
  bool hasDatabase = false, hasManifest = false;
  for (const QuaZipFileInfo64& e : entries) {
    if (const QString why = unsafeName(e.name); !why.isEmpty())
      return archiveError(zipPath, QStringLiteral("refused: the entry %1").arg(why), e.name);
    if (isSymlink(e))
      return archiveError(zipPath, QStringLiteral("refused: the entry is a symbolic link"), e.name);
    if (qint64(e.uncompressedSize) > limits.maxEntryBytes || qint64(e.uncompressedSize) < 0)
      return archiveError(zipPath,
                          QStringLiteral("refused: the entry declares %1 bytes, more than the %2 allowed")
                              .arg(e.uncompressedSize)
                              .arg(limits.maxEntryBytes),
                          e.name);
    total += qint64(e.uncompressedSize);
    if (total > limits.maxTotalBytes)
      return archiveError(zipPath,
                          QStringLiteral("refused: the entries declare more than the %1 bytes allowed in all")
                              .arg(limits.maxTotalBytes),
                          e.name);
    hasDatabase = hasDatabase || e.name == databaseEntry();
    hasManifest = hasManifest || e.name == manifestEntry();
  }
  if (!hasManifest)
    return archiveError(zipPath, QStringLiteral("not a Quarry project archive: no manifest"),
                        manifestEntry());
  if (!hasDatabase)
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

  QDir target(targetFolder);
  const bool created = !target.exists();
  if (!target.mkpath(QStringLiteral(".")))
    return archiveError(zipPath, QStringLiteral("cannot create the folder %1").arg(targetFolder));
  for (const QuaZipFileInfo64& e : entries)
    if (!e.name.endsWith(QLatin1Char('/')) && QFileInfo::exists(target.filePath(e.name)))
      return archiveError(zipPath, QStringLiteral("refused: %1 already exists").arg(target.filePath(e.name)),
                          e.name);
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
  QStringList files;
  for (bool more = zip.goToFirstFile(); more; more = zip.goToNextFile()) {
    QuaZipFileInfo64 info;
    zip.getCurrentFileInfo(&info);
    QString rel = info.name;
    rel.replace(QLatin1Char('\\'), QLatin1Char('/'));
    const QString dest = QDir::cleanPath(stagingRoot + QLatin1Char('/') + rel);
    if (!dest.startsWith(stagingRoot + QLatin1Char('/')))
      return refuse(
          archiveError(zipPath, QStringLiteral("refused: the entry escapes the target folder"), info.name));
    if (rel.endsWith(QLatin1Char('/'))) {
      QDir().mkpath(dest);
      continue;
    }
    QDir().mkpath(QFileInfo(dest).path());
    QuaZipFile in(&zip);
    if (!in.open(QIODevice::ReadOnly))
      return refuse(archiveError(zipPath, QStringLiteral("cannot read the entry"), info.name));
    QFile out(dest);
    if (!out.open(QIODevice::WriteOnly))
      return refuse(Error("cannot write: " + out.errorString().toStdString(), dest.toStdString()));
    const qint64 allowed = qMin(qint64(info.uncompressedSize), limits.maxEntryBytes);
    qint64 written = 0;
    QByteArray buffer;
    while (!(buffer = in.read(kChunk)).isEmpty()) {
      written += buffer.size();
      if (written > allowed)  // more than it declared, or than the limit: a zip bomb
        return refuse(archiveError(
            zipPath, QStringLiteral("refused: the entry inflates beyond %1 bytes").arg(allowed), info.name));
      if (out.write(buffer) != buffer.size())
        return refuse(
            Error("cannot write (disk full?): " + out.errorString().toStdString(), dest.toStdString()));
    }
    in.close();
    if (in.getZipError() != 0)
      return refuse(archiveError(zipPath, QStringLiteral("refused: the entry is corrupt (CRC or data error)"),
                                 info.name));
    files << rel;
  }
  Result<QByteArray> sha = sha256Of(stagingRoot + QLatin1Char('/') + databaseEntry());
  if (!sha) return refuse(sha.error());
  if (QString::fromLatin1(*sha) != manifest->value(QStringLiteral("database_sha256")).toString())
    return refuse(archiveError(zipPath,
                               QStringLiteral("refused: the database's sha256 does not match the manifest"),
                               databaseEntry()));
  for (const QString& rel : files) {
    const QString dest = target.filePath(rel);
    QDir().mkpath(QFileInfo(dest).path());
    if (!QFile::rename(stagingRoot + QLatin1Char('/') + rel, dest)) {
      for (const QString& done : files) QFile::remove(target.filePath(done));
      return refuse(
          archiveError(zipPath, QStringLiteral("cannot move the extracted file to %1").arg(dest), rel));
    }
  }
  staging.remove();
  return target.filePath(databaseEntry());
}

}  // namespace quarry
