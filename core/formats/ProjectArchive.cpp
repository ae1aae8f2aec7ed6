#include "formats/ProjectArchive.h"

#include <sys/statvfs.h>

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipfileinfo.h>
#include <quazip/quazipnewinfo.h>

#include "corpus/JsonText.h"
#include "formats/OutputFile.h"

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
      return archiveError(zipPath, QStringLiteral("cannot write"), name);
  out.close();
  if (out.getZipError() != 0) return archiveError(zipPath, QStringLiteral("cannot write"), name);
  return {};
}

// How many bytes an extraction may inflate in all, and the words that say which bound that is.
struct InflateBudget {
  qint64 bytes = 0;
  QString why;
};

// Bytes an unprivileged user may still write on the file system holding `folder` (or its nearest existing
// parent: the target is made later); -1 when unknown. statvfs, not QStorageInfo: QStorageInfo looks the
// path up in the mount table, which has no entry for the root of a chroot or some containers.
qint64 bytesAvailableFor(const QString& folder) {
  QString existing = QFileInfo(folder).absoluteFilePath();
  while (!QFileInfo::exists(existing)) {
    const QString parent = QFileInfo(existing).absolutePath();
    if (parent == existing) return -1;
    existing = parent;
  }
  struct statvfs fs {};
  if (::statvfs(QFile::encodeName(existing).constData(), &fs) != 0) return -1;
  return qint64(fs.f_bavail) * qint64(fs.f_frsize);
}

InflateBudget inflateBudget(const QString& zipPath, const QString& targetFolder,
                            const ArchiveLimits& limits) {
  const qint64 archiveSize = QFileInfo(zipPath).size();
  InflateBudget b{limits.maxTotalBytes,
                  QStringLiteral("the %1 bytes allowed in all").arg(limits.maxTotalBytes)};
  const qint64 byRatio = archiveSize > (b.bytes - limits.ratioAllowance) / qMax<qint64>(1, limits.maxRatio)
                             ? b.bytes
                             : archiveSize * limits.maxRatio + limits.ratioAllowance;
  if (byRatio < b.bytes)
    b = {byRatio, QStringLiteral("the %1 bytes an archive of %2 bytes may inflate to (%3 times its size)")
                      .arg(byRatio)
                      .arg(archiveSize)
                      .arg(limits.maxRatio)};
  if (const qint64 available = bytesAvailableFor(targetFolder); available >= 0) {
    const qint64 usable = qMax<qint64>(0, available - limits.keepFree);
    if (usable < b.bytes)
      b = {usable, QStringLiteral("the %1 bytes free in %2 (keeping %3 bytes free)")
                       .arg(usable)
                       .arg(targetFolder)
                       .arg(limits.keepFree)};
  }
  return b;
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
  OutputFile out(zipPath);
  if (Status s = out.open(); !s) return s;
  // The zip library says only that a write failed; the file knows why.
  auto failed = [&](const Status& s) -> Status {
    if (out.writeError().isEmpty()) return s;
    return archiveError(zipPath, QStringLiteral("cannot write: %1").arg(out.writeError()),
                        QString::fromStdString(s.error().field));
  };
  {
    QuaZip zip(&out.device());
    zip.setAutoClose(false);  // OutputFile closes it, checking the last flush
    zip.setZip64Enabled(true);
    zip.setUtf8Enabled(true);
    if (!zip.open(QuaZip::mdCreate))
      return archiveError(zipPath, QStringLiteral("cannot create the archive"));
    QFile db(databaseFile);
    if (!db.open(QIODevice::ReadOnly))
      return Error("cannot open: " + db.errorString().toStdString(), databaseFile.toStdString());
    if (Status s = writeEntry(zip, databaseEntry(), db, zipPath); !s) return failed(s);
    QByteArray json = QJsonDocument(manifest).toJson(QJsonDocument::Indented);
    QBuffer buffer(&json);
    buffer.open(QIODevice::ReadOnly);
    if (Status s = writeEntry(zip, manifestEntry(), buffer, zipPath); !s) return failed(s);
    zip.close();
    if (zip.getZipError() != 0)
      return failed(archiveError(zipPath, QStringLiteral("cannot finish the archive")));
  }
  return out.commit();
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
  if (entries.size() > limits.maxEntries)
    return archiveError(zipPath, QStringLiteral("holds %1 entries, more than the %2 allowed")
                                     .arg(entries.size())
                                     .arg(limits.maxEntries));
  qint64 total = 0;
  QSet<QString> names;
  for (const QuaZipFileInfo64& e : entries) {
    if (const QString why = unsafeName(e.name); !why.isEmpty())
      return archiveError(zipPath, QStringLiteral("refused: the entry %1").arg(why), e.name);
    if (isSymlink(e))
      return archiveError(zipPath, QStringLiteral("refused: the entry is a symbolic link"), e.name);
    QString normal = e.name;
    normal.replace(QLatin1Char('\\'), QLatin1Char('/'));
    if (names.contains(normal))
      return archiveError(zipPath, QStringLiteral("refused: two entries have this name"), e.name);
    names.insert(normal);
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
  }
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
  const InflateBudget budget = inflateBudget(zipPath, target.absolutePath(), limits);
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
    QuaZipFile in(&zip);
    if (!in.open(QIODevice::ReadOnly))
      return refuse(archiveError(zipPath, QStringLiteral("cannot read the entry"), info.name));
    QFile out(dest);
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly))
      return refuse(Error("cannot write: " + out.errorString().toStdString(), dest.toStdString()));
    const qint64 entryLimit = qMin(qint64(info.uncompressedSize), limits.maxEntryBytes);
    qint64 written = 0;
    QByteArray buffer;
    while (!(buffer = in.read(kChunk)).isEmpty()) {
      written += buffer.size();
      inflated += buffer.size();
      if (written > entryLimit)  // more than it declared, or than the limit: a zip bomb
        return refuse(archiveError(
            zipPath, QStringLiteral("refused: the entry inflates beyond %1 bytes").arg(entryLimit),
            info.name));
      if (inflated > budget.bytes)
        return refuse(archiveError(
            zipPath, QStringLiteral("refused: the entry inflates beyond %1").arg(budget.why), info.name));
      if (out.write(buffer) != buffer.size())
        return refuse(
            Error("cannot write (disk full?): " + out.errorString().toStdString(), dest.toStdString()));
    }
    in.close();
    if (in.getZipError() != 0 || written != qint64(info.uncompressedSize))
      return refuse(archiveError(zipPath, QStringLiteral("refused: the entry is corrupt (CRC or data error)"),
                                 info.name));
    if (!out.flush())
      return refuse(Error("cannot write: " + out.errorString().toStdString(), dest.toStdString()));
    out.close();
    if (out.error() != QFileDevice::NoError)
      return refuse(Error("cannot write: " + out.errorString().toStdString(), dest.toStdString()));
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
