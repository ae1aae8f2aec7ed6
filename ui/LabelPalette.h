#pragma once
// The label palette: the schema's entity types with their colour and hotkey (clicking one labels the
// selection), then its relation types and QA fields for reference. Every entry's tooltip is its
// guideline.

#include <QListWidget>

#include "corpus/Schema.h"

namespace quarry::ui {

class LabelPalette : public QListWidget {
  Q_OBJECT
 public:
  static constexpr int TypeNameRole = Qt::UserRole + 1;  // entity type name; empty on other rows

  explicit LabelPalette(QWidget* parent = nullptr);
  void setSchema(const Schema& schema);
  int rowOfEntityType(const QString& name) const;  // -1 when not listed

 Q_SIGNALS:
  void entityTypeChosen(const QString& type);
};

}  // namespace quarry::ui
