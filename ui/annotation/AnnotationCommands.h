#pragma once
// Undoable annotation edits for a QUndoStack, applied through an AnnotationSink.
//
// A command whose first redo() fails marks itself obsolete, so QUndoStack::push() drops it instead
// of recording an edit that never happened; the sink hears of every failure via commandFailed(), and
// ok()/error() tell the caller before the push returns. The sink must outlive the commands.

#include <QCoreApplication>
#include <QUndoCommand>

#include "annotation/AnnotationSink.h"

namespace quarry::ui {

class AnnotationCommand : public QUndoCommand {
  Q_DECLARE_TR_FUNCTIONS(AnnotationCommand)

 public:
  bool ok() const { return m_error.isEmpty(); }
  QString error() const { return m_error; }

 protected:
  explicit AnnotationCommand(AnnotationSink* sink, const QString& text);
  // Runs `step` (an edit returning bool); records and reports a failure.
  template <typename Step>
  void run(Step step, bool isRedo) {
    QString error;
    if (step(&error)) {
      m_error.clear();
      return;
    }
    m_error = error.isEmpty() ? QStringLiteral("?") : error;
    if (isRedo && !m_everDone) setObsolete(true);
    m_sink->commandFailed(text(), m_error);
  }
  void markDone() { m_everDone = true; }
  AnnotationSink* m_sink;
  QString m_error;
  bool m_everDone = false;
};

class AddEntityCommand : public AnnotationCommand {
 public:
  // `entity.key` must be set (unique in the document).
  AddEntityCommand(AnnotationSink* sink, const EntitySpan& entity);
  void redo() override;
  void undo() override;

 private:
  EntitySpan m_entity;
};

class RemoveEntityCommand : public AnnotationCommand {
 public:
  // Undo restores the entity and the relations that went with it.
  RemoveEntityCommand(AnnotationSink* sink, const QString& key);
  void redo() override;
  void undo() override;

 private:
  QString m_key;
  std::optional<EntitySpan> m_entity;
  QVector<Relation> m_relations;
};

class ChangeEntityTypeCommand : public AnnotationCommand {
 public:
  ChangeEntityTypeCommand(AnnotationSink* sink, const QString& key, const QString& newType);
  void redo() override;
  void undo() override;

 private:
  QString m_key, m_newType, m_oldType;
};

class AddRelationCommand : public AnnotationCommand {
 public:
  // `relation.key` must be set.
  AddRelationCommand(AnnotationSink* sink, const Relation& relation);
  void redo() override;
  void undo() override;

 private:
  Relation m_relation;
};

class RemoveRelationCommand : public AnnotationCommand {
 public:
  RemoveRelationCommand(AnnotationSink* sink, const QString& key);
  void redo() override;
  void undo() override;

 private:
  QString m_key;
  std::optional<Relation> m_relation;
};

class SetAnswerCommand : public AnnotationCommand {
 public:
  // Sets the answer to `answer.field`; undo restores the previous answer, or clears the field.
  SetAnswerCommand(AnnotationSink* sink, const QaAnswer& answer);
  void redo() override;
  void undo() override;

 private:
  QaAnswer m_answer;
  std::optional<QaAnswer> m_previous;
  bool m_captured = false;
};

class ClearAnswerCommand : public AnnotationCommand {
 public:
  // Removes the answer to `field` (a span or an explicit no-answer); undo puts it back.
  ClearAnswerCommand(AnnotationSink* sink, const QString& field);
  void redo() override;
  void undo() override;

 private:
  QString m_field;
  std::optional<QaAnswer> m_previous;
};

class SetLabelCommand : public AnnotationCommand {
 public:
  // Adds (`on`, recorded with `origin`) or removes the document category; undo restores the categories
  // the document had.
  SetLabelCommand(AnnotationSink* sink, const QString& category, bool on, Origin origin = Origin::Manual);
  void redo() override;
  void undo() override;

 private:
  QString m_category;
  bool m_on;
  Origin m_origin;
  QStringList m_before;
  bool m_captured = false;
};

}  // namespace quarry::ui
