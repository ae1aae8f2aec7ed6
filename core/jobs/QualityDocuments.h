#pragma once
// The documents the data quality checks (core/quality) read, from a project's splits or from files, with
// what the checks' reports point back to: each document's split, store row and the schema's guidelines.
// quarry-cli check and the workbench both read through here.

#include <QString>
#include <QStringList>
#include <QVector>
#include <string>
#include <vector>

#include "common/Error.h"
#include "corpus/Schema.h"
#include "document/AnnotatedDocument.h"
#include "jobs/EngineDocuments.h"
#include "quality/GroupSplit.h"
#include "quality/LeakageCheck.h"
#include "store/ProjectStore.h"

namespace quarry::jobs {

struct QualityDocuments {
  std::vector<document::AnnotatedDocument> documents;
  std::vector<std::string> splits;  // per document: "train", "dev", "test", "unassigned" or a file's given name
  QVector<qint64> storeIds;         // per document when read from a project; else empty
  Schema schema;                    // the project's (guidelines); the types seen in files
};

// The documents of `splits` (empty = every split) and `statuses` (empty = every status), split by split.
Result<QualityDocuments> qualityDocumentsFromStore(ProjectStore& store, const QVector<Split>& splits,
                                                   const QVector<DocumentStatus>& statuses = {});

// Files in any import format, each with the split name it stands for ("train=a.conll"): `specs` are
// "NAME=PATH" or a bare PATH (split named after the file).
Result<QualityDocuments> qualityDocumentsFromFiles(const QStringList& specs, const QString& format);

// The first paragraph of the guideline of a type of any kind named `type` ("" when it has none).
QString guidelineOf(const Schema& schema, const QString& type);

// Writes a group-aware re-split (`newSplits` parallel to the documents: "train", "dev", "test" or
// "unassigned") into the project in one transaction; documents whose split does not change are not
// touched. Returns how many moved.
Result<int> applySplits(ProjectStore& store, const QualityDocuments& documents,
                        const std::vector<std::string>& newSplits, const QString& annotator);

// Split shares for a group-aware re-split: "train=0.8,dev=0.1,test=0.1", or "current" (the proportions
// `documents` have now). The Error says what is wrong with the text.
Result<std::vector<quality::SplitShare>> parseSplitShares(const QString& text, const QualityDocuments& documents);

// What the Train dialog warns of: dev and test documents that nearly repeat training documents (the
// leakage check's defaults, documents only).
struct TrainingLeakage {
  int devLeaked = 0, devExact = 0;    // dev documents with a near (exact) duplicate in train
  int testLeaked = 0, testExact = 0;  // the same for test
  QStringList examples;               // "dev:NAME ~ train:NAME (0.93)", most similar first, at most five
  bool any() const { return devLeaked + testLeaked > 0; }
};
TrainingLeakage trainingLeakage(const DocumentSet& train, const DocumentSet& dev, const DocumentSet& test,
                                const quality::LeakageOptions& options = {});

}  // namespace quarry::jobs
