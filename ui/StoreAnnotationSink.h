#pragma once
// Applies the annotation view's undoable edits to the project store, one transaction per edit, so every
// edit is saved as it happens. Keys (T1, R1) identify annotations; the sink maps them to row ids.
//
// The sink keeps the document as the store holds it: after a write it applies the write's result itself
// (the row id the store returned, the provenance the store recorded) instead of re-reading the document,
// and it notes what the write touched (takeChange()), so that those who show the document bring only
// that in step. A failed write re-reads the document, which may have changed elsewhere.

#include <QHash>
#include <QSet>
#include <functional>

#include "DocumentChange.h"
#include "annotation/AnnotationSink.h"
#include "store/ProjectStore.h"

namespace quarry::ui {

class StoreAnnotationSink : public AnnotationSink {
 public:
  // `store` must outlive the sink and belong to this thread.
  StoreAnnotationSink(ProjectStore* store, qint64 documentId, QString annotator);
  // Re-reads the document (after an outside change); false with `error` when it cannot.
  bool reload(QString* error);
  // What the writes and re-reads since the last call touched; the record starts afresh.
  DocumentChange takeChange();
  const Document& document() const { return m_stored.document; }
  // The document with the row id of every annotation.
  const StoredDocument& stored() const { return m_stored; }
  // A key of the form <prefix><n> not yet used in the document ("T", "R"): the lowest free n.
  QString nextKey(const QString& prefix) const;
  // Writes the document status (no annotation edit, so nothing to undo); a pool (unassigned) document
  // marked done or reviewed also joins the train split (ProjectStore::finishDocument). False with `error`
  // on failure.
  bool setStatus(DocumentStatus status, QString* error);

  bool addEntity(const EntitySpan& entity, QString* error) override;
  bool removeEntity(const QString& key, QString* error) override;
  bool changeEntityType(const QString& key, const QString& type, QString* error) override;
  bool addRelation(const Relation& relation, QString* error) override;
  bool removeRelation(const QString& key, QString* error) override;
  bool setAnswer(const QaAnswer& answer, QString* error) override;
  bool clearAnswer(const QString& field, QString* error) override;
  bool addLabel(const QString& category, QString* error) override;
  bool addLabelWithOrigin(const QString& category, Origin origin, QString* error) override;
  bool removeLabel(const QString& category, QString* error) override;
  std::optional<EntitySpan> entity(const QString& key) const override;
  std::optional<Relation> relation(const QString& key) const override;
  QVector<Relation> relationsOf(const QString& entityKey) const override;
  std::optional<QaAnswer> answer(const QString& field) const override;
  QStringList labels() const override;
  // Called with (command text, error) when an undo or redo fails; default: nothing.
  void setFailureHandler(std::function<void(const QString&, const QString&)> handler) {
    m_onFailure = std::move(handler);
  }
  void commandFailed(const QString& what, const QString& error) override {
    if (m_onFailure) m_onFailure(what, error);
  }
  qint64 documentId() const { return m_documentId; }
  // The name recorded on the next edits.
  void setAnnotator(const QString& name) { m_annotator = name; }
  // Shows and edits only `annotator`'s layer of the document (a team's separate layers); empty: everyone's.
  // Takes effect at the next reload().
  void setLayer(const QString& annotator) { m_layer = annotator; }
  const QString& layer() const { return m_layer; }

 private:
  // After a write: when `status` holds, `apply` brings the document in step with what the store now
  // holds; when it failed, the document is re-read. False (with `error`) when `status` failed.
  bool finish(const Status& status, QString* error, const std::function<void()>& apply);
  // The provenance the store records on an edit made now with `origin`.
  Provenance provenance(Origin origin) const;
  // An annotation edit makes a "new" document "in progress" (the store does so in the edit's transaction).
  void started();
  void keyUsed(const QString& key);
  void keyFreed(const QString& key);
  int entityIndex(const QString& key) const;
  int relationIndex(const QString& key) const;
  int answerIndex(const QString& field) const;

  ProjectStore* m_store;
  qint64 m_documentId;
  QString m_annotator;
  QString m_layer;
  StoredDocument m_stored;
  int m_guidelineVersion = 0;                   // the project's, as of the last re-read
  bool m_multiLabel = false;                    // the schema lets a document have several categories
  QSet<QString> m_usedKeys;                     // of entities and relations
  mutable QHash<QString, int> m_keySearchFrom;  // per key prefix: no free number lies below this
  DocumentChange m_change;
  std::function<void(const QString&, const QString&)> m_onFailure;
};

}  // namespace quarry::ui
