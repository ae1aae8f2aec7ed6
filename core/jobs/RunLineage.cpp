#include "jobs/RunLineage.h"

#include <QHash>
#include <QJsonArray>

namespace quarry::jobs {
namespace {

QString keyOf(const AnnotationVersion& v) {
  return v.role + QLatin1Char('/') + v.kind + QLatin1Char('/') + QString::number(v.annotationId);
}

}  // namespace

QVector<Split> snapshotSplits(const QJsonObject& data, const QString& key) {
  QVector<Split> splits;
  for (const QJsonValue& name : data.value(key).toArray()) {
    Split s;
    if (parseSplit(name.toString(), &s)) splits << s;
  }
  return splits;
}

Result<RunLineage> runLineage(ProjectStore& store, qint64 runId) {
  auto run = store.run(runId);
  if (!run) return run.error();
  RunLineage lineage;
  lineage.runId = runId;
  QVector<AnnotationVersion> then, now;
  if (Status s = store.readConsistently([&]() -> Status {
        auto recorded = store.runAnnotations(runId);
        if (!recorded) return recorded.error();
        then = std::move(recorded.value());
        auto current = store.annotationVersions(snapshotSplits(run->data, QStringLiteral("train_splits")),
                                                snapshotSplits(run->data, QStringLiteral("dev_splits")));
        if (!current) return current.error();
        now = std::move(current.value());
        return {};
      });
      !s)
    return s.error();
  lineage.recorded = !then.isEmpty();
  lineage.trainedOn = int(then.size());
  if (!lineage.recorded) return lineage;
  QHash<QString, QString> hashThen;
  for (const AnnotationVersion& v : then) hashThen.insert(keyOf(v), v.contentHash);
  for (const AnnotationVersion& v : now) {
    const auto it = hashThen.find(keyOf(v));
    if (it == hashThen.end())
      lineage.added << v;
    else {
      if (it.value() != v.contentHash) lineage.changed << v;
      hashThen.erase(it);
    }
  }
  for (const AnnotationVersion& v : then)
    if (hashThen.contains(keyOf(v))) lineage.removed << v;
  return lineage;
}

}  // namespace quarry::jobs
