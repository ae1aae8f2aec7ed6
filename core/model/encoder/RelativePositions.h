#pragma once
// DeBERTa's relative positions: the distance i - j between query i and key j, log-bucketed beyond
// position_buckets / 2 as transformers' make_log_bucket_position and build_relative_position compute it
// (in float32, as torch does), and the rows of rel_embeddings the c2p and p2c terms gather for a length.

#include <cstdint>

#include <ATen/core/Tensor.h>

namespace quarry::model {

// make_log_bucket_position: |d| < bucketSize / 2 is kept, longer distances are mapped logarithmically
// so that maxPosition - 1 lands on bucketSize / 2 - 1 + bucketSize / 2. Any integer tensor -> int64.
at::Tensor logBucketPositions(const at::Tensor& relative, int64_t bucketSize, int64_t maxPosition);

// build_relative_position without the leading batch dimension: [querySize, keySize] int64 of i - j,
// bucketed when bucketSize > 0 and maxPosition > 0. On the CPU.
at::Tensor relativePositions(int64_t querySize, int64_t keySize, int64_t bucketSize, int64_t maxPosition);

// What a sequence of `length` tokens reads from a relative-embedding table of 2 * span rows: only rows
// first .. first + count - 1 are ever gathered, so the position projections are computed for those rows
// alone, and the indices below point into that window.
struct RelativePositionIndex {
  at::Tensor contentToPosition;  // [T,T] int64: (i, j) -> clamp(r(i,j) + span) - first (c2p)
  at::Tensor
      positionToContent;  // [T,T] int64: (j, i) -> clamp(-r(j,i) + span) - first (p2c, before its transpose)
  int64_t first = 0;      // first rel_embeddings row used
  int64_t count = 0;      // rows used
};

// For a self-attention over `length` tokens; indices are created on `device`.
RelativePositionIndex relativePositionIndex(int64_t length, int64_t span, int64_t bucketSize,
                                            int64_t maxPosition, const at::Device& device);

}  // namespace quarry::model
