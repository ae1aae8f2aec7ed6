#include "jobs/GazetteerSuggestions.h"

#include <QDateTime>
#include <QJsonObject>

#include "jobs/EngineDocuments.h"
#include "jobs/RunWorker.h"
#include "store/ProjectStore.h"
#include "suggest/GazetteerSuggester.h"

namespace quarry::jobs {

Result<GazetteerOutcome> suggestFromGazetteer(ProjectStore& store) {
  auto schema = store.schema();
  if (!schema) return schema.error();
  suggest::GazetteerSuggester gazetteer;
  for (const EntityType& type : schema->entityTypes)
    for (const QString& example : type.guideline.positiveExamples)
      gazetteer.addGuidelineExample(example.toStdString(), type.name.toStdString());
  auto labelled = documentsFromStore(store, {});
  if (!labelled) return labelled.error();
  for (const document::AnnotatedDocument& d : labelled->documents) gazetteer.addDocument(d);
  auto pool = documentsFromStore(store, {Split::Unassigned});
  if (!pool) return pool.error();

  GazetteerOutcome outcome;
  outcome.surfaces = qint64(gazetteer.surfaceCount());
  outcome.documents = int(pool->documents.size());
  ModelRun run;
  run.name = QStringLiteral("Gazetteer suggestions");
  run.task = QStringLiteral("ner");
  run.baseModel = QStringLiteral("gazetteer (labelled spans and guideline examples)");
  run.status = RunStatus::Running;
  run.started = QDateTime::currentDateTimeUtc();
  run.worker = currentWorker();
  auto id = store.createRun(run);
  if (!id) return id.error();
  run.id = outcome.runId = id.value();
  QVector<Prediction> rows;
  for (int d = 0; d < int(pool->documents.size()); ++d) {
    const document::AnnotatedDocument& document = pool->documents[size_t(d)];
    std::vector<document::PredictedEntity> predicted;
    for (const suggest::GazetteerMatch& m : gazetteer.suggest(document.text, document.entities))
      predicted.push_back({m.start, m.end, m.type, m.confidence});
    outcome.spans += qint64(predicted.size());
    rows += entityPredictions(run.id, pool->storeIds.value(d), document, predicted);
  }
  auto written = store.addPredictions(run.id, rows);
  run.finished = QDateTime::currentDateTimeUtc();
  if (!written) {
    run.status = RunStatus::Failed;
    run.error = QString::fromStdString(written.error().toString());
    (void)store.updateRun(run);
    return written.error();
  }
  run.status = RunStatus::Finished;
  run.metrics = QJsonObject{{QStringLiteral("documents"), outcome.documents},
                            {QStringLiteral("spans"), outcome.spans},
                            {QStringLiteral("surfaces"), outcome.surfaces}};
  if (Status s = store.updateRun(run); !s) return s.error();
  return outcome;
}

}  // namespace quarry::jobs
