#pragma once
// A project as one zip: the database ("project.quarry") and "manifest.json" {"format_version",
// "project_name", "quarry_version", "created", "database_file", "database_sha256", ...extras}.
//
// Extraction trusts nothing in the zip: entries that would land outside the target folder
// ("../x", "/etc/x", "C:x", backslash tricks), symbolic links, two entries of one name, too many
// entries, entries larger than the limits, corrupt data (CRC), a manifest naming another database and a
// database whose sha256 differs from the manifest are refused with an Error naming the entry; nothing
// is then left in the target folder. Only the manifest and the database it names are ever extracted.
//
// The size limits are proportionate to the archive: what may be inflated is bounded by a compression
// ratio to the archive's size on disk (plus a small allowance), by the free space at the target and by
// fixed ceilings, and holds for the bytes actually produced while inflating, whatever the headers say.

#include <QJsonObject>
#include <QString>

#include "common/Error.h"
#include "formats/ZipSafety.h"

namespace quarry {

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
  // of the extracted database and, when `manifest` is given, the manifest it was checked against.
  // Refuses to overwrite files already in `targetFolder`.
  static Result<QString> extract(const QString& zipPath, const QString& targetFolder,
                                 const ArchiveLimits& limits = {}, QJsonObject* manifest = nullptr);
  // The manifest alone, for showing what an archive holds before extracting.
  static Result<QJsonObject> readManifest(const QString& zipPath);
};

}  // namespace quarry
