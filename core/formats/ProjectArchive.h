#pragma once
// A project as one zip: the database ("project.quarry") and "manifest.json" {"format_version",
// "project_name", "quarry_version", "created", "database_file", "database_sha256", ...extras}.
//
// Extraction trusts nothing in the zip: entries that would land outside the target folder
// ("../x", "/etc/x", "C:x", backslash tricks), symbolic links, too many entries, entries larger
// than the limits (declared sizes, and the bytes actually inflated, so a zip bomb that lies about
// its size stops too), corrupt data and a database whose sha256 differs from the manifest are
// refused with an Error naming the entry; nothing is then left in the target folder.

#include <QJsonObject>
#include <QString>

#include "common/Error.h"

namespace quarry {

struct ArchiveLimits {
  qint64 maxEntryBytes = qint64(16) << 30;  // largest uncompressed entry accepted
  qint64 maxTotalBytes = qint64(32) << 30;  // all entries together, uncompressed
  int maxEntries = 64;                      // entries in the archive, folders included
};

class ProjectArchive {
 public:
  static constexpr int kFormatVersion = 1;  // manifest "format_version" this build writes and reads
  static QString databaseEntry() { return QStringLiteral("project.quarry"); }
  static QString manifestEntry() { return QStringLiteral("manifest.json"); }

  // Zips `databaseFile` with a manifest (extras first, the fixed keys win; "project_name" defaults
  // to the database's file stem). Written to a temporary file beside `zipPath` and renamed, so a
  // failure (a full disk) leaves no partial archive and any older archive untouched.
  static Status write(const QString& databaseFile, const QJsonObject& manifestExtras, const QString& zipPath);
  // Extracts into `targetFolder` (created when missing) after the checks above; returns the path
  // of the extracted database. Refuses to overwrite files already in `targetFolder`.
  static Result<QString> extract(const QString& zipPath, const QString& targetFolder,
                                 const ArchiveLimits& limits = {});
  // The manifest alone, for showing what an archive holds before extracting.
  static Result<QJsonObject> readManifest(const QString& zipPath);
};

}  // namespace quarry
