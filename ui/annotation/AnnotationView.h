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
// Keys: the view's own keys are declared in AnnotationKeys (caret and selection movement, spans,
// relations, answers, documents, the keyboard sheet); they win over schema hotkeys, which the schema
// editor keeps apart from them. A schema hotkey (case-insensitive) with a selection labels it
// (entityRequested); without a selection but with a current span it changes the span's type
// (entityTypeChangeRequested). Alt+W (word snapping) and Alt+L (type names) are QActions of the view,
// so an owner can put them in its menus. Ctrl+Z and friends are left to the owner.

#include <QAbstractScrollArea>
#include <QPointer>
#include <QSet>

#include "annotation/AnnotationIndex.h"
#include "annotation/AnnotationKeys.h"
#include "annotation/AnnotationPainter.h"
#include "annotation/LineLayoutCache.h"
#include "annotation/SuggestedRelations.h"
#include "corpus/Document.h"
#include "corpus/Schema.h"

class QAction;
class QMenu;

namespace quarry::ui {

// A model's suggestion shown in the text, dashed in its type's colour (code points).
struct SuggestedSpan {
  qint64 id = 0;  // the prediction row it comes from
  int start = 0;
  int end = 0;
  QString type;
  double confidence = 0;
};

class AnnotationView : public QAbstractScrollArea {
  Q_OBJECT
  Q_PROPERTY(bool readOnly READ isReadOnly WRITE setReadOnly NOTIFY readOnlyChanged)
  Q_PROPERTY(bool wordSnapping READ wordSnapping WRITE setWordSnapping NOTIFY wordSnappingChanged)
  Q_PROPERTY(bool showTypeNames READ showTypeNames WRITE setShowTypeNames NOTIFY showTypeNamesChanged)

 public:
  explicit AnnotationView(QWidget* parent = nullptr);
  ~AnnotationView() override;

  // Shows `document` under `schema`; clears selection, current items and the relation being drawn,
  // and scrolls to the top. Misalignment marks are kept only for keys that still exist.
  void setDocument(const Document& document, const Schema& schema);
  // The same document re-read, or shown under a changed schema: when the text is unchanged the caret,
  // selection and scroll position stay; otherwise as setDocument().
  void updateDocument(const Document& document, const Schema& schema);
  const Document& document() const { return m_document; }
  const Schema& schema() const { return m_schema; }

  // Changes the owner has applied. Each repaints only the blocks the change touches.
  void applyEntityAdded(const EntitySpan& entity);    // becomes the current span
  void applyEntityRemoved(const QString& key);        // also drops relations that refer to it
  void applyEntityChanged(const EntitySpan& entity);  // same key, new type or fragments
  void applyRelationAdded(const Relation& relation);
  void applyRelationRemoved(const QString& key);
  void applyAnswerSet(const QaAnswer& answer);  // replaces the answer to the same field
  void applyAnswerCleared(const QString& field);

  // The model's suggestions for this document (cleared by setDocument), drawn dashed: spans, and relations
  // between spans it has as arcs; A accepts, X rejects and Shift+A accepts all through the signals below.
  // A suggestion's index counts the spans first, then the relations. The current one is drawn thicker.
  void setSuggestions(const QVector<SuggestedSpan>& suggestions, int current = -1);
  void setSuggestions(const QVector<SuggestedSpan>& spans, const QVector<SuggestedRelation>& relations,
                      int current = -1);
  const QVector<SuggestedSpan>& suggestions() const { return m_suggestions; }
  const QVector<SuggestedRelation>& suggestedRelations() const { return m_suggestedRelations; }
  int suggestionCount() const { return int(m_suggestions.size() + m_suggestedRelations.size()); }
  int currentSuggestion() const { return m_currentSuggestion; }
  // Makes suggestion `index` current (-1 = none) and scrolls it into view.
  void setCurrentSuggestion(int index);
  // The suggestion under a viewport point (a span's text, a relation's arc); -1 = none.
  int suggestionAt(const QPoint& pos) const;

  // Marks spans that do not line up with the model's tokens; `explanation` joins their tooltip.
  void setMisalignedSpans(const QSet<QString>& keys, const QString& explanation);

  // Read-only: no edit request is emitted (a statusMessage says why); navigation still works.
  bool isReadOnly() const { return m_readOnly; }
  void setReadOnly(bool readOnly);
  // Review mode: while read-only, A, X and Shift+A still decide the model's suggestions (every other
  // edit stays refused), as the category and question panels allow.
  void setDecidingWhileReadOnly(bool on) { m_decidingWhileReadOnly = on; }
  bool decidesWhileReadOnly() const { return m_decidingWhileReadOnly; }
  // Word snapping (default) or character-precise selection.
  bool wordSnapping() const { return m_wordSnapping; }
  void setWordSnapping(bool on);
  // Type names in chips above the spans (default), or colour only (the name on the hovered span).
  bool showTypeNames() const { return m_showTypeNames; }
  void setShowTypeNames(bool on);
  // Checkable actions for the two toggles (Alt+W, Alt+L), shortcuts active while the view has focus.
  QAction* wordSnappingAction() const { return m_wordSnappingAction; }
  QAction* typeNamesAction() const { return m_typeNamesAction; }

  // Caret and selection, in code points. The selection is [start, end); start == end: none. With word
  // snapping on it is the range snapped to the words it covers: what is highlighted and what a label
  // or an answer would store.
  int cursorPosition() const;
  void setCursorPosition(int codePoint);
  QPair<int, int> selection() const;
  void setSelection(int start, int end);
  // Scrolls the caret's line into view (with its arcs and type chips) when it is not.
  void ensureCursorVisible();
  // The caret's line box in viewport coordinates (may lie outside the viewport).
  QRect cursorRectangle() const;

  // Find bar matches, [start, end) in code points, highlighted; `current` (an index into `matches`,
  // -1 for none) is highlighted more strongly. Cleared by setDocument().
  void setSearchMatches(const QVector<QPair<int, int>>& matches, int current);
  QVector<QPair<int, int>> searchMatches() const { return m_searchMatches; }

  QString currentSpan() const { return m_currentSpan; }  // entity key, empty = none
  void setCurrentSpan(const QString& key);               // also scrolls it into view
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
  QString answerAt(const QPoint& pos) const;  // field name
  int codePointAt(const QPoint& pos) const;
  QString toolTipAt(const QPoint& pos) const;
  // Viewport rectangle of the text of a span's first piece (laid out on demand; may lie outside
  // the viewport); empty when the key is unknown.
  QRect spanRect(const QString& key) const;
  // Viewport rectangle of the tag (the chip with the field's name) of the answer to `field`; empty
  // when there is none.
  QRect answerTagRect(const QString& field) const;
  // Viewport rectangles of what a relation draws, one per line its arc runs on: the stroke with its
  // legs, arrowheads and chevrons, and its label; empty when the key is unknown.
  QVector<QRect> relationRects(const QString& key) const;
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
  // A / X on suggestion `index` of suggestions(); Shift+A.
  void suggestionAcceptRequested(int index);
  void suggestionRejectRequested(int index);
  void acceptAllSuggestionsRequested();
  void previousDocumentRequested();
  void markDoneRequested();
  void keyboardSheetRequested();  // the ? key
  // A sentence for the status bar: why a key did nothing, what to do next.
  void statusMessage(const QString& message);
  void currentSpanChanged(const QString& key);
  void currentRelationChanged(const QString& key);  // by setCurrentRelation()
  void selectionChanged(int start, int end);
  void readOnlyChanged(bool readOnly);
  void wordSnappingChanged(bool on);
  void showTypeNamesChanged(bool on);

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
  int linkAt(const QPoint& pos) const;  // an AnnotationIndex link, suggested ones included; -1 = none
  // Indexes m_document's annotations and the suggested relations.
  void indexAnnotations();
  void resetLayout();
  void updateScrollBars();
  // The layouts kept follow the index's renumbering after a span was inserted at `at` (removed from
  // `gone`); -1: none was.
  void spanInserted(int at);
  void spanRemoved(int gone);
  // Re-indexes the relations (the answers) after a change, the layouts kept following.
  void relink();
  void reanswer();
  QVector<int> blocksOfAnswerField(const QString& field) const;
  void refreshMisaligned();
  void setCurrentSpanIndex(int span);
  void moveCurrent(int step);
  void moveCaret(int pos, bool extend);
  // Moves the caret for a movement command (arrows, Home/End, Page Up/Down) and keeps it on screen.
  void moveBy(ViewCommand command, bool extend);
  // The suggestion A or X acts on: the current one, else the first at or after the caret; -1 = none.
  int suggestionToDecide() const;
  void runCommand(ViewCommand command, bool extend);
  void setSelectionUtf16(int anchor, int cursor);
  bool hasSelection() const { return m_anchor != m_cursor; }
  QPair<int, int> selectionUtf16() const;  // [start, end), snapped like selection()
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
  int m_anchor = 0;  // UTF-16
  int m_cursor = 0;  // UTF-16
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
  bool m_decidingWhileReadOnly = false;
  bool m_wordSnapping = true;
  bool m_showTypeNames = true;
  qreal m_goalX = -1;  // x kept across consecutive Up/Down/Page moves; -1: take the caret's
  QVector<QPair<int, int>> m_searchMatches;       // code points
  QVector<QPair<int, int>> m_searchMatchesUtf16;  // the same, UTF-16
  int m_currentMatch = -1;
  QVector<SuggestedSpan> m_suggestions;
  QVector<SuggestionMark> m_suggestionMarks;  // the same, UTF-16 with their colours
  QVector<SuggestedRelation> m_suggestedRelations;
  int m_currentSuggestion = -1;
  QAction* m_wordSnappingAction = nullptr;
  QAction* m_typeNamesAction = nullptr;
  int m_lastWidth = -1;
  QPointer<QMenu> m_popup;
};

}  // namespace quarry::ui
