#include "store/QualityDecisions.h"

#include <QSqlQuery>

#include "store/SqlUtil.h"

namespace quarry {

namespace {

bool knownKind(const QString& kind) {
  return kind == QLatin1String("entity") || kind == QLatin1String("relation") || kind == QLatin1String("category");
}

}  // namespace

Status QualityDecisions::markIntended(const QString& kind, const QString& key, const QString& annotator) {
  const QString op = QStringLiteral("mark a %1 finding as intended").arg(kind);
  if (!knownKind(kind)) return m_c.fail(op, QStringLiteral("not a finding kind: %1").arg(kind));
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(op); !s) return s;
  Result<QVariant> annotatorId = m_c.annotatorId(annotator);
  if (!annotatorId) return annotatorId.error();
  Result<int> version = m_c.guidelineVersion();
  if (!version) return version.error();
  QSqlQuery q = m_c.query();
  if (Status s = sql::run(q, QStringLiteral("DELETE FROM quality_decisions WHERE kind = ? AND finding_key = ?"),
                          {kind, key}, op);
      !s)
    return m_c.withFile(s.error());
  if (Status s = sql::run(q,
                          QStringLiteral("INSERT INTO quality_decisions (kind, finding_key, decision, annotator_id, "
                                         "guideline_version, decided_at) VALUES (?, ?, 'intended', ?, ?, ?)"),
                          {kind, key, *annotatorId, *version, sql::nowMs()}, op);
      !s)
    return m_c.withFile(s.error());
  return tx.commit(op);
}

Status QualityDecisions::unmark(const QString& kind, const QString& key) {
  const QString op = QStringLiteral("unmark a %1 finding").arg(kind);
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(op); !s) return s;
  QSqlQuery q = m_c.query();
  if (Status s = sql::run(q, QStringLiteral("DELETE FROM quality_decisions WHERE kind = ? AND finding_key = ?"),
                          {kind, key}, op);
      !s)
    return m_c.withFile(s.error());
  return tx.commit(op);
}

Result<QSet<QString>> QualityDecisions::intended(const QString& kind) {
  QSqlQuery q = m_c.query();
  q.setForwardOnly(true);
  if (Status s = sql::run(q,
                          QStringLiteral("SELECT finding_key FROM quality_decisions WHERE kind = ? AND "
                                         "decision = 'intended'"),
                          {kind}, QStringLiteral("read the findings marked as intended"));
      !s)
    return m_c.withFile(s.error());
  QSet<QString> out;
  while (q.next()) out.insert(q.value(0).toString());
  return out;
}

}  // namespace quarry
