#include "annotation/SuggestedRelations.h"

#include "annotation/AnnotationIndex.h"

namespace quarry::ui {
namespace {

// No key of an annotation starts with a control character.
const QString& keyPrefix() {
  static const QString prefix = QStringLiteral("\u0001suggested-relation-");
  return prefix;
}

}  // namespace

void addSuggestedRelations(Document& document, Schema& schema,
                           const QVector<SuggestedRelation>& suggestions) {
  for (int i = 0; i < suggestions.size(); ++i) {
    const SuggestedRelation& s = suggestions[i];
    Relation r;
    r.key = suggestedRelationKey(i);
    r.type = QStringLiteral("%1 %2").arg(s.type).arg(s.confidence, 0, 'f', 2);
    r.head = s.head;
    r.tail = s.tail;
    document.relations.push_back(r);
    RelationType label;
    if (const RelationType* known = schema.relationType(s.type)) label = *known;
    label.name = r.type;
    schema.relationTypes.push_back(label);
  }
}

QString suggestedRelationKey(int index) { return keyPrefix() + QString::number(index); }

int suggestedRelationOfLink(const AnnotationIndex& index, int link) {
  if (link < 0 || link >= index.links().size()) return -1;
  const QString& key = index.links()[link].key;
  if (!key.startsWith(keyPrefix())) return -1;
  bool ok = false;
  const int n = key.mid(keyPrefix().size()).toInt(&ok);
  return ok ? n : -1;
}

}  // namespace quarry::ui
