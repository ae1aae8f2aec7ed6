#include "StoreAnnotationSink.h"

#include <QSet>

namespace quarry::ui {
namespace {

void setError(QString* out, const Error& e) {
  if (out) *out = QString::fromStdString(e.toString());
}

// The store's add/update calls return the new row id; the sink only needs whether they worked.
Status statusOf(const Result<qint64>& written) { return written ? Status{} : Status{written.error()}; }

// An accepted suggestion says so; everything else made here is manual.
Origin originOf(const Provenance& provenance) {
  return provenance.origin == Origin::AcceptedSuggestion ? Origin::AcceptedSuggestion : Origin::Manual;
}

}  // namespace

StoreAnnotationSink::StoreAnnotationSink(ProjectStore* store, qint64 documentId, QString annotator)
    : m_store(store), m_documentId(documentId), m_annotator(std::move(annotator)) {
  reload(nullptr);
}

bool StoreAnnotationSink::reload(QString* error) {
  Result<StoredDocument> loaded = m_store->loadDocument(m_documentId);
  if (!loaded) {
    setError(error, loaded.error());
    return false;
  }
  m_stored = std::move(loaded.value());
  return true;
}

QString StoreAnnotationSink::nextKey(const QString& prefix) const {
  QSet<QString> used;
  for (const EntitySpan& e : m_stored.document.entities) used.insert(e.key);
  for (const Relation& r : m_stored.document.relations) used.insert(r.key);
  int n = 1;
  while (used.contains(prefix + QString::number(n))) ++n;
  return prefix + QString::number(n);
}

bool StoreAnnotationSink::finish(const Status& status, QString* error) {
  if (!status) {
    setError(error, status.error());
    reload(nullptr);
    return false;
  }
  return reload(error);
}

int StoreAnnotationSink::entityIndex(const QString& key) const {
  const auto& list = m_stored.document.entities;
  for (int i = 0; i < list.size(); ++i)
    if (list[i].key == key) return i;
  return -1;
}

int StoreAnnotationSink::relationIndex(const QString& key) const {
  const auto& list = m_stored.document.relations;
  for (int i = 0; i < list.size(); ++i)
    if (list[i].key == key) return i;
  return -1;
}

int StoreAnnotationSink::answerIndex(const QString& field) const {
  const auto& list = m_stored.document.answers;
  for (int i = 0; i < list.size(); ++i)
    if (list[i].field == field) return i;
  return -1;
}

bool StoreAnnotationSink::addEntity(const EntitySpan& entity, QString* error) {
  return finish(statusOf(m_store->addEntity(m_documentId, entity, m_annotator, originOf(entity.provenance))),
                error);
}

bool StoreAnnotationSink::removeEntity(const QString& key, QString* error) {
  const int i = entityIndex(key);
  if (i < 0) return finish(Error("no entity " + key.toStdString()), error);
  return finish(m_store->removeEntity(m_stored.entityIds[i], m_annotator), error);
}

bool StoreAnnotationSink::changeEntityType(const QString& key, const QString& type, QString* error) {
  const int i = entityIndex(key);
  if (i < 0) return finish(Error("no entity " + key.toStdString()), error);
  return finish(
      statusOf(m_store->updateEntity(m_stored.entityIds[i], type, m_stored.document.entities[i].fragments,
                                     m_annotator, Origin::Manual)),
      error);
}

bool StoreAnnotationSink::addRelation(const Relation& relation, QString* error) {
  const int head = entityIndex(relation.head), tail = entityIndex(relation.tail);
  if (head < 0 || tail < 0) return finish(Error("a relation needs both of its spans"), error);
  return finish(statusOf(m_store->addRelation(m_documentId, relation.type, m_stored.entityIds[head],
                                              m_stored.entityIds[tail], m_annotator,
                                              originOf(relation.provenance), relation.key)),
                error);
}

bool StoreAnnotationSink::removeRelation(const QString& key, QString* error) {
  const int i = relationIndex(key);
  if (i < 0) return finish(Error("no relation " + key.toStdString()), error);
  return finish(m_store->removeRelation(m_stored.relationIds[i], m_annotator), error);
}

bool StoreAnnotationSink::setAnswer(const QaAnswer& answer, QString* error) {
  return finish(statusOf(m_store->setAnswer(m_documentId, answer, m_annotator, originOf(answer.provenance))),
                error);
}

bool StoreAnnotationSink::clearAnswer(const QString& field, QString* error) {
  const int i = answerIndex(field);
  if (i < 0) return finish(Error("no answer for " + field.toStdString()), error);
  return finish(m_store->removeAnswer(m_stored.answerIds[i], m_annotator), error);
}

bool StoreAnnotationSink::addLabel(const QString& category, QString* error) {
  return addLabelWithOrigin(category, Origin::Manual, error);
}

bool StoreAnnotationSink::addLabelWithOrigin(const QString& category, Origin origin, QString* error) {
  const Origin recorded = origin == Origin::AcceptedSuggestion ? Origin::AcceptedSuggestion : Origin::Manual;
  return finish(statusOf(m_store->addLabel(m_documentId, category, m_annotator, recorded)), error);
}

bool StoreAnnotationSink::removeLabel(const QString& category, QString* error) {
  const auto& list = m_stored.document.labels;
  for (int i = 0; i < list.size(); ++i)
    if (list[i].category == category)
      return finish(m_store->removeLabel(m_stored.labelIds[i], m_annotator), error);
  return finish(Error("the document is not in category " + category.toStdString()), error);
}

QStringList StoreAnnotationSink::labels() const {
  QStringList out;
  for (const DocumentLabel& l : m_stored.document.labels) out << l.category;
  return out;
}

std::optional<EntitySpan> StoreAnnotationSink::entity(const QString& key) const {
  const int i = entityIndex(key);
  return i < 0 ? std::nullopt : std::optional<EntitySpan>(m_stored.document.entities[i]);
}

std::optional<Relation> StoreAnnotationSink::relation(const QString& key) const {
  const int i = relationIndex(key);
  return i < 0 ? std::nullopt : std::optional<Relation>(m_stored.document.relations[i]);
}

QVector<Relation> StoreAnnotationSink::relationsOf(const QString& entityKey) const {
  QVector<Relation> out;
  for (const Relation& r : m_stored.document.relations)
    if (r.head == entityKey || r.tail == entityKey) out.push_back(r);
  return out;
}

std::optional<QaAnswer> StoreAnnotationSink::answer(const QString& field) const {
  const int i = answerIndex(field);
  return i < 0 ? std::nullopt : std::optional<QaAnswer>(m_stored.document.answers[i]);
}

}  // namespace quarry::ui
