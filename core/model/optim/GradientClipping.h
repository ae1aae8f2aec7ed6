#pragma once
// Gradient clipping by the total L2 norm of every gradient, as torch.nn.utils.clip_grad_norm_ does: the
// trainer's every step, and the encoder bench's so that its step is the peer's.

#include <ATen/core/Tensor.h>

#include <vector>

namespace quarry::model {

// Scales the gradients of `parameters` so that their total L2 norm is at most `maxNorm` (0: measure only);
// returns the norm before clipping. One host read of the norm, however many parameters, on the CPU; on a GPU
// none (the scaling stays on the device) and -1 is returned.
double clipGradientNorm(const std::vector<at::Tensor>& parameters, double maxNorm);

}  // namespace quarry::model
