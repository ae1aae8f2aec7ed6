#include "store/AnnotationEditor.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>

#include "corpus/Schema.h"
#include "corpus/TextOffsets.h"
#include "store/SqlUtil.h"

namespace quarry {
namespace {

const QString kProvColumns = QStringLiteral("annotator_id, origin, guideline_version, created, updated");

QString checkFragments(const QVector<Fragment>& fragments, int length) {
  if (fragments.isEmpty()) return QStringLiteral("an entity needs at least one fragment");
  int previousEnd = 0;
  for (const Fragment& f : fragments) {
    if (f.start < previousEnd || f.end < f.start || f.end > length)
      return QStringLiteral("fragment %1-%2 is outside the text (%3 code points) or out of order")
          .arg(f.start)
          .arg(f.end)
          .arg(length);
    previousEnd = f.end;
  }
  return {};
}

}  // namespace

Result<AnnotationEditor::Edit> AnnotationEditor::start(const QString& op, const QString& annotator) {
  Q_UNUSED(op);
  Edit edit;
  Result<QVariant> id = m_c.annotatorId(annotator);
  if (!id) return id.error();
  edit.annotatorId = *id;
  Result<int> version = m_c.guidelineVersion();
  if (!version) return version.error();
  edit.guidelineVersion = *version;
  edit.now = sql::nowMs();
  return edit;
}

Result<int> AnnotationEditor::documentLength(const QString& op, qint64 documentId) {
  QSqlQuery q = m_c.query();
  // length() counts characters (code points) on both engines, so the text itself never leaves the database.
  if (Status s = sql::run(q, QStringLiteral("SELECT length(text) FROM documents WHERE id = ?"), {documentId}, op); !s)
    return m_c.withFile(s.error());
  if (!q.next()) return m_c.fail(op, QStringLiteral("no document with id %1").arg(documentId));
  return q.value(0).toInt();
}

Result<qint64> AnnotationEditor::typeId(const QString& op, const QString& table, const QString& kind,
                                        const QString& name) {
  QSqlQuery q = m_c.query();
  if (Status s = sql::run(q, QStringLiteral("SELECT id FROM %1 WHERE name = ?").arg(table), {name}, op); !s)
    return m_c.withFile(s.error());
  if (!q.next()) return m_c.fail(op, QStringLiteral("%1 '%2' is not in the schema").arg(kind, name));
  return q.value(0).toLongLong();
}

Result<qint64> AnnotationEditor::documentOf(const QString& op, const QString& table, qint64 id) {
  QSqlQuery q = m_c.query();
  if (Status s = sql::run(q, QStringLiteral("SELECT document_id FROM %1 WHERE id = ?").arg(table), {id}, op);
      !s)
    return m_c.withFile(s.error());
  if (!q.next()) return m_c.fail(op, QStringLiteral("no row %1 in %2").arg(id).arg(table));
  return q.value(0).toLongLong();
}

Result<QString> AnnotationEditor::nextKey(const QString& op, const QString& table, qint64 documentId,
                                          const QString& prefix) {
  QSqlQuery q = m_c.query();
  // The largest number among the document's <prefix><digits> keys, found by the engine: a long document has
  // tens of thousands of keys.
  if (Status s =
          sql::run(q,
                   QStringLiteral("SELECT MAX(CAST(SUBSTR(key, %1) AS BIGINT)) FROM %2 WHERE document_id = ? "
                                  "AND %3")
                       .arg(prefix.size() + 1)
                       .arg(table, m_c.dialect().numberedKeyCondition(QStringLiteral("key"), prefix)),
                   {documentId}, op);
      !s)
    return m_c.withFile(s.error());
  const qint64 highest = q.next() ? q.value(0).toLongLong() : 0;  // NULL (no such key) reads as 0
  return QString(prefix + QString::number(highest + 1));
}

Status AnnotationEditor::finish(const QString& op, qint64 documentId, const Edit& edit, const QString& action,
                                qint64 targetId, StartDocument start) {
  QSqlQuery q = m_c.query();
  // An annotation edit starts a new document in the same transaction, so a crash can never keep the
  // edit and lose the status (or the other way round).
  const QString sql = start == StartDocument::Yes
                          ? QStringLiteral(
                                "UPDATE documents SET updated = ?, status = CASE WHEN status = '%1' "
                                "THEN '%2' ELSE status END WHERE id = ?")
                                .arg(statusName(DocumentStatus::New), statusName(DocumentStatus::InProgress))
                          : QStringLiteral("UPDATE documents SET updated = ? WHERE id = ?");
  if (Status s = sql::run(q, sql, {edit.now, documentId}, op); !s) return m_c.withFile(s.error());
  return m_c.logEdit(documentId, edit.annotatorId, action, targetId);
}

Result<qint64> AnnotationEditor::addEntity(qint64 documentId, const EntitySpan& span,
                                           const QString& annotator, Origin origin) {
  Result<QVector<qint64>> ids = addEntities(documentId, {span}, annotator, origin);
  if (!ids) return ids.error();
  return ids->front();
}

Result<QVector<qint64>> AnnotationEditor::addEntities(qint64 documentId, const QVector<EntitySpan>& spans,
                                                      const QString& annotator, Origin origin) {
  const QString op = spans.size() == 1 ? QStringLiteral("add entity")
                                       : QStringLiteral("add %1 entities").arg(spans.size());
  if (spans.isEmpty()) return QVector<qint64>();
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(op); !s) return s.error();
  Result<Edit> edit = start(op, annotator);
  if (!edit) return edit.error();
  Result<int> length = documentLength(op, documentId);
  if (!length) return length.error();
  QHash<QString, qint64> types;
  // Empty keys: the next free T<n> of the document, then the ones after it not given in `spans`.
  QSet<QString> given;
  for (const EntitySpan& span : spans) given.insert(span.key);
  qint64 nextNumber = 0;
  QVector<qint64> ids;
  ids.reserve(spans.size());
  QSqlQuery q = m_c.query();
  for (int i = 0; i < spans.size(); ++i) {
    const EntitySpan& span = spans[i];
    if (const QString bad = checkFragments(span.fragments, *length); !bad.isEmpty()) return m_c.fail(op, bad);
    if (!types.contains(span.type)) {
      Result<qint64> type = typeId(op, QStringLiteral("entity_types"), QStringLiteral("entity type"), span.type);
      if (!type) return type.error();
      types.insert(span.type, *type);
    }
    QString key = span.key;
    if (key.isEmpty()) {
      if (nextNumber == 0) {
        Result<QString> first = nextKey(op, QStringLiteral("entity_spans"), documentId, QStringLiteral("T"));
        if (!first) return first.error();
        nextNumber = first->mid(1).toLongLong();
      }
      while (given.contains(QStringLiteral("T%1").arg(nextNumber))) ++nextNumber;
      key = QStringLiteral("T%1").arg(nextNumber++);
    }
    if (Status s = sql::run(
            q,
            QStringLiteral(
                "INSERT INTO entity_spans (document_id, key, type_id, start_cp, end_cp, attributes, ") +
                kProvColumns + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") +
                m_c.dialect().returningId(),
            {documentId, key, types.value(span.type), span.start(), span.end(), sql::toJsonText(span.attributes),
             edit->annotatorId, originName(origin), edit->guidelineVersion, edit->now, edit->now},
            op);
        !s)
      return m_c.withFile(s.error());
    const qint64 id = m_c.dialect().insertedId(q);
    ids << id;
    if (span.isDiscontinuous())
      for (int k = 0; k < span.fragments.size(); ++k)
        if (Status s = sql::run(
                q,
                QStringLiteral(
                    "INSERT INTO span_fragments (span_id, ordinal, start_cp, end_cp) VALUES (?, ?, ?, ?)"),
                {id, k, span.fragments[k].start, span.fragments[k].end}, op);
            !s)
          return m_c.withFile(s.error());
    // One log entry per span; the document's status and time once, with the last.
    const Status logged = i + 1 < spans.size()
                              ? m_c.logEdit(documentId, edit->annotatorId, QStringLiteral("add entity"), id)
                              : finish(op, documentId, *edit, QStringLiteral("add entity"), id);
    if (!logged) return logged.error();
  }
  if (Status s = tx.commit(op); !s) return s.error();
  return ids;
}

Result<qint64> AnnotationEditor::updateEntity(qint64 entityId, const QString& type,
                                              const QVector<Fragment>& fragments, const QString& annotator,
                                              Origin origin, const ReadVersion& read) {
  const QString op = QStringLiteral("update entity");
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(op); !s) return s.error();
  Result<Edit> edit = start(op, annotator);
  if (!edit) return edit.error();
  if (Status s = checkUnchanged(op, QStringLiteral("entity_spans"), entityId, read); !s) return s.error();
  Result<qint64> documentId = documentOf(op, QStringLiteral("entity_spans"), entityId);
  if (!documentId) return documentId.error();
  Result<int> length = documentLength(op, *documentId);
  if (!length) return length.error();
  if (const QString bad = checkFragments(fragments, *length); !bad.isEmpty()) return m_c.fail(op, bad);
  Result<qint64> typeRow = typeId(op, QStringLiteral("entity_types"), QStringLiteral("entity type"), type);
  if (!typeRow) return typeRow.error();
  QSqlQuery q = m_c.query();
  if (Status s = sql::run(
          q,
          QStringLiteral("UPDATE entity_spans SET type_id = ?, start_cp = ?, end_cp = ?, annotator_id = ?, "
                         "origin = ?, guideline_version = ?, updated = ? WHERE id = ?"),
          {*typeRow, fragments.front().start, fragments.back().end, edit->annotatorId, originName(origin),
           edit->guidelineVersion, edit->now, entityId},
          op);
      !s)
    return m_c.withFile(s.error());
  if (Status s = sql::run(q, QStringLiteral("DELETE FROM span_fragments WHERE span_id = ?"), {entityId}, op);
      !s)
    return m_c.withFile(s.error());
  if (fragments.size() > 1)
    for (int k = 0; k < fragments.size(); ++k)
      if (Status s = sql::run(
              q,
              QStringLiteral(
                  "INSERT INTO span_fragments (span_id, ordinal, start_cp, end_cp) VALUES (?, ?, ?, ?)"),
              {entityId, k, fragments[k].start, fragments[k].end}, op);
          !s)
        return m_c.withFile(s.error());
  if (Status s = finish(op, *documentId, *edit, QStringLiteral("update entity"), entityId); !s)
    return s.error();
  if (Status s = tx.commit(op); !s) return s.error();
  return entityId;
}

Status AnnotationEditor::checkUnchanged(const QString& op, const QString& table, qint64 id, const ReadVersion& read) {
  if (!read.updated.isValid()) return {};
  QSqlQuery q = m_c.query();
  if (Status s = sql::run(q,
                          QStringLiteral("SELECT a.name, t.updated FROM %1 t LEFT JOIN annotators a ON a.id = t.annotator_id "
                                         "WHERE t.id = ?")
                              .arg(table),
                          {id}, op);
      !s)
    return m_c.withFile(s.error());
  const auto stale = [&](const QString& why) {
    Error e = m_c.fail(op, why + QStringLiteral(" since you read it; the document shows the current version"));
    e.field = kStaleWriteField;
    return e;
  };
  if (!q.next()) return stale(QStringLiteral("someone removed it"));
  const QString who = q.value(0).toString();
  const QDateTime when = sql::fromEpochMs(q.value(1));
  if (who != read.annotator || when > read.updated)
    return stale(QStringLiteral("%1 changed it at %2")
                     .arg(who.isEmpty() ? QStringLiteral("someone") : who,
                          when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
  return {};
}

Status AnnotationEditor::remove(const QString& op, const QString& table, qint64 id,
                                const QString& annotator, const ReadVersion& read) {
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(op); !s) return s;
  Result<Edit> edit = start(op, annotator);
  if (!edit) return edit.error();
  if (Status s = checkUnchanged(op, table, id, read); !s) return s;
  Result<qint64> documentId = documentOf(op, table, id);
  if (!documentId) return documentId.error();
  QSqlQuery q = m_c.query();
  if (Status s = sql::run(q, QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table), {id}, op); !s)
    return m_c.withFile(s.error());
  if (Status s = finish(op, *documentId, *edit, op, id); !s) return s;
  return tx.commit(op);
}

Status AnnotationEditor::removeEntity(qint64 entityId, const QString& annotator, const ReadVersion& read) {
  return remove(QStringLiteral("remove entity"), QStringLiteral("entity_spans"), entityId, annotator, read);
}

Status AnnotationEditor::removeRelation(qint64 relationId, const QString& annotator, const ReadVersion& read) {
  return remove(QStringLiteral("remove relation"), QStringLiteral("relations"), relationId, annotator, read);
}

Status AnnotationEditor::removeAnswer(qint64 answerId, const QString& annotator, const ReadVersion& read) {
  return remove(QStringLiteral("remove answer"), QStringLiteral("qa_answers"), answerId, annotator, read);
}

Status AnnotationEditor::removeLabel(qint64 labelId, const QString& annotator, const ReadVersion& read) {
  return remove(QStringLiteral("remove label"), QStringLiteral("document_labels"), labelId, annotator, read);
}

Result<qint64> AnnotationEditor::addRelation(qint64 documentId, const QString& type, qint64 headEntityId,
                                             qint64 tailEntityId, const QString& annotator, Origin origin,
                                             const QString& key) {
  const QString op = QStringLiteral("add relation");
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(op); !s) return s.error();
  Result<Edit> edit = start(op, annotator);
  if (!edit) return edit.error();
  QSqlQuery q = m_c.query();
  if (Status s = sql::run(
          q, QStringLiteral("SELECT id, directed, head_types, tail_types FROM relation_types WHERE name = ?"),
          {type}, op);
      !s)
    return m_c.withFile(s.error());
  if (!q.next()) return m_c.fail(op, QStringLiteral("relation type '%1' is not in the schema").arg(type));
  RelationType rule;
  const qint64 typeRow = q.value(0).toLongLong();
  rule.directed = q.value(1).toBool();
  rule.headTypes = sql::listFromJsonText(q.value(2).toString());
  rule.tailTypes = sql::listFromJsonText(q.value(3).toString());
  QString argTypes[2];
  const qint64 args[2] = {headEntityId, tailEntityId};
  for (int i = 0; i < 2; ++i) {
    if (Status s = sql::run(q,
                            QStringLiteral("SELECT s.document_id, t.name FROM entity_spans s "
                                           "JOIN entity_types t ON t.id = s.type_id WHERE s.id = ?"),
                            {args[i]}, op);
        !s)
      return m_c.withFile(s.error());
    if (!q.next() || q.value(0).toLongLong() != documentId)
      return m_c.fail(op, QStringLiteral("entity %1 is not in document %2").arg(args[i]).arg(documentId));
    argTypes[i] = q.value(1).toString();
  }
  if (!rule.allows(argTypes[0], argTypes[1]))
    return m_c.fail(
        op, QStringLiteral("relation type '%1' does not allow %2 -> %3").arg(type, argTypes[0], argTypes[1]));
  Result<QString> relKey = key.isEmpty()
                               ? nextKey(op, QStringLiteral("relations"), documentId, QStringLiteral("R"))
                               : Result<QString>(key);
  if (!relKey) return relKey.error();
  if (Status s =
          sql::run(q,
                   QStringLiteral("INSERT INTO relations (document_id, key, type_id, head_id, tail_id, ") +
                       kProvColumns + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") +
                       m_c.dialect().returningId(),
                   {documentId, *relKey, typeRow, headEntityId, tailEntityId, edit->annotatorId,
                    originName(origin), edit->guidelineVersion, edit->now, edit->now},
                   op);
      !s)
    return m_c.withFile(s.error());
  const qint64 id = m_c.dialect().insertedId(q);
  if (Status s = finish(op, documentId, *edit, op, id); !s) return s.error();
  if (Status s = tx.commit(op); !s) return s.error();
  return id;
}

Result<qint64> AnnotationEditor::setAnswer(qint64 documentId, const QaAnswer& answer,
                                           const QString& annotator, Origin origin) {
  const QString op = QStringLiteral("set answer");
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(op); !s) return s.error();
  Result<Edit> edit = start(op, annotator);
  if (!edit) return edit.error();
  Result<int> length = documentLength(op, documentId);
  if (!length) return length.error();
  if (!answer.noAnswer && (answer.start < 0 || answer.end < answer.start || answer.end > *length))
    return m_c.fail(op, QStringLiteral("answer %1-%2 is outside the text (%3 code points)")
                            .arg(answer.start)
                            .arg(answer.end)
                            .arg(*length));
  Result<qint64> field = typeId(op, QStringLiteral("qa_fields"), QStringLiteral("QA field"), answer.field);
  if (!field) return field.error();
  QSqlQuery q = m_c.query();
  // One answer per question, in each annotator's own layer when the project has separate layers (as labels).
  if (Status s = sql::run(q, QStringLiteral("SELECT separate_layers FROM project"), {}, op); !s)
    return m_c.withFile(s.error());
  const bool separateLayers = q.next() && q.value(0).toBool();
  q.finish();
  QVariantList question{documentId, *field, answer.questionId};
  if (separateLayers) question << edit->annotatorId;
  if (Status s = sql::run(
          q,
          QStringLiteral(
              "DELETE FROM qa_answers WHERE document_id = ? AND field_id = ? AND question_id = ?") +
              (separateLayers
                   ? QStringLiteral(" AND ") + m_c.dialect().nullSafeEquals(QStringLiteral("annotator_id"))
                   : QString()),
          question, op);
      !s)
    return m_c.withFile(s.error());
  const QVariant null{QMetaType(QMetaType::Int)};
  if (Status s = sql::run(
          q,
          QStringLiteral("INSERT INTO qa_answers (document_id, field_id, question_id, no_answer, start_cp, "
                         "end_cp, attributes, ") +
              kProvColumns + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") +
              m_c.dialect().returningId(),
          {documentId, *field, answer.questionId, answer.noAnswer,
           answer.noAnswer ? null : QVariant(answer.start), answer.noAnswer ? null : QVariant(answer.end),
           sql::toJsonText(answer.attributes), edit->annotatorId, originName(origin), edit->guidelineVersion,
           edit->now, edit->now},
          op);
      !s)
    return m_c.withFile(s.error());
  const qint64 id = m_c.dialect().insertedId(q);
  if (Status s = finish(op, documentId, *edit, op, id); !s) return s.error();
  if (Status s = tx.commit(op); !s) return s.error();
  return id;
}

Result<qint64> AnnotationEditor::addLabel(qint64 documentId, const QString& category,
                                          const QString& annotator, Origin origin) {
  const QString op = QStringLiteral("add label");
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(op); !s) return s.error();
  Result<Edit> edit = start(op, annotator);
  if (!edit) return edit.error();
  if (Result<int> length = documentLength(op, documentId); !length) return length.error();
  Result<qint64> categoryId = typeId(op, QStringLiteral("categories"), QStringLiteral("category"), category);
  if (!categoryId) return categoryId.error();
  QSqlQuery q = m_c.query();
  if (Status s = sql::run(q, QStringLiteral("SELECT multi_label_categories, separate_layers FROM project"), {}, op);
      !s)
    return m_c.withFile(s.error());
  const bool multiLabel = q.next() && q.value(0).toBool();
  const bool separateLayers = q.value(1).toBool();
  q.finish();
  // With separate layers each annotator labels in their own: a single-label project replaces only their
  // own label, and the same category may come from several annotators. Otherwise the layer is shared.
  const QString inLayer = separateLayers
                              ? QStringLiteral(" AND ") + m_c.dialect().nullSafeEquals(QStringLiteral("annotator_id"))
                              : QString();
  QVariantList layer{documentId, *categoryId};
  if (separateLayers) layer << edit->annotatorId;
  if (!multiLabel)
    if (Status s = sql::run(
            q, QStringLiteral("DELETE FROM document_labels WHERE document_id = ? AND category_id <> ?") + inLayer,
            layer, op);
        !s)
      return m_c.withFile(s.error());
  if (Status s = sql::run(
          q, QStringLiteral("SELECT id FROM document_labels WHERE document_id = ? AND category_id = ?") + inLayer,
          layer, op);
      !s)
    return m_c.withFile(s.error());
  if (q.next()) {
    const qint64 existing = q.value(0).toLongLong();
    q.finish();
    if (Status s = finish(op, documentId, *edit, op, existing); !s) return s.error();
    if (Status s = tx.commit(op); !s) return s.error();
    return existing;
  }
  if (Status s =
          sql::run(q,
                   QStringLiteral("INSERT INTO document_labels (document_id, category_id, ") + kProvColumns +
                       QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?)") + m_c.dialect().returningId(),
                   {documentId, *categoryId, edit->annotatorId, originName(origin), edit->guidelineVersion,
                    edit->now, edit->now},
                   op);
      !s)
    return m_c.withFile(s.error());
  const qint64 id = m_c.dialect().insertedId(q);
  if (Status s = finish(op, documentId, *edit, op, id); !s) return s.error();
  if (Status s = tx.commit(op); !s) return s.error();
  return id;
}

Status AnnotationEditor::setDocumentStatus(qint64 documentId, DocumentStatus status,
                                           const QString& annotator) {
  const QString op = QStringLiteral("set document status");
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(op); !s) return s;
  Result<Edit> edit = start(op, annotator);
  if (!edit) return edit.error();
  if (Result<int> length = documentLength(op, documentId); !length) return length.error();
  QSqlQuery q = m_c.query();
  if (Status s = sql::run(q, QStringLiteral("UPDATE documents SET status = ? WHERE id = ?"),
                          {statusName(status), documentId}, op);
      !s)
    return m_c.withFile(s.error());
  if (Status s = followAssignment(op, documentId, *edit, status); !s) return s;
  if (Status s = finish(op, documentId, *edit, QStringLiteral("status ") + statusName(status), documentId,
                        StartDocument::No);
      !s)
    return s;
  return tx.commit(op);
}

Status AnnotationEditor::followAssignment(const QString& op, qint64 documentId, const Edit& edit,
                                          DocumentStatus status) {
  if (edit.annotatorId.isNull()) return {};
  const bool finished = status == DocumentStatus::Done || status == DocumentStatus::Reviewed;
  QSqlQuery q = m_c.query();
  // Finishing keeps the first time it was done; anything else opens it again. No assignment: no row.
  const Status s =
      finished ? sql::run(q,
                          QStringLiteral(
                              "UPDATE assignments SET done_at = ? WHERE document_id = ? AND annotator_id = ? "
                              "AND done_at IS NULL"),
                          {edit.now, documentId, edit.annotatorId}, op)
               : sql::run(q,
                          QStringLiteral("UPDATE assignments SET done_at = NULL WHERE document_id = ? AND "
                                         "annotator_id = ? AND done_at IS NOT NULL"),
                          {documentId, edit.annotatorId}, op);
  return s ? s : Status(m_c.withFile(s.error()));
}

Status AnnotationEditor::setDocumentSplit(qint64 documentId, Split split, const QString& annotator) {
  return setDocumentSplits({{documentId, split}}, annotator);
}

Status AnnotationEditor::setDocumentSplits(const QVector<QPair<qint64, Split>>& splits, const QString& annotator) {
  const QString op = splits.size() == 1 ? QStringLiteral("set document split") : QStringLiteral("set document splits");
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(op); !s) return s;
  Result<Edit> edit = start(op, annotator);
  if (!edit) return edit.error();
  for (const auto& [documentId, split] : splits) {
    if (Result<int> length = documentLength(op, documentId); !length) return length.error();
    QSqlQuery q = m_c.query();
    if (Status s = sql::run(q, QStringLiteral("UPDATE documents SET split = ? WHERE id = ?"),
                            {splitName(split), documentId}, op);
        !s)
      return m_c.withFile(s.error());
    if (Status s = finish(op, documentId, *edit, QStringLiteral("split ") + splitName(split), documentId,
                          StartDocument::No);
        !s)
      return s;
  }
  return tx.commit(op);
}

Result<bool> AnnotationEditor::finishDocument(qint64 documentId, DocumentStatus status,
                                              const QString& annotator, Split poolJoins) {
  const QString op = QStringLiteral("finish document");
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(op); !s) return s.error();
  Result<Edit> edit = start(op, annotator);
  if (!edit) return edit.error();
  if (Result<int> length = documentLength(op, documentId); !length) return length.error();
  QSqlQuery q = m_c.query();
  if (Status s = sql::run(q, QStringLiteral("SELECT split FROM documents WHERE id = ?"), {documentId}, op);
      !s)
    return m_c.withFile(s.error());
  Split split = Split::Unassigned;
  if (!q.next() || !parseSplit(q.value(0).toString(), &split))
    return m_c.withFile(Error(op.toStdString() + ": the document's split cannot be read", "", 0, "split"));
  const bool finished = status == DocumentStatus::Done || status == DocumentStatus::Reviewed;
  const bool moves = finished && split == Split::Unassigned && poolJoins != Split::Unassigned;
  QString action = QStringLiteral("status ") + statusName(status);
  if (Status s = sql::run(q, QStringLiteral("UPDATE documents SET status = ? WHERE id = ?"),
                          {statusName(status), documentId}, op);
      !s)
    return m_c.withFile(s.error());
  if (moves) {
    if (Status s = sql::run(q, QStringLiteral("UPDATE documents SET split = ? WHERE id = ?"),
                            {splitName(poolJoins), documentId}, op);
        !s)
      return m_c.withFile(s.error());
    action += QStringLiteral(", split ") + splitName(poolJoins);
  }
  if (Status s = followAssignment(op, documentId, *edit, status); !s) return s.error();
  if (Status s = finish(op, documentId, *edit, action, documentId, StartDocument::No); !s) return s.error();
  if (Status s = tx.commit(op); !s) return s.error();
  return moves;
}

}  // namespace quarry
