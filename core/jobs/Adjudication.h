#pragma once
// Adjudication of a document that several annotators annotated in their own layers: the adjudicator walks
// only the windows where the layers differ and picks a version; everything the annotators agree on goes to
// the gold layer by itself. The gold layer is the adjudicator's own layer of the document; once the document
// is finished, training reads that layer alone (jobs/EngineDocuments.h).
//
// Windows: each sentence of the text (text/SentenceSplitter), and one for the whole document (its labels and
// the questions answered "none"). A span belongs to the window holding its start, a relation to its head's,
// an answer to its start's. A window is agreed when every annotator's items in it are the same (spans by
// offsets and type, relations by their arguments' offsets and types and their own type, answers by question
// and offsets, labels by category).

#include <QString>
#include <QStringList>
#include <QVector>

#include "common/Error.h"
#include "store/ProjectStore.h"

namespace quarry::jobs {

struct AdjudicationWindow {
  int start = 0;  // code points; -1 = the whole document (labels, questions answered "none")
  int end = 0;
  bool agreed = false;
  QString decidedFor;  // the annotator whose version the adjudicator took (empty: none, or an agreed window)
  // Decided: a version taken, or (agreed windows) the items merged into the gold layer.
  bool decided = false;
  QStringList annotators;               // parallel to versions
  QVector<QStringList> versions;        // each annotator's items, described ("DRUG 'aspirin' 5-12")
};

struct DocumentAdjudication {
  qint64 documentId = 0;
  QString document;
  QStringList annotators;  // whose layers are compared (the document's assignees, else who annotated it)
  QVector<AdjudicationWindow> windows;  // every window with an item in some layer
  int agreedWindows = 0;
  int undecided = 0;       // disagreement windows without a decision
  QString adjudicatedBy;   // set once finished
  // Every sentence window of the text (those without items too), as the review found them.
  QVector<int> sentenceStarts;
  QVector<int> sentenceEnds;
  // The end of the window starting at `start` (-1 for the whole-document window; `start` if none starts
  // there).
  int windowEnd(int start) const;
};

class Adjudication {
 public:
  Adjudication(ProjectStore& store, QString adjudicator) : m_store(store), m_adjudicator(std::move(adjudicator)) {}

  // The document's windows, agreed or not, and the decisions so far.
  Result<DocumentAdjudication> review(qint64 documentId);
  // Copies the items of every agreed window not merged before into the gold layer (spans before relations,
  // so that a relation reaching into a later window finds its arguments) and records each window as merged,
  // with no annotator's name: a window is merged once, so what the adjudicator removes from the gold layer by
  // hand afterwards stays removed. The items copied.
  Result<int> mergeAgreed(qint64 documentId);
  // Takes `annotator`'s version of the window starting at `windowStart` (-1: the whole-document window) into
  // the gold layer, replacing what the gold layer had there, and records the decision.
  Status accept(qint64 documentId, int windowStart, const QString& annotator);
  // The same, given the document's review (the adjudication view's): only that window's stretch of the
  // document is read, so a decision costs the same in a 1 MB document as in a short one.
  Status accept(const DocumentAdjudication& review, int windowStart, const QString& annotator);
  // Merges the agreed items and marks the document adjudicated; refused while a disagreement is undecided.
  Status finish(qint64 documentId);

 private:
  ProjectStore& m_store;
  QString m_adjudicator;
};

}  // namespace quarry::jobs
