#include "store/TeamStore.h"

#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <algorithm>
#include <random>

#include "store/SqlUtil.h"

namespace quarry {
namespace {

// A seeded permutation of 0..n-1 (Fisher-Yates with indexes drawn by hand: the same on every platform).
QVector<int> permutation(int n, std::mt19937_64& random) {
  QVector<int> order(n);
  for (int i = 0; i < n; ++i) order[i] = i;
  for (int i = n - 1; i > 0; --i) {
    const int j = static_cast<int>(random() % static_cast<quint64>(i + 1));
    std::swap(order[i], order[j]);
  }
  return order;
}

}  // namespace

Status TeamStore::setRole(const QString& name, TeamRole role) {
  const QString op = QStringLiteral("set the role of '%1'").arg(name);
  if (name.trimmed().isEmpty()) return m_c.fail(op, QStringLiteral("a team member needs a name"));
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(op); !s) return s;
  Result<QVariant> id = m_c.annotatorId(name);
  if (!id) return id.error();
  QSqlQuery q = m_c.query();
  if (Status s = sql::run(q, QStringLiteral("UPDATE annotators SET role = ? WHERE id = ?"), {teamRoleName(role), *id}, op);
      !s)
    return m_c.withFile(s.error());
  // On a server, a member with a database user of their own gets the tables (their layer is theirs alone).
  const SqlDialect& dialect = m_c.dialect();
  if (!dialect.databaseUserExists().isEmpty()) {
    if (Status s = sql::run(q, dialect.databaseUserExists(), {name}, op); !s) return m_c.withFile(s.error());
    if (q.next() && q.value(0).toLongLong() > 0) {
      if (Status s = sql::run(q, dialect.memberMayWrite(), {name}, op); !s) return m_c.withFile(s.error());
      if (!q.next() || q.value(0).toInt() != 1) {
        for (const QString& statement : dialect.grantMemberAccess(name))  // not preparable: run as they are
          if (!q.exec(statement)) return m_c.withFile(sql::error(op, q.lastError()));
        if (Status s = sql::run(q, dialect.memberMayWrite(), {name}, op); !s) return m_c.withFile(s.error());
        if (!q.next() || q.value(0).toInt() != 1)
          return m_c.fail(op, QStringLiteral("only the project's owner can give the database user '%1' access to "
                                             "its tables")
                                  .arg(name));
      }
    }
  }
  return tx.commit(op);
}

Result<QVector<TeamMember>> TeamStore::members() {
  QSqlQuery q = m_c.query();
  q.setForwardOnly(true);
  if (Status s = sql::run(q,
                          QStringLiteral("SELECT a.name, a.role, COUNT(s.id), COUNT(s.done_at) FROM annotators a "
                                         "LEFT JOIN assignments s ON s.annotator_id = a.id "
                                         "GROUP BY a.id, a.name, a.role ORDER BY a.name"),
                          {}, QStringLiteral("list the team"));
      !s)
    return m_c.withFile(s.error());
  QVector<TeamMember> members;
  while (q.next()) {
    TeamMember m;
    m.name = q.value(0).toString();
    parseTeamRole(q.value(1).toString(), &m.role);
    m.assigned = q.value(2).toInt();
    m.done = q.value(3).toInt();
    members.push_back(m);
  }
  return members;
}

Result<AssignmentSummary> TeamStore::assign(const QVector<qint64>& documentIds, const QStringList& annotators,
                                            int perDocument, quint64 seed) {
  const QString op = QStringLiteral("assign documents");
  QStringList names = annotators;
  names.removeDuplicates();
  if (perDocument < 1) return m_c.fail(op, QStringLiteral("each document needs at least one annotator"));
  if (names.size() < perDocument)
    return m_c.fail(op, QStringLiteral("%1 annotators per document needs at least %1 annotators, not %2")
                            .arg(perDocument)
                            .arg(names.size()));
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(op); !s) return s.error();
  QVector<QVariant> ids;
  QHash<qint64, int> indexOfId;
  for (const QString& name : names) {
    Result<QVariant> id = m_c.annotatorId(name);
    if (!id) return id.error();
    indexOfId.insert(id->toLongLong(), ids.size());
    ids << *id;
  }
  // Loads and the annotators each document already has.
  QVector<int> load(names.size(), 0);
  QHash<qint64, QSet<int>> onDocument;
  {
    QSqlQuery q = m_c.query();
    q.setForwardOnly(true);
    if (Status s = sql::run(q, QStringLiteral("SELECT document_id, annotator_id FROM assignments"), {}, op); !s)
      return m_c.withFile(s.error());
    while (q.next()) {
      const auto who = indexOfId.constFind(q.value(1).toLongLong());
      if (who == indexOfId.cend()) continue;
      ++load[*who];
      onDocument[q.value(0).toLongLong()].insert(*who);
    }
  }
  std::mt19937_64 random(seed);
  QVector<qint64> documents = documentIds;
  std::sort(documents.begin(), documents.end());
  documents.erase(std::unique(documents.begin(), documents.end()), documents.end());
  const QVector<int> order = permutation(documents.size(), random);
  AssignmentSummary summary;
  summary.documents = documents.size();
  QSqlQuery insert = m_c.query();
  if (Status s = sql::prepare(insert,
                              QStringLiteral("INSERT INTO assignments (document_id, annotator_id, assigned_at) "
                                             "VALUES (?, ?, ?)"),
                              op);
      !s)
    return m_c.withFile(s.error());
  const qint64 now = sql::nowMs();
  for (int position : order) {
    const qint64 document = documents[position];
    QSet<int>& has = onDocument[document];
    // The least loaded first; among equals, a seeded order.
    const QVector<int> tieBreak = permutation(names.size(), random);
    QVector<int> candidates;
    for (int k : tieBreak)
      if (!has.contains(k)) candidates << k;
    std::stable_sort(candidates.begin(), candidates.end(), [&](int x, int y) { return load[x] < load[y]; });
    for (int k : candidates) {
      if (has.size() >= perDocument) break;
      sql::bind(insert, {document, ids[k], now});
      if (Status s = sql::exec(insert, op); !s) return m_c.withFile(s.error());
      has.insert(k);
      ++load[k];
      ++summary.created;
    }
  }
  if (Status s = tx.commit(op); !s) return s.error();
  for (int k = 0; k < names.size(); ++k) summary.perAnnotator.insert(names[k], load[k]);
  return summary;
}

Result<QVector<Assignment>> TeamStore::assignments(const QString& annotator) {
  QSqlQuery q = m_c.query();
  q.setForwardOnly(true);
  QString statement = QStringLiteral(
      "SELECT s.document_id, d.name, a.name, s.assigned_at, s.done_at FROM assignments s "
      "JOIN documents d ON d.id = s.document_id JOIN annotators a ON a.id = s.annotator_id");
  QVariantList values;
  if (!annotator.isEmpty()) {
    statement += QStringLiteral(" WHERE a.name = ?");
    values << annotator;
  }
  statement += QStringLiteral(" ORDER BY s.document_id, a.name");
  if (Status s = sql::run(q, statement, values, QStringLiteral("list assignments")); !s) return m_c.withFile(s.error());
  QVector<Assignment> out;
  while (q.next()) {
    Assignment a;
    a.documentId = q.value(0).toLongLong();
    a.document = q.value(1).toString();
    a.annotator = q.value(2).toString();
    a.assigned = sql::fromEpochMs(q.value(3));
    a.done = sql::fromEpochMs(q.value(4));
    out.push_back(a);
  }
  return out;
}

Status TeamStore::setDone(qint64 documentId, const QString& annotator, bool done) {
  const QString op = QStringLiteral("mark an assignment %1").arg(done ? QStringLiteral("done") : QStringLiteral("not done"));
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(op); !s) return s;
  QSqlQuery q = m_c.query();
  if (Status s = sql::run(q,
                          QStringLiteral("UPDATE assignments SET done_at = ? WHERE document_id = ? AND annotator_id = "
                                         "(SELECT id FROM annotators WHERE name = ?)"),
                          {done ? QVariant(sql::nowMs()) : QVariant(QMetaType(QMetaType::LongLong)), documentId, annotator},
                          op);
      !s)
    return m_c.withFile(s.error());
  if (q.numRowsAffected() != 1)
    return m_c.fail(op, QStringLiteral("document %1 is not assigned to '%2'").arg(documentId).arg(annotator));
  Result<QVariant> who = m_c.annotatorId(annotator);
  if (!who) return who.error();
  if (Status s = m_c.logEdit(documentId, *who,
                             done ? QStringLiteral("assignment done") : QStringLiteral("assignment reopened"), documentId);
      !s)
    return s;
  return tx.commit(op);
}

}  // namespace quarry

namespace quarry {

Status TeamStore::recordDecisions(qint64 documentId, const QVector<AdjudicationDecision>& decisions) {
  const QString op = QStringLiteral("record an adjudication decision");
  if (decisions.isEmpty()) return {};
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(op); !s) return s;
  QSqlQuery q = m_c.query();
  for (const AdjudicationDecision& decision : decisions) {
    Result<QVariant> who = m_c.annotatorId(decision.adjudicator);
    if (!who) return who.error();
    if (Status s = sql::run(q,
                            QStringLiteral("DELETE FROM adjudication_decisions WHERE document_id = ? AND window_start = ?"),
                            {documentId, decision.windowStart}, op);
        !s)
      return m_c.withFile(s.error());
    if (Status s = sql::run(q,
                            QStringLiteral("INSERT INTO adjudication_decisions (document_id, window_start, window_end, "
                                           "chosen, adjudicator_id, decided_at) VALUES (?, ?, ?, ?, ?, ?)"),
                            {documentId, decision.windowStart, decision.windowEnd, decision.chosen, *who, sql::nowMs()},
                            op);
        !s)
      return m_c.withFile(s.error());
    if (Status s = m_c.logEdit(documentId, *who, QStringLiteral("adjudicate window"), decision.windowStart); !s)
      return s;
  }
  return tx.commit(op);
}

Result<QVector<AdjudicationDecision>> TeamStore::decisions(qint64 documentId) {
  QSqlQuery q = m_c.query();
  q.setForwardOnly(true);
  if (Status s = sql::run(q,
                          QStringLiteral("SELECT d.window_start, d.window_end, d.chosen, a.name, d.decided_at FROM "
                                         "adjudication_decisions d JOIN annotators a ON a.id = d.adjudicator_id "
                                         "WHERE d.document_id = ? ORDER BY d.window_start"),
                          {documentId}, QStringLiteral("read adjudication decisions"));
      !s)
    return m_c.withFile(s.error());
  QVector<AdjudicationDecision> out;
  while (q.next())
    out.push_back({q.value(0).toInt(), q.value(1).toInt(), q.value(2).toString(), q.value(3).toString(),
                   sql::fromEpochMs(q.value(4))});
  return out;
}

Status TeamStore::setAdjudicated(qint64 documentId, const QString& adjudicator, bool adjudicated) {
  const QString op = adjudicated ? QStringLiteral("finish adjudication") : QStringLiteral("reopen adjudication");
  WriteTransaction tx(m_c);
  if (Status s = tx.begin(op); !s) return s;
  Result<QVariant> who = m_c.annotatorId(adjudicator);
  if (!who) return who.error();
  QSqlQuery q = m_c.query();
  if (Status s = sql::run(q, QStringLiteral("DELETE FROM adjudicated_documents WHERE document_id = ?"), {documentId}, op); !s)
    return m_c.withFile(s.error());
  if (adjudicated)
    if (Status s = sql::run(q,
                            QStringLiteral("INSERT INTO adjudicated_documents (document_id, adjudicator_id, adjudicated_at) "
                                           "VALUES (?, ?, ?)"),
                            {documentId, *who, sql::nowMs()}, op);
        !s)
      return m_c.withFile(s.error());
  if (Status s = m_c.logEdit(documentId, *who, op, documentId); !s) return s;
  return tx.commit(op);
}

Result<QHash<qint64, QString>> TeamStore::adjudicatedDocuments() {
  QSqlQuery q = m_c.query();
  q.setForwardOnly(true);
  if (Status s = sql::run(q,
                          QStringLiteral("SELECT d.document_id, a.name FROM adjudicated_documents d "
                                         "JOIN annotators a ON a.id = d.adjudicator_id"),
                          {}, QStringLiteral("list adjudicated documents"));
      !s)
    return m_c.withFile(s.error());
  QHash<qint64, QString> out;
  while (q.next()) out.insert(q.value(0).toLongLong(), q.value(1).toString());
  return out;
}

}  // namespace quarry
