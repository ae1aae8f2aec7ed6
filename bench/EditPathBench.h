#pragma once
// The "window" section of bench_annotation_view: edits of a large document through the real main window
// and project store, timed from the key press to the settled window (see annotation_view.cpp).

#include "LargeDocument.h"

namespace bench {

// Imports `document` into a temporary project under `schema`, opens it in a MainWindow and prints the
// median and p95 ms of each action over `repeat` runs, then the cost of an edit's parts. `words` are the
// document's words (the labels and suggestions land on them). False when an action did not do its edit.
bool editPathSection(const quarry::Document& document, const QVector<Word>& words, const quarry::Schema& schema,
                     int repeat);

}  // namespace bench
