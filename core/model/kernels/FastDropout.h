#pragma once
// Inverted dropout: each element is zeroed with probability p and the rest scaled by 1/(1-p), as
// torch.nn.functional.dropout. On CPU float32 the keep mask comes from a counter-based generator
// (splitmix64 of seed and position) in one parallel pass and is recomputed in backward rather than
// stored; the seed is drawn from ATen's default CPU generator, so runs repeat under at::manual_seed.
// ATen's own CPU dropout draws each Bernoulli serially, which cost a fifth of a training step.
// Elsewhere (CUDA, other dtypes, KernelBackend::Aten) this is at::dropout.

#include <ATen/core/Tensor.h>

namespace quarry::model {

// Identity when !training or p == 0. Differentiable.
at::Tensor fastDropout(const at::Tensor& x, double p, bool training);

}  // namespace quarry::model
