#pragma once
// The side panel: what the selected span, relation or answer is (type, text, offsets), who made it
// and how (annotator, origin, guideline version, times), and the guideline of its type.

#include <QTextBrowser>

#include "corpus/Document.h"
#include "corpus/Schema.h"
#include "corpus/TextOffsets.h"

namespace quarry::ui {

class ItemDetailsPanel : public QTextBrowser {
  Q_OBJECT
 public:
  enum class Kind { None, Entity, Relation, Answer };

  explicit ItemDetailsPanel(QWidget* parent = nullptr);

  // Shows the item `key` of `kind` in `document` (an entity or relation key, or a QA field name);
  // an unknown key shows the empty state.
  void showItem(const Document& document, const Schema& schema, Kind kind, const QString& key);
  void clearItem();
  Kind kind() const { return m_kind; }
  QString key() const { return m_key; }

 private:
  QString provenanceHtml(const Provenance& p) const;
  QString excerpt(const Document& document, int start, int end) const;
  void showHtml(const QString& html);  // unless it is shown already

  Kind m_kind = Kind::None;
  QString m_key;
  QString m_html;  // what is shown
  // The offsets of the text last shown, kept while it stays (measuring a long text takes a while).
  mutable QString m_text;
  mutable TextOffsets m_offsets{QString()};
};

}  // namespace quarry::ui
