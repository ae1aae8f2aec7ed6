#pragma once
// What a training run reads of the project, one row per document and annotation with a hash of its
// content, so that a later look can say exactly what was added, changed or removed since.
//
// WHY A CONTENT HASH: an annotation row keeps its id when it is edited (updateEntity changes type and
// offsets in place) and its `updated` time has millisecond resolution and moves on an edit that changes
// nothing. The hash covers what the engine trains on (a document's name and text; an entity's type,
// offsets, fragments and attributes; a relation's type, arguments and attributes; an answer's field,
// question, offsets and no-answer flag; a label's category), names rather than type ids, so that renaming
// a type changes the annotations of that type as training sees them.

#include <QVector>

#include "common/Error.h"
#include "store/StoreConnection.h"
#include "store/StoreTypes.h"

namespace quarry {

class AnnotationVersions {
 public:
  explicit AnnotationVersions(StoreConnection& connection) : m_c(connection) {}

  // Every document of `trainSplits` (role "train") and of `devSplits` (role "dev") and every annotation
  // in them; an empty list is every split, as documentsFromStore reads it.
  Result<QVector<AnnotationVersion>> read(const QVector<Split>& trainSplits, const QVector<Split>& devSplits);

 private:
  Status readRole(const QString& role, const QVector<Split>& splits, QVector<AnnotationVersion>& out);

  StoreConnection& m_c;
};

}  // namespace quarry
