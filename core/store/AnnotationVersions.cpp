#include "store/AnnotationVersions.h"

#include <QCryptographicHash>
#include <QHash>
#include <QSqlRecord>

#include "store/SqlUtil.h"

namespace quarry {
namespace {

// Per kind: a query whose rows are (row id, document id, the content columns...); every table is joined to
// documents as `d` for the split condition.
struct KindQuery {
  const char* kind;
  const char* select;
};

const KindQuery kKinds[] = {
    {"document", "SELECT d.id, d.id, d.name, d.text FROM documents d"},
    {"entity",
     "SELECT e.id, e.document_id, t.name, e.start_cp, e.end_cp, e.attributes FROM entity_spans e "
     "JOIN entity_types t ON t.id = e.type_id JOIN documents d ON d.id = e.document_id"},
    {"relation",
     "SELECT r.id, r.document_id, t.name, r.head_id, r.tail_id, r.attributes FROM relations r "
     "JOIN relation_types t ON t.id = r.type_id JOIN documents d ON d.id = r.document_id"},
    {"answer",
     "SELECT a.id, a.document_id, f.name, a.question_id, a.no_answer, a.start_cp, a.end_cp, a.attributes "
     "FROM qa_answers a JOIN qa_fields f ON f.id = a.field_id JOIN documents d ON d.id = a.document_id"},
    {"label",
     "SELECT l.id, l.document_id, c.name FROM document_labels l "
     "JOIN categories c ON c.id = l.category_id JOIN documents d ON d.id = l.document_id"},
};

// " WHERE d.split IN (?, ...)" and its values; nothing for every split.
QString splitCondition(const QVector<Split>& splits, QVariantList& values) {
  if (splits.isEmpty()) return {};
  QStringList marks;
  for (Split s : splits) {
    marks << QStringLiteral("?");
    values << splitName(s);
  }
  return QStringLiteral(" WHERE d.split IN (") + marks.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString contentHash(const QStringList& parts) {
  // Unit separators between fields: no field's text can shift into the next.
  return QString::fromLatin1(
      QCryptographicHash::hash(parts.join(QChar(0x1f)).toUtf8(), QCryptographicHash::Sha1).toHex());
}

}  // namespace

Result<QVector<AnnotationVersion>> AnnotationVersions::read(const QVector<Split>& trainSplits,
                                                            const QVector<Split>& devSplits) {
  QVector<AnnotationVersion> out;
  if (Status s = readRole(QStringLiteral("train"), trainSplits, out); !s) return s.error();
  if (Status s = readRole(QStringLiteral("dev"), devSplits, out); !s) return s.error();
  return out;
}

Status AnnotationVersions::readRole(const QString& role, const QVector<Split>& splits,
                                    QVector<AnnotationVersion>& out) {
  const QString op = QStringLiteral("read the %1 annotations").arg(role);
  QVariantList values;
  const QString where = splitCondition(splits, values);
  // A discontinuous span's fragments, "start-end,start-end", by span id.
  QHash<qint64, QString> fragments;
  QSqlQuery q = m_c.query();
  q.setForwardOnly(true);
  if (Status s = sql::run(q,
                          QStringLiteral("SELECT f.span_id, f.start_cp, f.end_cp FROM span_fragments f "
                                         "JOIN entity_spans e ON e.id = f.span_id "
                                         "JOIN documents d ON d.id = e.document_id") +
                              where + QStringLiteral(" ORDER BY f.span_id, f.ordinal"),
                          values, op);
      !s)
    return m_c.withFile(s.error());
  while (q.next()) {
    QString& text = fragments[q.value(0).toLongLong()];
    if (!text.isEmpty()) text += QLatin1Char(',');
    text += q.value(1).toString() + QLatin1Char('-') + q.value(2).toString();
  }
  for (const KindQuery& kind : kKinds) {
    QSqlQuery rows = m_c.query();
    rows.setForwardOnly(true);
    if (Status s = sql::run(rows, QString::fromLatin1(kind.select) + where + QStringLiteral(" ORDER BY 1"),
                            values, op);
        !s)
      return m_c.withFile(s.error());
    const QString kindName = QString::fromLatin1(kind.kind);
    const bool entity = kindName == QLatin1String("entity");
    while (rows.next()) {
      AnnotationVersion v;
      v.role = role;
      v.kind = kindName;
      v.annotationId = rows.value(0).toLongLong();
      v.documentId = rows.value(1).toLongLong();
      QStringList parts;
      const int columns = rows.record().count();
      for (int c = 2; c < columns; ++c)
        parts << (rows.isNull(c) ? QStringLiteral("\\N") : rows.value(c).toString());
      if (entity) parts << fragments.value(v.annotationId);
      v.contentHash = contentHash(parts);
      out << v;
    }
  }
  return {};
}

}  // namespace quarry
