#include "store/SchemaStore.h"

#include <QSqlQuery>

#include "store/SqlUtil.h"

namespace quarry {
namespace {

const QStringList kGuidelineColumns{QStringLiteral("definition"), QStringLiteral("positive_examples"),
                                    QStringLiteral("negative_examples"), QStringLiteral("edge_cases")};

// One type as columns and values, whatever its kind.
struct TypeRow {
  QString name;
  QStringList columns;  // besides name, position and the guideline columns
  QVariantList values;
  Guideline guideline;
};

QVariantList guidelineValues(const Guideline& g) {
  return {g.definition, sql::listToJsonText(g.positiveExamples), sql::listToJsonText(g.negativeExamples),
          sql::listToJsonText(g.edgeCases)};
}

Guideline guidelineAt(const QSqlQuery& q, int first) {
  Guideline g;
  g.definition = q.value(first).toString();
  g.positiveExamples = sql::listFromJsonText(q.value(first + 1).toString());
  g.negativeExamples = sql::listFromJsonText(q.value(first + 2).toString());
  g.edgeCases = sql::listFromJsonText(q.value(first + 3).toString());
  return g;
}

// A table of types and the annotations that refer to it.
struct TypeTable {
  QString table;
  QString kind;    // "entity type", for messages
  QString usedBy;  // annotation table
  QString usedByColumn;
};

const TypeTable kEntityTable{QStringLiteral("entity_types"), QStringLiteral("entity type"),
                             QStringLiteral("entity_spans"), QStringLiteral("type_id")};
const TypeTable kRelationTable{QStringLiteral("relation_types"), QStringLiteral("relation type"),
                               QStringLiteral("relations"), QStringLiteral("type_id")};
const TypeTable kQaTable{QStringLiteral("qa_fields"), QStringLiteral("QA field"),
                         QStringLiteral("qa_answers"), QStringLiteral("field_id")};
const TypeTable kCategoryTable{QStringLiteral("categories"), QStringLiteral("category"),
                               QStringLiteral("document_labels"), QStringLiteral("category_id")};

Result<QHash<QString, qint64>> idsOf(StoreConnection& c, const TypeTable& t) {
  QSqlQuery q = c.query();
  q.setForwardOnly(true);
  if (Status s = sql::run(q, QStringLiteral("SELECT id, name FROM ") + t.table, {},
                          QStringLiteral("read %1s").arg(t.kind));
      !s)
    return c.withFile(s.error());
  QHash<QString, qint64> ids;
  while (q.next()) ids.insert(q.value(1).toString(), q.value(0).toLongLong());
  return ids;
}

// Makes `t` hold exactly `rows`; returns whether any guideline text changed.
Result<bool> syncTable(StoreConnection& c, const TypeTable& t, const QVector<TypeRow>& rows) {
  const QString op = QStringLiteral("save %1s").arg(t.kind);
  Result<QHash<QString, qint64>> existing = idsOf(c, t);
  if (!existing) return existing.error();
  QHash<QString, Guideline> oldGuidelines;
  {
    QSqlQuery q = c.query();
    if (Status s = sql::run(q,
                            QStringLiteral("SELECT name, ") + kGuidelineColumns.join(QStringLiteral(", ")) +
                                QStringLiteral(" FROM ") + t.table,
                            {}, op);
        !s)
      return c.withFile(s.error());
    while (q.next()) oldGuidelines.insert(q.value(0).toString(), guidelineAt(q, 1));
  }
  bool guidelinesChanged = false;
  QSet<QString> kept;
  QSqlQuery q = c.query();
  for (int position = 0; position < rows.size(); ++position) {
    const TypeRow& row = rows[position];
    if (kept.contains(row.name))
      return c.fail(op, QStringLiteral("%1 '%2' is listed twice").arg(t.kind, row.name));
    kept.insert(row.name);
    if (oldGuidelines.value(row.name) != row.guideline) guidelinesChanged = true;
    const QStringList columns = QStringList{QStringLiteral("position")} + row.columns + kGuidelineColumns;
    QVariantList values = QVariantList{position} + row.values + guidelineValues(row.guideline);
    QString statement;
    if (existing->contains(row.name)) {
      statement = QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ?")
                      .arg(t.table, columns.join(QStringLiteral(" = ?, ")));
      values << existing->value(row.name);
    } else {
      QStringList marks;
      for (int i = 0; i <= columns.size(); ++i) marks << QStringLiteral("?");
      statement = QStringLiteral("INSERT INTO %1 (name, %2) VALUES (%3)")
                      .arg(t.table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")));
      values.prepend(row.name);
    }
    if (Status s = sql::run(q, statement, values, op); !s) return c.withFile(s.error());
  }
  for (auto it = existing->cbegin(); it != existing->cend(); ++it) {
    if (kept.contains(it.key())) continue;
    if (Status s =
            sql::run(q, QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2 = ?").arg(t.usedBy, t.usedByColumn),
                     {it.value()}, op);
        !s)
      return c.withFile(s.error());
    const int uses = q.next() ? q.value(0).toInt() : 0;
    if (uses > 0)
      return c.fail(
          op, QStringLiteral("cannot remove %1 '%2': %3 annotations use it").arg(t.kind, it.key()).arg(uses));
    if (!oldGuidelines.value(it.key()).isEmpty()) guidelinesChanged = true;
    if (Status s = sql::run(q, QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(t.table), {it.value()}, op);
        !s)
      return c.withFile(s.error());
  }
  return guidelinesChanged;
}

}  // namespace

Result<Schema> SchemaStore::load() {
  const QString op = QStringLiteral("read schema");
  Schema schema;
  const QString guideline = QStringLiteral(", ") + kGuidelineColumns.join(QStringLiteral(", "));
  QSqlQuery q = m_c.query();
  auto select = [&](const QString& columns, const QString& table) {
    return sql::run(q,
                    QStringLiteral("SELECT name, ") + columns + guideline + QStringLiteral(" FROM ") + table +
                        QStringLiteral(" ORDER BY position, id"),
                    {}, op);
  };
  if (Status s = select(QStringLiteral("colour, hotkey"), kEntityTable.table); !s)
    return m_c.withFile(s.error());
  while (q.next())
    schema.entityTypes.push_back(
        EntityType{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), guidelineAt(q, 3)});
  if (Status s =
          select(QStringLiteral("colour, hotkey, directed, head_types, tail_types"), kRelationTable.table);
      !s)
    return m_c.withFile(s.error());
  while (q.next()) {
    RelationType t;
    t.name = q.value(0).toString();
    t.colour = q.value(1).toString();
    t.hotkey = q.value(2).toString();
    t.directed = q.value(3).toBool();
    t.headTypes = sql::listFromJsonText(q.value(4).toString());
    t.tailTypes = sql::listFromJsonText(q.value(5).toString());
    t.guideline = guidelineAt(q, 6);
    schema.relationTypes.push_back(t);
  }
  if (Status s = select(QStringLiteral("questions, hotkey, entity_type"), kQaTable.table); !s)
    return m_c.withFile(s.error());
  while (q.next()) {
    QaField f;
    f.name = q.value(0).toString();
    f.questions = sql::listFromJsonText(q.value(1).toString());
    f.hotkey = q.value(2).toString();
    f.entityType = q.value(3).toString();
    f.guideline = guidelineAt(q, 4);
    schema.qaFields.push_back(f);
  }
  if (Status s = select(QStringLiteral("colour, hotkey"), kCategoryTable.table); !s)
    return m_c.withFile(s.error());
  while (q.next())
    schema.categories.push_back(
        CategoryType{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), guidelineAt(q, 3)});
  if (Status s = sql::run(q, QStringLiteral("SELECT guideline_version, multi_label_categories FROM project"),
                          {}, op);
      !s)
    return m_c.withFile(s.error());
  if (!q.next()) return m_c.fail(op, QStringLiteral("the project row is missing"));
  schema.guidelineVersion = q.value(0).toInt();
  schema.multiLabelCategories = q.value(1).toBool();
  return schema;
}

Result<SchemaTypeIds> SchemaStore::typeIds() {
  SchemaTypeIds ids;
  const std::pair<const TypeTable*, QHash<QString, qint64>*> tables[] = {{&kEntityTable, &ids.entity},
                                                                         {&kRelationTable, &ids.relation},
                                                                         {&kQaTable, &ids.qaField},
                                                                         {&kCategoryTable, &ids.category}};
  for (const auto& [table, out] : tables) {
    Result<QHash<QString, qint64>> r = idsOf(m_c, *table);
    if (!r) return r.error();
    *out = std::move(r.value());
  }
  return ids;
}

Result<int> SchemaStore::save(const Schema& schema, int guidelineVersion) {
  const QString op = QStringLiteral("save schema");
  if (Status s = m_c.requireWritable(op); !s) return s.error();
  const QStringList look{QStringLiteral("colour"), QStringLiteral("hotkey")};
  QVector<TypeRow> entities, relations, fields, categories;
  for (const EntityType& t : schema.entityTypes)
    entities.push_back({t.name, look, {t.colour, t.hotkey}, t.guideline});
  for (const RelationType& t : schema.relationTypes)
    relations.push_back(
        {t.name,
         look + QStringList{QStringLiteral("directed"), QStringLiteral("head_types"),
                            QStringLiteral("tail_types")},
         {t.colour, t.hotkey, t.directed, sql::listToJsonText(t.headTypes), sql::listToJsonText(t.tailTypes)},
         t.guideline});
  for (const QaField& f : schema.qaFields) {
    // As a schema file is read: the answering entity type must be one the project has.
    if (!f.entityType.isEmpty() && !schema.entityType(f.entityType))
      return m_c.fail(op, QStringLiteral("QA field '%1' names the entity type '%2', which the schema lacks")
                              .arg(f.name, f.entityType));
    fields.push_back({f.name,
                      {QStringLiteral("questions"), QStringLiteral("hotkey"), QStringLiteral("entity_type")},
                      {sql::listToJsonText(f.questions), f.hotkey, f.entityType},
                      f.guideline});
  }
  for (const CategoryType& t : schema.categories)
    categories.push_back({t.name, look, {t.colour, t.hotkey}, t.guideline});

  bool changed = false;
  const std::pair<const TypeTable*, const QVector<TypeRow>*> tables[] = {{&kEntityTable, &entities},
                                                                         {&kRelationTable, &relations},
                                                                         {&kQaTable, &fields},
                                                                         {&kCategoryTable, &categories}};
  for (const auto& [table, rows] : tables) {
    Result<bool> r = syncTable(m_c, *table, *rows);
    if (!r) return r.error();
    changed = changed || *r;
  }
  Result<int> current = m_c.guidelineVersion();
  if (!current) return current.error();
  const int version = guidelineVersion > 0 ? guidelineVersion : *current + (changed ? 1 : 0);
  QSqlQuery q = m_c.query();
  if (Status s =
          sql::run(q, QStringLiteral("UPDATE project SET guideline_version = ?, multi_label_categories = ?"),
                   {version, schema.multiLabelCategories}, op);
      !s)
    return m_c.withFile(s.error());
  return version;
}

}  // namespace quarry
