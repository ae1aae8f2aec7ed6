#pragma once
// The QA dock: one row per question (QA field) of the schema with the open document's answer to it:
// the answered text, an explicit "no answer" (the text does not answer it), or nothing yet. Set from
// the keyboard in the list: Enter answers with the text selected in the annotation view, N records
// "no answer", Delete clears; a double click shows the answer in the text. Every change is an undoable
// edit recorded with annotator, origin and guideline version, like any other annotation.

#include <QWidget>

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
  QString currentField() const;  // empty when none
  bool selectField(const QString& field);

 public Q_SLOTS:
  void answerWithSelection();
  void markNoAnswer();
  void clearAnswer();

 Q_SIGNALS:
  // A sentence for the status bar: why a key did nothing.
  void statusMessage(const QString& message);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void reload();
  bool refuse();
  QaAnswer newAnswer() const;  // for the current field

  DocumentSession* m_session;
  AnnotationView* m_view;
  QTreeWidget* m_list;
  QLabel* m_hint;
  QPushButton* m_useSelection;
  QPushButton* m_noAnswer;
  QPushButton* m_clear;
};

}  // namespace quarry::ui
