#pragma once
// Moving a batch's host-built tensors (ids, masks, labels, positions) to the model's device. On the CPU the
// tensor itself. On a GPU the copy goes from page-locked (pinned) memory and does not wait: the host goes
// on preparing the next batch and launching kernels while the device computes, instead of stalling at
// every step for the queue to drain (a copy from pageable memory waits for the stream).

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

namespace quarry::model {

// `host` (a CPU tensor the caller owns) on `device`.
at::Tensor hostToDevice(const at::Tensor& host, const c10::Device& device);

}  // namespace quarry::model
