#pragma once
// Applies the annotation view's undoable edits to the project store, one transaction per edit, so every
// edit is saved as it happens. Keys (T1, R1) identify annotations; the sink maps them to row ids.

#include <functional>

#include "annotation/AnnotationSink.h"
#include "store/ProjectStore.h"

namespace quarry::ui {

class StoreAnnotationSink : public AnnotationSink {
 public:
  // `store` must outlive the sink and belong to this thread.
  StoreAnnotationSink(ProjectStore* store, qint64 documentId, QString annotator);
  // Re-reads the document (after an outside change); false with `error` when it cannot.
  bool reload(QString* error);
  const Document& document() const { return m_stored.document; }
  // The document with the row id of every annotation.
  const StoredDocument& stored() const { return m_stored; }
  // A key of the form <prefix><n> not yet used in the document ("T", "R").
  QString nextKey(const QString& prefix) const;

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

 private:
  // Reloads after a write so keys and row ids stay in step with the store; false when `status` failed.
  bool finish(const Status& status, QString* error);
  int entityIndex(const QString& key) const;
  int relationIndex(const QString& key) const;
  int answerIndex(const QString& field) const;

  ProjectStore* m_store;
  qint64 m_documentId;
  QString m_annotator;
  StoredDocument m_stored;
  std::function<void(const QString&, const QString&)> m_onFailure;
};

}  // namespace quarry::ui
