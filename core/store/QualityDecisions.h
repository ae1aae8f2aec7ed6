#pragma once
// Data quality findings a person judged (quarry-cli check consistency, the Data Quality dock): a finding
// marked as intended — "cancer" is rightly left unannotated in "cancer registry" — is hidden from later
// checks. Keyed by the finding's kind ("entity", "relation", "category") and key (quality/LabelConsistency.h);
// each records the annotator, the guideline version and the time.

#include <QSet>
#include <QString>

#include "common/Error.h"
#include "store/StoreConnection.h"

namespace quarry {

class QualityDecisions {
 public:
  explicit QualityDecisions(StoreConnection& connection) : m_c(connection) {}

  // Marks the finding as intended (again: the newest annotator and time win).
  Status markIntended(const QString& kind, const QString& key, const QString& annotator);
  Status unmark(const QString& kind, const QString& key);
  // The keys of kind `kind` marked as intended.
  Result<QSet<QString>> intended(const QString& kind);

 private:
  StoreConnection& m_c;
};

}  // namespace quarry
