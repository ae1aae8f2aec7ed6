#include "suggest/DiversitySampling.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

namespace quarry::suggest {

namespace {

using Point = std::vector<double>;

// A double in [0, 1) from the engine's top 53 bits: the same on every standard library.
double uniform01(std::mt19937_64& engine) { return static_cast<double>(engine() >> 11) * 0x1.0p-53; }

double squaredDistance(const Point& a, const Point& b) {
  double d = 0.0;
  for (size_t i = 0; i < a.size(); ++i) d += (a[i] - b[i]) * (a[i] - b[i]);
  return d;
}

Point unitLength(const std::vector<float>& v) {
  Point p(v.begin(), v.end());
  double norm = 0.0;
  for (const double x : p) norm += x * x;
  norm = std::sqrt(norm);
  if (norm > 0.0) {
    for (double& x : p) x /= norm;
  }
  return p;
}

Status checkEmbeddings(const std::vector<std::vector<float>>& embeddings, const DiversityOptions& options) {
  if (options.batchSize < 1) {
    return Error("the batch size must be at least 1, not " + std::to_string(options.batchSize), {}, 0,
                 "batchSize");
  }
  for (size_t i = 0; i < embeddings.size(); ++i) {
    if (embeddings[i].size() != embeddings[0].size()) {
      return Error("embedding " + std::to_string(i) + " has " + std::to_string(embeddings[i].size()) +
                       " dimensions, embedding 0 has " + std::to_string(embeddings[0].size()),
                   {}, 0, "embeddings");
    }
    for (const float x : embeddings[i]) {
      if (!std::isfinite(x)) {
        return Error("embedding " + std::to_string(i) + " holds a value that is not finite", {}, 0,
                     "embeddings");
      }
    }
  }
  return {};
}

// k-means++ seeding: at most k centres, all on distinct points.
std::vector<Point> seedCentres(const std::vector<Point>& points, size_t k, uint64_t seed) {
  std::mt19937_64 engine(seed);
  const size_t n = points.size();
  std::vector<Point> centres;
  centres.push_back(points[std::min(n - 1, static_cast<size_t>(uniform01(engine) * static_cast<double>(n)))]);
  std::vector<double> nearest(n);
  for (size_t i = 0; i < n; ++i) nearest[i] = squaredDistance(points[i], centres[0]);
  while (centres.size() < k) {
    double total = 0.0;
    for (const double d : nearest) total += d;
    if (!(total > 0.0)) break;  // every point lies on a centre
    const double target = uniform01(engine) * total;
    double cumulative = 0.0;
    size_t pick = n;
    for (size_t i = 0; i < n; ++i) {
      if (nearest[i] <= 0.0) continue;
      cumulative += nearest[i];
      pick = i;  // the last candidate, should rounding leave the target above every cumulative sum
      if (cumulative > target) break;
    }
    centres.push_back(points[pick]);
    for (size_t i = 0; i < n; ++i)
      nearest[i] = std::min(nearest[i], squaredDistance(points[i], centres.back()));
  }
  return centres;
}

std::vector<int32_t> assignToNearest(const std::vector<Point>& points, const std::vector<Point>& centres) {
  std::vector<int32_t> assignment(points.size(), 0);
  for (size_t i = 0; i < points.size(); ++i) {
    double best = squaredDistance(points[i], centres[0]);
    for (size_t c = 1; c < centres.size(); ++c) {
      const double d = squaredDistance(points[i], centres[c]);
      if (d < best) {
        best = d;
        assignment[i] = static_cast<int32_t>(c);
      }
    }
  }
  return assignment;
}

// Centres to the means of their documents; an empty cluster takes the document farthest from its centre
// out of a cluster of two or more, or is dropped (the assignment renumbered) when none is off its centre.
void updateCentres(const std::vector<Point>& points, std::vector<int32_t>& assignment,
                   std::vector<Point>& centres) {
  const size_t dim = points[0].size();
  std::vector<int32_t> sizes(centres.size(), 0);
  std::vector<Point> sums(centres.size(), Point(dim, 0.0));
  for (size_t i = 0; i < points.size(); ++i) {
    ++sizes[assignment[i]];
    for (size_t j = 0; j < dim; ++j) sums[assignment[i]][j] += points[i][j];
  }
  for (size_t c = 0; c < centres.size(); ++c) {
    if (sizes[c] == 0) continue;
    for (size_t j = 0; j < dim; ++j) centres[c][j] = sums[c][j] / sizes[c];
  }
  std::vector<bool> dropped(centres.size(), false);
  for (size_t c = 0; c < centres.size(); ++c) {
    if (sizes[c] > 0) continue;
    size_t farthest = points.size();
    double farthestDistance = 0.0;
    for (size_t i = 0; i < points.size(); ++i) {
      const double d = squaredDistance(points[i], centres[assignment[i]]);
      if (sizes[assignment[i]] >= 2 && d > farthestDistance) {
        farthest = i;
        farthestDistance = d;
      }
    }
    if (farthest == points.size()) {
      dropped[c] = true;
      continue;
    }
    --sizes[assignment[farthest]];
    assignment[farthest] = static_cast<int32_t>(c);
    sizes[c] = 1;
    centres[c] = points[farthest];
  }
  std::vector<int32_t> renumbered(centres.size(), -1);
  std::vector<Point> kept;
  for (size_t c = 0; c < centres.size(); ++c) {
    if (dropped[c]) continue;
    renumbered[c] = static_cast<int32_t>(kept.size());
    kept.push_back(std::move(centres[c]));
  }
  centres = std::move(kept);
  for (int32_t& a : assignment) a = renumbered[a];
}

// Cluster indexes renumbered 0..m-1 in their order, leaving out those without documents.
void compact(std::vector<int32_t>& assignment, size_t clusters) {
  std::vector<int32_t> used(clusters, 0);
  for (const int32_t a : assignment) used[a] = 1;
  std::vector<int32_t> index(clusters, 0);
  int32_t next = 0;
  for (size_t c = 0; c < clusters; ++c) {
    if (used[c]) index[c] = next++;
  }
  for (int32_t& a : assignment) a = index[a];
}

}  // namespace

Result<std::vector<int32_t>> kMeansClusters(const std::vector<std::vector<float>>& embeddings,
                                            const DiversityOptions& options) {
  if (Status ok = checkEmbeddings(embeddings, options); !ok) return ok.error();
  if (embeddings.empty()) return std::vector<int32_t>{};
  std::vector<Point> points;
  points.reserve(embeddings.size());
  for (const std::vector<float>& e : embeddings) points.push_back(unitLength(e));

  const size_t k = std::min(points.size(), static_cast<size_t>(options.batchSize));
  std::vector<Point> centres = seedCentres(points, k, options.seed);
  std::vector<int32_t> assignment = assignToNearest(points, centres);
  for (int32_t iteration = 0; iteration < options.maxIterations; ++iteration) {
    updateCentres(points, assignment, centres);
    std::vector<int32_t> next = assignToNearest(points, centres);
    if (next == assignment) break;
    assignment = std::move(next);
  }
  compact(assignment, centres.size());
  return assignment;
}

Result<std::vector<BatchPick>> diverseBatch(const std::vector<std::vector<float>>& embeddings,
                                            const std::vector<double>& scores,
                                            const DiversityOptions& options) {
  if (scores.size() != embeddings.size()) {
    return Error(
        std::to_string(scores.size()) + " scores for " + std::to_string(embeddings.size()) + " embeddings",
        {}, 0, "scores");
  }
  for (size_t i = 0; i < scores.size(); ++i) {
    if (!std::isfinite(scores[i])) {
      return Error("the score of document " + std::to_string(i) + " is not finite", {}, 0, "scores");
    }
  }
  Result<std::vector<int32_t>> clusters = kMeansClusters(embeddings, options);
  if (!clusters) return clusters.error();
  const std::vector<int32_t>& assignment = *clusters;
  const int32_t clusterCount =
      assignment.empty() ? 0 : *std::max_element(assignment.begin(), assignment.end()) + 1;

  std::vector<BatchPick> picks(clusterCount);
  std::vector<bool> filled(clusterCount, false);
  for (size_t i = 0; i < assignment.size(); ++i) {
    BatchPick& p = picks[assignment[i]];
    ++p.clusterSize;
    if (!filled[assignment[i]] || scores[i] > p.score) {
      filled[assignment[i]] = true;
      p.document = static_cast<int32_t>(i);
      p.score = scores[i];
      p.cluster = assignment[i];
    }
  }
  for (BatchPick& p : picks) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "most uncertain of cluster %d of %d (%d document%s)", p.cluster + 1,
                  clusterCount, p.clusterSize, p.clusterSize == 1 ? "" : "s");
    p.reason = buf;
  }
  std::stable_sort(picks.begin(), picks.end(), [](const BatchPick& a, const BatchPick& b) {
    return a.score != b.score ? a.score > b.score : a.document < b.document;
  });
  return picks;
}

}  // namespace quarry::suggest
