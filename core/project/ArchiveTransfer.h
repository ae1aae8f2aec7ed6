#pragma once
// Moves whole projects in and out of project archives (zip: database + manifest).

#include <memory>

#include <QString>

#include "common/Error.h"
#include "corpus/Corpus.h"
#include "store/ProjectStore.h"

namespace quarry {

// Writes a consistent snapshot of `store` into the archive at `zipPath` (atomically).
Status exportProjectArchive(ProjectStore& store, const QString& zipPath);
// Restores an archive as a new project file at `projectPath` (which must not exist).
Status restoreProjectArchive(const QString& zipPath, const QString& projectPath);
// Reads the documents and schema held in an archive, for merging into another project.
Result<Corpus> readProjectArchive(const QString& zipPath);

}  // namespace quarry
