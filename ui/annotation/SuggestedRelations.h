#pragma once
// A model's suggested relations in the annotation view, drawn as dashed arcs with their type and confidence
// between two spans the document already has. The view indexes them after the document's own relations,
// so AnnotationIndex and BlockLayout route, lay out and hit them like any other arc, and nothing of the
// index changes for them: each becomes a relation whose key no annotation can have, of a relation type
// named by its label ("TREATS 0.87") that has its type's colour and direction.

#include <QString>
#include <QVector>

#include "corpus/Document.h"
#include "corpus/Schema.h"

namespace quarry::ui {

class AnnotationIndex;

// A model's suggestion of a relation between two spans of the document shown.
struct SuggestedRelation {
  qint64 id = 0;  // the prediction row it comes from
  QString type;
  QString head;  // entity keys
  QString tail;
  double confidence = 0;

  bool operator==(const SuggestedRelation& o) const {
    return id == o.id && type == o.type && head == o.head && tail == o.tail && confidence == o.confidence;
  }
};

// Appends `suggestions` to `document`'s relations and their labels to `schema`'s relation types, as the
// view indexes them.
void addSuggestedRelations(Document& document, Schema& schema, const QVector<SuggestedRelation>& suggestions);
// The key the index knows suggestion `index` by.
QString suggestedRelationKey(int index);
// Which suggestion link `link` of `index` draws; -1 when it is an annotation's.
int suggestedRelationOfLink(const AnnotationIndex& index, int link);

}  // namespace quarry::ui
