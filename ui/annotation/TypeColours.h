#pragma once
// Colours of annotation types: a new type's colour chosen far from every colour already in use, and
// text on a coloured chip chosen by WCAG 2 contrast (relative luminance), so a type name on its colour
// always reads at level AA (4.5:1).

#include <QColor>
#include <QVector>

namespace quarry::ui {

class TypeColours {
 public:
  // WCAG 2 relative luminance of an sRGB colour, 0 (black) to 1 (white).
  static double relativeLuminance(const QColor& colour);
  // WCAG 2 contrast ratio of two colours, 1 to 21 (order does not matter).
  static double contrastRatio(const QColor& a, const QColor& b);
  // Black or white, whichever contrasts more with `background`; always at least 4.5:1.
  static QColor textOn(const QColor& background);
  // `colour` darkened (on a light background) or lightened (on a dark one) just enough to reach
  // `minimum` contrast with `background`; unchanged when it already does.
  static QColor readableOn(const QColor& colour, const QColor& background, double minimum = 4.5);
  // CIE76 distance of two colours in CIELAB (about 2.3 is the smallest difference people notice).
  static double distance(const QColor& a, const QColor& b);
  // The colour of the built-in palette farthest from every colour in `taken` (the first one when
  // nothing is taken): a new type never repeats an existing type's colour.
  static QColor distinctColour(const QVector<QColor>& taken);
};

}  // namespace quarry::ui
