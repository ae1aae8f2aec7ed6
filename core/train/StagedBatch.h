#pragma once
// A training batch laid out as tensors ahead of its step. A task model that can (TaskModel::canStage)
// builds them on the host from its cached inputs alone (no weights, no random generator), so the Trainer
// can build the next batches on a background thread (train/BatchPrefetcher.h) while the device computes;
// they reach the device by pinned, non-blocking copies, and the model's stagedLoss reads them there with
// no host read inside the step. With a fixed StageShape every batch of a bucket has the same tensor
// shapes, which is what a captured CUDA graph replays (train/CudaGraphSteps.h).

#include <cstdint>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

namespace quarry::train {

// The layout asked of stage(): 0 = the batch's own (its items, its longest item); otherwise at least
// this many rows and columns, the extra rows and columns padding that no loss or gradient sees.
struct StageShape {
  int64_t rows = 0;
  int64_t cols = 0;
};

struct StagedBatch {
  std::vector<int32_t> items;       // the batch's items, in order
  std::vector<at::Tensor> tensors;  // the model's inputs: host tensors from stage(), then on the device
  int64_t rows = 0;                 // laid-out rows (padding rows included)
  int64_t cols = 0;                 // laid-out columns

  // The tensors' shapes and types, e.g. "32x128:Long|32x128:Long": batches with equal keys can replay
  // the same captured step.
  std::string shapeKey() const;
  // Every tensor moved to `device` (model/kernels/HostToDevice.h: pinned and non-blocking on CUDA).
  void toDevice(const c10::Device& device);
};

}  // namespace quarry::train
