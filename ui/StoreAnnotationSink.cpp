#include "StoreAnnotationSink.h"

#include <QDateTime>
#include <utility>

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
  m_change = DocumentChange::all();
  Result<StoredDocument> loaded = m_store->loadDocument(m_documentId);
  if (!loaded) {
    setError(error, loaded.error());
    return false;
  }
  Result<Schema> schema = m_store->schema();
  if (!schema) {
    setError(error, schema.error());
    return false;
  }
  m_stored = std::move(loaded.value());
  m_guidelineVersion = schema->guidelineVersion;
  m_multiLabel = schema->multiLabelCategories;
  m_usedKeys.clear();
  m_keySearchFrom.clear();
  // Keys are the document's, over every layer: a new span never takes a teammate's key.
  for (const EntitySpan& e : m_stored.document.entities) m_usedKeys.insert(e.key);
  for (const Relation& r : m_stored.document.relations) m_usedKeys.insert(r.key);
  if (!m_layer.isEmpty()) m_stored = m_stored.layerOf(m_layer);
  return true;
}

DocumentChange StoreAnnotationSink::takeChange() { return std::exchange(m_change, DocumentChange()); }

QString StoreAnnotationSink::nextKey(const QString& prefix) const {
  int& n = m_keySearchFrom[prefix];
  n = std::max(n, 1);
  while (m_usedKeys.contains(prefix + QString::number(n))) ++n;
  return prefix + QString::number(n);
}

bool StoreAnnotationSink::setStatus(DocumentStatus status, QString* error) {
  Result<bool> moved = m_store->finishDocument(m_documentId, status, m_annotator, Split::Train);
  if (!moved) {
    setError(error, moved.error());
    return false;
  }
  m_stored.document.status = status;
  if (moved.value()) m_stored.document.split = Split::Train;
  m_change.status = true;
  return true;
}

void StoreAnnotationSink::keyUsed(const QString& key) { m_usedKeys.insert(key); }

void StoreAnnotationSink::keyFreed(const QString& key) {
  m_usedKeys.remove(key);
  // A freed <prefix><n> is the lowest free number of its prefix when it lies below the one searched from.
  qsizetype digits = key.size();
  while (digits > 0 && key.at(digits - 1).isDigit()) --digits;
  bool ok = false;
  const int n = key.mid(digits).toInt(&ok);
  auto it = m_keySearchFrom.find(key.left(digits));
  if (ok && it != m_keySearchFrom.end() && n < it.value()) it.value() = n;
}

bool StoreAnnotationSink::finish(const Status& status, QString* error, const std::function<void()>& apply) {
  if (!status) {
    setError(error, status.error());
    reload(nullptr);
    return false;
  }
  apply();
  started();
  return true;
}

Provenance StoreAnnotationSink::provenance(Origin origin) const {
  Provenance p;
  p.annotator = m_annotator;
  p.origin = origin;
  p.guidelineVersion = m_guidelineVersion;
  p.created = p.updated = QDateTime::currentDateTimeUtc();
  return p;
}

void StoreAnnotationSink::started() {
  if (m_stored.document.status != DocumentStatus::New) return;
  m_stored.document.status = DocumentStatus::InProgress;
  m_change.status = true;
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
  // An accepted suggestion says so; everything else made here is manual.
  const Origin origin = originOf(entity.provenance);
  const Result<qint64> id = m_store->addEntity(m_documentId, entity, m_annotator, origin);
  if (id && entity.key.isEmpty()) return reload(error);  // the store named it
  return finish(statusOf(id), error, [&] {
    EntitySpan added = entity;
    added.provenance = provenance(origin);
    added.sourceLine = 0;
    m_stored.document.entities.push_back(added);
    m_stored.entityIds.push_back(id.value());
    keyUsed(added.key);
    m_change.entities.insert(added.key);
  });
}

bool StoreAnnotationSink::removeEntity(const QString& key, QString* error) {
  const int i = entityIndex(key);
  if (i < 0) return finish(Error("no entity " + key.toStdString()), error, {});
  const ReadVersion read = ReadVersion::of(m_stored.document.entities[i].provenance);
  return finish(m_store->removeEntity(m_stored.entityIds[i], m_annotator, read), error, [&] {
    m_stored.document.entities.remove(i);
    m_stored.entityIds.remove(i);
    keyFreed(key);
    m_change.entities.insert(key);
    // The store removes the relations that use it.
    auto& relations = m_stored.document.relations;
    for (int r = int(relations.size()) - 1; r >= 0; --r)
      if (relations[r].head == key || relations[r].tail == key) {
        keyFreed(relations[r].key);
        m_change.relations.insert(relations[r].key);
        relations.remove(r);
        m_stored.relationIds.remove(r);
      }
  });
}

bool StoreAnnotationSink::changeEntityType(const QString& key, const QString& type, QString* error) {
  const int i = entityIndex(key);
  if (i < 0) return finish(Error("no entity " + key.toStdString()), error, {});
  EntitySpan& e = m_stored.document.entities[i];
  return finish(
      statusOf(m_store->updateEntity(m_stored.entityIds[i], type, e.fragments, m_annotator, Origin::Manual,
                                     ReadVersion::of(e.provenance))),
      error, [&] {
        const QDateTime created = e.provenance.created;
        e.type = type;
        e.provenance = provenance(Origin::Manual);
        e.provenance.created = created;
        m_change.entities.insert(key);
      });
}

bool StoreAnnotationSink::addRelation(const Relation& relation, QString* error) {
  const int head = entityIndex(relation.head), tail = entityIndex(relation.tail);
  if (head < 0 || tail < 0) return finish(Error("a relation needs both of its spans"), error, {});
  const Origin origin = originOf(relation.provenance);
  const Result<qint64> id =
      m_store->addRelation(m_documentId, relation.type, m_stored.entityIds[head], m_stored.entityIds[tail],
                           m_annotator, origin, relation.key);
  if (id && relation.key.isEmpty()) return reload(error);  // the store named it
  return finish(statusOf(id), error, [&] {
    Relation added;  // what the store keeps of it: no attributes
    added.key = relation.key;
    added.type = relation.type;
    added.head = relation.head;
    added.tail = relation.tail;
    added.provenance = provenance(origin);
    m_stored.document.relations.push_back(added);
    m_stored.relationIds.push_back(id.value());
    keyUsed(added.key);
    m_change.relations.insert(added.key);
  });
}

bool StoreAnnotationSink::removeRelation(const QString& key, QString* error) {
  const int i = relationIndex(key);
  if (i < 0) return finish(Error("no relation " + key.toStdString()), error, {});
  const ReadVersion read = ReadVersion::of(m_stored.document.relations[i].provenance);
  return finish(m_store->removeRelation(m_stored.relationIds[i], m_annotator, read), error, [&] {
    m_stored.document.relations.remove(i);
    m_stored.relationIds.remove(i);
    keyFreed(key);
    m_change.relations.insert(key);
  });
}

bool StoreAnnotationSink::setAnswer(const QaAnswer& answer, QString* error) {
  const Origin origin = originOf(answer.provenance);
  const Result<qint64> id = m_store->setAnswer(m_documentId, answer, m_annotator, origin);
  return finish(statusOf(id), error, [&] {
    // The store replaces the answers to the same field and question.
    auto& answers = m_stored.document.answers;
    for (int i = int(answers.size()) - 1; i >= 0; --i)
      if (answers[i].field == answer.field && answers[i].questionId == answer.questionId) {
        answers.remove(i);
        m_stored.answerIds.remove(i);
      }
    QaAnswer set = answer;
    if (set.noAnswer) set.start = set.end = 0;  // stored without offsets
    set.provenance = provenance(origin);
    set.sourceLine = 0;
    answers.push_back(set);
    m_stored.answerIds.push_back(id.value());
    m_change.answers.insert(answer.field);
  });
}

bool StoreAnnotationSink::clearAnswer(const QString& field, QString* error) {
  const int i = answerIndex(field);
  if (i < 0) return finish(Error("no answer for " + field.toStdString()), error, {});
  const ReadVersion read = ReadVersion::of(m_stored.document.answers[i].provenance);
  return finish(m_store->removeAnswer(m_stored.answerIds[i], m_annotator, read), error, [&] {
    m_stored.document.answers.remove(i);
    m_stored.answerIds.remove(i);
    m_change.answers.insert(field);
  });
}

bool StoreAnnotationSink::addLabel(const QString& category, QString* error) {
  return addLabelWithOrigin(category, Origin::Manual, error);
}

bool StoreAnnotationSink::addLabelWithOrigin(const QString& category, Origin origin, QString* error) {
  const Origin recorded = origin == Origin::AcceptedSuggestion ? Origin::AcceptedSuggestion : Origin::Manual;
  const Result<qint64> id = m_store->addLabel(m_documentId, category, m_annotator, recorded);
  return finish(statusOf(id), error, [&] {
    // One category per document: the store drops the others. A category the document has stays as it was.
    auto& labels = m_stored.document.labels;
    for (int i = int(labels.size()) - 1; i >= 0; --i)
      if (!m_multiLabel && labels[i].category != category) {
        labels.remove(i);
        m_stored.labelIds.remove(i);
      }
    if (!m_stored.labelIds.contains(id.value())) {
      DocumentLabel added;
      added.category = category;
      added.provenance = provenance(recorded);
      labels.push_back(added);
      m_stored.labelIds.push_back(id.value());
    }
    m_change.labels = true;
  });
}

bool StoreAnnotationSink::removeLabel(const QString& category, QString* error) {
  const auto& list = m_stored.document.labels;
  for (int i = 0; i < list.size(); ++i)
    if (list[i].category == category)
      return finish(m_store->removeLabel(m_stored.labelIds[i], m_annotator, ReadVersion::of(list[i].provenance)), error, [&] {
        m_stored.document.labels.remove(i);
        m_stored.labelIds.remove(i);
        m_change.labels = true;
      });
  return finish(Error("the document is not in category " + category.toStdString()), error, {});
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
