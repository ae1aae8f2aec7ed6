#include "annotation/AnnotationCommands.h"

#include <QCoreApplication>

namespace quarry::ui {

AnnotationCommand::AnnotationCommand(AnnotationSink* sink, const QString& text) : m_sink(sink) {
  setText(text);
}

AddEntityCommand::AddEntityCommand(AnnotationSink* sink, const EntitySpan& entity)
    : AnnotationCommand(sink, tr("Label %1").arg(entity.type)), m_entity(entity) {}

void AddEntityCommand::redo() {
  run([&](QString* e) { return m_sink->addEntity(m_entity, e); }, true);
  if (ok()) markDone();
}

void AddEntityCommand::undo() {
  run([&](QString* e) { return m_sink->removeEntity(m_entity.key, e); }, false);
}

RemoveEntityCommand::RemoveEntityCommand(AnnotationSink* sink, const QString& key)
    : AnnotationCommand(sink, tr("Remove %1").arg(key)), m_key(key) {}

void RemoveEntityCommand::redo() {
  if (!m_everDone) {
    m_entity = m_sink->entity(m_key);
    m_relations = m_sink->relationsOf(m_key);
    if (m_entity) setText(tr("Remove %1 %2").arg(m_entity->type, m_key));
  }
  run([&](QString* e) { return m_sink->removeEntity(m_key, e); }, true);
  if (ok()) markDone();
}

void RemoveEntityCommand::undo() {
  run([&](QString* e) {
    if (!m_entity) {
      *e = tr("Entity %1 was not recorded before removal.").arg(m_key);
      return false;
    }
    if (!m_sink->addEntity(*m_entity, e)) return false;
    for (const Relation& r : m_relations)
      if (!m_sink->addRelation(r, e)) return false;
    return true;
  }, false);
}

ChangeEntityTypeCommand::ChangeEntityTypeCommand(AnnotationSink* sink, const QString& key, const QString& newType)
    : AnnotationCommand(sink, tr("Relabel %1 as %2").arg(key, newType)), m_key(key), m_newType(newType) {}

void ChangeEntityTypeCommand::redo() {
  if (!m_everDone) {
    const auto e = m_sink->entity(m_key);
    if (e) m_oldType = e->type;
  }
  run([&](QString* e) { return m_sink->changeEntityType(m_key, m_newType, e); }, true);
  if (ok()) markDone();
}

void ChangeEntityTypeCommand::undo() {
  run([&](QString* e) { return m_sink->changeEntityType(m_key, m_oldType, e); }, false);
}

AddRelationCommand::AddRelationCommand(AnnotationSink* sink, const Relation& relation)
    : AnnotationCommand(sink, tr("Relate %1 %2 %3").arg(relation.head, relation.type, relation.tail)),
      m_relation(relation) {}

void AddRelationCommand::redo() {
  run([&](QString* e) { return m_sink->addRelation(m_relation, e); }, true);
  if (ok()) markDone();
}

void AddRelationCommand::undo() {
  run([&](QString* e) { return m_sink->removeRelation(m_relation.key, e); }, false);
}

RemoveRelationCommand::RemoveRelationCommand(AnnotationSink* sink, const QString& key)
    : AnnotationCommand(sink, tr("Remove relation %1").arg(key)), m_key(key) {}

void RemoveRelationCommand::redo() {
  if (!m_everDone) m_relation = m_sink->relation(m_key);
  run([&](QString* e) { return m_sink->removeRelation(m_key, e); }, true);
  if (ok()) markDone();
}

void RemoveRelationCommand::undo() {
  run([&](QString* e) {
    if (!m_relation) {
      *e = tr("Relation %1 was not recorded before removal.").arg(m_key);
      return false;
    }
    return m_sink->addRelation(*m_relation, e);
  }, false);
}

SetAnswerCommand::SetAnswerCommand(AnnotationSink* sink, const QaAnswer& answer)
    : AnnotationCommand(sink, tr("Answer %1").arg(answer.field)), m_answer(answer) {}

void SetAnswerCommand::redo() {
  if (!m_captured) {
    m_previous = m_sink->answer(m_answer.field);
    m_captured = true;
  }
  run([&](QString* e) { return m_sink->setAnswer(m_answer, e); }, true);
  if (ok()) markDone();
}

void SetAnswerCommand::undo() {
  run(
      [&](QString* e) {
        return m_previous ? m_sink->setAnswer(*m_previous, e) : m_sink->clearAnswer(m_answer.field, e);
      },
      false);
}

ClearAnswerCommand::ClearAnswerCommand(AnnotationSink* sink, const QString& field)
    : AnnotationCommand(sink, tr("Clear answer %1").arg(field)), m_field(field) {}

void ClearAnswerCommand::redo() {
  if (!m_everDone) m_previous = m_sink->answer(m_field);
  run([&](QString* e) { return m_sink->clearAnswer(m_field, e); }, true);
  if (ok()) markDone();
}

void ClearAnswerCommand::undo() {
  run(
      [&](QString* e) {
        if (!m_previous) {
          *e = tr("The answer to %1 was not recorded before it was cleared.").arg(m_field);
          return false;
        }
        return m_sink->setAnswer(*m_previous, e);
      },
      false);
}

SetLabelCommand::SetLabelCommand(AnnotationSink* sink, const QString& category, bool on, Origin origin)
    : AnnotationCommand(sink,
                        on ? tr("Categorise as %1").arg(category) : tr("Remove category %1").arg(category)),
      m_category(category),
      m_on(on),
      m_origin(origin) {}

void SetLabelCommand::redo() {
  if (!m_captured) {
    m_before = m_sink->labels();
    m_captured = true;
  }
  run(
      [&](QString* e) {
        return m_on ? m_sink->addLabelWithOrigin(m_category, m_origin, e)
                    : m_sink->removeLabel(m_category, e);
      },
      true);
  if (ok()) markDone();
}

void SetLabelCommand::undo() {
  run([&](QString* e) {
    // Removing first, so a single-category schema never sees two categories at once.
    for (const QString& now : m_sink->labels())
      if (!m_before.contains(now) && !m_sink->removeLabel(now, e)) return false;
    const QStringList now = m_sink->labels();
    for (const QString& was : m_before)
      if (!now.contains(was) && !m_sink->addLabel(was, e)) return false;
    return true;
  }, false);
}

}  // namespace quarry::ui
