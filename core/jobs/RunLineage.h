#pragma once
// Lineage of a trained model: which documents and annotations of its train and dev splits were added,
// changed or removed since the run read them (store/AnnotationVersions.h), and so whether the model is
// stale. A document moved out of the run's splits counts as removed with its annotations; one moved in,
// as added; one moved between train and dev, as removed from one role and added to the other.

#include <QVector>

#include "common/Error.h"
#include "store/ProjectStore.h"

namespace quarry::jobs {

struct RunLineage {
  qint64 runId = 0;
  bool recorded = false;               // the run recorded what it trained on (runs before lineage did not)
  int trainedOn = 0;                   // documents and annotations the run read
  QVector<AnnotationVersion> added;    // as they are now
  QVector<AnnotationVersion> changed;  // as they are now
  QVector<AnnotationVersion> removed;  // as the run read them

  // Something the model was trained or evaluated on is different now.
  bool stale() const { return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty(); }
};

// Compares what run `runId` recorded with the project now, over the splits it read (its data snapshot's
// train_splits and dev_splits).
Result<RunLineage> runLineage(ProjectStore& store, qint64 runId);

// The splits named in a run's data snapshot under `key` ("train_splits", "dev_splits").
QVector<Split> snapshotSplits(const QJsonObject& data, const QString& key);

}  // namespace quarry::jobs
