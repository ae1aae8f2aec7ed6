#include "annotation/AnnotationPainter.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "annotation/AnnotationIndex.h"
#include "annotation/SuggestedRelations.h"
#include "annotation/TypeColours.h"

namespace quarry::ui {

namespace {

const QColor kAnswerColour(0x8e, 0x44, 0xad);
const QColor kMisalignedColour(0xd0, 0x10, 0x10);
const QColor kMatchColour(0xff, 0xe5, 0x6b);
const QColor kCurrentMatchColour(0xff, 0x9f, 0x1c);

QColor withAlpha(QColor c, int alpha) {
  c.setAlpha(alpha);
  return c;
}

void drawArrowHead(QPainter& p, QPointF tip, QColor colour) {
  QPainterPath path;
  path.moveTo(tip);
  path.lineTo(tip + QPointF(-3.5, -6));
  path.lineTo(tip + QPointF(3.5, -6));
  path.closeSubpath();
  p.fillPath(path, colour);
}

void drawLabel(QPainter& p, const QRectF& rect, const QString& text, QColor fill, QColor fg,
               const QFont& font) {
  p.setPen(Qt::NoPen);
  p.setBrush(fill);
  p.drawRoundedRect(rect, 2, 2);
  p.setFont(font);
  p.setPen(fg);
  p.drawText(rect, Qt::AlignCenter, QFontMetricsF(font).elidedText(text, Qt::ElideRight, rect.width() - 2));
}

// A suggested relation's arc is dashed, thicker when it is the one A or X decides.
void paintArc(QPainter& p, const ArcPiece& a, const AnnotationIndex::Link& link, const LayoutMetrics& m,
              bool emphasised, const QPalette& pal, bool suggested = false, bool currentSuggestion = false) {
  const QColor colour = emphasised ? pal.color(QPalette::Highlight) : link.colour;
  const Qt::PenStyle style = suggested ? Qt::DashLine : Qt::SolidLine;
  QPen pen(colour, emphasised || currentSuggestion ? 2.0 : 1.2, style);
  p.setPen(pen);
  p.setBrush(Qt::NoBrush);
  const qreal r = std::min<qreal>(4, (std::min(a.footY, a.footY2) - a.y) / 2);
  QPainterPath path;
  if (a.openLeft) {
    path.moveTo(a.x1, a.y);
  } else {
    path.moveTo(a.x1, a.footY - (a.arrowLeft ? 6 : 0));
    path.lineTo(a.x1, a.y + r);
    path.quadTo(a.x1, a.y, a.x1 + r, a.y);
  }
  if (a.openRight) {
    path.lineTo(a.x2, a.y);
  } else {
    path.lineTo(a.x2 - r, a.y);
    path.quadTo(a.x2, a.y, a.x2, a.y + r);
    path.lineTo(a.x2, a.footY2 - (a.arrowRight ? 6 : 0));
  }
  p.drawPath(path);
  if (a.arrowLeft) drawArrowHead(p, QPointF(a.x1, a.footY), colour);
  if (a.arrowRight) drawArrowHead(p, QPointF(a.x2, a.footY2), colour);
  // An open end continues on another line: a small chevron says so.
  auto chevron = [&](qreal x, qreal dir) {
    p.drawLine(QPointF(x, a.y), QPointF(x - 4 * dir, a.y - 3));
    p.drawLine(QPointF(x, a.y), QPointF(x - 4 * dir, a.y + 3));
  };
  if (a.openLeft) chevron(a.x1, -1);
  if (a.openRight) chevron(a.x2, 1);
  // The type name in the arc's colour, darkened or lightened until it reads on the background.
  const QColor background = pal.color(QPalette::Base);
  drawLabel(p, a.labelRect, link.type, background, TypeColours::readableOn(colour, background), m.labelFont);
  p.setPen(QPen(colour, currentSuggestion ? 1.6 : 0.8, style));
  p.setBrush(Qt::NoBrush);
  p.drawRoundedRect(a.labelRect, 2, 2);
}

}  // namespace

void AnnotationPainter::paintBlock(QPainter& p, const AnnotationIndex& index, int block,
                                   const BlockLayout& layout, const LayoutMetrics& m, QPointF origin,
                                   const PaintState& s) {
  const auto& b = index.blocks()[block];
  p.save();
  p.translate(origin);
  p.setRenderHint(QPainter::Antialiasing, true);

  // Underlays first: the text is drawn over them. Nested spans darken where they overlap.
  for (const SpanPiece& piece : layout.spans)
    p.fillRect(piece.textRect, withAlpha(index.spans()[piece.span].colour, 56));

  QVector<QTextLayout::FormatRange> selections;
  // Find matches: a yellow background, the current one orange; the selection is drawn over them.
  if (s.searchMatches) {
    for (int i = 0; i < s.searchMatches->size(); ++i) {
      const auto& [start, end] = s.searchMatches->at(i);
      const int a = std::max(start, b.start), c = std::min(end, b.end);
      if (a >= c) continue;
      QTextLayout::FormatRange r;
      r.start = a - b.start;
      r.length = c - a;
      r.format.setBackground(i == s.currentMatch ? kCurrentMatchColour : kMatchColour);
      r.format.setForeground(Qt::black);
      selections.push_back(r);
    }
  }
  const int selA = std::max(s.selectionStart, b.start), selB = std::min(s.selectionEnd, b.end);
  if (s.selectionStart != s.selectionEnd && selA < selB) {
    QTextLayout::FormatRange r;
    r.start = selA - b.start;
    r.length = selB - selA;
    r.format.setBackground(s.palette.color(QPalette::Highlight));
    r.format.setForeground(s.palette.color(QPalette::HighlightedText));
    selections.push_back(r);
  }
  p.setPen(s.palette.color(QPalette::Text));
  layout.text.draw(&p, QPointF(0, 0), selections);
  if (s.showCursor && s.cursor >= b.start && s.cursor <= b.end)
    layout.text.drawCursor(&p, QPointF(0, 0), s.cursor - b.start, 1);

  // Suggestions: a dashed outline around each line's piece of the suggested text.
  if (s.suggestions) {
    for (const SuggestionMark& mark : *s.suggestions) {
      const int a = std::max(mark.start, b.start), c = std::min(mark.end, b.end);
      if (a >= c) continue;
      QPen pen(mark.colour, mark.current ? 2.5 : 1.5, Qt::DashLine);
      p.setPen(pen);
      p.setBrush(mark.current ? withAlpha(mark.colour, 40) : QColor(Qt::transparent));
      for (int l = 0; l < layout.text.lineCount(); ++l) {
        const QTextLine line = layout.text.lineAt(l);
        const int lineStart = b.start + line.textStart(), lineEnd = lineStart + line.textLength();
        const int from = std::max(a, lineStart), to = std::min(c, lineEnd);
        if (from >= to) continue;
        const qreal x1 = line.cursorToX(from - b.start), x2 = line.cursorToX(to - b.start);
        const QRectF box(std::min(x1, x2) - 1, line.y(), std::abs(x2 - x1) + 2, line.height());
        p.drawRoundedRect(box, 3, 3);
        // The confidence, small, just above the end of the suggestion's last piece.
        if (to == c && !mark.confidence.isEmpty()) {
          QFont small = m.labelFont;
          small.setPointSizeF(std::max(5.0, small.pointSizeF() * 0.85));
          p.save();
          p.setFont(small);
          p.setPen(mark.colour.darker(140));
          const QFontMetricsF fm(small);
          p.drawText(QPointF(box.right() - fm.horizontalAdvance(mark.confidence), box.top() - 1),
                     mark.confidence);
          p.restore();
          p.setPen(pen);
        }
      }
    }
  }

  // Type-name chips above the text (the name on each span's first chip), or colour bars below it.
  for (const SpanPiece& piece : layout.spans) {
    const auto& span = index.spans()[piece.span];
    p.setPen(Qt::NoPen);
    p.setBrush(span.colour);
    if (m.typeLabels && piece.firstOfSpan)
      drawLabel(p, piece.barRect, span.type, span.colour, TypeColours::textOn(span.colour), m.labelFont);
    else if (m.typeLabels)
      p.drawRoundedRect(piece.barRect, 2, 2);
    else
      p.drawRect(piece.barRect);
  }
  // Discontinuous spans: a thin dashed connector from one fragment's end to the next fragment.
  for (const SpanPiece& piece : layout.spans) {
    if (!piece.lastOfFragment) continue;
    const auto& span = index.spans()[piece.span];
    if (piece.fragment + 1 >= span.fragments.size()) continue;
    auto next = std::find_if(layout.spans.cbegin(), layout.spans.cend(), [&](const SpanPiece& q) {
      return q.span == piece.span && q.fragment == piece.fragment + 1;
    });
    p.setPen(QPen(span.colour, 1.2, Qt::DashLine));
    const qreal y = piece.barRect.center().y();
    if (next != layout.spans.cend() && next->line == piece.line) {
      p.drawLine(QPointF(piece.barRect.right(), y), QPointF(next->barRect.left(), y));
    } else {
      p.drawLine(QPointF(piece.barRect.right(), y), QPointF(m.width, y));
      if (next != layout.spans.cend()) {
        const qreal y2 = next->barRect.center().y();
        p.drawLine(QPointF(0, y2), QPointF(next->barRect.left(), y2));
      }
    }
  }

  // QA answers: an outlined box and a tag with the field name.
  for (const AnswerPiece& piece : layout.answers) {
    p.setPen(QPen(kAnswerColour, 1.4));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(piece.box, 2, 2);
    if (piece.tagRect.isValid())
      drawLabel(p, piece.tagRect, index.answers()[piece.answer].field, kAnswerColour,
                TypeColours::textOn(kAnswerColour), m.labelFont);
  }

  // Spans that do not line up with the model's tokens: a red corner on the span's last piece.
  if (s.misaligned && !s.misaligned->isEmpty()) {
    for (const SpanPiece& piece : layout.spans) {
      if (!piece.lastOfFragment || !s.misaligned->contains(piece.span)) continue;
      const QRectF r = piece.textRect;
      QPainterPath corner;
      corner.moveTo(r.topRight());
      corner.lineTo(r.topRight() + QPointF(-7, 0));
      corner.lineTo(r.topRight() + QPointF(0, 7));
      corner.closeSubpath();
      p.fillPath(corner, kMisalignedColour);
      QPen zig(kMisalignedColour, 1);
      p.setPen(zig);
      QPainterPath wave;
      const qreal y = piece.barRect.bottom() + 1.5;
      wave.moveTo(r.left(), y);
      for (qreal x = r.left(); x < r.right(); x += 4)
        wave.lineTo(std::min(x + 2, r.right()), y + ((int(x - r.left()) / 2) % 2 ? -1.5 : 1.5));
      p.drawPath(wave);
    }
  }

  // Current span, relation head, hover: outlines over everything else.
  auto outline = [&](int span, const QPen& pen) {
    if (span < 0) return;
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    for (const SpanPiece& piece : layout.spans)
      if (piece.span == span) p.drawRoundedRect(piece.textRect.adjusted(-1.5, -1.5, 1.5, 0.5), 3, 3);
  };
  if (s.hoverSpan >= 0 && s.hoverSpan != s.currentSpan)
    outline(s.hoverSpan, QPen(withAlpha(index.spans()[s.hoverSpan].colour, 160), 1));
  outline(s.relationHead, QPen(s.palette.color(QPalette::Highlight), 2, Qt::DashLine));
  outline(s.currentSpan, QPen(s.palette.color(QPalette::Highlight), 2));

  for (const ArcPiece& arc : layout.arcs) {
    const int suggestion = suggestedRelationOfLink(index, arc.link);
    paintArc(p, arc, index.links()[arc.link], m, arc.link == s.currentLink || arc.link == s.hoverLink,
             s.palette, suggestion >= 0, suggestion >= 0 && suggestion == s.currentSuggestedRelation);
  }

  // Colour only: the hovered span's type in a floating tag under its first piece.
  if (!m.typeLabels && s.hoverSpan >= 0) {
    for (const SpanPiece& piece : layout.spans) {
      if (piece.span != s.hoverSpan || !piece.firstOfSpan) continue;
      const auto& span = index.spans()[piece.span];
      const qreal w = QFontMetricsF(m.labelFont).horizontalAdvance(span.type) + 8;
      drawLabel(p, QRectF(piece.barRect.left(), piece.barRect.bottom() + 1, w, m.arcLaneHeight - 2),
                span.type, span.colour, TypeColours::textOn(span.colour), m.labelFont);
    }
  }
  p.restore();
}

}  // namespace quarry::ui
