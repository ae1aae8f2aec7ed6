#pragma once
// The active-learning queue: which unlabelled documents to annotate next, from the "uncertainty" rows a
// prediction run stored (jobs/DocumentUncertainty.h).
//
// The pool is every document with an uncertainty row in the run that is still unlabelled: status new or
// in progress, and no annotation of the run's task (entities for ner, labels for classify, relations for
// relation, answers for qa; a run of no recorded task counts every kind). Then:
//  - least_confidence, margin, entropy, mnlp: the pool by that score (suggest/BatchSelection.h's, stored by
//    the prediction run), most uncertain first (ties in document order), the first batchSize;
//  - diversity: the pool clustered by k-means (suggest/DiversitySampling.h, k = batchSize) and each
//    cluster's most uncertain document by diversityScore. The document embedding is the model's own, which
//    the prediction run stored with the uncertainty (the encoder's mean token state; the BiLSTM tagger's
//    mean word state: train::TaskModel::documentEmbeddings). Models that give none (the n-gram classifier,
//    the from-scratch QA and relation models) fall back to a hashed TF-IDF bag of words of the text
//    (jobs/HashedTextEmbedding.h). The reason says which was used.

#include <QString>
#include <QVector>
#include <cstdint>

#include "common/Error.h"
#include "store/ProjectStore.h"
#include "suggest/UncertaintyScores.h"

namespace quarry::jobs {

enum class QueueStrategy { LeastConfidence, Margin, Entropy, Mnlp, Diversity };

struct QueueOptions {
  QueueStrategy strategy = QueueStrategy::Entropy;  // how the pool is ordered (above)
  int batchSize = 0;                                // documents wanted; 0 = the whole pool
  qint64 runId = 0;                                 // the run's uncertainty rows; 0 = the newest run with any
  // Diversity: the score that picks each cluster's document and orders the batch.
  suggest::UncertaintyStrategy diversityScore = suggest::UncertaintyStrategy::Entropy;
  int embeddingDimensions = 512;  // diversity without the model's embedding: hashed bag-of-words buckets
  uint64_t seed = 42;             // diversity: k-means++ seeding
};

// One document of the queue.
struct QueuedDocument {
  qint64 documentId = 0;
  QString name;
  double score = 0;  // its uncertainty under the strategy (diversity: under diversityScore), 0..1
  QString reason;    // why it is here: the stored reason for that score; diversity: its cluster first
  int cluster = -1;  // diversity: 0-based cluster; -1 otherwise
};

// "least_confidence", "margin", "entropy", "mnlp", "diversity".
QString queueStrategyName(QueueStrategy strategy);
// The strategy of that name; an error naming the field "strategy" otherwise.
Result<QueueStrategy> queueStrategyFromName(const QString& name);

// The queue, most uncertain first (diversity: the batch ordered by score). Errors: no run has uncertainty
// rows (or runId has none), the store cannot be read, diversity's batch cannot be formed.
Result<QVector<QueuedDocument>> activeLearningQueue(ProjectStore& store, const QueueOptions& options);

}  // namespace quarry::jobs
