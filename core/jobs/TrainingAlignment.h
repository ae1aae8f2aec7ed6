#pragma once
// Which entity spans of a document the NER engine cannot train as annotated (they start or end inside
// a word, or overlap another span), found by the engine's own data step — so the workbench can mark
// them before training reports them.

#include <QHash>
#include <QString>

#include "corpus/Document.h"

namespace quarry::jobs {

// Entity key -> the engine's reason ("starts inside the word 'APC2-related'; trained as ..."). Spans
// the engine trains as annotated are absent. Discontinuous spans are reported as trained on their
// covering span.
QHash<QString, QString> misalignedEntities(const Document& document);

}  // namespace quarry::jobs
