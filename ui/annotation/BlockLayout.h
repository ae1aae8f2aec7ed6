#pragma once
// One block of text laid out with QTextLayout, plus the geometry of everything drawn on it: span
// underlays and lane bars, QA boxes, relation arcs. Coordinates are block-local (x from the text's
// left edge, y from the block's top); painting and hit testing read the same rectangles.

#include <QFont>
#include <QHash>
#include <QRectF>
#include <QTextLayout>
#include <QVector>

namespace quarry::ui {

class AnnotationIndex;

// Sizes that decide a block's geometry; a change to any of them invalidates every layout.
struct LayoutMetrics {
  QFont font;                 // the text
  QFont labelFont;            // type names on chips, arc labels, QA tags
  qreal width = 600;          // text width in pixels
  bool typeLabels = true;     // type names in chips above the spans; false: colour bars below
  qreal arcLaneHeight = 14;   // vertical room per arc lane above a line
  qreal chipLaneHeight = 14;  // vertical room per type-name chip lane above a line
  qreal spanLaneHeight = 5;   // vertical room per colour bar lane below a line
  qreal tagHeight = 12;       // room above a line for QA tags
  qreal lineGap = 4;          // below every line
  qreal blockGap = 8;         // below every block (paragraph spacing)
  static LayoutMetrics forFont(const QFont& font, qreal width, bool typeLabels);
};

struct LinePlacement {
  int textStart = 0;  // block-local UTF-16 [textStart, textEnd)
  int textEnd = 0;
  qreal top = 0;      // top of the line's room (arcs start here)
  qreal textTop = 0;  // top of the glyphs' line box
  qreal textBottom = 0;
  qreal bottom = 0;  // bottom of the line's room (after span lanes and gap)
  int arcLanes = 0;
  int chipLanes = 0;  // type-name chips above the text (typeLabels)
  int spanLanes = 0;  // colour bars below the text (!typeLabels)
};

struct SpanPiece {  // the part of one fragment on one line
  int span = -1;    // AnnotationIndex span
  int fragment = 0;
  int line = 0;
  int lane = 0;              // chip lane above the line (typeLabels), else bar lane below it
  QRectF textRect;           // the glyphs it covers
  QRectF barRect;            // its type-name chip above the line, or its colour bar below it
  bool firstOfSpan = false;  // first piece of the span's first fragment
  bool lastOfFragment = false;
};

struct AnswerPiece {
  int answer = -1;
  int line = 0;
  QRectF box;
  QRectF tagRect;  // valid on the answer's first piece only; kept inside the text width
};

struct ArcPiece {  // one relation arc, or the part of it drawn on one line
  int link = -1;
  int line = 0;
  int lane = 0;
  qreal x1 = 0, x2 = 0;  // ends; an open end lies on the text edge
  qreal y = 0;           // height of the horizontal stroke
  qreal footY = 0;       // where the left leg ends (top of its span's chip, else of the text)
  qreal footY2 = 0;      // where the right leg ends
  bool openLeft = false, openRight = false;
  bool arrowLeft = false, arrowRight = false;
  QRectF labelRect;
};

struct BlockLayout {
  QTextLayout text;
  QVector<LinePlacement> lines;
  QVector<SpanPiece> spans;
  QVector<AnswerPiece> answers;
  QVector<ArcPiece> arcs;
  QHash<int, int> laneOfSpan;
  int height = 0;

  // Builds the layout of `block` of `index`.
  void build(const AnnotationIndex& index, int block, const LayoutMetrics& metrics);
  // Line at block-local y (nearest line when between lines); -1 when there are no lines.
  int lineAtY(qreal y) const;
  // Block-local UTF-16 index under a block-local point.
  int cursorAt(const QPointF& p) const;
  // Block-local x of block-local UTF-16 index `pos` on the line holding it, and that line.
  qreal xOf(int pos, int* line) const;
};

}  // namespace quarry::ui
