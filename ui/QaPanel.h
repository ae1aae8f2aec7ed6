#pragma once
// The QA dock: one row per question (QA field) of the schema with the open document's answer to it:
// the answered text, an explicit "no answer" (the text does not answer it), or nothing yet. Set from
// the keyboard in the list: Enter answers with the text selected in the annotation view, N records
// "no answer", Delete clears; a double click shows the answer in the text. Every change is an undoable
// edit recorded with annotator, origin and guideline version, like any other annotation.
//
// A field without an answer shows the model's suggested answer, if there is one, with its confidence:
// Accept Suggestion (A in the list) or Reject Suggestion (X) asks the owner to decide it; a double click
// selects the suggested text in the view.

#include <QWidget>

#include "DockSuggestions.h"
#include "corpus/Document.h"

class QLabel;
class QPushButton;
class QTreeWidget;

namespace quarry::ui {

class AnnotationView;
class DocumentSession;

class QaPanel : public QWidget {
  Q_OBJECT
 public:
  enum Column { FieldColumn, AnswerColumn, QuestionColumn, ColumnCount };

  // Follows `session`'s document and schema, reads the selection of `view`; both must outlive the panel.
  QaPanel(DocumentSession* session, AnnotationView* view, QWidget* parent = nullptr);

  QTreeWidget* list() const { return m_list; }
  QPushButton* useSelectionButton() const { return m_useSelection; }
  QPushButton* noAnswerButton() const { return m_noAnswer; }
  QPushButton* clearButton() const { return m_clear; }
  QPushButton* acceptSuggestionButton() const { return m_acceptSuggestion; }
  QPushButton* rejectSuggestionButton() const { return m_rejectSuggestion; }
  // The model's suggested answers for the open document (those of answered fields are not shown).
  void setSuggestions(const QVector<SuggestedAnswer>& suggestions);
  // The suggestion shown for the current field; nullptr = none.
  const SuggestedAnswer* currentSuggestion() const;
  QString currentField() const;  // empty when none
  bool selectField(const QString& field);
  // Review mode: while the view is read-only, the suggested answers still can be accepted and rejected.
  void setDecidingWhileReadOnly(bool on) { m_decidingWhileReadOnly = on; }

 public Q_SLOTS:
  void answerWithSelection();
  void markNoAnswer();
  void clearAnswer();
  void acceptSuggestion();
  void rejectSuggestion();

 Q_SIGNALS:
  // A sentence for the status bar: why a key did nothing.
  void statusMessage(const QString& message);
  // Accept or Reject of the suggested answer of prediction row `id`.
  void suggestionAccepted(qint64 id);
  void suggestionRejected(qint64 id);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void reload();
  // True (with a message why) when nothing can be changed; `deciding`: a suggestion is to be decided.
  bool refuse(bool deciding = false);
  QaAnswer newAnswer() const;  // for the current field
  const SuggestedAnswer* suggestionFor(const QString& field) const;
  // The current field's suggestion; nullptr, and a message why, when there is none or the panel refuses.
  const SuggestedAnswer* suggestionToDecide();
  void updateSuggestionButtons();

  DocumentSession* m_session;
  AnnotationView* m_view;
  QTreeWidget* m_list;
  QLabel* m_hint;
  QPushButton* m_useSelection;
  QPushButton* m_noAnswer;
  QPushButton* m_clear;
  QPushButton* m_acceptSuggestion;
  QPushButton* m_rejectSuggestion;
  QVector<SuggestedAnswer> m_suggestions;
  bool m_decidingWhileReadOnly = false;
};

}  // namespace quarry::ui
