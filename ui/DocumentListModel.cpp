#include "DocumentListModel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace quarry::ui {

DocumentListModel::DocumentListModel(QObject* parent) : QAbstractTableModel(parent) {}

void DocumentListModel::setDocuments(const QVector<DocumentSummary>& documents) {
  beginResetModel();
  m_documents = documents;
  endResetModel();
}

void DocumentListModel::setAssignments(const QVector<Assignment>& assignments) {
  m_assignments.clear();
  for (const Assignment& a : assignments) m_assignments[a.documentId] << a;
  if (!m_documents.isEmpty()) Q_EMIT dataChanged(index(0, TeamColumn), index(int(m_documents.size()) - 1, TeamColumn));
}

QString DocumentListModel::teamText(qint64 documentId) const {
  QStringList parts;
  for (const Assignment& a : m_assignments.value(documentId))
    parts << a.annotator + (a.done.isValid() ? QStringLiteral(" ✓") : QStringLiteral(" …"));
  return parts.join(QStringLiteral(" · "));
}

bool DocumentListModel::updateDocument(const DocumentSummary& summary) {
  const int row = rowOf(summary.id);
  if (row < 0) return false;
  m_documents[row] = summary;
  Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
  return true;
}

int DocumentListModel::rowOf(qint64 documentId) const {
  for (int i = 0; i < m_documents.size(); ++i)
    if (m_documents[i].id == documentId) return i;
  return -1;
}

qint64 DocumentListModel::idAt(int row) const {
  return row >= 0 && row < m_documents.size() ? m_documents[row].id : 0;
}

int DocumentListModel::doneCount() const {
  int n = 0;
  for (const DocumentSummary& d : m_documents)
    n += d.status == DocumentStatus::Done || d.status == DocumentStatus::Reviewed;
  return n;
}

int DocumentListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(m_documents.size());
}

int DocumentListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString DocumentListModel::splitLabel(Split split) {
  switch (split) {
    case Split::Train: return tr("train");
    case Split::Dev: return tr("dev");
    case Split::Test: return tr("test");
    case Split::Unassigned: break;
  }
  return tr("unassigned");
}

QString DocumentListModel::statusLabel(DocumentStatus status) {
  switch (status) {
    case DocumentStatus::InProgress: return tr("in progress");
    case DocumentStatus::Done: return tr("done");
    case DocumentStatus::Reviewed: return tr("reviewed");
    case DocumentStatus::New: break;
  }
  return tr("new");
}

QString DocumentListModel::progressText(const DocumentSummary& d) const {
  QStringList parts;
  parts << tr("%n span(s)", nullptr, d.entities);
  if (d.relations) parts << tr("%n relation(s)", nullptr, d.relations);
  if (d.answers) parts << tr("%n answer(s)", nullptr, d.answers);
  if (d.labels) parts << tr("%n category(s)", nullptr, d.labels);
  return parts.join(QStringLiteral(" · "));
}

QVariant DocumentListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= m_documents.size()) return {};
  const DocumentSummary& d = m_documents[index.row()];
  if (role == DocumentIdRole) return d.id;
  if (role == Qt::DisplayRole) {
    switch (index.column()) {
      case NameColumn: return d.name;
      case SplitColumn: return splitLabel(d.split);
      case StatusColumn: return statusLabel(d.status);
      case ProgressColumn: return progressText(d);
      case TeamColumn: return teamText(d.id);
      default: return {};
    }
  }
  if (role == Qt::ToolTipRole && index.column() == ProgressColumn)
    return tr("%1 spans, %2 relations, %3 answers, %4 categories")
        .arg(d.entities)
        .arg(d.relations)
        .arg(d.answers)
        .arg(d.labels);
  if (role == Qt::ToolTipRole && index.column() == TeamColumn && m_assignments.contains(d.id)) {
    QStringList lines;
    for (const Assignment& a : m_assignments.value(d.id))
      lines << (a.done.isValid() ? tr("%1: done %2").arg(a.annotator, a.done.toLocalTime().toString(Qt::ISODate))
                                 : tr("%1: not done yet").arg(a.annotator));
    return lines.join(QLatin1Char('\n'));
  }
  if (role == Qt::ForegroundRole && index.column() == StatusColumn) {
    switch (d.status) {
      case DocumentStatus::Done: return QBrush(QColor(0x2e, 0x7d, 0x32));
      case DocumentStatus::Reviewed: return QBrush(QColor(0x15, 0x65, 0xc0));
      case DocumentStatus::InProgress: return QBrush(QColor(0xef, 0x6c, 0x00));
      case DocumentStatus::New: return {};
    }
  }
  if (role == Qt::FontRole && index.column() == NameColumn && d.status == DocumentStatus::New) {
    QFont bold;
    bold.setBold(true);
    return bold;
  }
  return {};
}

QVariant DocumentListModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case NameColumn: return tr("Document");
    case SplitColumn: return tr("Split");
    case StatusColumn: return tr("Status");
    case ProgressColumn: return tr("Progress");
    case TeamColumn: return tr("Team");
    default: return {};
  }
}

}  // namespace quarry::ui
