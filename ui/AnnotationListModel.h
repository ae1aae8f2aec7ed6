#pragma once
// The annotations of one document as a table for the annotations panel: every span, relation and
// answer (explicit no-answers included) with its type, text, offsets, annotator and origin. Offsets
// are code points, as in Document; SortRole gives numbers for the offset columns so they sort by value.
// Rows are the spans, then the relations, then the answers, each in document order.

#include <QAbstractTableModel>
#include <QVector>
#include <functional>

#include "DocumentChange.h"
#include "ItemDetailsPanel.h"
#include "corpus/Document.h"
#include "corpus/TextOffsets.h"

namespace quarry::ui {

class AnnotationListModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column {
    KindColumn,
    TypeColumn,
    TextColumn,
    StartColumn,
    EndColumn,
    AnnotatorColumn,
    OriginColumn,
    ColumnCount
  };
  using Kind = ItemDetailsPanel::Kind;
  static constexpr int SortRole = Qt::UserRole + 1;

  struct Item {
    Kind kind = Kind::None;
    QString key;     // entity or relation key, or the QA field of an answer
    QString type;    // entity or relation type, or the QA field
    QString text;    // the annotated text on one line ("head → tail" for a relation)
    int start = -1;  // code points; -1 for a no-answer
    int end = -1;
    Provenance provenance;
  };

  explicit AnnotationListModel(QObject* parent = nullptr);

  void setDocument(const Document& document);
  // Brings the rows in step with `document` after `change`: only the rows of what it names (and of the
  // relations of the spans it names) are removed, inserted or updated.
  void applyChange(const Document& document, const DocumentChange& change);
  const Item& item(int row) const { return m_items[row]; }
  int rowOf(Kind kind, const QString& key) const;  // -1 when not listed

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  static QString kindLabel(Kind kind);        // translated
  static QString originLabel(Origin origin);  // translated

 private:
  using SpanLookup = std::function<const EntitySpan*(const QString&)>;
  Item entityItem(const EntitySpan& e) const;
  Item relationItem(const Relation& r, const SpanLookup& span) const;
  Item answerItem(const QaAnswer& a) const;
  QString oneLine(int start, int end) const;
  void useText(const QString& text);
  void replace(int row, const Item& item);  // says which cells changed
  // Brings rows [first, first + *count) (one kind, those of `keys` changed) in step with `list`.
  template <typename T, typename MakeItem>
  void applyBlock(int first, int* count, const QVector<T>& list, const QSet<QString>& keys, MakeItem make);

  QVector<Item> m_items;
  int m_entityRows = 0;    // rows [0, m_entityRows) are spans
  int m_relationRows = 0;  // the next m_relationRows rows are relations; then answers
  QString m_text;          // the document's text, and its offsets
  TextOffsets m_offsets;
};

}  // namespace quarry::ui
