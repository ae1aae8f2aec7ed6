#include "AnnotationListModel.h"

#include "corpus/TextOffsets.h"

namespace quarry::ui {
namespace {

constexpr int kMaxText = 120;  // characters of annotated text shown in a cell

QString oneLine(const Document& d, const TextOffsets& offsets, int start, int end) {
  QString text = offsets.slice(d.text, start, end).simplified();
  if (text.size() > kMaxText) text = text.left(kMaxText - 1) + QChar(0x2026);
  return text;
}

}  // namespace

AnnotationListModel::AnnotationListModel(QObject* parent) : QAbstractTableModel(parent) {}

void AnnotationListModel::setDocument(const Document& document) {
  beginResetModel();
  m_items.clear();
  const TextOffsets offsets(document.text);
  for (const EntitySpan& e : document.entities) {
    QStringList pieces;
    for (const Fragment& f : e.fragments) pieces << oneLine(document, offsets, f.start, f.end);
    m_items.push_back(
        {Kind::Entity, e.key, e.type, pieces.join(QStringLiteral(" … ")), e.start(), e.end(), e.provenance});
  }
  for (const Relation& r : document.relations) {
    const EntitySpan* head = document.entity(r.head);
    const EntitySpan* tail = document.entity(r.tail);
    Item item{Kind::Relation, r.key, r.type, {}, -1, -1, r.provenance};
    if (head && tail) {
      item.text = tr("%1 → %2").arg(oneLine(document, offsets, head->start(), head->end()),
                                    oneLine(document, offsets, tail->start(), tail->end()));
      item.start = std::min(head->start(), tail->start());
      item.end = std::max(head->end(), tail->end());
    }
    m_items.push_back(item);
  }
  for (const QaAnswer& a : document.answers) {
    Item item{Kind::Answer, a.field, a.field, tr("(no answer)"), -1, -1, a.provenance};
    if (!a.noAnswer) {
      item.text = oneLine(document, offsets, a.start, a.end);
      item.start = a.start;
      item.end = a.end;
    }
    m_items.push_back(item);
  }
  endResetModel();
}

int AnnotationListModel::rowOf(Kind kind, const QString& key) const {
  for (int i = 0; i < m_items.size(); ++i)
    if (m_items[i].kind == kind && m_items[i].key == key) return i;
  return -1;
}

int AnnotationListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(m_items.size());
}

int AnnotationListModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnnotationListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= m_items.size()) return {};
  const Item& item = m_items[index.row()];
  if (role == SortRole) {
    if (index.column() == StartColumn) return item.start;
    if (index.column() == EndColumn) return item.end;
    role = Qt::DisplayRole;
  }
  if (role == Qt::TextAlignmentRole && (index.column() == StartColumn || index.column() == EndColumn))
    return int(Qt::AlignRight | Qt::AlignVCenter);
  if (role == Qt::ToolTipRole && index.column() == TextColumn) return item.text;
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case KindColumn:
      return kindLabel(item.kind);
    case TypeColumn:
      return item.type;
    case TextColumn:
      return item.text;
    case StartColumn:
      return item.start < 0 ? QString() : QString::number(item.start);
    case EndColumn:
      return item.end < 0 ? QString() : QString::number(item.end);
    case AnnotatorColumn:
      return item.provenance.annotator;
    case OriginColumn:
      return originLabel(item.provenance.origin);
    default:
      return {};
  }
}

QVariant AnnotationListModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case KindColumn:
      return tr("Kind");
    case TypeColumn:
      return tr("Type");
    case TextColumn:
      return tr("Text");
    case StartColumn:
      return tr("Start");
    case EndColumn:
      return tr("End");
    case AnnotatorColumn:
      return tr("Annotator");
    case OriginColumn:
      return tr("Origin");
    default:
      return {};
  }
}

QString AnnotationListModel::kindLabel(Kind kind) {
  switch (kind) {
    case Kind::Entity:
      return tr("span");
    case Kind::Relation:
      return tr("relation");
    case Kind::Answer:
      return tr("answer");
    case Kind::None:
      break;
  }
  return {};
}

QString AnnotationListModel::originLabel(Origin origin) {
  switch (origin) {
    case Origin::Manual:
      return tr("manual");
    case Origin::AcceptedSuggestion:
      return tr("accepted suggestion");
    case Origin::Imported:
      return tr("imported");
  }
  return {};
}

}  // namespace quarry::ui
