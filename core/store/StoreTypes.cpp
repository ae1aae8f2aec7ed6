#include "store/StoreTypes.h"

namespace quarry {

QString runStatusName(RunStatus s) {
  switch (s) {
    case RunStatus::Running:
      return QStringLiteral("running");
    case RunStatus::Finished:
      return QStringLiteral("finished");
    case RunStatus::Failed:
      return QStringLiteral("failed");
    case RunStatus::Cancelled:
      return QStringLiteral("cancelled");
    case RunStatus::Interrupted:
      return QStringLiteral("interrupted");
    case RunStatus::Pending:
      break;
  }
  return QStringLiteral("pending");
}

bool parseRunStatus(const QString& name, RunStatus* out) {
  for (RunStatus s : {RunStatus::Pending, RunStatus::Running, RunStatus::Finished, RunStatus::Failed,
                      RunStatus::Cancelled, RunStatus::Interrupted})
    if (runStatusName(s) == name) {
      *out = s;
      return true;
    }
  return false;
}

}  // namespace quarry

namespace quarry {

QString teamRoleName(TeamRole r) {
  switch (r) {
    case TeamRole::Reviewer:
      return QStringLiteral("reviewer");
    case TeamRole::Adjudicator:
      return QStringLiteral("adjudicator");
    case TeamRole::Manager:
      return QStringLiteral("manager");
    case TeamRole::Annotator:
      break;
  }
  return QStringLiteral("annotator");
}

bool parseTeamRole(const QString& name, TeamRole* out) {
  for (TeamRole r : {TeamRole::Annotator, TeamRole::Reviewer, TeamRole::Adjudicator, TeamRole::Manager})
    if (name == teamRoleName(r)) {
      *out = r;
      return true;
    }
  return false;
}

StoredDocument StoredDocument::layerOf(const QString& annotator) const {
  StoredDocument layer;
  layer.id = id;
  layer.document = document.layerOf(annotator);
  const Document& d = document;
  for (int i = 0; i < d.entities.size(); ++i)
    if (d.entities[i].provenance.annotator == annotator) layer.entityIds << entityIds.value(i);
  // Relations: the ones layerOf kept, matched by key in order.
  int next = 0;
  for (int i = 0; i < d.relations.size() && next < layer.document.relations.size(); ++i)
    if (d.relations[i].key == layer.document.relations[next].key &&
        d.relations[i].provenance.annotator == annotator) {
      layer.relationIds << relationIds.value(i);
      ++next;
    }
  for (int i = 0; i < d.answers.size(); ++i)
    if (d.answers[i].provenance.annotator == annotator) layer.answerIds << answerIds.value(i);
  for (int i = 0; i < d.labels.size(); ++i)
    if (d.labels[i].provenance.annotator == annotator) layer.labelIds << labelIds.value(i);
  return layer;
}

}  // namespace quarry
