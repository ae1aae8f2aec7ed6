#pragma once
// The annotations dock: every span, relation and answer of the open document in a sortable table
// (kind, type, text, offsets, annotator, origin). Picking a row (click, arrows) shows the item in the
// annotation view, selected and scrolled to; Enter or a double click also moves the keyboard there.
// Delete removes the item through the session's undo stack (Ctrl+Z brings it back).

#include <QWidget>

#include "AnnotationListModel.h"

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace quarry::ui {

class AnnotationView;
class DocumentSession;

class AnnotationsPanel : public QWidget {
  Q_OBJECT
 public:
  using Kind = AnnotationListModel::Kind;

  // Follows `session`'s document and shows items in `view`; both must outlive the panel.
  AnnotationsPanel(DocumentSession* session, AnnotationView* view, QWidget* parent = nullptr);

  QTableView* table() const { return m_table; }
  AnnotationListModel* model() const { return m_model; }
  // Rows as shown (sorted): the model row behind table row `row`.
  const AnnotationListModel::Item& itemAt(int row) const;
  // Makes the row of (kind, key) current in the table and shows the item; false when it is not listed.
  bool selectItem(Kind kind, const QString& key);

 Q_SIGNALS:
  // A sentence for the status bar (why a removal was refused).
  void statusMessage(const QString& message);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  // Brings the rows in step with the session's document after `change`, the current item kept.
  void reload(const DocumentChange& change);
  void showItem(const QModelIndex& index, bool focusView);
  void removeCurrent();

  DocumentSession* m_session;
  AnnotationView* m_view;
  AnnotationListModel* m_model;
  QSortFilterProxyModel* m_sorted;
  QTableView* m_table;
  QLabel* m_count;
  bool m_reloading = false;
};

}  // namespace quarry::ui
