#pragma once
// Agreement between the annotators of a project (eval/Agreement.h on the store's rows).
//
// An annotator's layer of a document is what they made there: the spans, relations, answers and labels
// whose provenance names them (a relation whose argument someone else marked is left out of both
// layers' relation figures, since its spans are not theirs). A document is in an annotator's layer when
// they annotated or edited it (status included), so that "found nothing" counts; a pair is compared on the
// documents both have.

#include <QString>
#include <QStringList>
#include <QVector>

#include "common/Error.h"
#include "corpus/Corpus.h"
#include "eval/Agreement.h"

namespace quarry::jobs {

struct AgreementSpec {
  QString projectPath;
  QStringList annotators;  // at least two; empty = everyone who annotated a document the filter keeps
  QVector<Split> splits;   // empty = every split
};

struct AgreementOutcome {
  eval::AgreementReport report;
  QStringList annotators;  // as measured
};

// Reads the project (read-only, one moment) and measures.
Result<AgreementOutcome> measureProjectAgreement(const AgreementSpec& spec);

// The layers of `annotators` in `corpus` (documents of `touched[annotator]` only), as the engine takes them.
std::vector<std::vector<document::AnnotatedDocument>> annotatorLayers(
    const Corpus& corpus, const QStringList& annotators, const QHash<QString, QSet<QString>>& touched);

}  // namespace quarry::jobs
