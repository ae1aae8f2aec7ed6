#pragma once
// The annotation workbench's document view: one document with its entity spans, relations and QA
// answers, annotated by keyboard and mouse.
//
// The view is store-agnostic. It shows a Document under a Schema and EMITS edit requests; the owner
// applies them (through a QUndoStack and AnnotationCommands) and reports each applied change back
// with an apply...() call, or replaces the whole document with setDocument(). Signals carry Unicode
// code point offsets, like Document; internally the view works in UTF-16 indices.
//
// Only the blocks (paragraphs) on screen are laid out and painted, so large documents open at once.
//
// Keys (schema hotkeys are case-insensitive):
//   Shift+Left/Right     extend the selection by a word (by a character in character mode)
//   Left/Right           move the caret the same way
//   schema hotkey        with a selection: label it (entityRequested); without a selection but with a
//                        current span: change its type (entityTypeChangeRequested)
//   Tab / Shift+Tab      next / previous span becomes current (scrolled into view)
//   Delete, Backspace    remove the current relation, else the current span
//   R                    start a relation at the current span; Tab/click picks the tail, Enter or a
//                        click completes; only relation types the schema allows are offered
//   Q                    answer a QA field with the selection (popup of the schema's fields)
//   N / P                next / previous document; Ctrl+Enter marks the document done
//   Escape               cancel the relation being drawn, else clear selection and current span
//   Alt+W                toggle word / character snapping; Alt+L toggles labels on span bars
// Without a selection R, Q, N and P win over entity hotkeys using those letters; with a selection
// entity hotkeys win. Ctrl+Z and Ctrl+Shift+Z are left to the owner's QUndoStack actions.

#include <QAbstractScrollArea>
#include <QPointer>
#include <QSet>

#include "annotation/AnnotationIndex.h"
#include "annotation/LineLayoutCache.h"
#include "corpus/Document.h"
#include "corpus/Schema.h"

class QMenu;

namespace quarry::ui {

class AnnotationView : public QAbstractScrollArea {
  Q_OBJECT
  Q_PROPERTY(bool readOnly READ isReadOnly WRITE setReadOnly NOTIFY readOnlyChanged)
  Q_PROPERTY(bool wordSnapping READ wordSnapping WRITE setWordSnapping NOTIFY wordSnappingChanged)
  Q_PROPERTY(bool alwaysShowLabels READ alwaysShowLabels WRITE setAlwaysShowLabels)

 public:
  explicit AnnotationView(QWidget* parent = nullptr);
  ~AnnotationView() override;

  // Shows `document` under `schema`; clears selection, current items and the relation being drawn,
  // and scrolls to the top. Misalignment marks are kept only for keys that still exist.
  void setDocument(const Document& document, const Schema& schema);
  const Document& document() const { return m_document; }
  const Schema& schema() const { return m_schema; }

  // Changes the owner has applied. Each repaints only the blocks the change touches.
  void applyEntityAdded(const EntitySpan& entity);      // becomes the current span
  void applyEntityRemoved(const QString& key);          // also drops relations that refer to it
  void applyEntityChanged(const EntitySpan& entity);    // same key, new type or fragments
  void applyRelationAdded(const Relation& relation);
  void applyRelationRemoved(const QString& key);
  void applyAnswerSet(const QaAnswer& answer);          // replaces the answer to the same field
  void applyAnswerCleared(const QString& field);

  // Marks spans that do not line up with the model's tokens; `explanation` joins their tooltip.
  void setMisalignedSpans(const QSet<QString>& keys, const QString& explanation);

  // Read-only: no edit request is emitted (a statusMessage says why); navigation still works.
  bool isReadOnly() const { return m_readOnly; }
  void setReadOnly(bool readOnly);
  // Word snapping (default) or character-precise selection.
  bool wordSnapping() const { return m_wordSnapping; }
  void setWordSnapping(bool on);
  // Type names on every span's bar (taller lanes), or only on the hovered span.
  bool alwaysShowLabels() const { return m_alwaysShowLabels; }
  void setAlwaysShowLabels(bool on);

  // Caret and selection, in code points. The selection is [start, end); start == end: none.
  int cursorPosition() const;
  void setCursorPosition(int codePoint);
  QPair<int, int> selection() const;
  void setSelection(int start, int end);

  QString currentSpan() const { return m_currentSpan; }      // entity key, empty = none
  void setCurrentSpan(const QString& key);                   // also scrolls it into view
  QString currentRelation() const { return m_currentRelation; }
  // Makes relation `key` current (no span is current then) and scrolls its head into view.
  void setCurrentRelation(const QString& key);
  // Selects the text of the answer to `field` and scrolls it into view; false when the document has
  // no answer to it in the text (none, or an explicit no-answer).
  bool showAnswer(const QString& field);
  bool isRelationPending() const { return !m_relationHead.isEmpty(); }
  QString pendingRelationHead() const { return m_relationHead; }
  // The popup (relation types or QA fields) now open, or nullptr.
  QMenu* activePopup() const;

  // Hit testing, in viewport coordinates. spansAt lists every span under the point, the one whose
  // bar is under the point first, then innermost (shortest) first; spanAt is the first of them.
  QStringList spansAt(const QPoint& pos) const;
  QString spanAt(const QPoint& pos) const;
  QString relationAt(const QPoint& pos) const;
  QString answerAt(const QPoint& pos) const;                 // field name
  int codePointAt(const QPoint& pos) const;
  QString toolTipAt(const QPoint& pos) const;
  // Viewport rectangle of the text of a span's first piece (laid out on demand; may lie outside
  // the viewport); empty when the key is unknown.
  QRect spanRect(const QString& key) const;
  // Lane of a relation's arc on the line of its first endpoint (0 = nearest the text); -1 if unknown.
  int relationLane(const QString& key) const;
  void ensureSpanVisible(const QString& key);
  // Scrolls the line holding code point `codePoint` into view.
  void ensureTextVisible(int codePoint);
  int laidOutBlockCount() const { return m_cache.laidOutCount(); }

 Q_SIGNALS:
  void entityRequested(const QString& type, const QVector<quarry::Fragment>& fragments);
  void entityRemovalRequested(const QString& key);
  void entityTypeChangeRequested(const QString& key, const QString& type);
  void relationRequested(const QString& type, const QString& headKey, const QString& tailKey);
  void relationRemovalRequested(const QString& key);
  void answerRequested(const QString& field, int start, int end);
  void nextDocumentRequested();
  void previousDocumentRequested();
  void markDoneRequested();
  // A sentence for the status bar: why a key did nothing, what to do next.
  void statusMessage(const QString& message);
  void currentSpanChanged(const QString& key);
  void currentRelationChanged(const QString& key);  // by setCurrentRelation()
  void selectionChanged(int start, int end);
  void readOnlyChanged(bool readOnly);
  void wordSnappingChanged(bool on);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void changeEvent(QEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  bool viewportEvent(QEvent* event) override;
  bool focusNextPrevChild(bool next) override;
  void scrollContentsBy(int dx, int dy) override;

 private:
  struct BlockHit {
    int block = -1;
    QPointF local;  // block-local
  };
  BlockHit hitBlock(const QPoint& pos) const;
  int spanIndexAt(const QPoint& pos) const;
  void resetLayout();
  void updateScrollBars();
  // Re-indexes the annotations after a change and drops the layouts of `blocksBefore`.
  void reindex(const QVector<int>& blocksBefore);
  QVector<int> blocksOfAnswerField(const QString& field) const;
  void refreshMisaligned();
  void setCurrentSpanIndex(int span);
  void moveCurrent(int step);
  void moveCaret(int pos, bool extend);
  void setSelectionUtf16(int anchor, int cursor);
  bool hasSelection() const { return m_anchor != m_cursor; }
  bool refuseIfReadOnly();
  bool handleHotkey(const QString& text);
  void labelSelection(const QString& type);
  void startRelation();
  void completeRelation(int tailSpan);
  void cancelRelation();
  void openQaPopup();
  QMenu* newPopup(const QString& objectName);
  QPoint popupPosition() const;

  Document m_document;
  Schema m_schema;
  AnnotationIndex m_index;
  mutable LineLayoutCache m_cache;
  int m_anchor = 0;   // UTF-16
  int m_cursor = 0;   // UTF-16
  int m_pressPos = -1;
  QPoint m_pressPoint;
  bool m_dragging = false;
  QString m_currentSpan;
  QString m_currentRelation;
  QString m_hoverSpan;
  QString m_hoverRelation;
  QString m_relationHead;
  QSet<QString> m_misalignedKeys;
  QSet<int> m_misaligned;
  QString m_misalignedExplanation;
  bool m_readOnly = false;
  bool m_wordSnapping = true;
  bool m_alwaysShowLabels = false;
  int m_lastWidth = -1;
  QPointer<QMenu> m_popup;
};

}  // namespace quarry::ui
