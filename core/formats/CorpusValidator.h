#pragma once
// Checks shared by every importer, run on the Corpus a format produced before anything is written:
// spans inside the text and well formed, relation arguments that exist, types inside the schema.
// Format-specific checks (a line that does not parse, offsets that do not match the quoted text)
// belong in the format, which knows the line.

#include "formats/Format.h"

namespace quarry {

// Applies options.policy: Reject returns the first problem; Repair drops or fixes the offending
// annotation, adds a warning to `report`, and succeeds. `source` names the file in messages.
// Types outside options.schema: added to corpus.schema when options.allowNewTypes, else a problem.
Status validateCorpus(Corpus& corpus, const ImportOptions& options, ImportReport& report,
                      const QString& source);

}  // namespace quarry
