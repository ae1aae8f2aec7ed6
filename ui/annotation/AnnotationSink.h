#pragma once
// Where annotation edits land: the main window plugs the project store in, tests plug a fake. The
// commands of AnnotationCommands.h talk to nothing else, so undo/redo works the same for both.

#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>

#include "corpus/Document.h"

namespace quarry::ui {

class AnnotationSink {
 public:
  virtual ~AnnotationSink() = default;

  // Each edit returns true on success; on failure it returns false, sets `error` (never null) to a
  // sentence a person can read, and leaves the document as it was.
  virtual bool addEntity(const EntitySpan& entity, QString* error) = 0;
  // Removes the entity and every relation that refers to it.
  virtual bool removeEntity(const QString& key, QString* error) = 0;
  virtual bool changeEntityType(const QString& key, const QString& type, QString* error) = 0;
  virtual bool addRelation(const Relation& relation, QString* error) = 0;
  virtual bool removeRelation(const QString& key, QString* error) = 0;
  // Sets the answer to `answer.field`, replacing any answer to that field.
  virtual bool setAnswer(const QaAnswer& answer, QString* error) = 0;
  virtual bool clearAnswer(const QString& field, QString* error) = 0;
  // Puts the document in `category`; where the schema allows one category per document, this
  // replaces the one it had.
  virtual bool addLabel(const QString& category, QString* error) = 0;
  // addLabel recording `origin` (Origin::AcceptedSuggestion: a model's suggestion accepted); by default
  // what addLabel records.
  virtual bool addLabelWithOrigin(const QString& category, Origin origin, QString* error) {
    Q_UNUSED(origin);
    return addLabel(category, error);
  }
  virtual bool removeLabel(const QString& category, QString* error) = 0;

  // Lookups the commands need to undo.
  virtual std::optional<EntitySpan> entity(const QString& key) const = 0;
  virtual std::optional<Relation> relation(const QString& key) const = 0;
  virtual QVector<Relation> relationsOf(const QString& entityKey) const = 0;
  virtual std::optional<QaAnswer> answer(const QString& field) const = 0;
  virtual QStringList labels() const = 0;  // the document's categories

  // Told when a command's redo or undo failed; `what` is the command's text. Default: nothing.
  virtual void commandFailed(const QString& what, const QString& error) {
    Q_UNUSED(what);
    Q_UNUSED(error);
  }
};

}  // namespace quarry::ui
