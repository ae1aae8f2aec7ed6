#include "store/RunStore.h"

#include <QSqlQuery>

#include "store/SqlUtil.h"

namespace quarry {

Result<qint64> RunStore::createRun(const ModelRun& run) {
  const QString op = QStringLiteral("create model run");
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(op); !s) return s.error();
  QSqlQuery q = m_c.query();
  if (Status s = sql::run(
          q,
          QStringLiteral(
              "INSERT INTO model_runs (name, task, base_model, config, data, status, metrics, error, "
              "checkpoint_path, created, started, finished, worker) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
              "?, ?)") +
              m_c.dialect().returningId(),
          {run.name, run.task, run.baseModel, sql::toJsonText(run.config), sql::toJsonText(run.data),
           runStatusName(run.status), sql::toJsonText(run.metrics), run.error, run.checkpointPath,
           sql::nowMs(), sql::toNullableEpochMs(run.started), sql::toNullableEpochMs(run.finished),
           run.worker},
          op);
      !s)
    return m_c.withFile(s.error());
  const qint64 id = m_c.dialect().insertedId(q);
  if (Status s = tx.commit(op); !s) return s.error();
  return id;
}

Status RunStore::updateRun(const ModelRun& run) {
  const QString op = QStringLiteral("update model run %1").arg(run.id);
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(op); !s) return s;
  QSqlQuery q = m_c.query();
  if (Status s = sql::run(
          q,
          QStringLiteral("UPDATE model_runs SET name = ?, task = ?, base_model = ?, config = ?, data = ?, "
                         "status = ?, metrics = ?, error = ?, checkpoint_path = ?, started = ?, "
                         "finished = ?, worker = ? WHERE id = ?"),
          {run.name, run.task, run.baseModel, sql::toJsonText(run.config), sql::toJsonText(run.data),
           runStatusName(run.status), sql::toJsonText(run.metrics), run.error, run.checkpointPath,
           sql::toNullableEpochMs(run.started), sql::toNullableEpochMs(run.finished), run.worker, run.id},
          op);
      !s)
    return m_c.withFile(s.error());
  if (q.numRowsAffected() != 1) return m_c.fail(op, QStringLiteral("no such run"));
  return tx.commit(op);
}

Result<QVector<ModelRun>> RunStore::select(const QString& where, const QVariantList& values) {
  QSqlQuery q = m_c.query();
  q.setForwardOnly(true);
  if (Status s =
          sql::run(q,
                   QStringLiteral("SELECT id, name, base_model, config, status, metrics, checkpoint_path, "
                                  "started, finished, task, data, error, worker FROM model_runs ") +
                       where + QStringLiteral(" ORDER BY id"),
                   values, QStringLiteral("list model runs"));
      !s)
    return m_c.withFile(s.error());
  QVector<ModelRun> runs;
  while (q.next()) {
    ModelRun r;
    r.id = q.value(0).toLongLong();
    r.name = q.value(1).toString();
    r.baseModel = q.value(2).toString();
    r.config = sql::fromJsonText(q.value(3).toString());
    parseRunStatus(q.value(4).toString(), &r.status);
    r.metrics = sql::fromJsonText(q.value(5).toString());
    r.checkpointPath = q.value(6).toString();
    r.started = sql::fromEpochMs(q.value(7));
    r.finished = sql::fromEpochMs(q.value(8));
    r.task = q.value(9).toString();
    r.data = sql::fromJsonText(q.value(10).toString());
    r.error = q.value(11).toString();
    r.worker = q.value(12).toString();
    runs.push_back(r);
  }
  return runs;
}

Result<QVector<ModelRun>> RunStore::listRuns() { return select({}, {}); }

Result<QVector<ModelRun>> RunStore::runsWithStatus(RunStatus status) {
  return select(QStringLiteral("WHERE status = ?"), {runStatusName(status)});
}

Result<ModelRun> RunStore::run(qint64 id) {
  Result<QVector<ModelRun>> runs = select(QStringLiteral("WHERE id = ?"), {id});
  if (!runs) return runs.error();
  if (runs->isEmpty())
    return m_c.fail(QStringLiteral("read model run"), QStringLiteral("no run with id %1").arg(id));
  return runs->front();
}

Status RunStore::insertRows(const QString& operation, const QString& statement, int count,
                            const std::function<QVariantList(int)>& row) {
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(operation); !s) return s;
  if (Status s = insertRowsInTransaction(operation, statement, count, row); !s) return s;
  return tx.commit(operation);
}

Status RunStore::insertRowsInTransaction(const QString& operation, const QString& statement, int count,
                                         const std::function<QVariantList(int)>& row) {
  QSqlQuery q = m_c.query();
  if (Status s = sql::prepare(q, statement, operation); !s) return m_c.withFile(s.error());
  for (int i = 0; i < count; ++i) {
    sql::bind(q, row(i));
    if (Status s = sql::exec(q, operation); !s) return m_c.withFile(s.error());
  }
  return {};
}

Status RunStore::appendLog(qint64 runId, const QVector<RunLogLine>& lines) {
  const QString op = QStringLiteral("append to the log of run %1").arg(runId);
  static const QStringList levels{QStringLiteral("info"), QStringLiteral("warn"), QStringLiteral("error")};
  for (const RunLogLine& line : lines)
    if (!levels.contains(line.level))
      return m_c.fail(op, QStringLiteral("not a log level: %1").arg(line.level));
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(op); !s) return s;
  // Numbered on inside the write transaction, which holds the write lock: no other writer can take a number.
  QSqlQuery last = m_c.query();
  if (Status s = sql::run(last, QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM run_log WHERE run_id = ?"),
                          {runId}, op);
      !s)
    return m_c.withFile(s.error());
  const qint64 first = last.next() ? last.value(0).toLongLong() + 1 : 1;
  last.finish();
  if (Status s = insertRowsInTransaction(
          op, QStringLiteral("INSERT INTO run_log (run_id, seq, at, level, message) VALUES (?, ?, ?, ?, ?)"),
          int(lines.size()),
          [&](int i) -> QVariantList {
            const RunLogLine& line = lines[i];
            return {runId, first + i, sql::toEpochMs(line.time), line.level, line.message};
          });
      !s)
    return s;
  return tx.commit(op);
}

Result<QVector<RunLogLine>> RunStore::log(qint64 runId) {
  QSqlQuery q = m_c.query();
  q.setForwardOnly(true);
  if (Status s = sql::run(q,
                          QStringLiteral("SELECT seq, at, level, message FROM run_log WHERE run_id = ? "
                                         "ORDER BY seq"),
                          {runId}, QStringLiteral("read the log of run %1").arg(runId));
      !s)
    return m_c.withFile(s.error());
  QVector<RunLogLine> out;
  while (q.next())
    out.push_back(RunLogLine{q.value(0).toInt(), sql::fromEpochMs(q.value(1)), q.value(2).toString(),
                             q.value(3).toString()});
  return out;
}

Result<int> RunStore::addPredictions(qint64 runId, const QVector<Prediction>& predictions) {
  if (Status s = insertRows(
          QStringLiteral("add predictions of run %1").arg(runId),
          QStringLiteral("INSERT INTO predictions (run_id, document_id, kind, payload, confidence) "
                         "VALUES (?, ?, ?, ?, ?)"),
          int(predictions.size()),
          [&](int i) -> QVariantList {
            const Prediction& p = predictions[i];
            return {runId, p.documentId, p.kind, sql::toJsonText(p.payload), p.confidence};
          });
      !s)
    return s.error();
  return int(predictions.size());
}

Status RunStore::recordAnnotations(qint64 runId, const QVector<AnnotationVersion>& versions) {
  return insertRows(
      QStringLiteral("record the training data of run %1").arg(runId),
      QStringLiteral("INSERT INTO run_annotations (run_id, role, kind, annotation_id, document_id, "
                     "content_hash) VALUES (?, ?, ?, ?, ?, ?)"),
      int(versions.size()), [&](int i) -> QVariantList {
        const AnnotationVersion& v = versions[i];
        return {runId, v.role, v.kind, v.annotationId, v.documentId, v.contentHash};
      });
}

Result<QVector<AnnotationVersion>> RunStore::annotations(qint64 runId) {
  QSqlQuery q = m_c.query();
  q.setForwardOnly(true);
  if (Status s = sql::run(q,
                          QStringLiteral("SELECT role, kind, annotation_id, document_id, content_hash "
                                         "FROM run_annotations WHERE run_id = ? ORDER BY id"),
                          {runId}, QStringLiteral("read the training data of run %1").arg(runId));
      !s)
    return m_c.withFile(s.error());
  QVector<AnnotationVersion> out;
  while (q.next())
    out.push_back(AnnotationVersion{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
                                    q.value(3).toLongLong(), q.value(4).toString()});
  return out;
}

Result<QVector<Prediction>> RunStore::selectPredictions(const QString& where, const QVariantList& values) {
  QSqlQuery q = m_c.query();
  q.setForwardOnly(true);
  if (Status s =
          sql::run(q,
                   QStringLiteral("SELECT id, run_id, document_id, kind, payload, confidence, decision, "
                                  "decided_by, decided_at, annotation_id FROM predictions WHERE ") +
                       where + QStringLiteral(" ORDER BY id"),
                   values, QStringLiteral("read predictions"));
      !s)
    return m_c.withFile(s.error());
  QVector<Prediction> out;
  while (q.next()) {
    Prediction p;
    p.id = q.value(0).toLongLong();
    p.runId = q.value(1).toLongLong();
    p.documentId = q.value(2).toLongLong();
    p.kind = q.value(3).toString();
    p.payload = sql::fromJsonText(q.value(4).toString());
    p.confidence = q.value(5).toDouble();
    p.decision = q.value(6).toString();
    p.decidedBy = q.value(7).toString();
    p.decidedAt = sql::fromEpochMs(q.value(8));
    p.annotationId = q.value(9).toLongLong();
    out.push_back(p);
  }
  return out;
}

Result<QVector<Prediction>> RunStore::predictionsForDocument(qint64 documentId, qint64 runId) {
  if (runId > 0)
    return selectPredictions(QStringLiteral("document_id = ? AND run_id = ?"), {documentId, runId});
  return selectPredictions(QStringLiteral("document_id = ?"), {documentId});
}

Result<QVector<Prediction>> RunStore::predictionsOfRun(qint64 runId, const QString& kind) {
  return selectPredictions(QStringLiteral("run_id = ? AND kind = ?"), {runId, kind});
}

Result<SuggestionDecisions> RunStore::decisionCounts(const QString& kind, const QVector<Split>& splits) {
  QSqlQuery q = m_c.query();
  q.setForwardOnly(true);
  if (Status s =
          sql::run(q,
                   QStringLiteral("SELECT d.split, p.decision, COUNT(*) FROM predictions p "
                                  "JOIN documents d ON d.id = p.document_id "
                                  "WHERE p.kind = ? AND p.decision <> '' GROUP BY d.split, p.decision"),
                   {kind}, QStringLiteral("count suggestion decisions"));
      !s)
    return m_c.withFile(s.error());
  SuggestionDecisions out;
  while (q.next()) {
    Split split = Split::Unassigned;
    if (!parseSplit(q.value(0).toString(), &split) || (!splits.isEmpty() && !splits.contains(split)))
      continue;
    const qint64 n = q.value(2).toLongLong();
    (q.value(1).toString() == QLatin1String("accepted") ? out.accepted : out.rejected) += n;
  }
  return out;
}

Status RunStore::decidePrediction(qint64 predictionId, const QString& decision, const QString& decidedBy,
                                  qint64 annotationId) {
  const QString op = QStringLiteral("decide prediction %1").arg(predictionId);
  if (decision != QLatin1String("accepted") && decision != QLatin1String("rejected") && !decision.isEmpty())
    return m_c.fail(op, QStringLiteral("not a decision: %1").arg(decision));
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(op); !s) return s;
  QSqlQuery q = m_c.query();
  if (Status s =
          sql::run(q,
                   QStringLiteral("UPDATE predictions SET decision = ?, decided_by = ?, decided_at = ?, "
                                  "annotation_id = ? WHERE id = ?"),
                   {decision, decidedBy, decision.isEmpty() ? QVariant() : QVariant(sql::nowMs()),
                    annotationId > 0 ? QVariant(annotationId) : QVariant(), predictionId},
                   op);
      !s)
    return m_c.withFile(s.error());
  if (q.numRowsAffected() != 1) return m_c.fail(op, QStringLiteral("no such prediction"));
  return tx.commit(op);
}

Result<qint64> RunStore::latestRunWithPredictions(const QString& kind) {
  QSqlQuery q = m_c.query();
  q.setForwardOnly(true);
  if (Status s = sql::run(q, QStringLiteral("SELECT MAX(run_id) FROM predictions WHERE kind = ?"), {kind},
                          QStringLiteral("find the latest predictions"));
      !s)
    return m_c.withFile(s.error());
  return q.next() ? q.value(0).toLongLong() : 0;
}

Status RunStore::clearPredictions(qint64 runId) {
  const QString op = QStringLiteral("clear predictions of run %1").arg(runId);
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(op); !s) return s;
  QSqlQuery q = m_c.query();
  if (Status s = sql::run(q, QStringLiteral("DELETE FROM predictions WHERE run_id = ?"), {runId}, op); !s)
    return m_c.withFile(s.error());
  return tx.commit(op);
}

}  // namespace quarry
