#include "formats/ZipSafety.h"

#include <sys/statvfs.h>

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipfileinfo.h>
#include <quazip/quazipnewinfo.h>

#include "formats/OutputFile.h"

namespace quarry {
namespace {

constexpr qint64 kChunk = 256 * 1024;

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

}  // namespace

Error ZipSafety::error(const QString& zipPath, const QString& what, const QString& entry) {
  return Error(what.toStdString(), zipPath.toStdString(), 0, entry.toStdString());
}

QString ZipSafety::normalName(const QString& name) {
  QString n = name;
  n.replace(QLatin1Char('\\'), QLatin1Char('/'));
  return n;
}

QString ZipSafety::unsafeName(const QString& name) {
  const QString n = normalName(name);
  if (n.isEmpty()) return QStringLiteral("has an empty name");
  if (n.startsWith(QLatin1Char('/'))) return QStringLiteral("has an absolute path");
  if (QRegularExpression(QStringLiteral("^[A-Za-z]:")).match(n).hasMatch())
    return QStringLiteral("names a drive");
  for (const QString& part : n.split(QLatin1Char('/')))
    if (part == QLatin1String("..")) return QStringLiteral("escapes the target folder");
  if (n.contains(QChar(0))) return QStringLiteral("has a NUL in its name");
  return {};
}

bool ZipSafety::isSymlink(const QuaZipFileInfo64& info) {
  const quint32 mode = info.externalAttr >> 16;  // Unix mode bits in the high half
  return (mode & 0170000) == 0120000;
}

Status ZipSafety::checkEntries(const QString& zipPath, const QList<QuaZipFileInfo64>& entries,
                               const ArchiveLimits& limits) {
  if (entries.size() > limits.maxEntries)
    return error(zipPath, QStringLiteral("holds %1 entries, more than the %2 allowed")
                              .arg(entries.size())
                              .arg(limits.maxEntries));
  qint64 total = 0;
  QSet<QString> names;
  for (const QuaZipFileInfo64& e : entries) {
    if (const QString why = unsafeName(e.name); !why.isEmpty())
      return error(zipPath, QStringLiteral("refused: the entry %1").arg(why), e.name);
    if (isSymlink(e)) return error(zipPath, QStringLiteral("refused: the entry is a symbolic link"), e.name);
    const QString normal = normalName(e.name);
    if (names.contains(normal))
      return error(zipPath, QStringLiteral("refused: two entries have this name"), e.name);
    names.insert(normal);
    if (qint64(e.uncompressedSize) > limits.maxEntryBytes || qint64(e.uncompressedSize) < 0)
      return error(zipPath,
                   QStringLiteral("refused: the entry declares %1 bytes, more than the %2 allowed")
                       .arg(e.uncompressedSize)
                       .arg(limits.maxEntryBytes),
                   e.name);
    total += qint64(e.uncompressedSize);
    if (total > limits.maxTotalBytes)
      return error(zipPath,
                   QStringLiteral("refused: the entries declare more than the %1 bytes allowed in all")
                       .arg(limits.maxTotalBytes),
                   e.name);
  }
  return {};
}

InflateBudget ZipSafety::inflateBudget(const QString& zipPath, const QString& targetFolder,
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

Status ZipSafety::write(const QString& zipPath, const std::function<Status(QuaZip& zip)>& fill) {
  OutputFile out(zipPath);
  if (Status s = out.open(); !s) return s;
  // The zip library says only that a write failed; the file knows why.
  auto failed = [&](const Status& s) -> Status {
    if (out.writeError().isEmpty()) return s;
    return error(zipPath, QStringLiteral("cannot write: %1").arg(out.writeError()),
                 QString::fromStdString(s.error().field));
  };
  {
    QuaZip zip(&out.device());
    zip.setAutoClose(false);  // OutputFile closes it, checking the last flush
    zip.setZip64Enabled(true);
    zip.setUtf8Enabled(true);
    if (!zip.open(QuaZip::mdCreate)) return error(zipPath, QStringLiteral("cannot create the archive"));
    if (Status s = fill(zip); !s) return failed(s);
    zip.close();
    if (zip.getZipError() != 0) return failed(error(zipPath, QStringLiteral("cannot finish the archive")));
  }
  return out.commit();
}

Status ZipSafety::addEntry(QuaZip& zip, const QString& name, QIODevice& source, const QString& zipPath) {
  QuaZipFile out(&zip);
  QuaZipNewInfo info(name);
  info.dateTime = QDateTime::currentDateTimeUtc();
  info.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                      QFileDevice::ReadOther);
  if (!out.open(QIODevice::WriteOnly, info))
    return error(zipPath, QStringLiteral("cannot add the entry"), name);
  QByteArray buffer;
  while (!(buffer = source.read(kChunk)).isEmpty())
    if (out.write(buffer) != buffer.size()) return error(zipPath, QStringLiteral("cannot write"), name);
  out.close();
  if (out.getZipError() != 0) return error(zipPath, QStringLiteral("cannot write"), name);
  return {};
}

Status ZipSafety::extractCurrent(QuaZip& zip, const QuaZipFileInfo64& info, const QString& dest,
                                 const QString& zipPath, const ArchiveLimits& limits,
                                 const InflateBudget& budget, qint64& inflated) {
  QuaZipFile in(&zip);
  if (!in.open(QIODevice::ReadOnly))
    return error(zipPath, QStringLiteral("cannot read the entry"), info.name);
  QFile out(dest);
  if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly))
    return Error("cannot write: " + out.errorString().toStdString(), dest.toStdString());
  const qint64 entryLimit = qMin(qint64(info.uncompressedSize), limits.maxEntryBytes);
  qint64 written = 0;
  QByteArray buffer;
  while (!(buffer = in.read(kChunk)).isEmpty()) {
    written += buffer.size();
    inflated += buffer.size();
    if (written > entryLimit)  // more than it declared, or than the limit: a zip bomb
      return error(zipPath, QStringLiteral("refused: the entry inflates beyond %1 bytes").arg(entryLimit),
                   info.name);
    if (inflated > budget.bytes)
      return error(zipPath, QStringLiteral("refused: the entry inflates beyond %1").arg(budget.why),
                   info.name);
    if (out.write(buffer) != buffer.size())
      return Error("cannot write (disk full?): " + out.errorString().toStdString(), dest.toStdString());
  }
  in.close();
  if (in.getZipError() != 0 || written != qint64(info.uncompressedSize))
    return error(zipPath, QStringLiteral("refused: the entry is corrupt (CRC or data error)"), info.name);
  if (!out.flush()) return Error("cannot write: " + out.errorString().toStdString(), dest.toStdString());
  out.close();
  if (out.error() != QFileDevice::NoError)
    return Error("cannot write: " + out.errorString().toStdString(), dest.toStdString());
  return {};
}

}  // namespace quarry
