#include "annotation/BlockLayout.h"

#include <QFontMetricsF>
#include <QTextOption>
#include <algorithm>
#include <cmath>

#include "annotation/AnnotationIndex.h"
#include "annotation/ArcRouter.h"
#include "annotation/SpanStacker.h"

namespace quarry::ui {

LayoutMetrics LayoutMetrics::forFont(const QFont& font, qreal width, bool typeLabels) {
  LayoutMetrics m;
  m.font = font;
  m.labelFont = font;
  m.labelFont.setPointSizeF(std::max<qreal>(6.0, font.pointSizeF() * 0.72));
  const qreal labelHeight = QFontMetricsF(m.labelFont).height();
  m.width = std::max<qreal>(40, width);
  m.typeLabels = typeLabels;
  m.arcLaneHeight = labelHeight + 3;
  m.chipLaneHeight = labelHeight + 2;
  m.spanLaneHeight = 5;
  m.tagHeight = labelHeight + 1;
  m.lineGap = 4;
  m.blockGap = std::max<qreal>(4, QFontMetricsF(font).height() * 0.4);
  return m;
}

namespace {

struct PendingArc {
  int link;
  int line;
  qreal x1, x2;
  bool openLeft, openRight, arrowLeft, arrowRight;
  qreal labelWidth;
  int leftSpan, rightSpan;  // the spans its legs stand on (-1 at an open end)
};

// How far inside the text edge an arc that goes on to another line stops.
constexpr qreal kOpenEndInset = 10;

// [left, left + width) moved inside [0, limit) where it fits, else starting at 0.
qreal keepInside(qreal left, qreal width, qreal limit) {
  return std::clamp(left, 0.0, std::max(0.0, limit - width));
}

// Centred over the arc, kept inside the text width and clear of an open end's chevron.
qreal labelLeft(const PendingArc& a, qreal width) {
  const qreal from = a.openLeft ? kOpenEndInset + 6 : 0, to = a.openRight ? width - kOpenEndInset - 6 : width;
  return from + keepInside((a.x1 + a.x2) / 2 - a.labelWidth / 2 - from, a.labelWidth, to - from);
}

}  // namespace

void BlockLayout::build(const AnnotationIndex& index, int block, const LayoutMetrics& m) {
  const AnnotationIndex::Block& b = index.blocks()[block];
  const int base = b.start;
  text.clearLayout();
  text.setText(index.blockText(block));
  text.setFont(m.font);
  QTextOption option;
  option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
  text.setTextOption(option);
  text.setCacheEnabled(true);
  lines.clear();
  spans.clear();
  answers.clear();
  arcs.clear();
  laneOfSpan.clear();

  text.beginLayout();
  for (QTextLine line = text.createLine(); line.isValid(); line = text.createLine()) {
    line.setLineWidth(m.width);
    LinePlacement p;
    p.textStart = line.textStart();
    p.textEnd = line.textStart() + line.textLength();
    lines.push_back(p);
  }
  text.endLayout();
  const int lineCount = int(lines.size());

  // Pieces of [a, c) (block-local), one per line it touches.
  auto forEachPiece = [&](int a, int c, auto&& fn) {
    for (int li = 0; li < lineCount; ++li) {
      const LinePlacement& lp = lines[li];
      const bool last = li == lineCount - 1;
      if (lp.textEnd <= a && !(last && a == lp.textEnd)) continue;
      if (lp.textStart >= c && !(a == c && lp.textStart == a)) break;
      const QTextLine ql = text.lineAt(li);
      const int from = std::max(a, lp.textStart), to = std::min(c, lp.textEnd);
      qreal x1 = ql.cursorToX(from), x2 = ql.cursorToX(to);
      if (x2 < x1) std::swap(x1, x2);
      fn(li, x1, std::max(x2, x1 + 2), to == c);
    }
  };

  // Spans: lanes for the whole block, so a span keeps its lane across the lines it wraps over.
  QVector<StackInterval> intervals;
  for (int s : b.spans) {
    const auto& sp = index.spans()[s];
    intervals.push_back({std::max(sp.start, b.start) - base, std::min(sp.end, b.end) - base});
  }
  const QVector<int> lanes = SpanStacker::assign(intervals);
  for (int i = 0; i < b.spans.size(); ++i) laneOfSpan.insert(b.spans[i], lanes[i]);
  for (int i = 0; i < b.spans.size(); ++i) {
    const auto& sp = index.spans()[b.spans[i]];
    for (int f = 0; f < sp.fragments.size(); ++f) {
      const int fs = sp.fragments[f].first, fe = sp.fragments[f].second;
      if (!(fs < b.end && fe > b.start)) continue;
      const int a = std::max(fs, b.start) - base, c = std::min(fe, b.end) - base;
      bool first = f == 0 && fs >= b.start;
      forEachPiece(a, c, [&](int li, qreal x1, qreal x2, bool endsHere) {
        SpanPiece p;
        p.span = b.spans[i];
        p.fragment = f;
        p.line = li;
        p.lane = lanes[i];
        p.textRect = QRectF(x1, 0, x2 - x1, 0);
        p.firstOfSpan = first;
        p.lastOfFragment = endsHere && fe <= b.end;
        first = false;
        spans.push_back(p);
      });
    }
  }
  const QFontMetricsF labelMetrics(m.labelFont);
  if (m.typeLabels) {
    // Brat-style chips above the text: each piece's chip is as wide as its text, the first piece's at
    // least as wide as the type name; on each line, overlapping chips go to different lanes, the
    // narrower (inner) ones nearest the text.
    QVector<QVector<int>> piecesOnLine(lineCount);
    for (int i = 0; i < spans.size(); ++i) {
      SpanPiece& p = spans[i];
      qreal w = p.textRect.width();
      if (p.firstOfSpan) w = std::max(w, labelMetrics.horizontalAdvance(index.spans()[p.span].type) + 8);
      w = std::min(w, m.width);  // a longer name is elided
      p.barRect = QRectF(keepInside(p.textRect.x(), w, m.width), 0, w, 0);
      piecesOnLine[p.line].push_back(i);
    }
    for (int li = 0; li < lineCount; ++li) {
      QVector<ArcInterval> iv;
      for (int i : piecesOnLine[li]) iv.push_back({spans[i].barRect.left(), spans[i].barRect.right()});
      int count = 0;
      const QVector<int> chipLanes = ArcRouter::assign(iv, 2, &count);
      for (int k = 0; k < chipLanes.size(); ++k) spans[piecesOnLine[li][k]].lane = chipLanes[k];
      lines[li].chipLanes = count;
    }
  } else {
    for (const SpanPiece& p : spans) lines[p.line].spanLanes = std::max(lines[p.line].spanLanes, p.lane + 1);
  }

  QVector<bool> hasTag(lineCount, false);
  for (int ai : b.answers) {
    const auto& an = index.answers()[ai];
    bool first = an.start >= b.start;
    forEachPiece(std::max(an.start, b.start) - base, std::min(an.end, b.end) - base,
                 [&](int li, qreal x1, qreal x2, bool) {
                   AnswerPiece p;
                   p.answer = ai;
                   p.line = li;
                   p.box = QRectF(x1, 0, x2 - x1, 0);
                   if (first) {
                     // Kept inside the text width: a tag at a line's end would be cut off.
                     const qreal w = std::min(labelMetrics.horizontalAdvance(an.field) + 8, m.width);
                     p.tagRect = QRectF(keepInside(x1, w, m.width), 0, w, m.tagHeight - 1);
                     hasTag[li] = true;
                   }
                   first = false;
                   answers.push_back(p);
                 });
  }

  // Arcs: anchored on the first piece of the head and tail spans; the label font sizes their tags.
  auto anchor = [&](int span, int* line, qreal* x) {
    for (const SpanPiece& p : spans)
      if (p.span == span && p.firstOfSpan) {
        *line = p.line;
        *x = p.textRect.center().x();
        return true;
      }
    return false;
  };
  QVector<PendingArc> pending;
  for (int li : b.links) {
    const auto& link = index.links()[li];
    const auto& head = index.spans()[link.head];
    const auto& tail = index.spans()[link.tail];
    const bool tailFirst = tail.start < head.start || (tail.start == head.start && link.tail < link.head);
    const int left = tailFirst ? link.tail : link.head, right = tailFirst ? link.head : link.tail;
    const bool arrowOnLeft = link.directed && tailFirst, arrowOnRight = link.directed && !tailFirst;
    const qreal lw = labelMetrics.horizontalAdvance(link.type) + 8;
    int leftLine = -1, rightLine = -1;
    qreal leftX = 0, rightX = 0;
    const bool hasLeft = anchor(left, &leftLine, &leftX), hasRight = anchor(right, &rightLine, &rightX);
    // A wrapped line's trailing space can put a position past the width.
    leftX = std::clamp(leftX, 0.0, m.width);
    rightX = std::clamp(rightX, 0.0, m.width);
    if (hasLeft && hasRight && leftLine == rightLine) {
      const bool swapped = rightX < leftX;
      pending.push_back({li, leftLine, std::min(leftX, rightX), std::max(leftX, rightX), false, false,
                         swapped ? arrowOnRight : arrowOnLeft, swapped ? arrowOnLeft : arrowOnRight, lw,
                         swapped ? right : left, swapped ? left : right});
      continue;
    }
    // An arc whose other end lies on another line stops short of the text edge (a chevron says it
    // goes on), so nothing runs into the margins; the line it goes on to has its other half.
    if (hasLeft)
      pending.push_back({li, leftLine, std::min(leftX, m.width - kOpenEndInset), m.width - kOpenEndInset,
                         false, true, arrowOnLeft, false, lw, left, -1});
    if (hasRight)
      pending.push_back({li, rightLine, kOpenEndInset, std::max(rightX, kOpenEndInset), true, false, false,
                         arrowOnRight, lw, -1, right});
  }
  QVector<QVector<int>> arcsOnLine(lineCount);
  for (int i = 0; i < pending.size(); ++i) arcsOnLine[pending[i].line].push_back(i);
  QVector<int> arcLane(pending.size(), 0);
  for (int li = 0; li < lineCount; ++li) {
    QVector<ArcInterval> iv;
    for (int i : arcsOnLine[li]) {
      const PendingArc& a = pending[i];
      const qreal lx = labelLeft(a, m.width);
      iv.push_back({std::min(a.x1, lx), std::max(a.x2, lx + a.labelWidth)});
    }
    int count = 0;
    const QVector<int> l = ArcRouter::assign(iv, 4, &count);
    for (int k = 0; k < l.size(); ++k) arcLane[arcsOnLine[li][k]] = l[k];
    lines[li].arcLanes = count;
  }

  // Vertical placement: arcs, QA tags, text, span lanes, gap.
  qreal y = 0;
  for (int li = 0; li < lineCount; ++li) {
    LinePlacement& lp = lines[li];
    QTextLine ql = text.lineAt(li);
    lp.top = y;
    lp.textTop = y + lp.arcLanes * m.arcLaneHeight + (hasTag[li] ? m.tagHeight : 0) +
                 lp.chipLanes * m.chipLaneHeight + 2;
    ql.setPosition(QPointF(0, lp.textTop));
    lp.textBottom = lp.textTop + ql.height();
    lp.bottom = lp.textBottom + 1 + lp.spanLanes * m.spanLaneHeight + m.lineGap;
    y = lp.bottom;
  }
  height = int(std::ceil(y + m.blockGap));

  for (SpanPiece& p : spans) {
    const LinePlacement& lp = lines[p.line];
    p.textRect = QRectF(p.textRect.x(), lp.textTop, p.textRect.width(), lp.textBottom - lp.textTop);
    if (m.typeLabels) {
      // Lane 0 sits just above the glyphs, clear of the current-span outline.
      const qreal top = lp.textTop - 2 - (p.lane + 1) * m.chipLaneHeight;
      p.barRect = QRectF(p.barRect.x(), top + 1, p.barRect.width(), m.chipLaneHeight - 2);
    } else {
      // 2 px below the glyph box, clear of the current-span outline drawn around the text.
      p.barRect =
          QRectF(p.textRect.x(), lp.textBottom + 2 + p.lane * m.spanLaneHeight, p.textRect.width(), 3);
    }
  }
  for (AnswerPiece& p : answers) {
    const LinePlacement& lp = lines[p.line];
    p.box = QRectF(p.box.x() - 1, lp.textTop - 1, p.box.width() + 2, lp.textBottom - lp.textTop + 2);
    if (p.tagRect.isValid())
      p.tagRect.moveTop(lp.textTop - 2 - lp.chipLanes * m.chipLaneHeight - m.tagHeight + 1);
  }
  // A leg ends on its span's chip when type names are shown, else on the text.
  auto footOf = [&](int span, int line) {
    if (m.typeLabels)
      for (const SpanPiece& p : spans)
        if (p.span == span && p.firstOfSpan && p.line == line) return p.barRect.top();
    return lines[line].textTop;
  };
  for (int i = 0; i < pending.size(); ++i) {
    const PendingArc& a = pending[i];
    const LinePlacement& lp = lines[a.line];
    ArcPiece arc;
    arc.link = a.link;
    arc.line = a.line;
    arc.lane = arcLane[i];
    arc.x1 = a.x1;
    arc.x2 = a.x2;
    arc.y = lp.top + (lp.arcLanes - 1 - arc.lane) * m.arcLaneHeight + m.arcLaneHeight / 2;
    arc.footY = a.leftSpan >= 0 ? footOf(a.leftSpan, a.line) : lp.textTop;
    arc.footY2 = a.rightSpan >= 0 ? footOf(a.rightSpan, a.line) : lp.textTop;
    arc.openLeft = a.openLeft;
    arc.openRight = a.openRight;
    arc.arrowLeft = a.arrowLeft;
    arc.arrowRight = a.arrowRight;
    const qreal lh = m.arcLaneHeight - 2;
    arc.labelRect = QRectF(labelLeft(a, m.width), arc.y - lh / 2, a.labelWidth, lh);
    arcs.push_back(arc);
  }
}

int BlockLayout::lineAtY(qreal y) const {
  if (lines.isEmpty()) return -1;
  for (int i = 0; i < lines.size(); ++i)
    if (y < lines[i].bottom) return i;
  return int(lines.size()) - 1;
}

int BlockLayout::cursorAt(const QPointF& p) const {
  const int li = lineAtY(p.y());
  if (li < 0) return 0;
  return text.lineAt(li).xToCursor(p.x());
}

qreal BlockLayout::xOf(int pos, int* line) const {
  int li = text.lineForTextPosition(pos).lineNumber();
  if (li < 0) li = std::max(0, int(lines.size()) - 1);
  if (line) *line = li;
  if (lines.isEmpty()) return 0;
  return text.lineAt(li).cursorToX(pos);
}

}  // namespace quarry::ui
