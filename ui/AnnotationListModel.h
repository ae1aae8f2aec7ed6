#pragma once
// The annotations of one document as a table for the annotations panel: every span, relation and
// answer (explicit no-answers included) with its type, text, offsets, annotator and origin. Offsets
// are code points, as in Document; SortRole gives numbers for the offset columns so they sort by value.

#include <QAbstractTableModel>
#include <QVector>

#include "ItemDetailsPanel.h"
#include "corpus/Document.h"

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
  const Item& item(int row) const { return m_items[row]; }
  int rowOf(Kind kind, const QString& key) const;  // -1 when not listed

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

  static QString kindLabel(Kind kind);        // translated
  static QString originLabel(Origin origin);  // translated

 private:
  QVector<Item> m_items;
};

}  // namespace quarry::ui
