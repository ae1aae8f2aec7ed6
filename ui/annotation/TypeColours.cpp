#include "annotation/TypeColours.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace quarry::ui {
namespace {

// Saturated, mutually distinct colours (Kelly's and Tableau's sets), darkest to lightest mixed so the
// first few picks already differ in hue and lightness.
const char* const kCandidates[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#17becf",
                                   "#e377c2", "#8c564b", "#bcbd22", "#7f7f7f", "#f3c300", "#875692",
                                   "#f38400", "#a1caf1", "#be0032", "#c2b280", "#008856", "#e68fac",
                                   "#0067a5", "#f99379", "#604e97", "#f6a600", "#b3446c", "#dcd300",
                                   "#882d17", "#8db600", "#654522", "#e25822", "#2b3d26", "#00a3a3"};

double linear(double channel) {
  return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

struct Lab {
  double l, a, b;
};

Lab toLab(const QColor& c) {
  const double r = linear(c.redF()), g = linear(c.greenF()), b = linear(c.blueF());
  // sRGB (D65) to XYZ, normalised by the D65 white point.
  const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
  return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

}  // namespace

double TypeColours::relativeLuminance(const QColor& c) {
  const QColor rgb = c.toRgb();
  return 0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF()) + 0.0722 * linear(rgb.blueF());
}

double TypeColours::contrastRatio(const QColor& a, const QColor& b) {
  const double la = relativeLuminance(a), lb = relativeLuminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor TypeColours::textOn(const QColor& background) {
  const QColor black(Qt::black), white(Qt::white);
  return contrastRatio(background, black) >= contrastRatio(background, white) ? black : white;
}

QColor TypeColours::readableOn(const QColor& colour, const QColor& background, double minimum) {
  QColor c = colour.toRgb();
  const bool darken = relativeLuminance(background) > 0.18;
  // Lightness steps towards black or white; 20 steps reach either end, where the contrast is highest.
  for (int step = 0; step < 20 && contrastRatio(c, background) < minimum; ++step) {
    float h = 0, s = 0, l = 0, alpha = 1;
    c.getHslF(&h, &s, &l, &alpha);
    l = darken ? std::max(0.0f, l - 0.05f) : std::min(1.0f, l + 0.05f);
    c = QColor::fromHslF(h, s, l, alpha).toRgb();
  }
  return c;
}

double TypeColours::distance(const QColor& a, const QColor& b) {
  const Lab x = toLab(a.toRgb()), y = toLab(b.toRgb());
  return std::sqrt((x.l - y.l) * (x.l - y.l) + (x.a - y.a) * (x.a - y.a) + (x.b - y.b) * (x.b - y.b));
}

QColor TypeColours::distinctColour(const QVector<QColor>& taken) {
  QColor best;
  double bestDistance = -1;
  for (const char* name : kCandidates) {
    const QColor candidate = QColor::fromString(QLatin1String(name));
    double nearest = std::numeric_limits<double>::max();
    for (const QColor& t : taken)
      if (t.isValid()) nearest = std::min(nearest, distance(candidate, t));
    if (nearest > bestDistance) {
      best = candidate;
      bestDistance = nearest;
    }
  }
  return best;
}

}  // namespace quarry::ui
