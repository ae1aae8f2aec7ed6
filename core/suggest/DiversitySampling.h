#pragma once
// A diverse batch for active learning: the most uncertain documents would often all say the same thing, so
// the documents are clustered by their embeddings and each cluster gives its most uncertain document.
//
// k-means with k = the batch size, reproducible everywhere:
//  - every embedding is scaled to unit L2 length (a zero vector stays zero), so the squared L2 distance
//    used is 2 - 2 cos: clusters by direction, as cosine similarity would;
//  - k-means++ seeding driven by std::mt19937_64(seed), its draws turned into doubles by hand (no
//    std::uniform_*_distribution, whose results differ between standard libraries): the first centre a
//    uniformly drawn document, each further one drawn with probability proportional to its squared
//    distance to the nearest centre. When every document lies on a centre already (fewer distinct points
//    than k: duplicates) seeding stops, so there are fewer clusters than k, never two on one point;
//  - then Lloyd iterations, at most maxIterations, until no document changes cluster: each document to its
//    nearest centre (the lower cluster index on ties), each centre to the mean of its documents. A
//    cluster left empty takes the document farthest from its centre (the lowest index on ties) out of a
//    cluster of two or more; when no document is off its centre the empty cluster is dropped.
// So k >= the number of documents gives every distinct point its own cluster.
//
// The batch: per cluster its most uncertain document (the lowest index on ties), ordered by score
// descending, then by document index.

#include <cstdint>
#include <string>
#include <vector>

#include "common/Error.h"

namespace quarry::suggest {

struct DiversityOptions {
  int32_t batchSize = 10;      // k: documents wanted (fewer come back when there are fewer distinct points)
  uint64_t seed = 42;          // the k-means++ seeding's random engine
  int32_t maxIterations = 50;  // Lloyd iterations at most
};

// One document of the batch.
struct BatchPick {
  int32_t document = 0;     // index into the embeddings and scores given
  double score = 0.0;       // its uncertainty score
  int32_t cluster = 0;      // 0-based cluster index
  int32_t clusterSize = 0;  // documents in that cluster
  std::string reason;       // "most uncertain of cluster 4 of 10 (12 documents)" (cluster + 1)
};

// Cluster indexes (0..clusters-1) of the documents, as described above. Embeddings: one per document, all
// of the same dimension, finite. Error (field "embeddings") when they are not, or (field "batchSize") when
// k < 1.
Result<std::vector<int32_t>> kMeansClusters(const std::vector<std::vector<float>>& embeddings,
                                            const DiversityOptions& options);

// The batch. `scores[i]` is document i's uncertainty (UncertaintyScores.h). Errors as kMeansClusters, and
// (field "scores") when scores and embeddings differ in number or a score is not finite. No documents give an
// empty batch.
Result<std::vector<BatchPick>> diverseBatch(const std::vector<std::vector<float>>& embeddings,
                                            const std::vector<double>& scores,
                                            const DiversityOptions& options);

}  // namespace quarry::suggest
