#pragma once
// A data quality fix (QualityPanel's R and Delete) applied to the open document through its session, so
// that it is one undoable edit like any other: an entity added, retyped or removed, a category set
// changed, or the relation between the same two mentions added, retyped or removed (direction kept).

#include <QString>

namespace quarry::ui {

class DocumentSession;
struct QualityFix;

// `session` must have fix.documentId open. Why the fix could not be made, empty when it was.
QString applyFixToSession(DocumentSession& session, const QualityFix& fix);

}  // namespace quarry::ui
