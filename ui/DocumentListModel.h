#pragma once
// The document list as a table: name, split, status and progress (annotation counts) per document,
// in the order the store lists them under the current filter.

#include <QAbstractTableModel>
#include <QVector>

#include "store/StoreTypes.h"

namespace quarry::ui {

class DocumentListModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { NameColumn, SplitColumn, StatusColumn, ProgressColumn, ColumnCount };
  static constexpr int DocumentIdRole = Qt::UserRole + 1;

  explicit DocumentListModel(QObject* parent = nullptr);

  void setDocuments(const QVector<DocumentSummary>& documents);
  const QVector<DocumentSummary>& documents() const { return m_documents; }
  // Replaces the row of `summary.id` (counts, status, split); false when it is not listed.
  bool updateDocument(const DocumentSummary& summary);
  int rowOf(qint64 documentId) const;  // -1 when not listed
  qint64 idAt(int row) const;          // 0 when out of range
  int doneCount() const;               // rows with status done or reviewed

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  static QString splitLabel(Split split);            // translated
  static QString statusLabel(DocumentStatus status); // translated

 private:
  QString progressText(const DocumentSummary& d) const;

  QVector<DocumentSummary> m_documents;
};

}  // namespace quarry::ui
