#include "store/DocumentIndex.h"

#include <QSqlQuery>

#include "store/SqlUtil.h"

namespace quarry {
namespace {

// The annotation tables, each with the column naming its type and the table of those types.
struct AnnotationTable {
  const char* kind;  // as in ProjectStats::annotationCounts keys
  const char* table;
  const char* typeColumn;
  const char* typeTable;
};
constexpr AnnotationTable kAnnotationTables[] = {
    {"entity", "entity_spans", "type_id", "entity_types"},
    {"relation", "relations", "type_id", "relation_types"},
    {"answer", "qa_answers", "field_id", "qa_fields"},
    {"label", "document_labels", "category_id", "categories"},
};

}  // namespace

Result<QVector<DocumentSummary>> DocumentIndex::list(const DocumentListFilter& filter) {
  const QString op = QStringLiteral("list documents");
  QStringList conditions;
  QVariantList values;
  auto in = [&](const QString& column, const QStringList& names) {
    QStringList marks;
    for (const QString& n : names) {
      marks << QStringLiteral("?");
      values << n;
    }
    conditions << QStringLiteral("%1 IN (%2)").arg(column, marks.join(QStringLiteral(", ")));
  };
  if (!filter.splits.isEmpty()) {
    QStringList names;
    for (Split s : filter.splits) names << splitName(s);
    in(QStringLiteral("d.split"), names);
  }
  if (!filter.statuses.isEmpty()) {
    QStringList names;
    for (DocumentStatus s : filter.statuses) names << statusName(s);
    in(QStringLiteral("d.status"), names);
  }
  if (!filter.search.isEmpty()) {
    conditions << QStringLiteral("(%1 OR %2)")
                      .arg(m_c.dialect().containsCondition(QStringLiteral("d.name")),
                           m_c.dialect().containsCondition(QStringLiteral("d.text")));
    values << SqlDialect::likePattern(filter.search) << SqlDialect::likePattern(filter.search);
  }
  if (!filter.annotator.isEmpty()) {
    QStringList selects;
    for (const AnnotationTable& t : kAnnotationTables) {
      selects << QStringLiteral("SELECT document_id FROM %1 WHERE annotator_id = "
                                "(SELECT id FROM annotators WHERE name = ?)")
                     .arg(QLatin1String(t.table));
      values << filter.annotator;
    }
    conditions << QStringLiteral("d.id IN (%1)").arg(selects.join(QStringLiteral(" UNION ")));
  }
  if (!filter.assignedTo.isEmpty()) {
    conditions << QStringLiteral("d.id IN (SELECT document_id FROM assignments WHERE annotator_id = "
                                 "(SELECT id FROM annotators WHERE name = ?))");
    values << filter.assignedTo;
  }
  if (!filter.annotationType.isEmpty()) {
    const int colon = filter.annotationType.indexOf(QLatin1Char(':'));
    const QString kind = filter.annotationType.left(colon);
    const AnnotationTable* table = nullptr;
    for (const AnnotationTable& t : kAnnotationTables)
      if (colon > 0 && kind == QLatin1String(t.kind)) table = &t;
    if (!table)
      return m_c.withFile(Error("unknown annotation type '" + filter.annotationType.toStdString() +
                                    "' (expected entity:, relation:, answer: or label: and a name)",
                                {}, 0, "annotationType"));
    conditions << QStringLiteral("d.id IN (SELECT x.document_id FROM %1 x JOIN %2 t ON t.id = x.%3 "
                                 "WHERE t.name = ?)")
                      .arg(QLatin1String(table->table), QLatin1String(table->typeTable),
                           QLatin1String(table->typeColumn));
    values << filter.annotationType.mid(colon + 1);
  }
  // Counts come from grouped subqueries joined once, not a correlated count per row.
  auto counted = [](const QString& table, const QString& alias) {
    return QStringLiteral(
               " LEFT JOIN (SELECT document_id, COUNT(*) AS n FROM %1 GROUP BY document_id) %2 "
               "ON %2.document_id = d.id")
        .arg(table, alias);
  };
  QString statement = QStringLiteral(
                          "SELECT d.id, d.name, d.split, d.status, COALESCE(e.n, 0), COALESCE(r.n, 0), "
                          "COALESCE(a.n, 0), COALESCE(l.n, 0) FROM documents d") +
                      counted(QStringLiteral("entity_spans"), QStringLiteral("e")) +
                      counted(QStringLiteral("relations"), QStringLiteral("r")) +
                      counted(QStringLiteral("qa_answers"), QStringLiteral("a")) +
                      counted(QStringLiteral("document_labels"), QStringLiteral("l"));
  if (!conditions.isEmpty())
    statement += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
  statement += QStringLiteral(" ORDER BY d.id");
  if (filter.limit >= 0 || filter.offset > 0) {
    statement += QStringLiteral(" LIMIT ? OFFSET ?");
    values << (filter.limit >= 0 ? qint64(filter.limit) : std::numeric_limits<qint64>::max())
           << filter.offset;
  }
  QSqlQuery q = m_c.query();
  q.setForwardOnly(true);
  if (Status s = sql::run(q, statement, values, op); !s) return m_c.withFile(s.error());
  QVector<DocumentSummary> out;
  while (q.next()) {
    DocumentSummary d;
    d.id = q.value(0).toLongLong();
    d.name = q.value(1).toString();
    parseSplit(q.value(2).toString(), &d.split);
    parseStatus(q.value(3).toString(), &d.status);
    d.entities = q.value(4).toInt();
    d.relations = q.value(5).toInt();
    d.answers = q.value(6).toInt();
    d.labels = q.value(7).toInt();
    out.push_back(d);
  }
  return out;
}

Result<QStringList> DocumentIndex::annotators() {
  QSqlQuery q = m_c.query();
  q.setForwardOnly(true);
  if (Status s = sql::run(q, QStringLiteral("SELECT name FROM annotators ORDER BY name"), {},
                          QStringLiteral("list annotators"));
      !s)
    return m_c.withFile(s.error());
  QStringList names;
  while (q.next()) names << q.value(0).toString();
  return names;
}

Result<QHash<QString, QSet<QString>>> DocumentIndex::annotatorDocuments() {
  QSqlQuery q = m_c.query();
  q.setForwardOnly(true);
  const QString touched = QStringLiteral(
      "SELECT annotator_id, document_id FROM entity_spans UNION SELECT annotator_id, document_id FROM relations "
      "UNION SELECT annotator_id, document_id FROM qa_answers "
      "UNION SELECT annotator_id, document_id FROM document_labels "
      "UNION SELECT annotator_id, document_id FROM edit_log");
  if (Status s = sql::run(q,
                          QStringLiteral("SELECT a.name, d.name FROM (%1) AS t JOIN annotators a ON a.id = t.annotator_id "
                                         "JOIN documents d ON d.id = t.document_id")
                              .arg(touched),
                          {}, QStringLiteral("list the documents of each annotator"));
      !s)
    return m_c.withFile(s.error());
  QHash<QString, QSet<QString>> documents;
  while (q.next()) documents[q.value(0).toString()].insert(q.value(1).toString());
  return documents;
}

Result<ProjectStats> DocumentIndex::stats() {
  const QString op = QStringLiteral("project statistics");
  ProjectStats stats;
  QSqlQuery q = m_c.query();
  q.setForwardOnly(true);
  if (Status s = sql::run(
          q, QStringLiteral("SELECT split, status, COUNT(*) FROM documents GROUP BY split, status"), {}, op);
      !s)
    return m_c.withFile(s.error());
  while (q.next()) {
    Split split = Split::Unassigned;
    DocumentStatus status = DocumentStatus::New;
    parseSplit(q.value(0).toString(), &split);
    parseStatus(q.value(1).toString(), &status);
    const int n = q.value(2).toInt();
    stats.documents += n;
    stats.perSplit[split] += n;
    stats.perStatus[status] += n;
  }
  struct PerType {
    QString prefix, table, column, typeTable;
    int* total;
  };
  const PerType perType[] = {
      {QStringLiteral("entity:"), QStringLiteral("entity_spans"), QStringLiteral("type_id"),
       QStringLiteral("entity_types"), &stats.entities},
      {QStringLiteral("relation:"), QStringLiteral("relations"), QStringLiteral("type_id"),
       QStringLiteral("relation_types"), &stats.relations},
      {QStringLiteral("answer:"), QStringLiteral("qa_answers"), QStringLiteral("field_id"),
       QStringLiteral("qa_fields"), &stats.answers},
      {QStringLiteral("label:"), QStringLiteral("document_labels"), QStringLiteral("category_id"),
       QStringLiteral("categories"), &stats.labels},
  };
  for (const PerType& p : perType) {
    // Group on the narrow integer column first, then name the few groups.
    if (Status s = sql::run(
            q,
            QStringLiteral(
                "SELECT t.name, c.n FROM (SELECT %1 AS type_id, COUNT(*) AS n FROM %2 GROUP BY %1) c "
                "JOIN %3 t ON t.id = c.type_id")
                .arg(p.column, p.table, p.typeTable),
            {}, op);
        !s)
      return m_c.withFile(s.error());
    while (q.next()) {
      const int n = q.value(1).toInt();
      stats.annotationCounts.insert(p.prefix + q.value(0).toString(), n);
      *p.total += n;
    }
  }
  return stats;
}

}  // namespace quarry
