#include "store/CorpusLoader.h"

#include <QHash>
#include <QSqlQuery>

#include "store/SchemaStore.h"
#include "store/SqlUtil.h"

namespace quarry {
namespace {

const QString kOp = QStringLiteral("load documents");
const QString kProvColumns = QStringLiteral("annotator_id, origin, guideline_version, created, updated");

QHash<qint64, QString> invert(const QHash<QString, qint64>& ids) {
  QHash<qint64, QString> names;
  for (auto it = ids.cbegin(); it != ids.cend(); ++it) names.insert(it.value(), it.key());
  return names;
}

Provenance provenanceAt(const QSqlQuery& q, int first, const QHash<qint64, QString>& annotators) {
  Provenance p;
  const QVariant annotator = q.value(first);
  if (!annotator.isNull()) p.annotator = annotators.value(annotator.toLongLong());
  parseOrigin(q.value(first + 1).toString(), &p.origin);
  p.guidelineVersion = q.value(first + 2).toInt();
  p.created = sql::fromEpochMs(q.value(first + 3));
  p.updated = sql::fromEpochMs(q.value(first + 4));
  return p;
}

}  // namespace

Result<Corpus> CorpusLoader::loadCorpus(const CorpusFilter& filter) {
  Corpus corpus;
  Result<Schema> schema = SchemaStore(m_c).load();
  if (!schema) return schema.error();
  corpus.schema = std::move(schema.value());
  Selection sel;
  QStringList conditions;
  if (!filter.splits.isEmpty()) {
    QStringList marks;
    for (Split s : filter.splits) {
      marks << QStringLiteral("?");
      sel.values << splitName(s);
    }
    conditions << QStringLiteral("d.split IN (%1)").arg(marks.join(QStringLiteral(", ")));
  }
  if (!filter.statuses.isEmpty()) {
    QStringList marks;
    for (DocumentStatus s : filter.statuses) {
      marks << QStringLiteral("?");
      sel.values << statusName(s);
    }
    conditions << QStringLiteral("d.status IN (%1)").arg(marks.join(QStringLiteral(", ")));
  }
  sel.where = conditions.join(QStringLiteral(" AND "));
  if (Status s = load(sel, filter.provenance, corpus.documents, nullptr); !s) return s.error();
  return corpus;
}

Result<StoredDocument> CorpusLoader::loadDocument(qint64 id) {
  QVector<Document> docs;
  QVector<StoredDocument> stored;
  if (Status s = load({QStringLiteral("d.id = ?"), {id}}, true, docs, &stored); !s) return s.error();
  if (docs.isEmpty())
    return m_c.fail(QStringLiteral("load document"), QStringLiteral("no document with id %1").arg(id));
  stored[0].document = std::move(docs[0]);
  return std::move(stored[0]);
}

Result<StoredDocument> CorpusLoader::loadDocumentRange(qint64 id, int start, int end) {
  QVector<Document> docs;
  QVector<StoredDocument> stored;
  Selection sel{QStringLiteral("d.id = ?"), {id}};
  sel.ranged = true;
  sel.rangeStart = start;
  sel.rangeEnd = end;
  if (Status s = load(sel, true, docs, &stored); !s) return s.error();
  if (docs.isEmpty())
    return m_c.fail(QStringLiteral("load document"), QStringLiteral("no document with id %1").arg(id));
  stored[0].document = std::move(docs[0]);
  return std::move(stored[0]);
}

Status CorpusLoader::load(const Selection& sel, bool provenance, QVector<Document>& docs,
                          QVector<StoredDocument>* stored) {
  Result<SchemaTypeIds> typeIds = SchemaStore(m_c).typeIds();
  if (!typeIds) return typeIds.error();
  const QHash<qint64, QString> entityTypes = invert(typeIds->entity),
                               relationTypes = invert(typeIds->relation), fields = invert(typeIds->qaField),
                               categories = invert(typeIds->category);
  QHash<qint64, QString> annotators;
  QSqlQuery q = m_c.query();
  q.setForwardOnly(true);
  auto run = [&](const QString& statement, const QVariantList& more = {}) {
    Status s = sql::run(q, statement, sel.values + more, kOp);
    return s ? s : Status(m_c.withFile(s.error()));
  };
  if (provenance) {
    if (Status s = sql::run(q, QStringLiteral("SELECT id, name FROM annotators"), {}, kOp); !s)
      return m_c.withFile(s.error());
    while (q.next()) annotators.insert(q.value(0).toLongLong(), q.value(1).toString());
  }

  const QString docWhere = sel.where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + sel.where;
  if (Status s =
          run(QStringLiteral("SELECT d.id, d.name, d.text, d.source_file, d.metadata, d.split, d.status "
                             "FROM documents d") +
              docWhere + QStringLiteral(" ORDER BY d.id"));
      !s)
    return s;
  QHash<qint64, int> docIndex;
  while (q.next()) {
    Document d;
    d.name = q.value(1).toString();
    d.text = q.value(2).toString();
    d.sourceFile = q.value(3).toString();
    d.metadata = sql::fromJsonText(q.value(4).toString());
    parseSplit(q.value(5).toString(), &d.split);
    parseStatus(q.value(6).toString(), &d.status);
    docIndex.insert(q.value(0).toLongLong(), docs.size());
    docs.push_back(std::move(d));
    if (stored) {
      stored->push_back(StoredDocument{});
      stored->back().id = q.value(0).toLongLong();
    }
  }
  if (docs.isEmpty()) return {};
  // Annotations of the selected documents only; without a filter, every row in one scan.
  const QString inDocs =
      sel.where.isEmpty() ? QString()
                          : QStringLiteral(" WHERE a.document_id IN (SELECT d.id FROM documents d WHERE ") +
                                sel.where + QLatin1Char(')');
  // A range: spans starting in it and the spans at the offsets of their relations' tails (so that a relation
  // reaching out of the range finds its tail in every layer), relations whose head starts in it, answers
  // starting in it; below 0, the labels and the "no answer" answers. Each condition binds `sel.values` again.
  const bool documentLevel = sel.ranged && sel.rangeStart < 0;
  const QString spansInRange =
      QStringLiteral(
          "SELECT h.id FROM entity_spans h WHERE h.document_id IN (SELECT d.id FROM documents d WHERE ") +
      sel.where + QStringLiteral(") AND h.start_cp >= ? AND h.start_cp < ?");
  QString spanRange, relationRange, answerRange;
  QVariantList spanValues, rangeValues;
  if (sel.ranged && !documentLevel) {
    rangeValues = sel.values + QVariantList{sel.rangeStart, sel.rangeEnd};
    // By row id, from a union of index searches: an OR here would scan every span of the document.
    spanRange = QStringLiteral(" AND a.id IN (") + spansInRange +
                QStringLiteral(
                    " UNION SELECT s.id FROM entity_spans s WHERE s.document_id IN (SELECT d.id FROM "
                    "documents d WHERE ") +
                sel.where +
                QStringLiteral(
                    ") AND s.start_cp IN (SELECT t.start_cp FROM relations r JOIN entity_spans t ON "
                    "t.id = r.tail_id WHERE r.head_id IN (") +
                spansInRange + QStringLiteral(")))");
    spanValues = rangeValues + sel.values + rangeValues;
    relationRange = QStringLiteral(" AND a.head_id IN (") + spansInRange + QLatin1Char(')');
    answerRange = QStringLiteral(" AND NOT a.no_answer AND a.start_cp >= ? AND a.start_cp < ?");
  } else if (documentLevel) {
    answerRange = QStringLiteral(" AND a.no_answer");
  }

  struct SpanRef {
    int doc;
    int entity;
  };
  QHash<qint64, SpanRef> spans;
  if (Status s = run(
          QStringLiteral(
              "SELECT a.id, a.document_id, a.key, a.type_id, a.start_cp, a.end_cp, a.attributes, ") +
              kProvColumns + QStringLiteral(" FROM entity_spans a") + inDocs + spanRange +
              (documentLevel ? QStringLiteral(" AND 1 = 0") : QString()) + QStringLiteral(" ORDER BY a.id"),
          spanValues);
      !s)
    return s;
  while (q.next()) {
    const int di = docIndex.value(q.value(1).toLongLong(), -1);
    if (di < 0) continue;
    EntitySpan e;
    e.key = q.value(2).toString();
    e.type = entityTypes.value(q.value(3).toLongLong());
    e.fragments.push_back(Fragment{q.value(4).toInt(), q.value(5).toInt()});
    e.attributes = sql::fromJsonText(q.value(6).toString());
    if (provenance) e.provenance = provenanceAt(q, 7, annotators);
    spans.insert(q.value(0).toLongLong(), SpanRef{di, int(docs[di].entities.size())});
    docs[di].entities.push_back(std::move(e));
    if (stored) (*stored)[di].entityIds.push_back(q.value(0).toLongLong());
  }
  if (Status s = run(QStringLiteral("SELECT f.span_id, f.start_cp, f.end_cp FROM span_fragments f "
                                    "JOIN entity_spans a ON a.id = f.span_id") +
                         inDocs + spanRange + (documentLevel ? QStringLiteral(" AND 1 = 0") : QString()) +
                         QStringLiteral(" ORDER BY f.span_id, f.ordinal"),
                     spanValues);
      !s)
    return s;
  qint64 lastSpan = -1;
  while (q.next()) {
    const qint64 spanId = q.value(0).toLongLong();
    const auto it = spans.constFind(spanId);
    if (it == spans.cend()) continue;
    QVector<Fragment>& fragments = docs[it->doc].entities[it->entity].fragments;
    if (spanId != lastSpan) fragments.clear();  // replaces the covering range with the pieces
    lastSpan = spanId;
    fragments.push_back(Fragment{q.value(1).toInt(), q.value(2).toInt()});
  }
  if (Status s = run(
          QStringLiteral(
              "SELECT a.id, a.document_id, a.key, a.type_id, a.head_id, a.tail_id, a.attributes, ") +
              kProvColumns + QStringLiteral(" FROM relations a") + inDocs + relationRange +
              (documentLevel ? QStringLiteral(" AND 1 = 0") : QString()) + QStringLiteral(" ORDER BY a.id"),
          rangeValues);
      !s)
    return s;
  while (q.next()) {
    const int di = docIndex.value(q.value(1).toLongLong(), -1);
    if (di < 0) continue;
    Relation r;
    r.key = q.value(2).toString();
    r.type = relationTypes.value(q.value(3).toLongLong());
    const auto head = spans.constFind(q.value(4).toLongLong()),
               tail = spans.constFind(q.value(5).toLongLong());
    if (head == spans.cend() || tail == spans.cend())
      continue;  // both lie in this document (import, addRelation)
    r.head = docs[head->doc].entities[head->entity].key;
    r.tail = docs[tail->doc].entities[tail->entity].key;
    r.attributes = sql::fromJsonText(q.value(6).toString());
    if (provenance) r.provenance = provenanceAt(q, 7, annotators);
    docs[di].relations.push_back(std::move(r));
    if (stored) (*stored)[di].relationIds.push_back(q.value(0).toLongLong());
  }
  if (Status s = run(
          QStringLiteral("SELECT a.id, a.document_id, a.field_id, a.question_id, a.no_answer, a.start_cp, "
                         "a.end_cp, a.attributes, ") +
              kProvColumns + QStringLiteral(" FROM qa_answers a") + inDocs + answerRange +
              QStringLiteral(" ORDER BY a.id"),
          sel.ranged && !documentLevel ? QVariantList{sel.rangeStart, sel.rangeEnd} : QVariantList{});
      !s)
    return s;
  while (q.next()) {
    const int di = docIndex.value(q.value(1).toLongLong(), -1);
    if (di < 0) continue;
    QaAnswer a;
    a.field = fields.value(q.value(2).toLongLong());
    a.questionId = q.value(3).toString();
    a.noAnswer = q.value(4).toBool();
    a.start = q.value(5).toInt();
    a.end = q.value(6).toInt();
    a.attributes = sql::fromJsonText(q.value(7).toString());
    if (provenance) a.provenance = provenanceAt(q, 8, annotators);
    docs[di].answers.push_back(std::move(a));
    if (stored) (*stored)[di].answerIds.push_back(q.value(0).toLongLong());
  }
  if (Status s = run(QStringLiteral("SELECT a.id, a.document_id, a.category_id, ") + kProvColumns +
                     QStringLiteral(" FROM document_labels a") + inDocs +
                     (sel.ranged && !documentLevel ? QStringLiteral(" AND 1 = 0") : QString()) +
                     QStringLiteral(" ORDER BY a.id"));
      !s)
    return s;
  while (q.next()) {
    const int di = docIndex.value(q.value(1).toLongLong(), -1);
    if (di < 0) continue;
    DocumentLabel l;
    l.category = categories.value(q.value(2).toLongLong());
    if (provenance) l.provenance = provenanceAt(q, 3, annotators);
    docs[di].labels.push_back(std::move(l));
    if (stored) (*stored)[di].labelIds.push_back(q.value(0).toLongLong());
  }
  return {};
}

}  // namespace quarry
