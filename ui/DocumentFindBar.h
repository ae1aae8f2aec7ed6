#pragma once
// Search inside the open document (Ctrl+F): a bar under the annotation view with the query, the
// number of matches, next and previous match (Return, Shift+Return, F3, Shift+F3), match case and
// whole words, and "Label All" which, after a confirmation, labels every match with the chosen type.
// Matches are highlighted in the view; the current one is selected and scrolled into view.
// The bar takes one row when the text is wide enough and wraps its options and Label All onto rows of
// their own when not, so that opening it never narrows the docks beside the text (1280×800, German
// included): its minimum width is that of its widest group, not of all of them in a row.

#include <QPair>
#include <QVector>
#include <QWidget>

#include "corpus/Schema.h"

class QCheckBox;
class QComboBox;
class QHBoxLayout;
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
  QSize minimumSizeHint() const override;

 Q_SIGNALS:
  // The person confirmed labelling every match as `type`.
  void labelAllRequested(const QString& type, const QVector<QPair<int, int>>& matches);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  // Puts the groups on as few rows as `width` allows.
  void arrange(int width);
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
  // The groups that wrap: the query with its buttons and count (always first, with the close button),
  // the two options, and Label All with its type.
  QWidget* m_search = nullptr;
  QWidget* m_options = nullptr;
  QWidget* m_labelling = nullptr;
  QHBoxLayout* m_rows[3] = {};
  int m_rowOf[2] = {0, 0};  // the row of m_options and of m_labelling
};

}  // namespace quarry::ui
