#pragma once
// A team on one project: members with roles, and documents assigned to annotators for double (or k-fold)
// annotation. Each annotator works through their own assignments and marks each done; agreement and
// adjudication then compare the layers of a document's annotators (jobs/AnnotatorAgreement.h).
//
// assign() spreads documents so that every document gets `perDocument` different annotators and the
// annotators' loads differ by at most one: documents in a seeded order, each given to the least-loaded
// annotators not yet on it, ties broken by a seeded draw. The draw uses std::mt19937_64 with indexes made by
// hand, so a seed gives the same assignment on every platform. A document that already has annotators is
// topped up to `perDocument`; existing assignments count toward the loads. One transaction: all or none.

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include "common/Error.h"
#include "store/StoreConnection.h"
#include "store/StoreTypes.h"

namespace quarry {

class TeamStore {
 public:
  explicit TeamStore(StoreConnection& connection) : m_c(connection) {}

  // Adds `name` when new, and sets their role.
  Status setRole(const QString& name, TeamRole role);
  // Everyone known to the project (importers and model runs' users included), by name, with their work.
  Result<QVector<TeamMember>> members();
  Result<AssignmentSummary> assign(const QVector<qint64>& documentIds, const QStringList& annotators, int perDocument,
                                   quint64 seed);
  // Assignments of one annotator (empty = everyone's), by document then annotator.
  Result<QVector<Assignment>> assignments(const QString& annotator = {});
  // The annotator's assignment of the document finished (or not); an Error when there is none.
  Status setDone(qint64 documentId, const QString& annotator, bool done);

  // Adjudication (jobs/Adjudication.h): windows' decisions (each replacing an earlier one for the same window),
  // the decisions of a document, and documents adjudicated (their id -> the adjudicator's name).
  // Several, in one transaction (all or none).
  Status recordDecisions(qint64 documentId, const QVector<AdjudicationDecision>& decisions);
  Result<QVector<AdjudicationDecision>> decisions(qint64 documentId);
  Status setAdjudicated(qint64 documentId, const QString& adjudicator, bool adjudicated);
  Result<QHash<qint64, QString>> adjudicatedDocuments();

 private:
  StoreConnection& m_c;
};

}  // namespace quarry
