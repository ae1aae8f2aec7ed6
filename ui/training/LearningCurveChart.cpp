#include "training/LearningCurveChart.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include <QAreaSeries>
#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

namespace quarry::ui {
namespace {

// The colours of the engine's SVG chart (suggest/LearningCurve.cpp): random grey, the others in order.
const char* const kPalette[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                                "#8c564b", "#e377c2", "#17becf", "#bcbd22"};
const char* const kRandomColour = "#777777";

}  // namespace

LearningCurveChart::LearningCurveChart(QWidget* parent) : QChartView(new QChart, parent) {
  chart()->legend()->setAlignment(Qt::AlignBottom);
  chart()->setMargins(QMargins(4, 4, 4, 4));
  setRenderHint(QPainter::Antialiasing);
}

void LearningCurveChart::showCurves(const suggest::LearningCurveSummary& summary, const QString& title,
                                    const QString& emptyTitle) {
  QChart* chart = this->chart();
  chart->removeAllSeries();
  for (QAbstractAxis* axis : chart->axes()) {
    chart->removeAxis(axis);
    delete axis;
  }
  m_strategySeries.clear();
  if (summary.strategies.empty()) {
    chart->setTitle(emptyTitle);
    return;
  }
  chart->setTitle(title);
  const QString unit = summary.unit == "documents" ? tr("documents") : tr("sentences");
  double maxX = 0, minY = 1, maxY = 0;
  for (const suggest::StrategySummary& st : summary.strategies)
    for (const suggest::CurveBand& b : st.bands) {
      maxX = std::max(maxX, b.labelledShare * 100);
      minY = std::min(minY, b.low);
      maxY = std::max(maxY, b.high);
    }
  if (summary.fullScore > 0) {
    minY = std::min(minY, 0.95 * summary.fullScore);
    maxY = std::max(maxY, summary.fullScore);
  }
  auto* x = new QValueAxis(chart);
  x->setTitleText(tr("labelled, % of the pool's %1").arg(unit));
  x->setRange(0, maxX > 0 ? maxX * 1.04 : 1);  // the last points whole, not cut by the plot's edge
  x->applyNiceNumbers();
  auto* y = new QValueAxis(chart);
  y->setTitleText(tr("dev score (%1)").arg(QString::fromStdString(summary.metric)));
  y->setRange(std::max(0.0, minY - 0.05), std::min(1.0, std::max(maxY + 0.05, minY + 0.1)));
  y->applyNiceNumbers();
  y->setMin(std::max(0.0, y->min()));
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  auto attach = [&](QAbstractSeries* series) {
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
  };
  size_t next = 0;
  for (const suggest::StrategySummary& st : summary.strategies) {
    const QString name = QString::fromStdString(st.strategy);
    const QColor colour(QLatin1String(
        name == QLatin1String("random") ? kRandomColour : kPalette[next++ % std::size(kPalette)]));
    auto* band = new QAreaSeries;
    auto* upper = new QLineSeries(band);
    auto* lower = new QLineSeries(band);
    auto* mean = new QLineSeries;
    mean->setName(name);
    for (const suggest::CurveBand& b : st.bands) {
      const double at = b.labelledShare * 100;
      upper->append(at, b.high);
      lower->append(at, b.low);
      mean->append(at, b.mean);
    }
    band->setUpperSeries(upper);
    band->setLowerSeries(lower);
    band->setName(tr("%1 (min to max over the seeds)").arg(name));
    QColor fill = colour;
    fill.setAlpha(50);
    band->setBrush(fill);
    band->setPen(Qt::NoPen);
    attach(band);
    for (QLegendMarker* marker : chart->legend()->markers(band)) marker->setVisible(false);
    QPen line(colour);
    line.setWidthF(2);
    mean->setPen(line);
    mean->setPointsVisible(true);
    attach(mean);
    m_strategySeries << mean;
  }
  if (summary.fullScore > 0) {
    const QLocale locale;
    for (const double fraction : {0.95, 0.99}) {
      auto* reference = new QLineSeries;
      const double at = fraction * summary.fullScore;
      reference->setName(
          tr("%1% of full data (%2)").arg(int(std::lround(fraction * 100))).arg(locale.toString(at, 'f', 3)));
      reference->append(0, at);
      reference->append(x->max(), at);
      QPen dashed(QColor(QStringLiteral("#444444")));
      dashed.setStyle(Qt::DashLine);
      dashed.setWidthF(1.2);
      reference->setPen(dashed);
      attach(reference);
    }
  }
}

}  // namespace quarry::ui
