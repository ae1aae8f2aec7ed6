#include "DocumentTextView.h"

#include <QHelpEvent>
#include <QTextBlock>
#include <QTextCursor>
#include <QToolTip>

#include "GuidelineText.h"
#include "corpus/TextOffsets.h"

namespace quarry::ui {
namespace {

QColor colourFor(const Schema& schema, const QString& type) {
  if (const EntityType* t = schema.entityType(type); t && QColor::isValidColorName(t->colour)) {
    QColor c = QColor::fromString(t->colour);
    c.setAlpha(90);
    return c;
  }
  QColor c = QColor::fromHsv(int(qHash(type) % 360), 120, 240);
  c.setAlpha(90);
  return c;
}

}  // namespace

DocumentTextView::DocumentTextView(QWidget* parent) : QTextBrowser(parent) {
  setReadOnly(true);
  setOpenLinks(false);
  setMouseTracking(true);
  QFont f = font();
  f.setPointSizeF(f.pointSizeF() * 1.15);
  setFont(f);
}

void DocumentTextView::showDocument(const Document& document, const Schema& schema) {
  m_document = document;
  m_schema = schema;
  m_spanRanges.clear();
  setPlainText(document.text);
  const TextOffsets offsets(document.text);
  QTextCursor cursor(this->document());
  for (const EntitySpan& e : document.entities) {
    const int a = offsets.toUtf16(e.start()), b = offsets.toUtf16(e.end());
    m_spanRanges.push_back({a, b});
    for (const Fragment& f : e.fragments) {
      cursor.setPosition(offsets.toUtf16(f.start));
      cursor.setPosition(offsets.toUtf16(f.end), QTextCursor::KeepAnchor);
      QTextCharFormat format;
      format.setBackground(colourFor(schema, e.type));
      format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
      format.setUnderlineColor(colourFor(schema, e.type).darker(200));
      cursor.mergeCharFormat(format);
    }
  }
}

const EntitySpan* DocumentTextView::entityAt(int utf16Position) const {
  // The innermost (shortest) span wins, so nested spans each stay reachable.
  const EntitySpan* best = nullptr;
  int bestLength = INT_MAX;
  for (int i = 0; i < m_spanRanges.size(); ++i) {
    const auto& r = m_spanRanges[i];
    if (utf16Position >= r.first && utf16Position < r.second && r.second - r.first < bestLength) {
      best = &m_document.entities[i];
      bestLength = r.second - r.first;
    }
  }
  return best;
}

bool DocumentTextView::event(QEvent* e) {
  if (e->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(e);
    const QPoint viewportPos = viewport()->mapFrom(this, help->pos());
    const int position = cursorForPosition(viewportPos).position();
    if (const EntitySpan* span = entityAt(position)) {
      const EntityType* type = m_schema.entityType(span->type);
      QToolTip::showText(help->globalPos(), guidelineTooltip(span->type, type ? type->guideline : Guideline{}), this);
    } else {
      QToolTip::hideText();
    }
    return true;
  }
  return QTextBrowser::event(e);
}

}  // namespace quarry::ui
