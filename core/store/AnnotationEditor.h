#pragma once
// Single edits from the annotation UI (and addEntities, several spans as one). Each runs in its own write
// transaction, records the annotator, origin, the guideline version in force and the time, and appends to
// the edit log. An annotation edit
// (entity, relation, answer, label) on a document whose status is "new" moves it to "in progress" in
// that same transaction.

#include <QPair>
#include <QString>
#include <QVector>

#include "common/Error.h"
#include "corpus/Document.h"
#include "store/StoreConnection.h"
#include "store/StoreTypes.h"

namespace quarry {

class AnnotationEditor {
 public:
  explicit AnnotationEditor(StoreConnection& connection) : m_c(connection) {}

  // Adds `span` to document `documentId`; an empty key becomes the next free "T<n>". Returns its id.
  Result<qint64> addEntity(qint64 documentId, const EntitySpan& span, const QString& annotator,
                           Origin origin);
  // Several spans at once, in one transaction (all or none): as addEntity each, with the document read once.
  // Their ids, in order.
  Result<QVector<qint64>> addEntities(qint64 documentId, const QVector<EntitySpan>& spans, const QString& annotator,
                                      Origin origin);
  // Changes type and fragments of entity `entityId`; returns `entityId`.
  Result<qint64> updateEntity(qint64 entityId, const QString& type, const QVector<Fragment>& fragments,
                              const QString& annotator, Origin origin, const ReadVersion& read = {});
  // Removes the entity and every relation that uses it.
  Status removeEntity(qint64 entityId, const QString& annotator, const ReadVersion& read = {});

  // Relates two entities of document `documentId`; refused when the relation type does not allow
  // their types. An empty key becomes the next free "R<n>". Returns its id.
  Result<qint64> addRelation(qint64 documentId, const QString& type, qint64 headEntityId, qint64 tailEntityId,
                             const QString& annotator, Origin origin, const QString& key = {});
  Status removeRelation(qint64 relationId, const QString& annotator, const ReadVersion& read = {});

  // Replaces the answers of the same field and question id in the document. Returns the new id.
  Result<qint64> setAnswer(qint64 documentId, const QaAnswer& answer, const QString& annotator,
                           Origin origin);
  Status removeAnswer(qint64 answerId, const QString& annotator, const ReadVersion& read = {});

  // Labels the document; with single-label categories, replaces its other label. Returns the label's id
  // (the existing one when the document already has this category).
  Result<qint64> addLabel(qint64 documentId, const QString& category, const QString& annotator,
                          Origin origin);
  Status removeLabel(qint64 labelId, const QString& annotator, const ReadVersion& read = {});

  // The document's status; on a team, the annotator's own assignment of the document is done with it (Done or
  // Reviewed) and open again otherwise, in the same transaction: finishing a document is finishing one's
  // part.
  Status setDocumentStatus(qint64 documentId, DocumentStatus status, const QString& annotator);
  Status setDocumentSplit(qint64 documentId, Split split, const QString& annotator);
  // Several documents' splits in one transaction: all or none.
  Status setDocumentSplits(const QVector<QPair<qint64, Split>>& splits, const QString& annotator);
  // Sets the status as setDocumentStatus does; when the status is Done or Reviewed and the document is
  // in the unassigned split (the pool), it also moves to `poolJoins`, in the same transaction and the
  // same audit entry: a pool document a person finished becomes data the next run trains on. Returns
  // whether it moved.
  Result<bool> finishDocument(qint64 documentId, DocumentStatus status, const QString& annotator,
                              Split poolJoins);

 private:
  struct Edit {
    QVariant annotatorId;
    int guidelineVersion = 0;
    qint64 now = 0;
  };
  Result<Edit> start(const QString& operation, const QString& annotator);
  // Code point length of the document's text; Error when there is no such document.
  Result<int> documentLength(const QString& operation, qint64 documentId);
  // The annotator's assignment of the document (if any) marked done or open with its status
  // (setDocumentStatus).
  Status followAssignment(const QString& operation, qint64 documentId, const Edit& edit,
                          DocumentStatus status);
  Result<qint64> typeId(const QString& operation, const QString& table, const QString& kind,
                        const QString& name);
  // The document of row `id` in `table`; Error when there is no such row.
  Result<qint64> documentOf(const QString& operation, const QString& table, qint64 id);
  Result<QString> nextKey(const QString& operation, const QString& table, qint64 documentId,
                          const QString& prefix);
  enum class StartDocument { Yes, No };  // Yes: a "new" document becomes "in progress"
  Status finish(const QString& operation, qint64 documentId, const Edit& edit, const QString& action,
                qint64 targetId, StartDocument start = StartDocument::Yes);
  // Deletes row `id` of `table` with the edit log entry, in one transaction.
  Status remove(const QString& operation, const QString& table, qint64 id, const QString& annotator,
                const ReadVersion& read);
  // The optimistic-concurrency check of ReadVersion, inside the edit's transaction.
  Status checkUnchanged(const QString& operation, const QString& table, qint64 id, const ReadVersion& read);

  StoreConnection& m_c;
};

}  // namespace quarry
