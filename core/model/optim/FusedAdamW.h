#pragma once
// AdamW (decoupled weight decay, Loshchilov & Hutter) with torch.optim.AdamW's arithmetic, amsgrad off.
// On CPU float32 each parameter is updated in one pass over (param, grad, exp_avg, exp_avg_sq)
// instead of torch's ~10 tensor passes and temporaries; elsewhere it runs torch's tensor ops.

#include <cstdint>
#include <vector>

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

namespace quarry::model {

struct AdamWOptions {
  double lr = 1e-3;           // learning rate
  double beta1 = 0.9;         // first-moment decay
  double beta2 = 0.999;       // second-moment decay
  double eps = 1e-8;          // added to sqrt(v̂)
  double weightDecay = 0.01;  // decoupled: p *= 1 - lr * weightDecay
};

struct AdamWGroup {
  std::vector<at::Tensor> parameters;  // leaf tensors that require grad
  AdamWOptions options;                // per group (layer-wise learning rates)
};

struct AdamWParamState {
  int64_t step = 0;      // updates applied to this parameter
  at::Tensor expAvg;     // first moment, undefined until the first update
  at::Tensor expAvgSq;   // second moment
  at::Tensor deviceStep;  // CUDA fused path: `step` as a float32 scalar on the device (made from `step`)
};

class FusedAdamW {
 public:
  explicit FusedAdamW(std::vector<AdamWGroup> groups);

  // Updates every parameter that has a gradient (others are skipped, their step unchanged).
  void step();

  // Drops the gradients (setToNone) or zeroes them in place.
  void zeroGrad(bool setToNone = true);

  // CUDA graphs (train/CudaGraphSteps.h): the CUDA fused kernel reads each group's learning rate from a
  // float32 tensor on `device` (LibTorch 2.4 and later), so that a captured step follows the schedule.
  // syncLearningRates copies every group's options.lr into its tensor; call it before each step, outside
  // any capture.
  void useDeviceLearningRates(const c10::Device& device);
  void syncLearningRates();
  // A replayed captured step updated the parameters on the device: the host-side step counts (saved in
  // checkpoints) are advanced to match, for every parameter the fused kernel updates.
  void countReplayedStep();

  std::vector<AdamWGroup>& groups() { return m_groups; }
  const std::vector<AdamWGroup>& groups() const { return m_groups; }
  // One per parameter, in group order then parameter order (for checkpoints).
  std::vector<AdamWParamState>& state() { return m_state; }

 private:
  std::vector<AdamWGroup> m_groups;
  std::vector<AdamWParamState> m_state;
  std::vector<at::Tensor> m_deviceRates;  // per group: its lr on the device (useDeviceLearningRates)
};

}  // namespace quarry::model
