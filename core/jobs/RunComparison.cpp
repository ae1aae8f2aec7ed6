#include "jobs/RunComparison.h"

#include <QJsonObject>

namespace quarry::jobs {
namespace {

double number(const QJsonObject& o, const char* key) {
  const QJsonValue v = o.value(QLatin1String(key));
  return v.isDouble() ? v.toDouble() : -1;
}

RunMetricRow scoreRow(const QString& name, const QJsonObject& scores, bool average) {
  RunMetricRow row;
  row.name = name;
  row.average = average;
  row.precision = number(scores, "precision");
  row.recall = number(scores, "recall");
  row.f1 = number(scores, "f1");
  const double support = number(scores, "support");
  row.support = support >= 0 ? qint64(support) : -1;
  return row;
}

// SQuAD's report (0..1): the overall figures and the HasAns / NoAns breakdown.
void squadRows(const QJsonObject& report, QVector<RunMetricRow>& rows) {
  for (const char* prefix : {"HasAns_", "NoAns_"}) {
    const QString p = QLatin1String(prefix);
    const QJsonValue total = report.value(p + QStringLiteral("total"));
    if (!total.isDouble()) continue;
    RunMetricRow row;
    row.name = p.chopped(1);
    row.f1 = report.value(p + QStringLiteral("f1")).toDouble();
    row.exact = report.value(p + QStringLiteral("exact")).toDouble();
    row.support = qint64(total.toDouble());
    rows << row;
  }
  RunMetricRow all;
  all.name = QStringLiteral("all questions");
  all.average = true;
  all.f1 = report.value(QStringLiteral("f1")).toDouble();
  all.exact = report.value(QStringLiteral("exact")).toDouble();
  all.support = qint64(report.value(QStringLiteral("total")).toDouble());
  rows << all;
}

}  // namespace

QVector<RunMetricRow> runMetricRows(const ModelRun& run) {
  const QJsonObject report = run.metrics.value(QStringLiteral("metrics")).toObject();
  QVector<RunMetricRow> rows;
  if (report.isEmpty()) return rows;
  if (report.contains(QStringLiteral("exact")) && report.contains(QStringLiteral("total"))) {
    squadRows(report, rows);
    return rows;
  }
  for (const char* perKey : {"per_type", "per_label"}) {
    const QJsonObject per = report.value(QLatin1String(perKey)).toObject();
    for (auto it = per.begin(); it != per.end(); ++it)
      rows << scoreRow(it.key(), it.value().toObject(), false);
  }
  for (const char* average : {"micro", "macro", "weighted"}) {
    const QJsonObject scores = report.value(QLatin1String(average)).toObject();
    if (!scores.isEmpty()) rows << scoreRow(QLatin1String(average) + QStringLiteral(" avg"), scores, true);
  }
  return rows;
}

QVector<RunComparisonRow> compareRuns(const ModelRun& a, const ModelRun& b) {
  const QVector<RunMetricRow> rowsA = runMetricRows(a), rowsB = runMetricRows(b);
  QVector<RunComparisonRow> rows;
  auto find = [&rows](const RunMetricRow& r) -> RunComparisonRow& {
    for (RunComparisonRow& row : rows)
      if (row.name == r.name && row.average == r.average) return row;
    RunComparisonRow row;
    row.name = r.name;
    row.average = r.average;
    rows << row;
    return rows.back();
  };
  for (bool averages : {false, true}) {
    for (const RunMetricRow& r : rowsA)
      if (r.average == averages) find(r).a = r;
    for (const RunMetricRow& r : rowsB)
      if (r.average == averages) find(r).b = r;
  }
  return rows;
}

double runPrimaryScore(const ModelRun& run) {
  const QJsonValue v = run.metrics.value(QStringLiteral("best_dev_score"));
  return v.isDouble() ? v.toDouble() : -1;
}

bool isTrainingRun(const ModelRun& run) {
  // A prediction run records its options too: its minimum confidence among them (jobs/PredictionJob.cpp).
  return !run.config.isEmpty() && !run.config.contains(QLatin1String("min_confidence")) &&
         !run.name.contains(QLatin1String("predictions"));
}

QString runPrimaryMetric(const ModelRun& run) {
  const QString name = run.metrics.value(QStringLiteral("primary_metric")).toString();
  if (!name.isEmpty()) return name;
  return run.metrics.value(QStringLiteral("metrics"))
      .toObject()
      .value(QStringLiteral("primary_metric"))
      .toString();
}

}  // namespace quarry::jobs
