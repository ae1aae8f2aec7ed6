#pragma once
// What every zip Quarry reads or writes goes through: entries added with fixed permissions and a checked
// write, and extraction that trusts nothing in the zip. Shared by project archives
// (formats/ProjectArchive.h) and model archives (jobs/ModelArchive.h).
//
// checkEntries refuses, before anything is written, entries that would land outside the target folder
// ("../x", "/etc/x", "C:x", backslash tricks), symbolic links, two entries of one name, too many entries
// and entries larger than the limits. inflateBudget bounds what may be inflated by a compression ratio to
// the archive's size on disk (plus a small allowance), by the free space at the target and by fixed
// ceilings; extractCurrent holds to it for the bytes actually produced, whatever the headers say.

#include <functional>

#include <QList>
#include <QString>

#include "common/Error.h"

class QIODevice;
class QuaZip;
struct QuaZipFileInfo64;

namespace quarry {

struct ArchiveLimits {
  qint64 maxEntryBytes = qint64(16) << 30;  // ceiling on one entry, uncompressed
  qint64 maxTotalBytes = qint64(32) << 30;  // ceiling on all entries together, uncompressed
  int maxEntries = 64;                      // entries in the archive, folders included
  // A project database deflates to a fraction of its size, but not to a hundredth: more than this many
  // bytes inflated per byte of archive (on disk) is a zip bomb.
  qint64 maxRatio = 100;
  qint64 ratioAllowance = qint64(16) << 20;  // inflated bytes any archive may have beyond the ratio
                                             // (tiny projects are mostly empty pages and deflate best)
  qint64 keepFree = qint64(64) << 20;        // bytes extraction leaves free on the target's disk
};

// How many bytes an extraction may inflate in all, and the words that say which bound that is.
struct InflateBudget {
  qint64 bytes = 0;
  QString why;
};

class ZipSafety {
 public:
  // An Error about `zipPath`, naming `entry` (its field) when given.
  static Error error(const QString& zipPath, const QString& what, const QString& entry = {});
  // Why an entry name is unsafe to extract ("has an absolute path"), or empty when it is fine.
  static QString unsafeName(const QString& name);
  // The entry is a symbolic link (Unix mode bits in its external attributes).
  static bool isSymlink(const QuaZipFileInfo64& info);
  // The name with backslashes read as separators, as Windows tools write them.
  static QString normalName(const QString& name);

  // Every entry's name, kind and declared size, and their number, against `limits`; the Error names the
  // first entry refused.
  static Status checkEntries(const QString& zipPath, const QList<QuaZipFileInfo64>& entries,
                             const ArchiveLimits& limits);
  // The bytes an extraction of `zipPath` into `targetFolder` may inflate in all.
  static InflateBudget inflateBudget(const QString& zipPath, const QString& targetFolder,
                                     const ArchiveLimits& limits);

  // Writes a new zip at `zipPath` with the entries `fill` adds: to a temporary file beside it, renamed once
  // complete, so a failure (a full disk) leaves no partial archive and any older archive untouched. Errors
  // name the zip and, where one is concerned, the entry.
  static Status write(const QString& zipPath, const std::function<Status(QuaZip& zip)>& fill);
  // Adds entry `name` to a zip open for writing, with `source`'s bytes, read-only for others.
  static Status addEntry(QuaZip& zip, const QString& name, QIODevice& source, const QString& zipPath);
  // Inflates the zip's current entry `info` into the new file `dest`, refusing once it produces more than
  // it declared, than limits.maxEntryBytes or (counting `inflated`, updated) than `budget`, or when its
  // data is corrupt. A refusal may leave a partial `dest`: extract into a staging folder.
  static Status extractCurrent(QuaZip& zip, const QuaZipFileInfo64& info, const QString& dest,
                               const QString& zipPath, const ArchiveLimits& limits,
                               const InflateBudget& budget, qint64& inflated);
};

}  // namespace quarry
