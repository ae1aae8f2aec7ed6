#pragma once
// A trained model as one zip, to hand on or keep: the files of a run's best/ folder under a top folder
// named after the run ("ner-run-12/"), with a model card (jobs/ModelCard.h) beside them as README.md and
// quarry_card.json. A transformer's folder stays a Hugging Face folder that Python transformers loads.
//
// Importing trusts nothing in the zip (formats/ZipSafety.h): entries outside the target folder, symbolic
// links, two entries of one name, entries outside one top folder and oversized entries are refused before
// anything is written, with an Error naming the zip and the entry; the zip is extracted into a staging
// folder inside the destination and moved into place only once it proved to be a model folder.

#include <QString>

#include "common/Error.h"
#include "formats/ZipSafety.h"
#include "store/ProjectStore.h"

namespace quarry::jobs {

// The archive's top folder for a run: "<task>-run-<id>" ("ner-run-12").
QString modelArchiveFolder(const ModelRun& run);

// Zips run `runId`'s best folder with its card into `zipPath`, written to a temporary file and renamed. A
// run without a checkpoint, or whose folder is gone, is refused.
Status exportModelArchive(ProjectStore& store, qint64 runId, const QString& zipPath);

// Extracts a model archive into `destinationFolder` (created when missing) and returns the model folder:
// destinationFolder/<the archive's top folder>, which must not exist yet.
Result<QString> importModelArchive(const QString& zipPath, const QString& destinationFolder,
                                   const ArchiveLimits& limits = {});

}  // namespace quarry::jobs
