#pragma once
// Search inside the open document (Ctrl+F): a bar under the annotation view with the query, the
// number of matches, next and previous match (Return, Shift+Return, F3, Shift+F3), match case and
// whole words, and "Label All" which, after a confirmation, labels every match with the chosen type.
// Matches are highlighted in the view; the current one is selected and scrolled into view.

#include <QPair>
#include <QVector>
#include <QWidget>

#include "corpus/Schema.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace quarry::ui {

class AnnotationView;

class DocumentFindBar : public QWidget {
  Q_OBJECT
 public:
  explicit DocumentFindBar(AnnotationView* view, QWidget* parent = nullptr);

  // Shows the bar with the focus in the query (its text selected) and searches.
  void activate();
  // Hides the bar, clears the highlights and gives the focus back to the view.
  void dismiss();
  // Searches again (the document or the schema changed); does nothing while hidden.
  void refresh();
  // Offers `schema`'s entity types to Label All.
  void setSchema(const Schema& schema);
  void findNext();
  void findPrevious();

  QVector<QPair<int, int>> matches() const { return m_matches; }  // code points
  int currentMatch() const { return m_current; }
  QLineEdit* queryField() const { return m_query; }
  QLabel* countLabel() const { return m_count; }
  QCheckBox* matchCaseBox() const { return m_matchCase; }
  QCheckBox* wholeWordsBox() const { return m_wholeWords; }
  QComboBox* typeBox() const { return m_type; }
  QPushButton* labelAllButton() const { return m_labelAll; }

 Q_SIGNALS:
  // The person confirmed labelling every match as `type`.
  void labelAllRequested(const QString& type, const QVector<QPair<int, int>>& matches);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void search();
  void showMatch(int match);
  void confirmLabelAll();

  AnnotationView* m_view;
  QVector<QPair<int, int>> m_matches;
  int m_current = -1;
  QLineEdit* m_query = nullptr;
  QLabel* m_count = nullptr;
  QToolButton* m_previous = nullptr;
  QToolButton* m_next = nullptr;
  QCheckBox* m_matchCase = nullptr;
  QCheckBox* m_wholeWords = nullptr;
  QComboBox* m_type = nullptr;
  QPushButton* m_labelAll = nullptr;
  QToolButton* m_close = nullptr;
};

}  // namespace quarry::ui
