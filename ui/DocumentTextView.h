#pragma once
// Read-only view of one document with its entity spans as coloured underlays and the guideline of a
// span's type as its tooltip. (The full annotation editor replaces this view.)

#include <QTextBrowser>

#include "corpus/Document.h"
#include "corpus/Schema.h"

namespace quarry::ui {

class DocumentTextView : public QTextBrowser {
  Q_OBJECT
 public:
  explicit DocumentTextView(QWidget* parent = nullptr);
  void showDocument(const Document& document, const Schema& schema);
  // The entity under a UTF-16 position, or nullptr.
  const EntitySpan* entityAt(int utf16Position) const;

 protected:
  bool event(QEvent* e) override;

 private:
  Document m_document;
  Schema m_schema;
  QVector<QPair<int, int>> m_spanRanges;  // UTF-16 [start, end) per entity, same order as entities
};

}  // namespace quarry::ui
