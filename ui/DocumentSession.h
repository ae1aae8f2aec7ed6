#pragma once
// One open document in the workbench: the store sink its edits go through, the undo stack they are
// recorded on, and the annotation view that shows them. The view's edit requests become undoable
// commands; after every push, undo, redo or refresh the view is brought in step with the store once, by
// applying only what changed, so the caret, selection and scroll position stay where they were. An edit
// touches only what it names: the sink applies the store's answer to the open document, the view and
// the misalignment marks (MisalignmentMarks) re-check the edited spans, and documentChanged() says what
// changed, so its listeners need not re-read the whole document.

#include <QObject>
#include <memory>

#include "DocumentChange.h"
#include "MisalignmentMarks.h"
#include "StoreAnnotationSink.h"
#include "corpus/Schema.h"

class QUndoStack;
class QUndoCommand;

namespace quarry::ui {

class AnnotationView;

class DocumentSession : public QObject {
  Q_OBJECT
 public:
  // `store`, `undo` and `view` must outlive the session; the store may be replaced with setStore().
  DocumentSession(ProjectStore* store, QUndoStack* undo, AnnotationView* view, QObject* parent = nullptr);
  ~DocumentSession() override;

  void setStore(ProjectStore* store);  // closes the open document
  // The name recorded on the next edits (the open document's too).
  void setAnnotator(const QString& name);
  QString annotator() const { return m_annotator; }
  // On a team's project with separate layers: show and edit only the annotator's own layer of each document
  // (StoreAnnotationSink::setLayer); off shows every layer. Re-reads the open document when it changes.
  void setOwnLayerOnly(bool on);
  bool ownLayerOnly() const { return m_ownLayerOnly; }

  // Shows document `documentId` under `schema`; clears the undo stack. False with `error` on failure
  // (the previous document stays closed).
  bool open(qint64 documentId, const Schema& schema, QString* error);
  void close();  // also empties the view
  bool isOpen() const { return m_sink != nullptr; }
  qint64 documentId() const { return m_sink ? m_sink->documentId() : 0; }
  const Document& document() const;
  StoreAnnotationSink* sink() const { return m_sink.get(); }  // nullptr when closed
  const Schema& schema() const { return m_schema; }
  // Whether the last move on the undo stack was an undo (something can be redone).
  bool undone() const;
  // Re-reads the document from the store (another window may have changed it) and shows the
  // difference; the undo stack is cleared, since its commands describe the old state.
  bool refresh(QString* error);
  // Shows the open document under a changed schema.
  void setSchema(const Schema& schema);

  // Undoable edits that do not start in the view.
  void labelSelection(const QString& type);
  // `origin` of a category set (on): Origin::AcceptedSuggestion for a model's suggestion accepted.
  void setCategory(const QString& category, bool on, Origin origin = Origin::Manual);
  // Labels every [start, end) of `ranges` (code points) as `type`, as one undoable step; ranges that
  // already carry a span of that type are skipped. Returns how many spans were added.
  // `origin`: Origin::AcceptedSuggestion for a model's suggestions accepted.
  int labelRanges(const QString& type, const QVector<QPair<int, int>>& ranges,
                  Origin origin = Origin::Manual);
  // Relates entity `head` to entity `tail` (keys) by `type`; returns the relation's key, empty when the
  // edit was refused (editFailed says why).
  QString addRelation(const QString& type, const QString& head, const QString& tail,
                      Origin origin = Origin::Manual);
  void removeEntity(const QString& key);  // and the relations using it
  void changeEntityType(const QString& key, const QString& type);
  void removeRelation(const QString& key);
  // Sets the answer to `answer.field`: a span, or an explicit no-answer (answer.noAnswer); recorded as an
  // accepted suggestion when answer.provenance.origin says so.
  void setAnswer(const QaAnswer& answer);
  void clearAnswer(const QString& field);
  // Writes the document status (not undoable).
  bool setStatus(DocumentStatus status, QString* error);

 Q_SIGNALS:
  // The open document changed in the store (an edit, undo, redo or refresh), or another document
  // was opened, or the document was closed; `change` says what changed (change.everything for all but
  // an edit of the open document).
  void documentChanged(const quarry::ui::DocumentChange& change);
  // An edit, undo or redo was refused; `message` says why.
  void editFailed(const QString& message);

 private:
  void push(QUndoCommand* command);
  // Brings the view in step with what the sink changed since the last call, and says so.
  void syncView();
  // Applies `change` (keys of what may differ) from the sink's document to the view; returns the
  // [start, end) code points the changed spans covered before and after.
  QVector<QPair<int, int>> applyToView(const DocumentChange& change);
  // Shows the open document anew (another document, or one re-read under a changed text or schema).
  void showDocument(bool keepPosition);
  // Shows the marks of the spans the NER engine would not train as annotated.
  void showMisaligned();
  void connectView();

  ProjectStore* m_store;
  QUndoStack* m_undo;
  AnnotationView* m_view;
  QString m_annotator;
  bool m_ownLayerOnly = false;
  Schema m_schema;
  std::unique_ptr<StoreAnnotationSink> m_sink;
  MisalignmentMarks m_misaligned;
};

}  // namespace quarry::ui
