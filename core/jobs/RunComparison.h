#pragma once
// A run's dev figures per type as rows (entity and relation types, categories, QA's answerable and
// unanswerable questions, and the averages), read from the report the run recorded; and two runs side by
// side, row by row, for the Runs view's comparison.

#include <QString>
#include <QVector>

#include "store/StoreTypes.h"

namespace quarry::jobs {

// One row of a run's report. A figure the report does not give is -1.
struct RunMetricRow {
  QString name;          // "DISEASE", "micro avg", "macro avg", "HasAns", "all questions"
  bool average = false;  // an average (or QA's overall figure), listed after the types
  double precision = -1;
  double recall = -1;
  double f1 = -1;       // F1 (QA: SQuAD F1 over the questions of the row)
  double exact = -1;    // QA: exact match
  qint64 support = -1;  // gold items of the row
};

// The rows of the best dev report `run` recorded (its metrics' "metrics"); none when it recorded none.
QVector<RunMetricRow> runMetricRows(const ModelRun& run);

struct RunComparisonRow {
  QString name;
  bool average = false;
  RunMetricRow a;  // name empty = the row is not in run a's report
  RunMetricRow b;
  double f1Change() const { return a.f1 >= 0 && b.f1 >= 0 ? b.f1 - a.f1 : 0; }
};

// The rows of both runs joined by name: a's types in its order, then b's new ones, then the averages.
QVector<RunComparisonRow> compareRuns(const ModelRun& a, const ModelRun& b);

// The primary dev figure a run recorded (best_dev_score), -1 when none; and its metric's name.
double runPrimaryScore(const ModelRun& run);
QString runPrimaryMetric(const ModelRun& run);
// A run that trained a model (it recorded a training config), not one that predicted with one.
bool isTrainingRun(const ModelRun& run);

}  // namespace quarry::jobs
