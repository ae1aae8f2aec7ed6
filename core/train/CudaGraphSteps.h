#pragma once
// The Trainer's step captured as CUDA graphs, one per staged batch shape (train/StagedBatch.h): the
// forward pass, the loss, backward, gradient clipping and the fused AdamW step are recorded once and then
// replayed as a single launch, instead of one launch per operator, which is what bounds a small encoder's
// step on a fast GPU (issue 17). torch.cuda.graph's whole-network recipe, per shape:
//  - the first `eagerRuns` batches of a shape run eagerly (real training steps: they allocate the
//    optimizer state and cuBLAS's workspace, and let the allocator settle);
//  - the next one is captured with its gradients dropped beforehand (backward writes them into the
//    graph's private memory pool, the captured AdamW reads them there) and the autocast weight cache off;
//  - from then on the batch's tensors are copied into the graph's static inputs and the graph replays.
// While a CudaGraphSteps lives, the device's current stream is a side stream of its own (a capture cannot
// run on the default stream); its destructor waits for that stream and gives the previous one back.
// Dropout stays per step: a replay draws from the CUDA generator's current seed and offset, which the
// Trainer seeds per batch as always.

#include <cstddef>
#include <functional>
#include <memory>

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include "common/Error.h"
#include "train/StagedBatch.h"

namespace quarry::train {

class CudaGraphSteps {
 public:
  // Whether steps on `device` can be captured by this build: a CUDA device, LibTorch 2.4 or later
  // built with CUDA (the tensor learning rate of the fused AdamW); the error names the field
  // cuda_graphs.
  static Status supported(const c10::Device& device);

  CudaGraphSteps(const c10::Device& device, int eagerRuns = 2);
  ~CudaGraphSteps();
  CudaGraphSteps(const CudaGraphSteps&) = delete;
  CudaGraphSteps& operator=(const CudaGraphSteps&) = delete;

  // One training step: forward, loss, backward, clipping, optimizer step on a device batch; returns
  // the loss.
  using Step = std::function<at::Tensor(const StagedBatch& batch)>;
  struct Outcome {
    at::Tensor loss;       // this step's loss (a tensor of its own, valid after the next step)
    bool hostRan = false;  // `step` ran on the host (eager or captured): false = a replay, which the
                           // host-side counters (FusedAdamW::countReplayedStep) must be told of
  };
  // `batch` on the device. `dropGradients` sets every parameter's gradient to none (before a capture).
  Outcome run(const StagedBatch& batch, const Step& step, const std::function<void()>& dropGradients);

  size_t graphCount() const;  // shapes captured so far
  size_t replays() const;     // steps that replayed a graph

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace quarry::train
