#pragma once
// The learning curves of an active-learning simulation (suggest/LearningCurve.h's summary) as a Qt chart:
// per strategy the mean over the seeds as a line with points and the min..max over the seeds as a band in
// the same colour (random grey, the others in the engine's SVG palette), and dashed lines at 95% and 99% of
// the full-data score when there is one. The x axis is the labelled share of the pool in percent, the y axis
// the dev score. ActiveLearningDialog shows one; it is rebuilt from each new summary as rounds are scored.

#include <QChartView>
#include <QList>

#include "suggest/LearningCurve.h"

class QLineSeries;

namespace quarry::ui {

class LearningCurveChart : public QChartView {
  Q_OBJECT
 public:
  explicit LearningCurveChart(QWidget* parent = nullptr);

  // Draws `summary` (titled `title`); an empty summary clears the chart and shows `emptyTitle` instead.
  void showCurves(const suggest::LearningCurveSummary& summary, const QString& title,
                  const QString& emptyTitle);
  // The mean line of each strategy, in the summary's order (the 95%/99% lines left out); empty when cleared.
  QList<QLineSeries*> strategySeries() const { return m_strategySeries; }

 private:
  QList<QLineSeries*> m_strategySeries;
};

}  // namespace quarry::ui
