#pragma once
// The document list dock: filters (split, status, annotator, annotation type, text search) over a
// table of the matching documents with their progress. In the search field Return or Down opens the
// current (else the first) document found and moves the focus into the list. A row's context menu moves
// its document to another split.

#include <QWidget>

#include "corpus/Schema.h"
#include "store/StoreTypes.h"

class QComboBox;
class QLineEdit;
class QMenu;
class QTableView;
class QTimer;

namespace quarry::ui {

class DocumentListModel;

class DocumentListPanel : public QWidget {
  Q_OBJECT
 public:
  explicit DocumentListPanel(QWidget* parent = nullptr);

  // The filter the widgets describe (paging left at "all").
  DocumentListFilter filter() const;
  // Offers the schema's types in the annotation-type filter and `annotators` in the annotator filter,
  // keeping the current choices where they still exist.
  void setChoices(const Schema& schema, const QStringList& annotators);

  DocumentListModel* model() const { return m_model; }
  QTableView* view() const { return m_view; }
  QLineEdit* searchField() const { return m_search; }
  QComboBox* splitFilter() const { return m_split; }
  QComboBox* statusFilter() const { return m_status; }
  QComboBox* annotatorFilter() const { return m_annotator; }
  QComboBox* typeFilter() const { return m_type; }

  // Back to "all documents": every filter at its first entry and no search text; emits nothing.
  void resetFilters();

  // The listed document on `row`'s selection, or 0.
  qint64 currentDocument() const;
  // Selects the row of `documentId`; false when it is not listed.
  bool selectDocument(qint64 documentId);
  // Moves the selection by `step` rows; false at either end of the list.
  bool step(int step);
  // "Move to Split": adds to `menu` an action per split (`current` checked and disabled) emitting
  // moveToSplitRequested for `documentId`; the row's context menu, and the Document menu's for the open
  // document.
  void addSplitActions(QMenu* menu, qint64 documentId, Split current);

 Q_SIGNALS:
  void filterChanged();
  void documentActivated(qint64 documentId);  // the current row changed to this document
  void moveToSplitRequested(qint64 documentId, quarry::Split split);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  // Return or Down in the search field: the search applied at once, the focus in the list and its
  // current (else first) document opened.
  void openFromSearch();
  static void setItems(QComboBox* box, const QList<QPair<QString, QString>>& items);  // label, data

  DocumentListModel* m_model;
  QTableView* m_view;
  QComboBox* m_split;
  QComboBox* m_status;
  QComboBox* m_annotator;
  QComboBox* m_type;
  QLineEdit* m_search;
  QTimer* m_searchDelay;
};

}  // namespace quarry::ui
