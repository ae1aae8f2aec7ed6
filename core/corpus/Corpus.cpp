#include "corpus/Corpus.h"

#include <QSet>

namespace quarry {

QMap<QString, int> Corpus::annotationCounts() const {
  QMap<QString, int> counts;
  for (const Document& d : documents) {
    for (const EntitySpan& e : d.entities) ++counts[QStringLiteral("entity:") + e.type];
    for (const Relation& r : d.relations) ++counts[QStringLiteral("relation:") + r.type];
    for (const QaAnswer& a : d.answers) ++counts[QStringLiteral("answer:") + a.field];
    for (const DocumentLabel& l : d.labels) ++counts[QStringLiteral("label:") + l.category];
  }
  return counts;
}

QStringList Corpus::typesOutsideSchema() const {
  QStringList out;
  QSet<QString> seen;
  auto report = [&](const QString& what, const QString& name, const QString& doc) {
    const QString key = what + QLatin1Char(' ') + name;
    if (seen.contains(key)) return;
    seen.insert(key);
    out << QStringLiteral("%1 '%2' (document %3)").arg(what, name, doc);
  };
  for (const Document& d : documents) {
    for (const EntitySpan& e : d.entities)
      if (!schema.entityType(e.type)) report(QStringLiteral("entity type"), e.type, d.name);
    for (const Relation& r : d.relations)
      if (!schema.relationType(r.type)) report(QStringLiteral("relation type"), r.type, d.name);
    for (const QaAnswer& a : d.answers)
      if (!schema.qaField(a.field)) report(QStringLiteral("QA field"), a.field, d.name);
    for (const DocumentLabel& l : d.labels)
      if (!schema.category(l.category)) report(QStringLiteral("category"), l.category, d.name);
  }
  return out;
}

void Corpus::addMissingTypesToSchema() {
  // Name sets instead of Schema lookups: corpora with thousands of QA fields stay linear.
  QSet<QString> entities, relations, fields, categories;
  for (const EntityType& t : schema.entityTypes) entities.insert(t.name);
  for (const RelationType& t : schema.relationTypes) relations.insert(t.name);
  for (const QaField& f : schema.qaFields) fields.insert(f.name);
  for (const CategoryType& c : schema.categories) categories.insert(c.name);
  for (const Document& d : documents) {
    for (const EntitySpan& e : d.entities)
      if (!entities.contains(e.type)) {
        entities.insert(e.type);
        schema.entityTypes.push_back(EntityType{e.type, {}, {}, {}});
      }
    for (const Relation& r : d.relations)
      if (!relations.contains(r.type)) {
        relations.insert(r.type);
        RelationType t;
        t.name = r.type;
        schema.relationTypes.push_back(t);
      }
    for (const QaAnswer& a : d.answers)
      if (!fields.contains(a.field)) {
        fields.insert(a.field);
        QaField f;
        f.name = a.field;
        schema.qaFields.push_back(f);
      }
    for (const DocumentLabel& l : d.labels)
      if (!categories.contains(l.category)) {
        categories.insert(l.category);
        schema.categories.push_back(CategoryType{l.category, {}, {}, {}});
      }
  }
}

bool Corpus::sameContent(const Corpus& o, QString* why) const {
  auto fail = [&](const QString& reason) {
    if (why) *why = reason;
    return false;
  };
  if (schema != o.schema) return fail(QStringLiteral("schemas differ"));
  if (documents.size() != o.documents.size())
    return fail(QStringLiteral("document count %1 vs %2").arg(documents.size()).arg(o.documents.size()));
  for (int i = 0; i < documents.size(); ++i) {
    const QString d = documents[i].describeDifference(o.documents[i]);
    if (!d.isEmpty()) return fail(d);
  }
  return true;
}

}  // namespace quarry
