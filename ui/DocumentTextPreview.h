#pragma once
// A read-only view of one document's text exactly as it will be stored and exported, its entity spans
// highlighted: what an import would write, before it is written. For
// token files (CoNLL) this shows how tokens were joined ("APC2 , a"), which is also what every export
// of the project writes.

#include <QTextBrowser>

#include "corpus/Document.h"

namespace quarry::ui {

class DocumentTextPreview : public QTextBrowser {
  Q_OBJECT
 public:
  explicit DocumentTextPreview(QWidget* parent = nullptr);

  // Shows `document` (at most kMaxCharacters of it); `note` is a line above the text (may be empty).
  void showDocument(const Document& document, const QString& note);
  void clearDocument();

  static constexpr int kMaxCharacters = 20000;
};

}  // namespace quarry::ui
