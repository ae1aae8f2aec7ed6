#pragma once
// Writes a project out for both front ends (quarry-cli export, the workbench's File > Export): the
// documents in one of FormatRegistry's writable formats, or the whole project as an archive.

#include <QString>

#include "common/Error.h"
#include "formats/Format.h"
#include "store/ProjectStore.h"

namespace quarry {

// The pseudo-format that writes a project archive (.zip) instead of documents.
inline constexpr char kProjectArchiveFormat[] = "archive";

struct ExportSummary {
  int documents = 0;  // documents written (for an archive: every document of the project)
  QString format;     // the format written
};

// Loads the documents of options.split (all when empty) from `store` and writes them as `formatName`
// (a writable FormatRegistry name, or kProjectArchiveFormat) to `output`. options.progress may
// cancel. The Error of a failed write always names a file: the one that failed, else `output`.
Result<ExportSummary> exportProject(ProjectStore& store, const QString& formatName, const QString& output,
                                    const ExportOptions& options);

}  // namespace quarry
