#pragma once
// Cold start: suggestions before any model exists. A gazetteer (suggest::GazetteerSuggester) of every span
// already labelled in the project and of the bracketed spans of each entity type's guideline examples
// proposes, in the unassigned documents, the spans that repeat one of them (exact and case-folded matches,
// longest first, on word boundaries, never over an annotation). They are recorded as a run's entity
// predictions, like a model's, so that the annotation view shows and decides them the same way.

#include <QString>

#include "common/Error.h"

namespace quarry {
class ProjectStore;
}

namespace quarry::jobs {

struct GazetteerOutcome {
  qint64 runId = 0;
  int documents = 0;    // documents given suggestions for
  qint64 spans = 0;     // suggestions recorded
  qint64 surfaces = 0;  // distinct surfaces in the gazetteer
};

// Reads the schema and every document of `store` through it, and records a run "Gazetteer suggestions"
// (task ner, finished) with its predictions for the unassigned documents.
Result<GazetteerOutcome> suggestFromGazetteer(ProjectStore& store);

}  // namespace quarry::jobs
