#pragma once
// The linear-chain CRF's dynamic programs on scores that already carry any constraint penalty.
// Crf (Crf.h) is the module a model holds; these are its arithmetic, kept apart so that tests can
// compare the CPU kernels with the plain tensor-op versions and with brute force.
//
// Shapes: emissions [B,T,C] (float or double), lengths: one per row, 1 <= length <= T (the row's
// positions 0..length-1 are real), transitions [C,C] (from -> to), start [C], end [C], all of the
// emissions' dtype and device.

#include <cstdint>
#include <vector>

#include <ATen/core/Tensor.h>

namespace quarry::model {

// log Z per row, [B]. Differentiable in emissions, transitions, start and end. On the CPU the
// forward and backward passes are hand-written loops (forward-backward gives the gradient in one
// pass); elsewhere it is crfLogPartitionTensorOps.
at::Tensor crfLogPartition(const at::Tensor& emissions, const std::vector<int64_t>& lengths,
                           const at::Tensor& transitions, const at::Tensor& start, const at::Tensor& end);

// The same quantity by the forward algorithm in tensor ops (any device; autograd differentiates it).
at::Tensor crfLogPartitionTensorOps(const at::Tensor& emissions, const at::Tensor& mask,
                                    const at::Tensor& transitions, const at::Tensor& start,
                                    const at::Tensor& end);

// Score of the given tag sequences, [B]; positions at or past a row's length are ignored whatever
// their tag. Differentiable.
at::Tensor crfPathScore(const at::Tensor& emissions, const at::Tensor& tags, const at::Tensor& mask,
                        const at::Tensor& transitions, const at::Tensor& start, const at::Tensor& end);

// Best path per row (length = the row's length) and, when `scores` is given, its score. Ties go to
// the lower tag index. Computed on the CPU in double precision; no gradient.
std::vector<std::vector<int64_t>> crfViterbi(const at::Tensor& emissions, const std::vector<int64_t>& lengths,
                                             const at::Tensor& transitions, const at::Tensor& start,
                                             const at::Tensor& end, std::vector<double>* scores = nullptr);

// Posterior P(y_t = c | x), [B,T,C] in the emissions' dtype and device; 0 at and past a row's length.
// No gradient.
at::Tensor crfMarginals(const at::Tensor& emissions, const std::vector<int64_t>& lengths,
                        const at::Tensor& transitions, const at::Tensor& start, const at::Tensor& end);

// Row lengths of a left-aligned mask [B,T] (bool or integer): the number of true entries per row.
// Throws std::invalid_argument when a row is empty.
std::vector<int64_t> crfLengths(const at::Tensor& mask);

}  // namespace quarry::model
