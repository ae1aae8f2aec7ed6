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
          QStringLiteral("INSERT INTO model_runs (name, base_model, config, status, metrics, "
                         "checkpoint_path, created, started, finished) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)") +
              m_c.dialect().returningId(),
          {run.name, run.baseModel, sql::toJsonText(run.config), runStatusName(run.status),
           sql::toJsonText(run.metrics), run.checkpointPath, sql::nowMs(),
           sql::toNullableEpochMs(run.started), sql::toNullableEpochMs(run.finished)},
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
  if (Status s =
          sql::run(q,
                   QStringLiteral("UPDATE model_runs SET name = ?, base_model = ?, config = ?, status = ?, "
                                  "metrics = ?, checkpoint_path = ?, started = ?, finished = ? WHERE id = ?"),
                   {run.name, run.baseModel, sql::toJsonText(run.config), runStatusName(run.status),
                    sql::toJsonText(run.metrics), run.checkpointPath, sql::toNullableEpochMs(run.started),
                    sql::toNullableEpochMs(run.finished), run.id},
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
                                  "started, finished FROM model_runs ") +
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
    runs.push_back(r);
  }
  return runs;
}

Result<QVector<ModelRun>> RunStore::listRuns() { return select({}, {}); }

Result<ModelRun> RunStore::run(qint64 id) {
  Result<QVector<ModelRun>> runs = select(QStringLiteral("WHERE id = ?"), {id});
  if (!runs) return runs.error();
  if (runs->isEmpty())
    return m_c.fail(QStringLiteral("read model run"), QStringLiteral("no run with id %1").arg(id));
  return runs->front();
}

Result<int> RunStore::addPredictions(qint64 runId, const QVector<Prediction>& predictions) {
  const QString op = QStringLiteral("add predictions of run %1").arg(runId);
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(op); !s) return s.error();
  QSqlQuery q = m_c.query();
  if (Status s = sql::prepare(
          q,
          QStringLiteral("INSERT INTO predictions (run_id, document_id, kind, payload, confidence) "
                         "VALUES (?, ?, ?, ?, ?)"),
          op);
      !s)
    return m_c.withFile(s.error());
  for (const Prediction& p : predictions) {
    sql::bind(q, {runId, p.documentId, p.kind, sql::toJsonText(p.payload), p.confidence});
    if (Status s = sql::exec(q, op); !s) return m_c.withFile(s.error());
  }
  if (Status s = tx.commit(op); !s) return s.error();
  return int(predictions.size());
}

Result<QVector<Prediction>> RunStore::predictionsForDocument(qint64 documentId, qint64 runId) {
  QSqlQuery q = m_c.query();
  q.setForwardOnly(true);
  QString statement = QStringLiteral(
      "SELECT id, run_id, document_id, kind, payload, confidence FROM predictions "
      "WHERE document_id = ?");
  QVariantList values{documentId};
  if (runId > 0) {
    statement += QStringLiteral(" AND run_id = ?");
    values << runId;
  }
  if (Status s =
          sql::run(q, statement + QStringLiteral(" ORDER BY id"), values, QStringLiteral("read predictions"));
      !s)
    return m_c.withFile(s.error());
  QVector<Prediction> out;
  while (q.next())
    out.push_back(Prediction{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                             q.value(3).toString(), sql::fromJsonText(q.value(4).toString()),
                             q.value(5).toDouble()});
  return out;
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
