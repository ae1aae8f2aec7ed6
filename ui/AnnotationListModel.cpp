#include "AnnotationListModel.h"

#include <QHash>

namespace quarry::ui {
namespace {

constexpr int kMaxText = 120;  // characters of annotated text shown in a cell

}  // namespace

AnnotationListModel::AnnotationListModel(QObject* parent)
    : QAbstractTableModel(parent), m_offsets(QString()) {}

void AnnotationListModel::useText(const QString& text) {
  if (text.constData() == m_text.constData() && text.size() == m_text.size()) return;
  m_text = text;
  m_offsets = TextOffsets(m_text);
}

QString AnnotationListModel::oneLine(int start, int end) const {
  QString text = m_offsets.slice(m_text, start, end).simplified();
  if (text.size() > kMaxText) text = text.left(kMaxText - 1) + QChar(0x2026);
  return text;
}

AnnotationListModel::Item AnnotationListModel::entityItem(const EntitySpan& e) const {
  QStringList pieces;
  for (const Fragment& f : e.fragments) pieces << oneLine(f.start, f.end);
  return {Kind::Entity, e.key, e.type, pieces.join(QStringLiteral(" … ")), e.start(), e.end(), e.provenance};
}

AnnotationListModel::Item AnnotationListModel::relationItem(const Relation& r, const SpanLookup& span) const {
  const EntitySpan* head = span(r.head);
  const EntitySpan* tail = span(r.tail);
  Item item{Kind::Relation, r.key, r.type, {}, -1, -1, r.provenance};
  if (head && tail) {
    item.text = tr("%1 → %2").arg(oneLine(head->start(), head->end()), oneLine(tail->start(), tail->end()));
    item.start = std::min(head->start(), tail->start());
    item.end = std::max(head->end(), tail->end());
  }
  return item;
}

AnnotationListModel::Item AnnotationListModel::answerItem(const QaAnswer& a) const {
  Item item{Kind::Answer, a.field, a.field, tr("(no answer)"), -1, -1, a.provenance};
  if (!a.noAnswer) {
    item.text = oneLine(a.start, a.end);
    item.start = a.start;
    item.end = a.end;
  }
  return item;
}

void AnnotationListModel::setDocument(const Document& document) {
  beginResetModel();
  useText(document.text);
  m_items.clear();
  QHash<QString, const EntitySpan*> spans;
  for (const EntitySpan& e : document.entities) {
    m_items.push_back(entityItem(e));
    spans.insert(e.key, &e);
  }
  for (const Relation& r : document.relations)
    m_items.push_back(relationItem(r, [&](const QString& key) { return spans.value(key); }));
  for (const QaAnswer& a : document.answers) m_items.push_back(answerItem(a));
  m_entityRows = int(document.entities.size());
  m_relationRows = int(document.relations.size());
  endResetModel();
}

template <typename T, typename MakeItem>
void AnnotationListModel::applyBlock(int first, int* count, const QVector<T>& list, const QSet<QString>& keys,
                                     MakeItem make) {
  if (keys.isEmpty()) return;
  const QVector<qsizetype> present =
      positionsOf(list, keys, [](const T& x) -> const QString& { return x.key; });
  QSet<QString> kept;
  for (qsizetype i : present) kept.insert(list[i].key);
  auto rowOf = [&](const QString& key) {
    for (int r = first; r < first + *count; ++r)
      if (m_items[r].key == key) return r;
    return -1;
  };
  // Gone from the document: removed.
  for (const QString& key : keys) {
    const int row = kept.contains(key) ? -1 : rowOf(key);
    if (row < 0) continue;
    beginRemoveRows({}, row, row);
    m_items.remove(row);
    --*count;
    endRemoveRows();
  }
  // Changed in place, or new at its place in document order.
  for (qsizetype i : present) {
    int row = rowOf(list[i].key);
    if (row >= 0) {
      replace(row, make(list[i]));
      continue;
    }
    row = first + std::min(int(i), *count);
    beginInsertRows({}, row, row);
    m_items.insert(row, make(list[i]));
    ++*count;
    endInsertRows();
  }
}

void AnnotationListModel::replace(int row, const Item& item) {
  QVector<QVariant> before;
  for (int c = 0; c < ColumnCount; ++c) before << data(index(row, c), Qt::DisplayRole);
  m_items[row] = item;
  // Column by column, and only where it shows: a change beside the sorted column leaves the order alone
  // (the sorted view re-sorts every row when the sorted column changes).
  for (int c = 0; c < ColumnCount; ++c)
    if (data(index(row, c), Qt::DisplayRole) != before[c]) Q_EMIT dataChanged(index(row, c), index(row, c));
}

void AnnotationListModel::applyChange(const Document& document, const DocumentChange& change) {
  if (change.everything) return setDocument(document);
  useText(document.text);
  applyBlock(0, &m_entityRows, document.entities, change.entities,
             [this](const EntitySpan& e) { return entityItem(e); });
  // A relation shows its spans' text and offsets: those of the changed spans are redone too.
  QSet<QString> relations = change.relations;
  if (!change.entities.isEmpty())
    for (const Relation& r : document.relations)
      if (change.entities.contains(r.head) || change.entities.contains(r.tail)) relations.insert(r.key);
  const auto span = [&](const QString& key) { return document.entity(key); };
  applyBlock(m_entityRows, &m_relationRows, document.relations, relations,
             [&](const Relation& r) { return relationItem(r, span); });
  if (change.answers.isEmpty()) return;
  // Answers are few: all of them are listed again.
  const int firstAnswer = m_entityRows + m_relationRows;
  if (m_items.size() > firstAnswer) {
    beginRemoveRows({}, firstAnswer, int(m_items.size()) - 1);
    m_items.resize(firstAnswer);
    endRemoveRows();
  }
  if (!document.answers.isEmpty()) {
    beginInsertRows({}, firstAnswer, firstAnswer + int(document.answers.size()) - 1);
    for (const QaAnswer& a : document.answers) m_items.push_back(answerItem(a));
    endInsertRows();
  }
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
