#pragma once
// The document list as a table: name, split, status and progress (annotation counts) per document,
// in the order the store lists them under the current filter; on a team's project, each assigned annotator's
// progress on the document (the Team column, hidden while nothing is assigned).

#include <QAbstractTableModel>
#include <QHash>
#include <QVector>

#include "store/StoreTypes.h"

namespace quarry::ui {

class DocumentListModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { NameColumn, SplitColumn, StatusColumn, ProgressColumn, TeamColumn, ColumnCount };
  static constexpr int DocumentIdRole = Qt::UserRole + 1;

  explicit DocumentListModel(QObject* parent = nullptr);

  void setDocuments(const QVector<DocumentSummary>& documents);
  // The project's assignments (store/TeamStore.h), for the Team column: "anna ✓ · ben …".
  void setAssignments(const QVector<Assignment>& assignments);
  bool hasAssignments() const { return !m_assignments.isEmpty(); }
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

  QString teamText(qint64 documentId) const;

  QVector<DocumentSummary> m_documents;
  QHash<qint64, QVector<Assignment>> m_assignments;  // by document
};

}  // namespace quarry::ui
